-- luacheck: globals vim
--- Automatic runs: buffers of the configured filetypes or file patterns
-- are run when they are opened and again after changes (TextChanged,
-- InsertLeave), debounced with a libuv timer so a burst of changes makes
-- one run.
local M = {}

local attached = {}   -- buf -> { timer = uv timer }
local config = nil    -- the `auto` table of the configuration

local GROUP = "trawl_auto"
local BUF_GROUP = "trawl_auto_buffers"

local function run(buf)
  if not vim.api.nvim_buf_is_valid(buf) or not attached[buf] then return end
  local main = require "trawl.nvim"
  local ok, err = pcall(main.run, buf, nil, nil, { quiet = true, loclist = "update" })
  local a = attached[buf]
  if not ok then
    local msg = type(err) == "table" and err.trawl_error or tostring(err)
    if a and a.last_error ~= msg then main.notify(msg, vim.log.levels.ERROR) end
    if a then a.last_error = msg end
  elseif a then
    a.last_error = nil
  end
end

--- Run buf after the debounce delay; a new call restarts the delay.
function M.schedule(buf)
  local a = attached[buf]
  if not a then return end
  a.timer:stop()
  a.timer:start(config and config.debounce_ms or 300, 0, vim.schedule_wrap(function() run(buf) end))
end

--- Stop running buf automatically (its extractions stay shown).
function M.detach(buf)
  local a = attached[buf]
  if not a then return end
  attached[buf] = nil
  a.timer:stop()
  a.timer:close()
  pcall(vim.api.nvim_clear_autocmds, { group = BUF_GROUP, buffer = buf })
end

--- Run buf now and after each change.
function M.attach(buf)
  if attached[buf] or not vim.api.nvim_buf_is_valid(buf) then return end
  attached[buf] = { timer = vim.loop.new_timer() }
  local group = vim.api.nvim_create_augroup(BUF_GROUP, { clear = false })
  vim.api.nvim_create_autocmd({ "TextChanged", "InsertLeave" }, {
    group = group, buffer = buf, callback = function() M.schedule(buf) end,
  })
  vim.api.nvim_create_autocmd({ "BufWipeout", "BufUnload" }, {
    group = group, buffer = buf, callback = function() M.detach(buf) end,
  })
  vim.schedule(function() run(buf) end)
end

--- Whether buf is run automatically.
function M.is_attached(buf)
  return attached[buf] ~= nil
end

local function matches(buf)
  local ft = vim.api.nvim_buf_get_option(buf, "filetype")
  for _, f in ipairs(config.filetypes) do
    if f == ft then return true end
  end
  local name = vim.api.nvim_buf_get_name(buf)
  for _, p in ipairs(config.patterns) do
    if name ~= "" and vim.fn.match(name, vim.fn.glob2regpat(p)) >= 0 then return true end
  end
  return false
end

--- Install (or, with auto = nil, remove) the autocommands of automatic
-- runs; buffers already loaded that match are attached.
function M.setup(auto)
  config = auto
  vim.api.nvim_create_augroup(GROUP, { clear = true })
  for buf in pairs(attached) do M.detach(buf) end
  if not auto then return end
  local group = vim.api.nvim_create_augroup(GROUP, { clear = true })
  local attach = function(a) M.attach(a.buf) end
  if #auto.filetypes > 0 then
    vim.api.nvim_create_autocmd("FileType", { group = group, pattern = auto.filetypes, callback = attach })
  end
  if #auto.patterns > 0 then
    vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
      group = group, pattern = auto.patterns, callback = attach,
    })
  end
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and matches(buf) then M.attach(buf) end
  end
end

return M
