-- luacheck: globals vim
-- :checkhealth trawl with the module built, and the help page.
local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")

vim.cmd("runtime plugin/trawl.lua")

-- the report of :checkhealth trawl, as text
local function checkhealth()
  vim.cmd("checkhealth trawl")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("silent! tabclose")
  return text
end

t.test(":checkhealth trawl reports OK with the module built", function()
  require("trawl.nvim").setup { rules = { t.data .. "/rules" } }
  local report = checkhealth()
  t.contains(report, "OK: trawl.core ")
  t.contains(report, "loaded from " .. t.root .. "/lua/trawl/core.so")
  t.contains(report, "OK: trawl " .. require("trawl.core").version)
  t.contains(report, "OK: PCRE2 JIT is available")
  t.contains(report, "OK: " .. t.data .. "/rules (folder)")
  t.contains(report, "OK: 4 rules from 2 files load")
  t.contains(report, "OK: examples: 5 passed")
  t.eq(nil, report:find("ERROR", 1, true), "no error in:\n" .. report)
  t.eq(nil, report:find("WARNING", 1, true), "no warning in:\n" .. report)
end)

t.test(":checkhealth trawl reports rule paths that do not exist or do not load", function()
  require("trawl.nvim").setup { rules = { t.tmp .. "/missing-rules" } }
  local report = checkhealth()
  t.contains(report, "ERROR: " .. t.tmp .. "/missing-rules does not exist")
  local bad = t.tmp .. "/bad.lua"
  t.write(bad, "rule { name = 'x' }\n")
  require("trawl.nvim").setup { rules = { bad } }
  report = checkhealth()
  t.contains(report, "ERROR: the rules do not load: " .. bad .. ":1")
  require("trawl.nvim").setup {}
end)

t.test("the help page: :helptags accepts it and its tags lead to it", function()
  local doc = t.root .. "/doc"
  vim.cmd("helptags " .. vim.fn.fnameescape(doc))
  local tags = {}
  for _, line in ipairs(t.lines(doc .. "/tags")) do
    local tag, file = line:match("^(%S+)\t(%S+)\t")
    tags[tag] = file
  end
  for _, tag in ipairs { "trawl", ":Trawl", ":TrawlClear", ":TrawlRules", ":TrawlTest", ":TrawlExport",
                         "trawl-setup", "trawl-health", "trawl-highlights", "trawl-rules" } do
    t.eq("trawl.txt", tags[tag], "tag " .. tag)
  end
  for _, tag in ipairs { ":TrawlTest", "trawl-setup" } do
    vim.cmd("help " .. tag)
    t.eq("help", vim.bo.buftype)
    t.contains(vim.fn.expand("%:t"), "trawl.txt")
    t.contains(vim.api.nvim_get_current_line(), "*" .. tag .. "*")
    vim.cmd("helpclose")
  end
end)

t.finish()
