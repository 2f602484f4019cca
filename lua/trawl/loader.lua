--- Loading rule files. Each file runs in a sandbox of its own and declares
-- rules (`rule {}`), phrase lists (`list {}`) and phases (`phase {}`);
-- matchers are compiled here, once. Errors name the rule file and line,
-- and for patterns the column, with the pattern line and a caret.
local core = require "trawl.core"
local budget = require "trawl.budget"

local loader = {}

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

-- The globals a rule file sees: an allow-list, so nothing reaches io, os,
-- debug, package or load. Library tables are copies: a rule that changes
-- `string.upper` changes only its own copy.
local safe_globals = {
  "assert", "error", "ipairs", "next", "pairs", "rawequal", "rawget",
  "rawlen", "rawset", "select", "tonumber", "tostring",
  "type",
}

--- Raised for problems in rule files: a message that starts with
-- "file:line:" and is shown as it is.
local function rule_error(where, fmt, ...)
  error({ rule_error = true, msg = where .. ": " .. string.format(fmt, ...) }, 0)
end

-- "file:line" of the caller of the function that called this one
local function caller(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?", 0 end
  local src = info.source:gsub("^@", "")
  return src .. ":" .. (info.currentline or 0), info.currentline or 0
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

--- Read a phrase-list file: one entry a line, `phrase<TAB>key=value...`;
-- `#` starts a comment line. Returns the entries as { phrase, key = value }.
function loader.read_phrases(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local entries, n = {}, 0
  for line in f:lines() do
    n = n + 1
    line = line:gsub("\r$", "")
    if line:find("%S") and not line:find("^%s*#") then
      local parts = {}
      for part in (line .. "\t"):gmatch("(.-)\t") do parts[#parts + 1] = part end
      local e = { (parts[1]:gsub("^%s+", ""):gsub("%s+$", "")) }
      for i = 2, #parts do
        local k, v = parts[i]:match("^%s*([%w_]+)=(.*)$")
        if not k then
          f:close()
          return nil, string.format("%s:%d: field '%s' is not key=value", path, n, parts[i])
        end
        e[k] = tonumber(v) or v
      end
      entries[#entries + 1] = e
    end
  end
  f:close()
  return entries
end

--- Read a word list: the phrases of a phrase file (read_phrases),
-- lower-cased, without duplicates, in file order, which are also keys of
-- the same table (`list[i]` and `list[word] == true`).
function loader.read_words(path)
  local entries, err = loader.read_phrases(path)
  if not entries then return nil, err end
  local list = {}
  for _, e in ipairs(entries) do
    local w = e[1]:lower()
    if w ~= "" and not list[w] then
      list[#list + 1] = w
      list[w] = true
    end
  end
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

-- where in the rule file a pattern error is: "file:line:col" and the source
-- line with a caret, when the pattern text stands in the file as written
local function locate(src, path, from_line, pattern, offset)
  local pos, line = 1, 1
  while line < from_line do
    local nl = src:find("\n", pos, true)
    if not nl then break end
    pos, line = nl + 1, line + 1
  end
  local at = src:find(pattern, pos, true)
  if not at then return nil end
  local abs = at + offset
  local lstart, lno = 1, 1
  for nl in src:sub(1, abs - 1):gmatch("()\n") do lstart, lno = nl + 1, lno + 1 end
  local lend = (src:find("\n", abs, true) or #src + 1) - 1
  local text = src:sub(lstart, lend)
  local col = abs - lstart + 1
  local pad = text:sub(1, col - 1):gsub("[^\t]", " ")
  return string.format("%s:%d:%d", path, lno, col), text .. "\n" .. pad .. "^"
end

-- the caret display for a pattern that is not in the file verbatim
local function caret_in(pattern, offset)
  local lstart = 1
  for nl in pattern:sub(1, offset):gmatch("()\n") do lstart = nl + 1 end
  local lend = (pattern:find("\n", offset + 1, true) or #pattern + 1) - 1
  local text = pattern:sub(lstart, lend)
  return text .. "\n" .. text:sub(1, offset - lstart + 1):gsub("[^\t]", " ") .. "^"
end

local rule_fields = {
  name = "string", type = "string", regex = "string", flags = "string",
  pattern = "string", scan = "string", action = "function",
  phase = "string", priority = "number", output = "boolean",
  examples = "table", doc = "string",
}

local SCANNERS = { numbers = true }

-- the resolver of pattern names: @list and <type tests>
local function resolver(reg, where)
  return function(sigil, name, tests)
    if sigil == "@" then return reg:list_atom(name, where) end
    return reg:annotation_class(name, tests)
  end
end

local function compile_matcher(ctx, spec, r, where, line)
  local n = (spec.regex and 1 or 0) + (spec.pattern and 1 or 0) + (spec.scan and 1 or 0)
  if n == 0 then rule_error(where, "rule '%s' has no matcher (pattern, regex or scan)", spec.name) end
  if n > 1 then rule_error(where, "rule '%s' has more than one matcher", spec.name) end
  if spec.regex then
    local re, msg, offset = core.regex(spec.regex, spec.flags)
    if not re then
      local loc = locate(ctx.src, ctx.path, line, spec.regex, offset)
      if loc then rule_error(loc, "rule '%s': regex %s", spec.name, msg) end
      rule_error(where, "rule '%s': regex %s", spec.name, msg)
    end
    r.regex, r.groups = re, re:names()
    r.span_group = r.groups.span
  elseif spec.pattern then
    if spec.flags then rule_error(where, "rule '%s': flags are for regexes", spec.name) end
    -- compiled once every file is loaded (loader.compile_patterns), so that
    -- what a list name stands for does not depend on the order of files
    r.pattern_src, r.file_src = spec.pattern, ctx.src
  else
    if not SCANNERS[spec.scan] then
      rule_error(where, "rule '%s': unknown scan '%s' (numbers)", spec.name, spec.scan)
    end
    r.scan = spec.scan
  end
end

-- check a rule table and compile its matcher
local function compile_rule(ctx, spec, where, line)
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
  local phase, perr = ctx.registry:phase(spec.phase or "main")
  if not phase then rule_error(where, "%s", perr) end
  local r = {
    name = spec.name, type = spec.type, where = where, file = ctx.path,
    line = line, action = spec.action, phase = phase,
    priority = spec.priority or 0, output = spec.output ~= false,
    examples = spec.examples or {}, doc = spec.doc,
  }
  compile_matcher(ctx, spec, r, where, line)
  return r
end

local function define_list(ctx, spec, where)
  if type(spec) ~= "table" or type(spec.name) ~= "string" then
    rule_error(where, "list expects a table with a name")
  end
  for k in pairs(spec) do
    if k ~= "name" and k ~= "entries" and k ~= "file" and k ~= "accents" then
      rule_error(where, "list has an unknown field '%s'", tostring(k))
    end
  end
  local entries = spec.entries
  if spec.file then
    local file = spec.file:find("^/") and spec.file or dirname(ctx.path) .. "/" .. spec.file
    local err
    entries, err = loader.read_phrases(file)
    if not entries then rule_error(where, "list '%s': %s", spec.name, err) end
    for _, e in ipairs(spec.entries or {}) do entries[#entries + 1] = e end
  end
  if type(entries) ~= "table" then rule_error(where, "list '%s' has no entries or file", spec.name) end
  local l, err = ctx.registry:define_list(spec.name, entries, spec.accents == false, where)
  if not l then rule_error(where, "%s", err) end
  return l
end

-- the environment of one rule file; declared rules go into ctx.rules
local function sandbox(ctx)
  local env = {}
  for _, name in ipairs(safe_globals) do env[name] = _G[name] end
  env.pcall, env.xpcall = budget.pcall, budget.xpcall
  -- finalizers run with hooks off: one that loops would escape the budget
  env.setmetatable = function(t, mt)
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
      error("rules may not set __gc", 2)
    end
    return setmetatable(t, mt)
  end
  env.unpack = table.unpack or unpack  -- luacheck: ignore 143
  env.string, env.table, env.math = copy(string), copy(table), copy(math)
  if utf8 then env.utf8 = copy(utf8) end
  env._G = env
  env.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    io.stderr:write((caller(2)), ": ", table.concat(parts, "\t"), "\n")
  end
  -- number("1.5 million") -> 1500000, and the whole reading as a table
  env.number = function(text)
    local n = core.number(text)
    return n and (n.value or n.min), n
  end
  env.alt = loader.alternation
  env.rule = function(spec)
    local where, line = caller(2)
    local r = compile_rule(ctx, spec, where, line)
    ctx.rules[#ctx.rules + 1] = r
    return r
  end
  env.list = function(spec) return define_list(ctx, spec, (caller(2))) end
  env.phase = function(spec)
    local where = caller(2)
    if type(spec) ~= "table" or type(spec.name) ~= "string" then
      rule_error(where, "phase expects a table with a name")
    end
    if spec.order ~= nil and type(spec.order) ~= "number" then
      rule_error(where, "phase '%s': order must be a number", spec.name)
    end
    local p, err = ctx.registry:phase(spec.name, spec.order, spec.policy, where)
    if not p then rule_error(where, "%s", err) end
    return p
  end
  -- entries "file": a phrase file as { phrase, field = value }, the format
  -- list { file = } reads, for rules that look entries up in Lua
  env.entries = function(name)
    local file = name:find("^/") and name or dirname(ctx.path) .. "/" .. name
    local list, err = loader.read_phrases(file)
    if not list then rule_error((caller(2)), "entries: %s", err) end
    return list
  end
  env.words = function(name)
    local file = name:find("^/") and name or dirname(ctx.path) .. "/" .. name
    local set, err = loader.read_words(file)
    if not set then rule_error((caller(2)), "words: %s", err) end
    return set
  end
  return env
end

--- Compile the token patterns of rules loaded since the last call.
-- Returns true, or nil and a message naming the file, line and column.
function loader.compile_patterns(rules, registry)
  for _, r in ipairs(rules) do
    if r.pattern_src and not r.pattern then
      local p, msg, offset = core.pattern(r.pattern_src, resolver(registry, r.where))
      if not p then
        local loc, show = locate(r.file_src, r.file, r.line, r.pattern_src, offset)
        return nil, string.format("%s: rule '%s': pattern %s%s\n%s", loc or r.where, r.name,
          loc and "" or ("at offset " .. offset .. ": "), msg, show or caret_in(r.pattern_src, offset))
      end
      r.pattern, r.file_src = p, nil
      r.group_names, r.group_index = p:groups(), {}
      for i, g in ipairs(r.group_names) do r.group_index[g] = i end
      r.span_group = r.group_index.span
    end
  end
  return true
end

--- Load one rule file into registry; returns its rules, or nil and a message.
function loader.load_file(path, registry)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local src = f:read("*a")
  f:close()
  local ctx = { path = path, src = src, registry = registry, rules = {} }
  local chunk, msg = load(src, "@" .. path, "t", sandbox(ctx))
  if not chunk then return nil, msg end
  budget.jit_off(chunk)
  local ok, e = pcall(chunk)
  if not ok then
    if type(e) == "table" and e.rule_error then return nil, e.msg end
    return nil, tostring(e)
  end
  return ctx.rules
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
