-- Check JSON Lines output: every line is a JSON object with the lead
-- fields, and its text is exactly the bytes [start, end) of its document.
--   lua5.4 tests/cli/spans.lua OUTPUT.jsonl TEXTFILE|DOCS.jsonl...
local cjson = require "cjson"
local out, docs = arg[1], {}
for i = 2, #arg do
  local path = arg[i]
  local f = assert(io.open(path, "rb"))
  if path:find("%.jsonl$") then
    for line in f:lines() do
      local ok, obj = pcall(cjson.decode, line)
      if ok and type(obj) == "table" and type(obj.text) == "string" then
        local id = obj.id
        if math.type(id) == "float" and id == math.floor(id) then id = math.tointeger(id) end
        docs[tostring(id)] = obj.text
      end
    end
  else
    docs[path:match("([^/]*)%.[^.]*$")] = f:read("a")
  end
  f:close()
end
local bad, n = 0, 0
local function fail(ln, msg) bad = bad + 1; io.stderr:write(out, ":", ln, ": ", msg, "\n") end
local ln = 0
for line in io.lines(out) do
  ln, n = ln + 1, n + 1
  local ok, x = pcall(cjson.decode, line)
  if not ok or type(x) ~= "table" then fail(ln, "not a JSON object")
  else
    for _, k in ipairs { "doc", "type", "start", "end", "text", "rule" } do
      if x[k] == nil then fail(ln, "no field " .. k) end
    end
    local text = docs[x.doc]
    if not text then fail(ln, "unknown doc " .. tostring(x.doc))
    else
      local want = text:sub(x.start + 1, x["end"])
      -- invalid UTF-8 is written as U+FFFD, so compare only valid spans
      if utf8.len(want) and want ~= x.text then
        fail(ln, string.format("text %q is not bytes [%d, %d) %q", x.text, x.start, x["end"], want))
      end
    end
  end
end
if bad > 0 then os.exit(1) end
print(n .. " lines checked")
