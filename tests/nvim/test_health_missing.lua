-- luacheck: globals vim
-- Without the C module (the runner gives this file a plugin tree with no
-- lua/trawl/core.so): :checkhealth says what to do, the commands too.
local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")

package.cpath = ""          -- no trawl/core.so installed elsewhere either
vim.cmd("runtime plugin/trawl.lua")

t.test("there is no core.so to find", function()
  t.eq({}, vim.api.nvim_get_runtime_file("lua/trawl/core.so", true))
  t.eq(false, (pcall(require, "trawl.core")))
  package.loaded["trawl.core"] = nil
end)

t.test(":checkhealth trawl reports the missing module as an error, with the fix", function()
  vim.cmd("checkhealth trawl")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("silent! tabclose")
  t.contains(report, "ERROR: trawl.core is not built")
  t.contains(report, "make nvim")
  t.eq(nil, report:find("OK: trawl.core", 1, true))
end)

t.test(":Trawl without the module: an error message that names the fix", function()
  vim.cmd("edit " .. vim.fn.fnameescape(t.data .. "/article.txt"))
  local ok, err = t.cmd("Trawl")
  t.eq(false, ok)
  t.contains(err, "make nvim")
  t.contains(err, ":checkhealth trawl")
end)

t.finish()
