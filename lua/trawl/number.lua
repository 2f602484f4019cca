--- Reading numbers as news writes them: "50,000", "1.5 million", "$40bn".
-- The rules call it as `number(text)`; it returns the value or nil.
local number = {}

local scales = {
  thousand = 1e3, k = 1e3,
  million = 1e6, m = 1e6, mn = 1e6, mln = 1e6,
  billion = 1e9, bn = 1e9, b = 1e9,
  trillion = 1e12, tn = 1e12, trn = 1e12,
}
number.scales = scales

--- The value of a written number, or nil. Accepts digits with thousands
-- separators ("50,000", "50 000"), a decimal point ("1.5"), and a scale
-- word or suffix after it ("1.5 million", "40bn", "300m").
function number.parse(s)
  if type(s) ~= "string" then return nil end
  -- no-break and thin spaces are thousands separators too
  s = s:lower():gsub("\194\160", " "):gsub("\226\128\137", " ")
  s = s:gsub("^%s+", ""):gsub("%s+$", "")
  local digits, rest = s:match("^(%d[%d, ]*%.?%d*)%s*(%a*)$")
  if not digits then return nil end
  local scale = 1
  if rest ~= "" then
    scale = scales[rest]
    if not scale then return nil end
  end
  digits = digits:gsub("[, ]", "")
  local v = tonumber(digits)
  if not v then return nil end
  v = v * scale
  if v == math.floor(v) and math.abs(v) < 2^53 then
    return math.tointeger and math.tointeger(v) or v
  end
  return v
end

return number
