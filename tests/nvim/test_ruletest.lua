-- luacheck: globals vim
-- :TrawlTest: failing examples of a rule file become diagnostics on the
-- lines of the examples; passing clears them; edits are picked up.
local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")

vim.cmd("runtime plugin/trawl.lua")

local RULES = t.data .. "/rules"

-- a copy of a data file in the scratch folder, to edit freely
local function scratch(name)
  local path = t.tmp .. "/" .. name
  t.write(path, t.read(t.data .. "/" .. name))
  return path
end

-- the 0-based rows of the lines of a file that contain a marker
local function rows_with(path, marker)
  local rows = {}
  for i, line in ipairs(t.lines(path)) do
    if line:find(marker, 1, true) then rows[#rows + 1] = i - 1 end
  end
  return rows
end

local function diagnostics()
  local ns = require("trawl.nvim.ruletest").ns
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0, { namespace = ns })) do
    out[#out + 1] = { lnum = d.lnum, col = d.col, message = d.message, code = d.code,
                      severity = d.severity, source = d.source }
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum end)
  return out
end

local function setup_rules()
  t.reset()
  require("trawl.nvim").setup { rules = { RULES } }
end

t.test(":TrawlTest puts failing examples on their lines", function()
  setup_rules()
  local file = scratch("failing.lua")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  t.eq(true, (t.cmd("TrawlTest")), "failing examples are a warning, not an error")
  local rows = rows_with(file, "-- FAILS")
  t.eq(2, #rows)
  local lines = t.lines(file)
  local E = vim.diagnostic.severity.ERROR
  t.eq({
    { lnum = rows[1], col = lines[rows[1] + 1]:find('"4,000 troops"', 1, true) - 1,
      message = '~ troops "4,000 troops": value is 4000, want 4001',
      code = "failing.troops", severity = E, source = "trawl" },
    { lnum = rows[2], col = lines[rows[2] + 1]:find("[[It has", 1, true) - 1,
      message = '+ unexpected tanks "5 tanks" {end=27, start=20}',
      code = "failing.tanks", severity = E, source = "trawl" },
  }, diagnostics())
  local last = require("trawl.nvim.ruletest").last
  t.eq({ 3, 2, "alone" }, { last.passed, last.failed, last.mode })
end)

t.test("fixing the example and :TrawlTest again clears the diagnostics", function()
  setup_rules()
  local file = scratch("failing.lua")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  t.cmd("TrawlTest")
  t.eq(2, #diagnostics())
  -- edit in the buffer, save, test again: no restart, no reload by hand
  local row = rows_with(file, "value = 4001")[1]
  local line = vim.api.nvim_buf_get_lines(0, row, row + 1, true)[1]
  vim.api.nvim_buf_set_lines(0, row, row + 1, true, { (line:gsub("4001", "4000")) })
  local ok, err = t.cmd("TrawlTest")
  t.eq(false, ok, "unsaved changes stop :TrawlTest")
  t.contains(err, "unsaved changes")
  vim.cmd("write")
  t.cmd("TrawlTest")
  local d = diagnostics()
  t.eq(1, #d)
  t.eq("failing.tanks", d[1].code)
  -- 'autowrite' saves first
  vim.o.autowrite = true
  local row2 = rows_with(file, "5 tanks")[1]
  local line2 = vim.api.nvim_buf_get_lines(0, row2, row2 + 1, true)[1]
  vim.api.nvim_buf_set_lines(0, row2, row2 + 1, true, { (line2:gsub(" and 5 tanks", "")) })
  t.eq(true, (t.cmd("TrawlTest")))
  vim.o.autowrite = false
  t.eq({}, diagnostics())
  t.eq(false, vim.bo.modified)
  t.contains(t.read(file), "[[It has 40 tanks.]]")
  local last = require("trawl.nvim.ruletest").last
  t.eq({ 5, 0 }, { last.passed, last.failed })
end)

t.test("a file that needs the packs' lists is loaded with the rule paths", function()
  setup_rules()
  local file = scratch("uses_list.lua")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  t.eq(true, (t.cmd("TrawlTest")))
  local last = require("trawl.nvim.ruletest").last
  t.eq({ 1, 0, "packs" }, { last.passed, last.failed, last.mode })
  t.eq({}, diagnostics())
end)

t.test("a file of the rule paths is tested with the rule paths", function()
  setup_rules()
  vim.cmd("edit " .. vim.fn.fnameescape(RULES .. "/news.lua"))
  t.eq(true, (t.cmd("TrawlTest")))
  local last = require("trawl.nvim.ruletest").last
  t.eq({ 5, 0, "paths" }, { last.passed, last.failed, last.mode })
end)

t.test(":TrawlTest! loads the rule paths with a file that stands alone", function()
  setup_rules()
  local file = scratch("failing.lua")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  t.cmd("TrawlTest!")
  local last = require("trawl.nvim.ruletest").last
  t.eq({ 3, 2, "packs", 0 }, { last.passed, last.failed, last.mode, last.others })
end)

t.test("a rule file that does not load gets a diagnostic on the line named", function()
  setup_rules()
  local file = t.tmp .. "/broken.lua"
  t.write(file, table.concat({
    "-- a broken rule file",
    "rule {",
    '  name = "broken.paren",',
    '  type = "figure",',
    '  pattern = [[ (?<n>[number] troops ]],',
    "}",
    "",
  }, "\n"))
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local ok, err = t.cmd("TrawlTest")
  t.eq(false, ok)
  t.contains(err, "broken.paren")
  local d = diagnostics()
  t.eq(1, #d)
  t.ok(d[1].lnum == 1 or d[1].lnum == 4, "on the rule's or the pattern's line: " .. d[1].lnum)
  t.contains(d[1].message, "broken.paren")
end)

t.test(":TrawlTest in a buffer that is not a rule file says so", function()
  setup_rules()
  vim.cmd("edit " .. vim.fn.fnameescape(t.data .. "/article.txt"))
  local ok, err = t.cmd("TrawlTest")
  t.eq(false, ok)
  t.contains(err, "not one")
end)

t.test("the lexer finds example texts: strings, long strings, text = fields", function()
  local lexer = require "trawl.nvim.lexer"
  local src = table.concat({
    "rule {",
    "  name = 'x', -- examples = { 'not this' }",
    "  examples = {",
    "    { \"a \\\"quoted\\\" {text}\", { { text = 'no' } } },",
    "    { expect = { 'no' }, text = [==[long]==] },",
    "    EXAMPLE,",
    "    {",
    "      --[[ { 'comment' } ]] 'after a comment',",
    "    },",
    "  },",
    "}",
  }, "\n")
  local strings = lexer.example_strings(src, 1)
  t.eq(4, #strings)
  local got = {}
  for i, s in ipairs(strings) do got[i] = s.first and src:sub(s.first, s.last) or false end
  t.eq({ '"a \\"quoted\\" {text}"', "[==[long]==]", false, "'after a comment'" }, got)
end)

t.finish()
