-- luacheck: globals vim
--- trawl in Neovim: run the rules on buffers, show the extractions, check
-- rule files' examples. See :help trawl.
--
--     require("trawl.nvim").setup {
--       rules = { "~/rules", "/path/to/trawl/rules" },
--       types = { "figure", "source" },
--       auto = { filetypes = { "text", "markdown" }, debounce_ms = 300 },
--     }
--
-- The engine (require "trawl") runs in Neovim's LuaJIT, through the C
-- module lua/trawl/core.so that `make nvim` builds. This module loads it
-- only when a command needs it, so Neovim starts the same without it.
local config = require "trawl.nvim.config"
local text = require "trawl.nvim.text"
local view = require "trawl.nvim.view"

local M = {}

M.config = config.resolve {}

local state = {
  ruleset = nil,        -- the rule set of the last load
  results = {},         -- buf -> { xs, errors, first, last, ms, tick }
  highlights_defined = false,
}
M._state = state

local function notify(msg, level)
  vim.notify(msg, level or vim.log.levels.INFO, { title = "trawl" })
end

local function echo(msg)
  vim.api.nvim_echo({ { msg } }, false, {})
end

--- The engine module, or nil and a message that says what to do.
function M.engine()
  local ok, trawl = pcall(require, "trawl")
  if ok then return trawl end
  local msg = tostring(trawl)
  if msg:find("trawl.core", 1, true) or msg:find("core.so", 1, true) then
    -- say what is wrong with the C module and what to do, in one line
    local health = require "trawl.health"
    local why, advice = health.explain_load_error(msg, health.module_paths())
    return nil, ("trawl: %s. %s. See :checkhealth trawl"):format(why, advice[1])
  end
  return nil, "trawl: the engine does not load (see :checkhealth trawl): " .. msg
end

-- raise a clean error (no traceback) for the command wrapper to show
local function fail(msg)
  error({ trawl_error = msg }, 0)
end

--- The rule paths in use: setup's `rules`, or the default packs.
function M.rule_paths()
  if M.config.rules then return M.config.rules end
  local trawl = M.engine()
  local dir = trawl and trawl.default_rules()
  return dir and { config.abspath(dir) } or {}
end

--- Load the rule paths (re-reading every file). Returns the rule set, or
-- nil and a message; the last good rule set stays in use for automatic
-- runs after a failed load.
function M.load()
  local trawl, err = M.engine()
  if not trawl then return nil, err end
  local paths = M.rule_paths()
  if #paths == 0 then
    return nil, "trawl: no rules: the default packs were not found; set them with :TrawlRules {path}"
  end
  local rs, lerr = trawl.load(paths)
  if not rs then return nil, "trawl: " .. tostring(lerr) end
  state.ruleset = rs
  return rs
end

local function ruleset(reload)
  if reload or not state.ruleset then
    local rs, err = M.load()
    if not rs then fail(err) end
  end
  return state.ruleset
end

-- the highlight groups, defined again after every :colorscheme; results
-- are forgotten with their buffers
local function define_highlights()
  view.define_highlights(M.config.highlights)
  if not state.highlights_defined then
    local group = vim.api.nvim_create_augroup("trawl", { clear = true })
    vim.api.nvim_create_autocmd("ColorScheme", {
      group = group, callback = function() view.define_highlights(M.config.highlights) end,
    })
    vim.api.nvim_create_autocmd("BufWipeout", {
      group = group, callback = function(a) state.results[a.buf] = nil end,
    })
  end
  state.highlights_defined = true
end

local function wanted(x)
  local types = M.config.types
  if not types then return true end
  for _, t in ipairs(types) do
    if t == x.type then return true end
  end
  return false
end

local function buf_of(buf)
  if buf == nil or buf == 0 then return vim.api.nvim_get_current_buf() end
  return buf
end

--- The doc id of a buffer, as the command line tool names files: the file
-- name without folder and extension ("-" for a buffer without a name).
function M.doc_id(buf)
  local name = vim.api.nvim_buf_get_name(buf_of(buf))
  if name == "" then return "-" end
  local base = name:match("([^/]*)$")
  return base:match("^(.+)%.[^.]*$") or base
end

--- Run the rules on lines [first, last) of buf (0-based; default the
-- whole buffer) and return the extractions of the configured types (with
-- offsets into that text), the errors, the map to buffer positions and
-- the time in milliseconds.
function M.extract(buf, first, last, opts)
  opts = opts or {}
  buf = buf_of(buf)
  local rs = ruleset(opts.reload)
  local t0 = vim.loop.hrtime()
  local src, map = text.get(buf, first, last)
  local all, errors = rs:run(src, M.doc_id(buf))
  local xs = {}
  for _, x in ipairs(all) do
    if wanted(x) then xs[#xs + 1] = x end
  end
  return xs, errors, map, (vim.loop.hrtime() - t0) / 1e6
end

local function count_types(xs)
  local n, order = {}, {}
  for _, x in ipairs(xs) do
    if not n[x.type] then order[#order + 1] = x.type end
    n[x.type] = (n[x.type] or 0) + 1
  end
  local parts = {}
  for _, t in ipairs(order) do parts[#parts + 1] = n[t] .. " " .. t end
  return table.concat(parts, ", ")
end

local function report_errors(errors)
  if #errors == 0 then return end
  local lines = {}
  for i, e in ipairs(errors) do
    if i > 5 then
      lines[#lines + 1] = ("… and %d more"):format(#errors - 5)
      break
    end
    lines[#lines + 1] = tostring(e.message)
  end
  notify("trawl: " .. #errors .. " rule error(s):\n" .. table.concat(lines, "\n"), vim.log.levels.WARN)
end

--- Run the rules on buf (lines [first, last), 0-based; default all) and
-- show the extractions: highlights, labels and, for the windows showing
-- buf, the location list. opts.reload re-reads the rules (default: use the
-- loaded ones); opts.quiet: no message; opts.loclist: "set" (default,
-- current window), "update" (only windows whose list is trawl's), false.
-- Returns the extractions shown.
function M.run(buf, first, last, opts)
  opts = opts or {}
  buf = buf_of(buf)
  if not state.highlights_defined then define_highlights() end
  local xs, errors, map, ms = M.extract(buf, first, last, opts)
  local t0 = vim.loop.hrtime()
  local items = view.show(buf, xs, map, { virtual_text = M.config.virtual_text })
  local loclist = opts.loclist == nil and "set" or opts.loclist
  if M.config.loclist and loclist then
    local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":t")
    local current = vim.api.nvim_get_current_win()
    for _, win in ipairs(vim.fn.win_findbuf(buf)) do
      -- a new list only in the current window; elsewhere refresh trawl's
      view.set_loclist(win, items, name, loclist == "update" or win ~= current)
    end
  end
  ms = ms + (vim.loop.hrtime() - t0) / 1e6
  state.results[buf] = {
    xs = xs, errors = errors, map = map, first = first, last = last, ms = ms,
    tick = vim.api.nvim_buf_get_changedtick(buf),
  }
  if not opts.quiet then
    local what = #xs == 0 and "no extractions" or (#xs .. " extractions (" .. count_types(xs) .. ")")
    echo(("trawl: %s in %.0f ms"):format(what, ms))
  end
  report_errors(errors)
  return xs
end

--- The result of the last run on buf: { xs, errors, map, ms, … } or nil.
function M.result(buf)
  return state.results[buf_of(buf)]
end

--- Remove the extractions shown in buf, its trawl location lists and the
-- diagnostics of :TrawlTest.
function M.clear(buf)
  buf = buf_of(buf)
  view.clear(buf)
  state.results[buf] = nil
  for _, win in ipairs(vim.fn.win_findbuf(buf)) do view.clear_loclist(win) end
  require("trawl.nvim.ruletest").clear(buf)
end

--- Set the rule paths (files or folders) and load them. On a load error
-- the previous paths stay. Returns the rule set, or nil and a message.
function M.set_rules(paths)
  if type(paths) == "string" then paths = { paths } end
  local old = M.config.rules
  M.config.rules = {}
  for i, p in ipairs(paths) do M.config.rules[i] = config.abspath(p) end
  local rs, err = M.load()
  if not rs then
    M.config.rules = old
    return nil, err
  end
  return rs
end

--- Write the extractions of buf (all of it) as JSON Lines, one object a
-- line with the fields the command line tool writes. Returns the number
-- written, or nil and a message.
function M.export(buf, file, opts)
  buf = buf_of(buf)
  local ok, output = pcall(require, "trawl.output")
  if not ok then return nil, "trawl: " .. tostring(output) end
  local xs = M.extract(buf, nil, nil, opts)
  local lines = {}
  for i, x in ipairs(xs) do lines[i] = output.encode(x) end
  local f, err = io.open(file, "wb")
  if not f then return nil, "trawl: " .. tostring(err) end
  for _, line in ipairs(lines) do f:write(line, "\n") end
  f:close()
  return #xs
end

-- commands ---------------------------------------------------------------

local commands = {}

function commands.run(o)
  local whole = o.line1 == 1 and o.line2 == vim.api.nvim_buf_line_count(0)
  if whole then
    M.run(0, nil, nil, { reload = true })
  else
    M.run(0, o.line1 - 1, o.line2, { reload = true })
  end
end

function commands.clear()
  M.clear(0)
end

function commands.rules(o)
  if #o.fargs == 0 then
    local rs = ruleset(true)
    echo(("trawl: %d rules from %s"):format(#rs:rules(), table.concat(M.rule_paths(), ", ")))
    return
  end
  local rs, err = M.set_rules(o.fargs)
  if not rs then fail(err) end
  echo(("trawl: %d rules from %s"):format(#rs:rules(), table.concat(M.rule_paths(), ", ")))
  -- show the new rules' extractions where the old ones are shown
  for buf, r in pairs(state.results) do
    if vim.api.nvim_buf_is_loaded(buf) then
      M.run(buf, r.first, r.last, { quiet = true, loclist = "update" })
    end
  end
end

function commands.test(o)
  require("trawl.nvim.ruletest").run(0, { with_packs = o.bang })
end

function commands.export(o)
  local n, err = M.export(0, o.args, { reload = true })
  if not n then fail(err) end
  echo(("trawl: %d extractions written to %s"):format(n, o.args))
end

--- Run a command (called by plugin/trawl.lua); errors become messages.
function M.command(name, o)
  local ok, err = pcall(commands[name], o)
  if not ok then
    local msg = type(err) == "table" and err.trawl_error or ("trawl: " .. tostring(err))
    notify(msg, vim.log.levels.ERROR)
  end
end

--- Configure trawl; see :help trawl-setup. May be called again.
function M.setup(opts)
  M.config = config.resolve(opts)
  state.ruleset = nil
  define_highlights()
  require("trawl.nvim.auto").setup(M.config.auto)
  return M
end

M.fail = fail
M.notify = notify
M.echo = echo
M.ruleset = ruleset

return M
