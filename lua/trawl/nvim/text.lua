-- luacheck: globals vim
--- A buffer's text as trawl sees it, and the conversion between trawl's
-- byte offsets (0-based, end-exclusive) and buffer positions.
--
-- The text of lines [first, last) is those lines joined with "\n", with a
-- final "\n" after the last one unless it is the buffer's last line and
-- 'eol' is off; this is the file's content for 'fileformat' unix. Offsets
-- are bytes, so they map to byte columns, the columns of extmarks.
local M = {}

--- The text of the 0-based, end-exclusive line range [first, last) of buf
-- (default: the whole buffer). Returns the text and a map (see M.map).
function M.get(buf, first, last)
  local count = vim.api.nvim_buf_line_count(buf)
  last = math.min(last or count, count)
  first = math.min(first or 0, last)
  local lines = vim.api.nvim_buf_get_lines(buf, first, last, true)
  local text = table.concat(lines, "\n")
  if #lines > 0 and (last < count or vim.api.nvim_buf_get_option(buf, "eol")) then
    text = text .. "\n"
  end
  return text, M.map(lines, first)
end

--- A map from offsets to positions for `lines` joined with "\n", the
-- first of them being buffer row `base` (0-based).
function M.map(lines, base)
  local starts, lens = {}, {}
  local off = 0
  for i, line in ipairs(lines) do
    starts[i], lens[i] = off, #line
    off = off + #line + 1
  end
  return { starts = starts, lens = lens, base = base or 0 }
end

--- The (row, col) of a byte offset: 0-based buffer row and byte column.
-- An offset past the end of a line (its "\n") gives the line's length;
-- past the last line, the end of the last line.
function M.pos(map, offset)
  local starts = map.starts
  local n = #starts
  if n == 0 then return map.base, 0 end
  local lo, hi = 1, n          -- the last line that starts at or before offset
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if starts[mid] <= offset then lo = mid else hi = mid - 1 end
  end
  local col = math.max(0, math.min(offset - starts[lo], map.lens[lo]))
  return map.base + lo - 1, col
end

--- The buffer range of the span [s, e): row, col, end_row, end_col, all
-- 0-based, the end exclusive. A span that ends just after a "\n" ends at
-- the end of that line rather than at column 0 of the next one.
function M.range(map, s, e)
  local row, col = M.pos(map, s)
  local end_row, end_col
  if e > s then
    end_row, end_col = M.pos(map, e - 1)
    local i = end_row - map.base + 1
    end_col = math.min(end_col + 1, map.lens[i] or 0)
  else
    end_row, end_col = row, col
  end
  return row, col, end_row, end_col
end

return M
