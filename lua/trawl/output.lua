--- Writers for extractions: JSON Lines, TSV and a pretty view of the text
-- with its extractions highlighted.
local json = require "trawl.json"

local output = {}

-- the fields every extraction has, in the order they are written
local LEAD = { "doc", "type", "start", "end", "text", "rule" }
output.LEAD = LEAD
local lead_set = {}
for _, k in ipairs(LEAD) do lead_set[k] = true end

-- the type-specific fields of an extraction, as a table
local function fields_of(x)
  local f = {}
  for k, v in pairs(x) do
    if not lead_set[k] then f[k] = v end
  end
  return f
end

--- One JSON object for an extraction, lead fields first.
function output.encode(x)
  return json.encode(x, LEAD)
end

local writers = {}

function writers.jsonl(out)
  return {
    doc = function(_, xs)
      for _, x in ipairs(xs) do out:write(output.encode(x), "\n") end
    end,
    finish = function() end,
  }
end

local TSV_ESCAPES = { ["\\"] = "\\\\", ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r" }
local function tsv_escape(s)
  s = tostring(s)
  if not s:find("[\\\t\n\r]") then return s end   -- (most fields: no copy)
  return (s:gsub("[\\\t\n\r]", TSV_ESCAPES))
end

function writers.tsv(out)
  out:write("doc\ttype\tstart\tend\ttext\trule\tfields\n")
  return {
    doc = function(_, xs)
      for _, x in ipairs(xs) do   -- (the columns of LEAD, then the fields)
        out:write(tsv_escape(x.doc), "\t", tsv_escape(x.type), "\t", tsv_escape(x.start), "\t",
                  tsv_escape(x["end"]), "\t", tsv_escape(x.text), "\t", tsv_escape(x.rule), "\t",
                  tsv_escape(json.encode(fields_of(x))), "\n")
      end
    end,
    finish = function() end,
  }
end

-- ANSI colours by type; other types share the last one
local COLORS = { figure = "\27[1;33m", source = "\27[1;36m",
                 credit = "\27[1;35m", other = "\27[1;32m" }
local RESET = "\27[0m"

local function color_of(t)
  return COLORS[t] or COLORS.other
end

-- the text with extractions marked: colours on a terminal, otherwise
-- [brackets]{type}; nested and overlapping spans are both shown
local function mark(text, xs, color)
  local events = {}
  for i, x in ipairs(xs) do
    events[#events + 1] = { pos = x.start, open = true, i = i, x = x }
    events[#events + 1] = { pos = x["end"], open = false, i = i, x = x }
  end
  table.sort(events, function(a, b)
    if a.pos ~= b.pos then return a.pos < b.pos end
    if a.open ~= b.open then return not a.open end    -- close first
    local la, lb = a.x["end"] - a.x.start, b.x["end"] - b.x.start
    if a.open then return la > lb or (la == lb and a.i < b.i) end
    return la < lb or (la == lb and a.i > b.i)
  end)
  local parts, pos, active = {}, 0, {}
  for _, ev in ipairs(events) do
    parts[#parts + 1] = text:sub(pos + 1, ev.pos)
    pos = ev.pos
    if color then
      if ev.open then active[#active + 1] = ev.x
      else
        for j = #active, 1, -1 do
          if active[j] == ev.x then table.remove(active, j) break end
        end
      end
      local top = active[#active]
      parts[#parts + 1] = top and RESET .. color_of(top.type) or RESET
    else
      parts[#parts + 1] = ev.open and "[" or ("]{" .. ev.x.type .. "}")
    end
  end
  parts[#parts + 1] = text:sub(pos + 1)
  return table.concat(parts)
end

local function summary(x)
  local keys, f = {}, fields_of(x)
  for k in pairs(f) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = f[k]
    parts[#parts + 1] = k .. "=" .. (type(v) == "table" and json.encode(v) or tostring(v))
  end
  return table.concat(parts, " ")
end

function writers.pretty(out, opts)
  local color = opts.color
  return {
    doc = function(_, xs, doc)
      local title = "== " .. doc.id .. " (" .. #xs .. " extractions) =="
      out:write(color and "\27[1m" .. title .. RESET or title, "\n\n")
      out:write(mark(doc.text, xs, color), "\n\n")
      for _, x in ipairs(xs) do
        local head = string.format("%-7s %6d-%-6d", x.type, x.start, x["end"])
        if color then head = color_of(x.type) .. head .. RESET end
        out:write(head, " ", string.format("%q", x.text):gsub("\\\n", "\\n"),
                  "  ", summary(x), "  (", x.rule, ")\n")
      end
      out:write("\n")
    end,
    finish = function() end,
  }
end

--- A writer for a format name: an object with :doc(extractions, doc) and
-- :finish(). Returns nil and a message for an unknown format.
function output.writer(format, out, opts)
  local make = writers[format]
  if not make then
    return nil, "unknown format '" .. tostring(format) .. "' (jsonl, tsv, pretty)"
  end
  return make(out, opts or {})
end

return output
