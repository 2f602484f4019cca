--- Conformance of the number reader (trawl.core.numbers) with peer test
-- suites in JSON Lines (the format of peer-suites/numbers.jsonl).
--
--   lua5.4 tests/numbers_conformance.lua [--file NAME] [--verbose]
--          [--min PERCENT] CASES.jsonl
--
-- with LUA_PATH="lua/?.lua;lua/?/init.lua;;" LUA_CPATH="build/lua54/?.so;;".
-- --file keeps the cases whose `file` is NAME or ends in "/NAME"; --min
-- exits 1 when fewer than PERCENT of the cases are right.
--
-- A case is right when every expected item is found and nothing else is:
--   "number"       a number with the same span (num_start..end: without a
--                  comparator or currency sign) and value
--   "numberrange"  a range or comparator with the same whole span and
--                  bounds ("(20,35]"; brackets not compared)
--   "ordinal"      an ordinal with the same span and value
--   "percentage"   a percent with the same span and value
-- and no other cardinal or fraction was found (no other ordinal, percent
-- or range for the files of those models). Expected start/end count
-- characters of the input and are turned into byte offsets. Other
-- expected types (currency, dimension ...) are never found.
local core = require "trawl.core"
local json = require "trawl.json"

if type(core.numbers) ~= "function" then
  io.stderr:write("numbers_conformance.lua: trawl.core has no numbers() (is the binding built?)\n")
  os.exit(2)
end

local abs, max, huge = math.abs, math.max, math.huge
local concat, format = table.concat, string.format

local function usage(msg)
  io.stderr:write((msg and msg .. "\n" or ""),
    "usage: numbers_conformance.lua [--file NAME] [--verbose] [--min PERCENT] [--summary] CASES.jsonl\n")
  os.exit(2)
end

local function options(argv)
  local o = { verbose = false }
  local i = 1
  while i <= #argv do
    local a = argv[i]
    if a == "--verbose" or a == "-v" then
      o.verbose = true
    elseif a == "--summary" then
      o.summary = true
    elseif a == "--file" then
      i = i + 1
      o.file = argv[i] or usage("--file needs a NAME")
    elseif a == "--min" then
      i = i + 1
      o.min = tonumber(argv[i]) or usage("--min needs a number")
    elseif a:sub(1, 2) == "--" then
      usage("unknown option " .. a)
    elseif o.path then
      usage("one CASES.jsonl only")
    else
      o.path = a
    end
    i = i + 1
  end
  if not o.path then usage() end
  return o
end

-- byte offset of character offset c (0-based) in s; c itself when s is
-- not valid UTF-8
local function byteoff(s, c)
  local ok, b = pcall(utf8.offset, s, c + 1)
  if ok and b then return b - 1 end
  return c
end

local function close(a, b)
  if a == nil or b == nil then return a == b end
  if a == b then return true end
  return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
end

-- an expected value: "1234567", "1E-12", "20%", 0.5; nil if none
local function value(v)
  if type(v) == "number" then return v end
  if type(v) ~= "string" then return nil end
  return tonumber((v:gsub("%%$", "")))
end

-- "(20,35]", "[20,)" -> 20, 35 (nil for an open side)
local function interval(v)
  if type(v) ~= "string" then return nil end
  local lo, hi = v:match("^[%[%(]%s*([^,]*),%s*([^%]%)]*)[%]%)]$")
  if not lo then return nil end
  return true, tonumber(lo), tonumber(hi)
end

-- the bounds of a found number as a range: a range, or a comparator
local function bounds(f)
  if f.kind == "range" then return f.min, f.max end
  local v = f.value
  if f.qual == "gt" or f.qual == "ge" then return v, nil end
  if f.qual == "lt" or f.qual == "le" then return nil, v end
  return nil, nil
end

local matchers = {
  number = function(e, f)
    return f.num_start == e.bstart and f["end"] == e.bend and close(f.value, value(e.value))
  end,
  ordinal = function(e, f)
    return f.kind == "ordinal" and f.num_start == e.bstart and f["end"] == e.bend
      and close(f.value, value(e.value))
  end,
  percentage = function(e, f)
    return f.kind == "percent" and f.num_start == e.bstart and f["end"] == e.bend
      and close(f.value, value(e.value))
  end,
  numberrange = function(e, f)
    local ok, lo, hi = interval(e.value)
    if not ok or f.start ~= e.bstart or f["end"] ~= e.bend then return false end
    local flo, fhi = bounds(f)
    if flo == nil and fhi == nil then return false end
    return close(flo, lo) and close(fhi, hi)
  end,
}

-- the kinds that must not be found unless expected, by the model a case
-- file tests (Recognizers-Text file names); numbers by default
local checks = {
  { "OrdinalModel", { ordinal = true } },
  { "PercentModel", { percent = true } },
  { "NumberRangeModel", { range = true } },
}
local function checked_kinds(file)
  for _, c in ipairs(checks) do
    if (file or ""):find(c[1], 1, true) then return c[2] end
  end
  return { cardinal = true, fraction = true }
end

-- is the case right; the numbers found
local function judge(case)
  local input = case.input
  local found = core.numbers(input)
  local used = {}
  for _, e in ipairs(case.expected) do
    e.bstart, e.bend = byteoff(input, e.start), byteoff(input, e["end"])
    local m, hit = matchers[e.type], nil
    for k, f in ipairs(found) do
      if not used[k] and m and m(e, f) then hit = k; break end
    end
    if not hit then return false, found end
    used[hit] = true
  end
  local checked = checked_kinds(case.file)
  for k, f in ipairs(found) do
    if not used[k] and checked[f.kind] then return false, found end
  end
  return true, found
end

local function num(v)
  if v == nil then return "nil" end
  if v == huge or v == -huge or v ~= v then return tostring(v) end
  return format("%.15g", v)
end

local function show_expected(case)
  local out = {}
  for _, e in ipairs(case.expected) do
    out[#out + 1] = format("%s %q@%d-%d=%s", e.type, e.text or "", e.start, e["end"],
                           tostring(e.value))
  end
  return #out > 0 and concat(out, "; ") or "(none)"
end

local function show_found(input, found)
  local out = {}
  for _, f in ipairs(found) do
    local v = f.kind == "range" and (num(f.min) .. ".." .. num(f.max)) or num(f.value)
    out[#out + 1] = format("%s %q@%d-%d=%s%s%s", f.kind, input:sub(f.num_start + 1, f["end"]),
                           f.num_start, f["end"], v, f.qual and (" " .. f.qual) or "",
                           f.currency and (" " .. f.currency) or "")
  end
  return #out > 0 and concat(out, "; ") or "(none)"
end

local function keep(case, file)
  if not file then return true end
  local f = case.file or ""
  return f == file or f:sub(-#file - 1) == "/" .. file
end

local function main(argv)
  local o = options(argv)
  local fh, err = io.open(o.path, "r")
  if not fh then usage(err) end
  local total, right, lineno = 0, 0, 0
  for line in fh:lines() do
    lineno = lineno + 1
    if line:match("%S") then
      local case, jerr = json.decode(line)
      if not case then
        io.stderr:write(format("%s:%d: %s\n", o.path, lineno, jerr))
        os.exit(2)
      end
      if keep(case, o.file) then
        total = total + 1
        local ok, found = judge(case)
        if ok then
          right = right + 1
        elseif o.verbose then
          print(format("FAIL %s #%s: %q", case.file or "?", tostring(case.case), case.input))
          print("  expected: " .. show_expected(case))
          print("  got:      " .. show_found(case.input, found))
        end
      end
    end
  end
  fh:close()
  if total == 0 then io.stderr:write("no cases", o.file and (" of file " .. o.file) or "", "\n") end
  local pct = total > 0 and 100 * right / total or 0
  print(format("%d/%d cases right (%.1f%%)", right, total, pct))
  -- for test runners: every case is a test
  if o.summary then print(format("%d passed, %d failed", right, total - right)) end
  if o.min and pct < o.min then os.exit(1) end
end

main(arg)
