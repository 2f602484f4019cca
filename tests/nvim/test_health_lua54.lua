-- luacheck: globals vim
-- A module built for Lua 5.4 (build/lua54) where Neovim wants LuaJIT: the
-- runner gives this file such a plugin tree when that build exists.
local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")

package.cpath = ""
vim.cmd("runtime plugin/trawl.lua")

t.test(":checkhealth trawl explains a module built for another Lua", function()
  local ok, err = pcall(require, "trawl.core")
  t.eq(false, ok)
  t.contains(tostring(err), "undefined symbol: lua")
  package.loaded["trawl.core"] = nil
  vim.cmd("checkhealth trawl")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  t.contains(report, "ERROR: trawl.core (" .. t.root .. "/lua/trawl/core.so) is built for another Lua")
  t.contains(report, "make nvim")
end)

t.finish()
