--- Loading rule files: each runs in a sandbox of its own and declares
-- rules with `rule { ... }`; the result is a list of checked, compiled
-- rules. Errors name the rule file and line.
local core = require "trawl.core"
local number = require "trawl.number"

local loader = {}

-- The globals a rule file sees: an allow-list, so nothing reaches io, os,
-- debug, package or load. Library tables are copies: a rule that changes
-- `string.upper` changes only its own copy.
local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local safe_globals = {
  "assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal",
  "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber",
  "tostring", "type", "xpcall",
}

--- Raised for problems in rule files: a message that starts with
-- "file:line:" and is shown as it is.
local function rule_error(where, fmt, ...)
  error({ rule_error = true, msg = where .. ": " .. string.format(fmt, ...) }, 0)
end

-- "file:line" of the caller of the function that called this one
local function caller(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?" end
  local src = info.source:gsub("^@", "")
  return src .. ":" .. (info.currentline or 0)
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

--- Read a word list: one entry a line, `#` starts a comment line, blank
-- lines ignored. Returns the lower-cased entries in file order, which are
-- also keys of the same table (`list[i]` and `list[word] == true`).
function loader.read_words(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local list = {}
  for line in f:lines() do
    line = line:gsub("\r$", ""):gsub("^%s+", ""):gsub("%s+$", ""):lower()
    if line ~= "" and not line:find("^#") and not list[line] then
      list[#list + 1] = line
      list[line] = true
    end
  end
  f:close()
  return list
end

--- A regex alternation matching any of the words of a list, longest
-- first so that "fighter jets" wins over "fighter"; metacharacters are
-- escaped and white space matches any run of white space.
function loader.alternation(list)
  local sorted = {}
  for i, w in ipairs(list) do sorted[i] = w end
  table.sort(sorted, function(a, b)
    if #a ~= #b then return #a > #b end
    return a < b
  end)
  for i, w in ipairs(sorted) do
    sorted[i] = w:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?{}|\\]", "\\%0"):gsub("%s+", "\\s+")
  end
  return "(?:" .. table.concat(sorted, "|") .. ")"
end

local rule_fields = {
  name = "string", type = "string", regex = "string", flags = "string",
  action = "function", phase = "number", priority = "number",
  output = "boolean", examples = "table", doc = "string",
}

-- check a rule table and compile its matcher; `where` is its file:line
local function compile_rule(spec, where)
  if type(spec) ~= "table" then rule_error(where, "rule expects a table") end
  for k, v in pairs(spec) do
    local want = rule_fields[k]
    if not want then rule_error(where, "rule has an unknown field '%s'", tostring(k)) end
    if type(v) ~= want then
      rule_error(where, "rule field '%s' must be a %s, not a %s", k, want, type(v))
    end
  end
  if not spec.name then rule_error(where, "rule has no name") end
  if not spec.type then rule_error(where, "rule '%s' has no type", spec.name) end
  if not spec.regex then rule_error(where, "rule '%s' has no matcher (regex)", spec.name) end
  local re, msg = core.regex(spec.regex, spec.flags)
  if not re then
    rule_error(where, "rule '%s': regex %s", spec.name, msg)
  end
  local groups = re:names()
  return {
    name = spec.name, type = spec.type, where = where,
    regex = re, groups = groups, span_group = groups.span,
    action = spec.action, phase = spec.phase or 0,
    priority = spec.priority or 0, output = spec.output ~= false,
    examples = spec.examples or {}, doc = spec.doc,
  }
end

-- the environment of one rule file; declared rules go into `out`
local function sandbox(path, out)
  local env = {}
  for _, name in ipairs(safe_globals) do env[name] = _G[name] end
  env.unpack = table.unpack or unpack  -- luacheck: ignore 143
  env.string, env.table, env.math = copy(string), copy(table), copy(math)
  if utf8 then env.utf8 = copy(utf8) end
  env._G = env
  env.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    io.stderr:write(caller(2), ": ", table.concat(parts, "\t"), "\n")
  end
  env.number = number.parse
  env.alt = loader.alternation
  env.rule = function(spec)
    local r = compile_rule(spec, caller(2))
    out[#out + 1] = r
    return r
  end
  env.words = function(name)
    local file = name:find("^/") and name or dirname(path) .. "/" .. name
    local set, err = loader.read_words(file)
    if not set then rule_error(caller(2), "words: %s", err) end
    return set
  end
  return env
end

--- Load one rule file; returns its rules, or nil and a message.
function loader.load_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local src = f:read("*a")
  f:close()
  local rules = {}
  local chunk, msg = load(src, "@" .. path, "t", sandbox(path, rules))
  if not chunk then return nil, msg end
  local ok, e = pcall(chunk)
  if not ok then
    if type(e) == "table" and e.rule_error then return nil, e.msg end
    return nil, tostring(e)
  end
  return rules
end

--- The rule files a path names: the file itself, or every `*.lua` below a
-- folder, in sorted order so that loading is deterministic.
function loader.files(path, out)
  out = out or {}
  if core.isdir(path) then
    local entries, err = core.listdir(path)
    if not entries then return nil, err end
    for _, e in ipairs(entries) do
      local full = path:gsub("/$", "") .. "/" .. e.name
      if e.dir then
        local ok, ferr = loader.files(full, out)
        if not ok then return nil, ferr end
      elseif e.name:find("%.lua$") then
        out[#out + 1] = full
      end
    end
  else
    local f, err = io.open(path, "rb")
    if not f then return nil, err end
    f:close()
    out[#out + 1] = path
  end
  return out
end

return loader
