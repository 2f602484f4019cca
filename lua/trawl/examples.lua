--- Rule examples: each rule may carry texts with the extractions they must
-- give. The whole rule set runs on each text (later phases depend on
-- earlier ones); the extractions of the rule's type are compared with the
-- expected ones, by text and by every field the example names.
local json = require "trawl.json"

local examples = {}

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) == "table" then return json.encode(v) end
  return tostring(v)
end

local function describe(x, keys)
  local parts = {}
  for _, k in ipairs(keys) do
    if x[k] ~= nil then parts[#parts + 1] = k .. "=" .. show(x[k]) end
  end
  local fields = #parts > 0 and " {" .. table.concat(parts, ", ") .. "}" or ""
  return string.format("%s %s%s", x.type, show(x.text), fields)
end

local function field_keys(x)
  local keys = {}
  for k in pairs(x) do
    if k ~= "text" and k ~= "type" and k ~= "doc" and k ~= "rule" then
      keys[#keys + 1] = k
    end
  end
  table.sort(keys)
  return keys
end

-- an example is { text = ..., expect = {...}, partial = bool } or the short
-- form { "text", {...} }
local function normalize(ex)
  return {
    text = ex.text or ex[1],
    expect = ex.expect or ex[2] or {},
    partial = ex.partial,
  }
end

-- compare one expected extraction with the one found; returns a list of
-- differences ("value is 5000, want 50000")
local function differences(want, got)
  local diffs = {}
  for _, k in ipairs(field_keys(want)) do
    local w, g = want[k], got[k]
    local same = w == g
    if type(w) == "number" and type(g) == "number" then
      same = math.abs(w - g) <= 1e-9 * math.max(1, math.abs(w))
    elseif w == false and g == nil then
      same = true   -- `field = false` asks for the field to be absent
    end
    if not same then
      diffs[#diffs + 1] = string.format("%s is %s, want %s", k, show(g), show(w))
    end
  end
  return diffs
end

--- Check one example of `rule` with `run(text) -> extractions`.
-- Returns nil when it holds, or a list of lines saying what differs.
function examples.check(rule, ex, run)
  ex = normalize(ex)
  local found = {}
  for _, x in ipairs(run(ex.text)) do
    if x.type == rule.type then found[#found + 1] = x end
  end
  local lines, used = {}, {}
  for _, want in ipairs(ex.expect) do
    want = type(want) == "string" and { text = want } or want
    want.type = want.type or rule.type
    local hit
    for i, got in ipairs(found) do
      if not used[i] and got.text == want.text and got.type == want.type
          and (want.start == nil or want.start == got.start) then
        hit = i
        break
      end
    end
    if not hit then
      lines[#lines + 1] = "- missing    " .. describe(want, field_keys(want))
    else
      used[hit] = true
      for _, d in ipairs(differences(want, found[hit])) do
        lines[#lines + 1] = string.format("~ %s %s: %s", want.type, show(want.text), d)
      end
    end
  end
  if not ex.partial then
    for i, got in ipairs(found) do
      if not used[i] then
        lines[#lines + 1] = "+ unexpected " .. describe(got, field_keys(got))
      end
    end
  end
  if #lines == 0 then return nil end
  table.insert(lines, 1, "text: " .. show(ex.text))
  return lines
end

--- Run every example of every rule. Returns passed, failed and a list of
-- failures { rule, index, where, lines }.
function examples.run_all(rules, run)
  local passed, failures = 0, {}
  for _, rule in ipairs(rules) do
    for i, ex in ipairs(rule.examples) do
      local ok, lines = pcall(examples.check, rule, ex, run)
      if ok and lines == nil then
        passed = passed + 1
      else
        failures[#failures + 1] = {
          rule = rule.name, index = i, where = rule.where,
          lines = ok and lines or { "error: " .. tostring(lines) },
        }
      end
    end
  end
  return passed, #failures, failures
end

return examples
