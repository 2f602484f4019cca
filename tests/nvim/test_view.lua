-- luacheck: globals vim
-- :Trawl, :TrawlClear, :TrawlRules, :TrawlExport and automatic runs, on a
-- sample article with a fixed rule pack (tests/nvim/data/rules). Expected
-- positions are worked out here from the article's text, not taken from
-- the plugin.
local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")

vim.cmd("runtime plugin/trawl.lua")

local ARTICLE = t.data .. "/article.txt"
local RULES = t.data .. "/rules"
local ns = vim.api.nvim_create_namespace("trawl")

-- where a piece of text is in a list of lines: 0-based row, byte col,
-- end row and end col (exclusive). A piece with "\n" runs from the end
-- of one line into the next ones.
local function find_in_lines(lines, piece, nth)
  nth = nth or 1
  local parts = vim.split(piece, "\n", { plain = true })
  local seen = 0
  for i = 1, #lines do
    if #parts == 1 then
      local init = 1
      while true do
        local s, e = lines[i]:find(piece, init, true)
        if not s then break end
        seen = seen + 1
        if seen == nth then return i - 1, s - 1, i - 1, e end
        init = s + 1
      end
    else
      local first, last = parts[1], parts[#parts]
      local ok = lines[i]:sub(-#first) == first
      for k = 2, #parts - 1 do ok = ok and lines[i + k - 1] == parts[k] end
      ok = ok and lines[i + #parts - 1] ~= nil and lines[i + #parts - 1]:sub(1, #last) == last
      if ok then
        seen = seen + 1
        if seen == nth then return i - 1, #lines[i] - #first, i + #parts - 2, #last end
      end
    end
  end
  error("not in the text: " .. piece)
end

-- the extractions the fixed pack makes in the article, in text order
local EXPECTED = {
  { type = "credit", text = "Reuters/Maxim Shemetov", group = "TrawlCredit",
    item = 'credit "Reuters/Maxim Shemetov" kind=photo (news.photo_credit)' },
  { type = "figure", text = "More than 50,000 troops", group = "TrawlFigure",
    item = 'figure "More than 50,000 troops" category=personnel qualifier=gt unit=troops value=50000 (news.figure)' },
  { type = "figure", text = "about\n140 aircraft", group = "TrawlFigure",
    item = 'figure "about\\n140 aircraft" category=equipment qualifier=approx unit=aircraft value=140 (news.figure)' },
  { type = "source", text = "the Pentagon", group = "TrawlSource",
    item = 'source "the Pentagon" cue="according to" kind=government (news.according_to)' },
  { type = "source", text = "The Kremlin", group = "TrawlSource",
    item = 'source "The Kremlin" cue=denied kind=government stance=deny (news.denied)' },
  { type = "figure", text = "some 1,200 tanks", group = "TrawlFigure",
    item = 'figure "some 1,200 tanks" category=equipment qualifier=approx unit=tanks value=1200 (news.figure)' },
}

local function marks(buf)
  local spans, labels = {}, {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf or 0, ns, 0, -1, { details = true })) do
    local d = m[4]
    if d.hl_group then
      spans[#spans + 1] = { row = m[2], col = m[3], end_row = d.end_row, end_col = d.end_col, group = d.hl_group }
    end
    if d.virt_text then
      local s = {}
      for _, chunk in ipairs(d.virt_text) do s[#s + 1] = chunk[1] end
      labels[m[2]] = table.concat(s)
    end
  end
  table.sort(spans, function(a, b)
    if a.row ~= b.row then return a.row < b.row end
    return a.col < b.col
  end)
  return spans, labels
end

local function expected_spans(lines, list)
  local out = {}
  for _, x in ipairs(list) do
    local row, col, end_row, end_col = find_in_lines(lines, x.text)
    out[#out + 1] = { row = row, col = col, end_row = end_row, end_col = end_col, group = x.group }
  end
  return out
end

local function open_article()
  t.reset()
  require("trawl.nvim").setup { rules = { RULES } }
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
end

t.test("plugin/trawl.lua defines the commands once and loads nothing else", function()
  for _, c in ipairs { "Trawl", "TrawlClear", "TrawlRules", "TrawlTest", "TrawlExport" } do
    t.eq(2, vim.fn.exists(":" .. c), ":" .. c .. " exists")
  end
  t.eq(nil, package.loaded["trawl.nvim"], "trawl.nvim is not loaded before a command")
  t.eq(nil, package.loaded["trawl.core"], "trawl.core is not loaded before a command")
  t.ok(vim.g.loaded_trawl, "g:loaded_trawl is set")
  vim.cmd("source " .. vim.fn.fnameescape(t.repo .. "/plugin/trawl.lua"))  -- the guard
  t.eq(2, vim.fn.exists(":Trawl"))
end)

t.test(":Trawl highlights each extraction at its byte position", function()
  open_article()
  vim.cmd("Trawl")
  local lines = t.lines(ARTICLE)
  local spans = marks(0)
  t.eq(expected_spans(lines, EXPECTED), spans)
  -- the em dash before "More than" is 3 bytes: columns are bytes
  local row, col = find_in_lines(lines, "More than 50,000 troops")
  t.eq(4, row)
  t.eq(#"WASHINGTON, Jan. 18 — ", col)
  t.eq(#"WASHINGTON, Jan. 18 " + 3 + 1, col)
end)

t.test(":Trawl labels lines with normalised values and source kinds", function()
  open_article()
  vim.cmd("Trawl")
  local _, labels = marks(0)
  local lines = t.lines(ARTICLE)
  local r_credit = find_in_lines(lines, "Reuters/Maxim Shemetov")
  local r_troops = find_in_lines(lines, "More than 50,000 troops")
  local r_pentagon = find_in_lines(lines, "the Pentagon")
  local r_kremlin = find_in_lines(lines, "The Kremlin")
  local r_tanks = find_in_lines(lines, "some 1,200 tanks")
  t.eq({
    [r_credit] = "  credit",
    [r_troops] = "  gt 50,000 troops (personnel)  │ approx 140 aircraft (equipment)",
    [r_pentagon] = "  source: government",
    [r_kremlin] = "  source: government, deny",
    [r_tanks] = "  approx 1,200 tanks (equipment)",
  }, labels)
end)

t.test(":Trawl fills the location list", function()
  open_article()
  vim.cmd("Trawl")
  local lines = t.lines(ARTICLE)
  local want = {}
  for _, x in ipairs(EXPECTED) do
    local row, col, end_row, end_col = find_in_lines(lines, x.text)
    want[#want + 1] = { lnum = row + 1, col = col + 1, end_lnum = end_row + 1, end_col = end_col + 1, text = x.item }
  end
  local got = {}
  for _, it in ipairs(vim.fn.getloclist(0)) do
    t.eq(vim.api.nvim_get_current_buf(), it.bufnr)
    got[#got + 1] = { lnum = it.lnum, col = it.col, end_lnum = it.end_lnum, end_col = it.end_col, text = it.text }
  end
  t.eq(want, got)
  t.eq("trawl: article.txt", vim.fn.getloclist(0, { title = 0 }).title)
  -- a second run replaces trawl's list instead of stacking another
  vim.cmd("Trawl")
  t.eq(1, vim.fn.getloclist(0, { nr = "$" }).nr)
end)

t.test("offsets agree with the file's bytes (as the command line tool gives them)", function()
  open_article()
  local nv = require "trawl.nvim"
  local xs = nv.extract(0)
  local bytes = t.read(ARTICLE)
  t.eq(#EXPECTED, #xs)
  for i, x in ipairs(xs) do
    local s, e = bytes:find(EXPECTED[i].text, 1, true)
    t.eq({ EXPECTED[i].text, s - 1, e }, { x.text, x.start, x["end"] })
  end
end)

t.test(":'<,'>Trawl runs on the lines of a range only", function()
  open_article()
  local lines = t.lines(ARTICLE)
  local row = find_in_lines(lines, "More than 50,000 troops")
  vim.cmd(("%d,%dTrawl"):format(row + 1, row + 2))
  t.eq(expected_spans(lines, { EXPECTED[2], EXPECTED[3], EXPECTED[4] }), (marks(0)))
  t.eq(3, #vim.fn.getloclist(0))
  -- a one-line range: "about" ends the range, so the aircraft are not in it
  vim.cmd(("%dTrawl"):format(row + 1))
  t.eq(expected_spans(lines, { EXPECTED[2] }), (marks(0)))
end)

t.test("edits are followed: offsets come from the buffer, not the file", function()
  open_article()
  vim.api.nvim_buf_set_lines(0, 0, 0, true, { "Ще один рядок — with 7 tanks." })
  vim.cmd("Trawl")
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, true)
  local row, col, end_row, end_col = find_in_lines(lines, "7 tanks")
  local spans = marks(0)
  t.eq({ row = row, col = col, end_row = end_row, end_col = end_col, group = "TrawlFigure" }, spans[1])
  t.eq(0, row)
  t.eq(#"Ще один рядок — with ", col)
end)

t.test("offsets to positions at line ends, past the end, with a base row", function()
  local text = require "trawl.nvim.text"
  local map = text.map({ "ab", "cd" }, 0)          -- "ab\ncd\n"
  t.eq({ 0, 0, 0, 2 }, { text.range(map, 0, 2) })  -- "ab"
  t.eq({ 0, 0, 0, 2 }, { text.range(map, 0, 3) })  -- "ab\n" ends at the end of its line
  t.eq({ 0, 2, 1, 1 }, { text.range(map, 2, 4) })  -- "\nc"
  t.eq({ 1, 0, 1, 2 }, { text.range(map, 3, 5) })  -- "cd"
  t.eq({ 1, 2, 1, 2 }, { text.range(map, 5, 6) })  -- the final "\n"
  t.eq({ 1, 1, 1, 1 }, { text.range(map, 4, 4) })  -- empty
  t.eq({ 1, 2 }, { text.pos(map, 100) })
  local based = text.map({ "ab", "cd" }, 7)
  t.eq({ 8, 1, 8, 2 }, { text.range(based, 4, 5) })
end)

t.test(":TrawlClear removes highlights, labels and the location list", function()
  open_article()
  vim.cmd("Trawl")
  vim.cmd("TrawlClear")
  t.eq({}, vim.api.nvim_buf_get_extmarks(0, ns, 0, -1, {}))
  t.eq({}, vim.fn.getloclist(0))
end)

t.test("setup{ types } shows only those types; highlights links the groups", function()
  t.reset()
  require("trawl.nvim").setup { rules = { RULES }, types = { "source" }, highlights = { source = "Search" } }
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  vim.cmd("Trawl")
  local spans = marks(0)
  t.eq(2, #spans)
  for _, s in ipairs(spans) do t.eq("TrawlSource", s.group) end
  t.eq(vim.api.nvim_get_hl_by_name("Search", true), vim.api.nvim_get_hl_by_name("TrawlSource", true))
  t.eq(vim.api.nvim_get_hl_by_name("DiffAdd", true), vim.api.nvim_get_hl_by_name("TrawlFigure", true))
end)

t.test(":TrawlExport writes JSON Lines with the command line tool's fields", function()
  open_article()
  local file = t.tmp .. "/article.jsonl"
  vim.cmd("TrawlExport " .. vim.fn.fnameescape(file))
  local bytes = t.read(ARTICLE)
  local raw = t.lines(file)
  t.eq(#EXPECTED, #raw)
  for i, line in ipairs(raw) do
    t.ok(line:find('^{"doc":"article","type":"' .. EXPECTED[i].type .. '","start":%d+,"end":%d+,"text":'),
      "lead fields first: " .. line)
    local x = vim.fn.json_decode(line)
    local s, e = bytes:find(EXPECTED[i].text, 1, true)
    t.eq({ "article", EXPECTED[i].type, s - 1, e, EXPECTED[i].text },
      { x.doc, x.type, x.start, x["end"], x.text })
  end
  local troops = vim.fn.json_decode(raw[2])
  t.eq({ 50000, "gt", "personnel", "troops", "news.figure" },
    { troops.value, troops.qualifier, troops.category, troops.unit, troops.rule })
end)

t.test(":TrawlRules sets the rule paths and reloads; a bad path keeps the old ones", function()
  t.reset()
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  local nv = require "trawl.nvim"
  vim.cmd("TrawlRules " .. vim.fn.fnameescape(RULES .. "/news.lua"))
  t.eq({ RULES .. "/news.lua" }, nv.rule_paths())
  vim.cmd("Trawl")
  t.eq(#EXPECTED, #vim.fn.getloclist(0))
  local ok, err = t.cmd("TrawlRules " .. vim.fn.fnameescape(t.data .. "/no-such-rules"))
  t.eq(false, ok)
  t.contains(err, "no-such-rules")
  t.eq({ RULES .. "/news.lua" }, nv.rule_paths())
end)

t.test(":Trawl re-reads the rule files: an edited rule shows at once", function()
  t.reset()
  local dir = t.tmp .. "/editable"
  vim.fn.mkdir(dir, "p")
  local src = t.read(RULES .. "/news.lua")
  t.write(dir .. "/news.lua", src)
  require("trawl.nvim").setup { rules = { dir } }
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  vim.cmd("Trawl")
  t.eq(#EXPECTED, #vim.fn.getloclist(0))
  t.write(dir .. "/news.lua", (src:gsub("troops|aircraft|tanks", "troops|aircraft")))
  vim.cmd("Trawl")
  t.eq(#EXPECTED - 1, #vim.fn.getloclist(0))
end)

t.test("errors are messages: a rule file that does not load", function()
  t.reset()
  local bad = t.tmp .. "/bad.lua"
  t.write(bad, "rule { name = 'x', type = 'y', regex = '(' }\n")
  require("trawl.nvim").setup { rules = { bad } }
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  local ok, err = t.cmd("Trawl")
  t.eq(false, ok)
  t.contains(err, bad .. ":1")
end)

t.test("the default packs: spans match their text and the location list", function()
  t.reset()
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  vim.cmd("Trawl")
  local items = vim.fn.getloclist(0)
  local spans = marks(0)
  t.ok(#items > 0 and #items == #spans, "as many spans as list items")
  local found = {}
  for i, it in ipairs(items) do
    local s = spans[i]
    local piece = vim.api.nvim_buf_get_text(0, s.row, s.col, s.end_row, s.end_col, {})
    local quoted = it.text:match('^%S+ (".-[^\\]")')
    t.eq(quoted, ('"%s"'):format(table.concat(piece, "\\n")), "span text = list text")
    found[table.concat(piece, "\n")] = it.text:match("^%S+")
  end
  t.eq("figure", found["More than 50,000 troops"])
  t.eq("source", found["the Pentagon"])
end)

-- a news article of at least 50 KB: the sample's paragraphs again and again
local function big_article()
  local para = t.read(ARTICLE)
  local parts, n = {}, 0
  while n < 50 * 1024 do
    parts[#parts + 1] = para
    n = n + #para + 1
  end
  return vim.split(table.concat(parts, "\n"), "\n", { plain = true })
end

t.test("automatic runs: on open and after changes, debounced", function()
  t.reset()
  local nv = require "trawl.nvim"
  nv.setup { rules = { RULES }, auto = { patterns = { "*.txt" }, debounce_ms = 50 } }
  local runs = 0
  local run = nv.run
  nv.run = function(...) runs = runs + 1; return run(...) end
  vim.cmd("edit " .. vim.fn.fnameescape(ARTICLE))
  t.ok(vim.wait(2000, function() return runs == 1 end), "ran once on open")
  t.eq(#EXPECTED, #(marks(0)))
  vim.api.nvim_buf_set_lines(0, -1, -1, true, { "Then 9 tanks came." })
  for _ = 1, 5 do vim.cmd("doautocmd TextChanged") end
  t.ok(vim.wait(2000, function() return runs == 2 end), "a burst of changes makes one run")
  vim.wait(200)
  t.eq(2, runs)
  t.eq(#EXPECTED + 1, #(marks(0)))
  vim.cmd("doautocmd InsertLeave")
  t.ok(vim.wait(2000, function() return runs == 3 end), "InsertLeave runs again")
  nv.run = run
  nv.setup { rules = { RULES } }    -- auto off
  t.eq(false, require("trawl.nvim.auto").is_attached(vim.api.nvim_get_current_buf()))
end)

t.test("a 50 KB article: :Trawl and an automatic re-run, timed", function()
  t.reset()
  local nv = require "trawl.nvim"
  nv.setup { auto = { patterns = { "*.txt" }, debounce_ms = 10 } }   -- the default packs
  local lines = big_article()
  local file = t.tmp .. "/big.txt"
  t.write(file, table.concat(lines, "\n") .. "\n")
  local size = #t.read(file)
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  t.ok(vim.wait(5000, function() return nv.result(0) ~= nil end), "automatic first run")
  local t0 = vim.loop.hrtime()
  vim.cmd("Trawl")
  local cmd_ms = (vim.loop.hrtime() - t0) / 1e6
  local n = #nv.result(0).xs
  t.ok(n > 500, "many extractions: " .. n)
  -- re-runs after an edit, as TextChanged makes them: the cost of one run
  local times = {}
  for i = 1, 5 do
    local tick = nv.result(0).tick
    vim.api.nvim_buf_set_lines(0, i, i, true, { "Another 300 troops arrived." })
    vim.cmd("doautocmd TextChanged")
    t.ok(vim.wait(5000, function() return nv.result(0).tick ~= tick end), "re-run " .. i)
    times[#times + 1] = nv.result(0).ms
  end
  table.sort(times)
  t.note("50 KB article (%d bytes, %d lines): %d extractions; :Trawl (reload + run + show) %.1f ms;"
    .. " automatic re-run median %.1f ms (min %.1f, max %.1f)",
    size, #lines, n, cmd_ms, times[3], times[1], times[5])
  -- speed is for `make bench`, not a timed test: this one only reports it
  t.ok(#times == 5, "five re-runs")
end)

t.finish()
