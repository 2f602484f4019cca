--- The names a rule set shares across its files: phrase lists, phases and
-- annotation classes. A class is a small integer that the C store and
-- patterns use for "spans of list L" or "annotations of type T whose
-- fields pass these tests"; this module gives them out and keeps what each
-- one means.
local core = require "trawl.core"

local registry = {}
registry.__index = registry

function registry.new()
  return setmetatable({
    nclasses = 0,
    class_info = {},     -- class -> { kind = "list"|"type", ... }
    lists = {},          -- name -> list record
    list_by_id = {},     -- gazetteer list id -> list record
    types = {},          -- type -> { class, ... } classes of annotations
    by_key = {},         -- "type\0tests" -> class
    phases = {},         -- name -> phase record
    gazetteer = nil,     -- created with the first list
  }, registry)
end

local function new_class(self, info)
  local c = self.nclasses
  self.nclasses = c + 1
  self.class_info[c] = info
  return c
end

-- field tests of <type tests> -------------------------------------------

local function parse_value(s)
  if s == "true" then return true end
  if s == "false" then return false end
  local q = s:match('^"(.*)"$') or s:match("^'(.*)'$")
  if q then return q end
  return tonumber(s) or s
end

local compare = {
  ["="] = function(a, b) return a == b end,
  ["!="] = function(a, b) return a ~= b end,
  [">"] = function(a, b) return type(a) == "number" and a > b end,
  [">="] = function(a, b) return type(a) == "number" and a >= b end,
  ["<"] = function(a, b) return type(a) == "number" and a < b end,
  ["<="] = function(a, b) return type(a) == "number" and a <= b end,
}

-- split tests on white space outside quotes; returns terms and offsets
local function terms_of(tests)
  local terms, i, n = {}, 1, #tests
  while i <= n do
    local s = tests:find("%S", i)
    if not s then break end
    local j, q = s, nil
    while j <= n do
      local c = tests:sub(j, j)
      if q then
        if c == q then q = nil end
      elseif c == '"' or c == "'" then
        q = c
      elseif c:find("%s") then
        break
      end
      j = j + 1
    end
    terms[#terms + 1] = { text = tests:sub(s, j - 1), at = s - 1 }
    i = j
  end
  return terms
end

--- Compile "field=a|b value>=1000 !vague" into a predicate on a fields
-- table; returns it, or nil, message, offset.
function registry.tests(tests)
  local checks = {}
  for _, term in ipairs(terms_of(tests or "")) do
    local t = term.text
    local neg, field = t:match("^(!?)([%a_][%w_]*)$")
    if field then
      if neg == "!" then
        checks[#checks + 1] = function(f) return not f[field] end
      else
        checks[#checks + 1] = function(f) return f[field] ~= nil and f[field] ~= false end
      end
    else
      local name, op, value = t:match("^([%a_][%w_]*)([!<>]?=?)(.+)$")
      if not name or not compare[op] then
        return nil, "bad field test '" .. t .. "'", term.at
      end
      local cmp = compare[op]
      local alts = {}
      for v in (value .. "|"):gmatch("(.-)|") do alts[#alts + 1] = parse_value(v) end
      if op ~= "=" and #alts > 1 then
        return nil, "only = takes alternatives: '" .. t .. "'", term.at
      end
      if op ~= "=" and op ~= "!=" and type(alts[1]) ~= "number" then
        return nil, "'" .. op .. "' needs a number: '" .. t .. "'", term.at
      end
      if op == "=" then   -- one lookup, however many alternatives
        local set = {}
        for _, want in ipairs(alts) do set[want] = true end
        checks[#checks + 1] = function(f)
          local v = f[name]
          return v ~= nil and set[v] == true
        end
      else
        local want = alts[1]
        checks[#checks + 1] = function(f) return cmp(f[name], want) end
      end
    end
  end
  if #checks <= 1 then   -- (most classes test one field, or none)
    return checks[1] or function() return true end
  end
  return function(f)
    for i = 1, #checks do
      if not checks[i](f) then return false end
    end
    return true
  end
end

--- The class of `<type tests>`, made on first use.
function registry:annotation_class(typ, tests)
  tests = tests or ""
  local key = typ .. "\0" .. tests:gsub("^%s+", ""):gsub("%s+$", "")
  local c = self.by_key[key]
  if c then return c end
  local pred, msg, at = registry.tests(tests)   -- offsets in tests as written
  if not pred then return nil, msg, at end
  c = new_class(self, { kind = "type", type = typ, tests = tests, pred = pred })
  self.by_key[key] = c
  local list = self.types[typ]
  if not list then list = {}; self.types[typ] = list end
  list[#list + 1] = c
  return c
end

-- phrase lists -----------------------------------------------------------

--- The record of list `name`, made (empty, undefined) on first mention so
-- that patterns may name lists defined later; `defined` says whether a
-- list{} declared it.
function registry:list(name)
  local l = self.lists[name]
  if not l then
    local id = #self.list_by_id + 1
    l = { name = name, id = id, entries = {}, defined = false }
    l.class = new_class(self, { kind = "list", list = l })
    self.lists[name] = l
    self.list_by_id[id] = l
  end
  return l
end

--- Declare list `name` with entries (strings or { phrase, field = ... }).
-- Returns the list, or nil and a message.
function registry:define_list(name, entries, accents_insensitive, where)
  local l = self:list(name)
  if l.defined then
    return nil, string.format("list '%s' is already defined at %s", name, l.where)
  end
  l.defined, l.where, l.noaccents = true, where, accents_insensitive and true or false
  self.gazetteer = self.gazetteer or core.gazetteer()
  for i, e in ipairs(entries) do
    local phrase = type(e) == "table" and e[1] or e
    if type(phrase) ~= "string" then
      return nil, string.format("list '%s': entry %d has no phrase", name, i)
    end
    local fields = {}
    if type(e) == "table" then
      for k, v in pairs(e) do if k ~= 1 then fields[k] = v end end
    end
    fields.phrase = phrase
    l.entries[i] = fields
    local ok, err = self.gazetteer:add(l.id, i, phrase, l.noaccents)
    if not ok then return nil, string.format("list '%s', entry %d: %s", name, i, err) end
  end
  return l
end

--- Lists named by patterns but never defined: a message, or nil.
function registry:undefined_lists()
  local missing = {}
  for name, l in pairs(self.lists) do
    if not l.defined then missing[#missing + 1] = name .. " (used at " .. (l.used_at or "?") .. ")" end
  end
  if #missing == 0 then return nil end
  table.sort(missing)
  return "undefined list: " .. table.concat(missing, ", ")
end

--- classes[list id] for core gazetteer matching: -1 for lists that no
-- pattern matches as spans (those were spliced as word sets)
function registry:list_classes()
  local t = {}
  for id, l in ipairs(self.list_by_id) do t[id] = l.as_spans and l.class or -1 end
  return t
end

-- the pattern text of a word set for list l, or nil when it cannot be one:
-- every entry a single token and no fields, matched with accents
local function word_set(l)
  if not l.defined or l.noaccents or #l.entries == 0 then return nil end
  local words = {}
  for i, e in ipairs(l.entries) do
    if next(e, nil) ~= "phrase" or next(e, "phrase") ~= nil then return nil end
    local w = e.phrase
    if #core.tokenize(w) ~= 1 then return nil end
    local q = not w:find("'", 1, true) and "'" or not w:find('"', 1, true) and '"'
    if not q then return nil end
    words[i] = q .. w .. q
  end
  return "(" .. table.concat(words, " | ") .. ")"
end

--- What a pattern's `@name` stands for: a word set (pattern text) when the
-- list is defined already and holds single words without fields, which
-- tests faster than spans; otherwise the list's class, matched as spans
-- (the list may be defined later).
function registry:list_atom(name, where)
  local l = self:list(name)
  l.used_at = l.used_at or where
  if l.defined and l.set_text == nil then l.set_text = word_set(l) or false end
  local text = l.defined and l.set_text
  if text then return text end
  l.as_spans = true
  return l.class
end

-- phases -----------------------------------------------------------------

local POLICIES = { appelt = true, all = true }

--- Declare or look up a phase. Phases run by `order`, then name, whatever
-- the order in which rule files were loaded.
function registry:phase(name, order, policy, where)
  if policy and not POLICIES[policy] then
    return nil, string.format("phase '%s': policy must be 'appelt' or 'all', not '%s'", name, policy)
  end
  local p = self.phases[name]
  if p then
    if (order and p.explicit and order ~= p.order) or (policy and p.explicit and policy ~= p.policy) then
      return nil, string.format("phase '%s' is already declared at %s with order %s, policy %s",
        name, p.where, tostring(p.order), p.policy)
    end
    if order or policy then
      p.order, p.policy = order or p.order, policy or p.policy
      p.explicit, p.where = true, where
    end
    return p
  end
  p = { name = name, order = order or 50, policy = policy or "appelt",
        explicit = order ~= nil or policy ~= nil, where = where }
  self.phases[name] = p
  return p
end

--- The phases in running order.
function registry:phase_list()
  local list = {}
  for _, p in pairs(self.phases) do list[#list + 1] = p end
  table.sort(list, function(a, b)
    if a.order ~= b.order then return a.order < b.order end
    return a.name < b.name
  end)
  return list
end

return registry
