--- trawl: extract sources and military figures from news text with rules
-- written in Lua.
--
--     local trawl = require "trawl"
--     local rules = assert(trawl.load { "rules/" })
--     for _, x in ipairs(rules:run(text, "doc1")) do
--       print(x.type, x.start, x["end"], x.text)
--     end
--
-- Offsets are 0-based byte offsets, end-exclusive: `text:sub(x.start + 1,
-- x["end"])` is `x.text`.
local core = require "trawl.core"
local loader = require "trawl.loader"
local engine = require "trawl.engine"
local examples = require "trawl.examples"

local trawl = {
  version = core.version,
  core = core,
  tokenize = core.tokenize,   -- tokenize(text) -> tokens userdata
  regex = core.regex,         -- regex(pattern [, flags]) -> regex
  number = require("trawl.number").parse,
}

local RuleSet = {}
RuleSet.__index = RuleSet

local function by_phase(a, b)
  if a.phase ~= b.phase then return a.phase < b.phase end
  return a.order < b.order
end

--- Add the rules of a file or a folder (every `*.lua` below it, sorted).
-- Returns the rule set, or nil and a message naming the file and line.
function RuleSet:add(path)
  local files, err = loader.files(path)
  if not files then return nil, err end
  for _, file in ipairs(files) do
    local rules, lerr = loader.load_file(file)
    if not rules then return nil, lerr end
    for _, r in ipairs(rules) do
      local prev = self.by_name[r.name]
      if prev then
        return nil, string.format("%s: rule '%s' is already defined at %s",
          r.where, r.name, prev.where)
      end
      r.order = #self.list + 1
      self.list[r.order] = r
      self.by_name[r.name] = r
    end
    self.files[#self.files + 1] = file
  end
  table.sort(self.list, by_phase)
  return self
end

--- Run the rules over one document. Returns the output extractions in text
-- order, and a list of errors (each with doc, rule, where, offset and a
-- message that names them); an error in one rule does not stop the others.
function RuleSet:run(text, doc)
  assert(type(text) == "string", "run expects the document text")
  return engine.run(self.list, text, doc or "-")
end

--- The loaded rules, in the order they run.
function RuleSet:rules()
  return self.list
end

--- Check every rule's examples. Returns passed, failed, failures.
function RuleSet:test()
  return examples.run_all(self.list, function(text)
    local xs, errs = self:run(text, "example")
    if errs[1] then error(errs[1].message, 0) end
    return xs
  end)
end

--- An empty rule set.
function trawl.ruleset()
  return setmetatable({ list = {}, by_name = {}, files = {} }, RuleSet)
end

--- Load rules from a path or a list of paths (files or folders).
-- Returns a rule set, or nil and a message.
function trawl.load(paths)
  if type(paths) == "string" then paths = { paths } end
  local rs = trawl.ruleset()
  for _, p in ipairs(paths) do
    local ok, err = rs:add(p)
    if not ok then return nil, err end
  end
  return rs
end

--- The folder of the default rule packs shipped with trawl: `rules/` next
-- to this module's `lua/` folder (source tree, Neovim plugin, `make
-- install`), or the rule modules installed by LuaRocks.
function trawl.default_rules()
  local here = debug.getinfo(1, "S").source:gsub("^@", "")
  local root = here:match("^(.*)/lua/trawl/init%.lua$")
  if root and core.isdir(root .. "/rules") then return root .. "/rules" end
  local found = package.searchpath and package.searchpath("trawl.rules.sources", package.path)
  if found then return (found:gsub("/[^/]*$", "")) end
  return nil
end

return trawl
