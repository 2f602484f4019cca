-- luacheck: globals vim
--- Showing extractions in a buffer: highlights and end-of-line labels as
-- extmarks in the "trawl" namespace, and a location list.
local text = require "trawl.nvim.text"

local M = {}

M.ns = vim.api.nvim_create_namespace("trawl")

-- the fields every extraction has; the others are its type's fields
local LEAD = { doc = true, type = true, start = true, ["end"] = true, text = true, rule = true }

-- highlight groups and what they link to by default
local DEFAULT_LINKS = {
  TrawlFigure = "DiffAdd",
  TrawlSource = "DiffChange",
  TrawlCredit = "DiffText",
  TrawlOther = "Visual",
  TrawlLabel = "Comment",
}

local LOCLIST_TITLE = "trawl"

--- The highlight group of a type: Trawl<Type> ("figure" -> TrawlFigure).
function M.group_name(t)
  local name = tostring(t):gsub("[^%w_]", "_")
  return "Trawl" .. name:sub(1, 1):upper() .. name:sub(2)
end

--- The group the spans of type t are highlighted with: Trawl<Type> when
-- it is defined (always for figure, source and credit), else TrawlOther.
function M.group(t)
  local name = M.group_name(t)
  if DEFAULT_LINKS[name] or vim.fn.hlexists(name) == 1 then return name end
  return "TrawlOther"
end

--- Define the highlight groups: default links, then the user's links
-- (highlights = { figure = "Search", place = "Todo" }).
function M.define_highlights(links)
  for name, target in pairs(DEFAULT_LINKS) do
    vim.cmd(("highlight default link %s %s"):format(name, target))
  end
  for t, target in pairs(links or {}) do
    vim.cmd(("highlight! link %s %s"):format(M.group_name(t), target))
  end
end

-- 50000 -> "50,000"; 1.5 -> "1.5"
local function number(v)
  if type(v) ~= "number" then return tostring(v) end
  if v ~= math.floor(v) or math.abs(v) >= 2 ^ 53 then return ("%g"):format(v) end
  local s = ("%d"):format(v)
  local sign, digits = s:match("^(-?)(%d+)$")
  digits = digits:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return sign .. digits
end
M.number = number

-- the values that are set (not nil, false or ""), joined by sep
local function join(sep, ...)
  local out = {}
  for i = 1, select("#", ...) do
    local p = select(i, ...)
    if p ~= nil and p ~= "" and p ~= false then out[#out + 1] = tostring(p) end
  end
  return table.concat(out, sep)
end

--- The label of an extraction, shown at the end of its first line:
-- a figure's qualifier, normalised value (or min–max) and unit, with its
-- category: "gt 50,000 troops (personnel)"; a source's kind and stance:
-- "source: government, deny"; other types: the type and its text.
function M.label(x)
  if x.type == "figure" then
    local amount
    if x.value ~= nil then
      amount = number(x.value)
    elseif x.min ~= nil and x.max ~= nil then
      amount = number(x.min) .. "–" .. number(x.max)
    elseif x.min ~= nil then
      amount = number(x.min) .. "+"
    elseif x.max ~= nil then
      amount = "≤" .. number(x.max)
    end
    local s = join(" ", x.qualifier, x.vague and "vague", x.currency, amount, x.unit)
    if x.category then s = s .. " (" .. x.category .. ")" end
    return s ~= "" and s or "figure"
  elseif x.type == "source" then
    local s = join(", ", x.kind, x.stance)
    return s ~= "" and "source: " .. s or "source"
  end
  return x.type
end

-- a short quoted form of a value for the location list
local function show(v)
  if type(v) == "string" then
    return '"' .. v:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n"):gsub("\t", "\\t") .. '"'
  elseif type(v) == "table" then
    local ok, json = pcall(require, "trawl.json")
    if ok then
      local enc_ok, s = pcall(json.encode, v)
      if enc_ok then return s end
    end
    return vim.inspect(v, { newline = " ", indent = "" })
  end
  return tostring(v)
end

--- The type-specific fields of an extraction as "k=v" words, sorted.
function M.fields(x)
  local keys = {}
  for k in pairs(x) do
    if not LEAD[k] then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i, k in ipairs(keys) do
    local v = x[k]
    parts[i] = tostring(k) .. "=" .. (type(v) == "string" and v:find("^[%w_%.%-]+$") and v or show(v))
  end
  return table.concat(parts, " ")
end

--- The location-list text of an extraction:
-- `figure "More than 50,000 troops" category=personnel … (figure.count)`.
function M.item_text(x)
  local f = M.fields(x)
  return ("%s %s%s (%s)"):format(x.type, show(x.text), f ~= "" and " " .. f or "", tostring(x.rule))
end

--- Clear the highlights and labels of buf.
function M.clear(buf)
  vim.api.nvim_buf_clear_namespace(buf, M.ns, 0, -1)
end

--- Show extractions xs of the text mapped by map (see trawl.nvim.text) in
-- buf: one highlight extmark per extraction and, with opts.virtual_text,
-- one label extmark per line that has extractions starting on it.
-- Returns the items of a location list (lnum/col 1-based, end_col
-- exclusive, as vim.diagnostic.toqflist makes them).
function M.show(buf, xs, map, opts)
  opts = opts or {}
  M.clear(buf)
  local items, labels, label_rows = {}, {}, {}
  for _, x in ipairs(xs) do
    local row, col, end_row, end_col = text.range(map, x.start, x["end"])
    local group = M.group(x.type)
    vim.api.nvim_buf_set_extmark(buf, M.ns, row, col, {
      end_row = end_row, end_col = end_col, hl_group = group,
    })
    if opts.virtual_text ~= false then
      if not labels[row] then
        labels[row] = {}
        label_rows[#label_rows + 1] = row
      end
      local chunks = labels[row]
      chunks[#chunks + 1] = { (#chunks == 0 and "  " or "  │ ") .. M.label(x), "TrawlLabel" }
    end
    items[#items + 1] = {
      bufnr = buf, lnum = row + 1, col = col + 1, end_lnum = end_row + 1, end_col = end_col + 1,
      text = M.item_text(x),
    }
  end
  for _, row in ipairs(label_rows) do
    vim.api.nvim_buf_set_extmark(buf, M.ns, row, 0, {
      virt_text = labels[row], virt_text_pos = "eol", hl_mode = "combine",
    })
  end
  return items
end

local function is_ours(win)
  local info = vim.fn.getloclist(win, { title = 0 })
  return type(info) == "table" and type(info.title) == "string"
    and info.title:sub(1, #LOCLIST_TITLE) == LOCLIST_TITLE
end

--- Set the location list of win to items, titled "trawl: <name>":
-- replaces the list when the current one is trawl's, else adds a new one.
-- With only_ours, leaves a window whose list is not trawl's alone.
function M.set_loclist(win, items, name, only_ours)
  local ours = is_ours(win)
  if only_ours and not ours then return end
  vim.fn.setloclist(win, {}, ours and "r" or " ", {
    title = LOCLIST_TITLE .. ": " .. name, items = items,
  })
end

--- Empty the location list of win if it is trawl's.
function M.clear_loclist(win)
  if is_ours(win) then
    vim.fn.setloclist(win, {}, "r", { title = LOCLIST_TITLE, items = {} })
  end
end

return M
