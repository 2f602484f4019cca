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
local registry = require "trawl.registry"
local engine = require "trawl.engine"
local examples = require "trawl.examples"

local trawl = {
  version = core.version,
  core = core,
  tokenize = core.tokenize,   -- tokenize(text) -> tokens userdata
  regex = core.regex,         -- regex(pattern [, flags]) -> regex
  numbers = core.numbers,     -- numbers(text) -> every number expression
}

--- The value of a number expression ("1.5 million" -> 1500000), or nil.
function trawl.number(text)
  local n = core.number(text)
  return n and (n.value or n.min), n
end

local RuleSet = {}
RuleSet.__index = RuleSet

--- Add the rules of a file or a folder (every `*.lua` below it, sorted).
-- Returns the rule set, or nil and a message naming the file and line.
function RuleSet:add(path)
  local files, err = loader.files(path)
  if not files then return nil, err end
  for _, file in ipairs(files) do
    local rules, lerr = loader.load_file(file, self.registry)
    if not rules then return nil, lerr end
    for _, r in ipairs(rules) do
      local prev = self.by_name[r.name]
      if prev then
        return nil, string.format("%s: rule '%s' is already defined at %s",
          r.where, r.name, prev.where)
      end
      self.loaded[#self.loaded + 1] = r
      self.by_name[r.name] = r
    end
    self.files[#self.files + 1] = file
  end
  self.ready = false
  return self
end

-- Order the rules (phase order, then load order), give each its index and
-- build each phase's C matcher for its token patterns.
--- Compile the token patterns loaded so far (once every file is in, so
-- that lists may be defined after the rules that use them). Returns true,
-- or nil and a message.
function RuleSet:compile()
  local ok, err = loader.compile_patterns(self.loaded, self.registry)
  if not ok then return nil, err end
  local missing = self.registry:undefined_lists()
  if missing then return nil, missing end
  return true
end

function RuleSet:prepare()
  if self.ready then return end
  local ok, err = self:compile()
  if not ok then error(err, 0) end
  local phases = self.registry:phase_list()
  local rank = {}
  for i, p in ipairs(phases) do rank[p] = i end
  local list = {}
  for i, r in ipairs(self.loaded) do list[i] = r; r.load_order = i end
  table.sort(list, function(a, b)
    if a.phase ~= b.phase then return rank[a.phase] < rank[b.phase] end
    return a.load_order < b.load_order
  end)
  self.list = list
  self.phases = {}
  local by_phase = {}
  for _, p in ipairs(phases) do
    local ph = { name = p.name, policy = p.policy, regex_rules = {}, scan_rules = {}, direct = {} }
    by_phase[p] = ph
  end
  for i, r in ipairs(list) do
    r.index = i
    local ph = by_phase[r.phase]
    if r.pattern then
      ph.cphase = ph.cphase or core.phase()
      ph.cphase:add(r.pattern, i)
    elseif r.regex then
      ph.regex_rules[#ph.regex_rules + 1] = r
    else
      ph.scan_rules[#ph.scan_rules + 1] = r
    end
  end
  for _, p in ipairs(phases) do
    local ph = by_phase[p]
    if ph.cphase or #ph.regex_rules > 0 or #ph.scan_rules > 0 then
      self.phases[#self.phases + 1] = ph
    end
    -- scan rules without actions that alone make their type in the phase
    ph.direct = {}
    local makers = {}
    for _, r in ipairs(list) do
      if by_phase[r.phase] == ph then makers[r.type] = (makers[r.type] or 0) + 1 end
    end
    for _, r in ipairs(ph.scan_rules) do
      if not r.action and makers[r.type] == 1 then ph.direct[r] = true end
    end
  end
  self.list_classes = self.registry:list_classes()
  self.ready = true
end

--- Run the rules over one document. Returns the output extractions in text
-- order, and a list of errors (each with doc, rule, where, offset and a
-- message that names them); an error in one rule does not stop the others.
-- opts.profile: a table that collects per-rule counts (see :profile()).
function RuleSet:run(text, doc, opts)
  assert(type(text) == "string", "run expects the document text")
  self:prepare()
  if opts and opts.profile and not opts.profile[RuleSet] then
    -- a new profile: the C counters start from zero with it
    opts.profile[RuleSet] = true
    for _, ph in ipairs(self.phases) do
      if ph.cphase then ph.cphase:reset_stats() end
    end
  end
  local out, errors = engine.run(self, text, doc or "-", opts)
  return out, errors
end

--- The loaded rules, in the order they run.
function RuleSet:rules()
  self:prepare()
  return self.list
end

--- Check every rule's examples. Returns passed, failed, failures.
function RuleSet:test()
  self:prepare()
  return examples.run_all(self.list, function(text)
    local xs, errs = self:run(text, "example", { internal = true })
    if errs[1] then error(errs[1].message, 0) end
    return xs
  end)
end

--- Per-rule figures after runs with opts.profile = collected: a list, in
-- running order, of { rule, tries, matches, steps, nanos (C matching),
-- candidates, calls, action_time (seconds, Lua actions) }.
function RuleSet:profile(collected)
  self:prepare()
  local c_stats = {}
  for _, ph in ipairs(self.phases) do
    if ph.cphase then
      for _, s in ipairs(ph.cphase:stats()) do c_stats[s.rule] = s end
    end
  end
  local out = {}
  for i, r in ipairs(self.list) do
    local s, p = c_stats[i] or {}, collected[r] or {}
    out[i] = { rule = r.name, where = r.where, tries = s.tries, matches = s.matches,
               steps = s.steps, nanos = s.nanos, candidates = p.candidates or 0,
               calls = p.calls or 0, action_time = p.action_time or 0 }
  end
  return out
end

--- An empty rule set.
function trawl.ruleset()
  return setmetatable({
    loaded = {}, by_name = {}, files = {}, registry = registry.new(),
    store = core.store(), ready = false,
  }, RuleSet)
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
  local ok, err = rs:compile()
  if not ok then return nil, err end
  return rs
end

--- The folder of the default rule packs shipped with trawl: `rules/` next
-- to this module's `lua/` folder (source tree, Neovim plugin, `make
-- install`), or the rule files installed with the LuaRocks modules.
function trawl.default_rules()
  local here = debug.getinfo(1, "S").source:gsub("^@", "")
  local root = here:match("^(.*)/lua/trawl/init%.lua$")
  if not root and here:match("^lua/trawl/init%.lua$") then root = "." end
  if root and core.isdir(root .. "/rules") then return root .. "/rules" end
  local found = package.searchpath and package.searchpath("trawl.rules.sources", package.path)
  if found then return (found:gsub("/[^/]*$", "")) end
  return nil
end

trawl.RuleSet = RuleSet
return trawl
