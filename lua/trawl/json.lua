--- JSON for JSON Lines: encoding extractions, decoding input documents.
-- Strings are quoted by the C core, which turns invalid UTF-8 into U+FFFD so
-- every line written is valid JSON.
local core = require "trawl.core"

local json = {}

--- Encode a Lua value as JSON (in C). Object keys are sorted; `order`,
-- when given, lists keys that come first, in that order. An empty table
-- is an object. Invalid UTF-8 in strings becomes U+FFFD.
function json.encode(v, order)
  return core.json_encode(v, order)
end

json.array_mt = {}

-- decoding -------------------------------------------------------------

local byte, sub, find, char = string.byte, string.sub, string.find, string.char
local concat, floor, tonumber = table.concat, math.floor, tonumber

local escapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b",
                  f = "\f", n = "\n", r = "\r", t = "\t" }

local function utf8char(c)
  if c < 0x80 then return char(c)
  elseif c < 0x800 then
    return char(0xC0 + floor(c / 64), 0x80 + c % 64)
  elseif c < 0x10000 then
    return char(0xE0 + floor(c / 4096), 0x80 + floor(c / 64) % 64, 0x80 + c % 64)
  end
  return char(0xF0 + floor(c / 262144), 0x80 + floor(c / 4096) % 64,
              0x80 + floor(c / 64) % 64, 0x80 + c % 64)
end

local function fail(_, pos, what)
  error({ json = true, pos = pos, msg = what .. " at byte " .. (pos - 1) }, 0)
end

local value

local function skip(s, pos)
  return find(s, "[^ \t\r\n]", pos) or #s + 1
end

local function str(s, pos)
  -- pos is just after the opening quote
  local parts, n = {}, 0
  while true do
    local a, b = find(s, '^[^"\\%z\1-\31]+', pos)
    if a then n = n + 1; parts[n] = sub(s, a, b); pos = b + 1 end
    local c = sub(s, pos, pos)
    if c == '"' then return concat(parts), pos + 1 end
    if c ~= "\\" then fail(s, pos, c == "" and "unterminated string" or "control character in string") end
    local e = sub(s, pos + 1, pos + 1)
    if e == "u" then
      local hex = sub(s, pos + 2, pos + 5)
      local cp = #hex == 4 and find(hex, "^%x%x%x%x$") and tonumber(hex, 16)
      if not cp then fail(s, pos, "bad \\u escape") end
      pos = pos + 6
      if cp >= 0xD800 and cp <= 0xDBFF then
        local lo = find(s, "^\\u[dD][c-fC-F]%x%x", pos) and tonumber(sub(s, pos + 2, pos + 5), 16)
        if lo then
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
          pos = pos + 6
        else
          cp = 0xFFFD
        end
      elseif cp >= 0xDC00 and cp <= 0xDFFF then
        cp = 0xFFFD
      end
      n = n + 1; parts[n] = utf8char(cp)
    else
      local r = escapes[e]
      if not r then fail(s, pos, "bad escape") end
      n = n + 1; parts[n] = r
      pos = pos + 2
    end
  end
end

local literals = { t = { "true", true }, f = { "false", false }, n = { "null", nil } }

function value(s, pos, depth)
  if depth > 200 then fail(s, pos, "nesting too deep") end
  pos = skip(s, pos)
  local c = byte(s, pos)
  if c == 34 then return str(s, pos + 1)  -- "
  elseif c == 123 then  -- {
    local obj = {}
    pos = skip(s, pos + 1)
    if byte(s, pos) == 125 then return obj, pos + 1 end
    while true do
      pos = skip(s, pos)
      if byte(s, pos) ~= 34 then fail(s, pos, "expected a key") end
      local k
      k, pos = str(s, pos + 1)
      pos = skip(s, pos)
      if byte(s, pos) ~= 58 then fail(s, pos, "expected ':'") end
      obj[k], pos = value(s, pos + 1, depth + 1)
      pos = skip(s, pos)
      local d = byte(s, pos)
      if d == 125 then return obj, pos + 1 end
      if d ~= 44 then fail(s, pos, "expected ',' or '}'") end
      pos = pos + 1
    end
  elseif c == 91 then  -- [
    local arr, n = setmetatable({}, json.array_mt), 0
    pos = skip(s, pos + 1)
    if byte(s, pos) == 93 then return arr, pos + 1 end
    while true do
      n = n + 1
      arr[n], pos = value(s, pos, depth + 1)
      pos = skip(s, pos)
      local d = byte(s, pos)
      if d == 93 then return arr, pos + 1 end
      if d ~= 44 then fail(s, pos, "expected ',' or ']'") end
      pos = pos + 1
    end
  elseif c == nil then
    fail(s, pos, "unexpected end")
  end
  local lit = literals[char(c)]
  if lit then
    if sub(s, pos, pos + #lit[1] - 1) ~= lit[1] then fail(s, pos, "bad literal") end
    return lit[2], pos + #lit[1]
  end
  local a, b = find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  local num = a and tonumber(sub(s, a, b))
  if not num then fail(s, pos, "unexpected character") end
  return num, b + 1
end

--- Decode one JSON text. Returns the value, or nil and a message that
-- names the byte offset of the problem.
function json.decode(s)
  local ok, v, pos = pcall(value, s, 1, 0)
  if not ok then
    if type(v) == "table" and v.json then return nil, v.msg end
    error(v, 0)
  end
  pos = skip(s, pos)
  if pos <= #s then return nil, "trailing characters at byte " .. (pos - 1) end
  return v
end

return json
