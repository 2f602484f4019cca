-- luacheck: globals vim
--- :TrawlTest: check the examples of the rule file in a buffer and show
-- the failures as diagnostics on the lines of the failing examples.
--
-- What is loaded with the file:
--   * the file is one of the rule paths, or inside one of their folders:
--     the rule paths (the file with the packs it belongs to);
--   * otherwise the file alone, when it loads alone (`trawl test FILE`);
--   * otherwise, or with :TrawlTest!, the rule paths and the file
--     (`trawl test --rules PATH… FILE`), for a file that uses lists or
--     phases that the packs declare.
-- Only the failures of rules of this file become diagnostics; the others
-- are counted in the message.
local lexer = require "trawl.nvim.lexer"
local text = require "trawl.nvim.text"

local M = {}

M.ns = vim.api.nvim_create_namespace("trawl.test")

--- The result of the last run, for scripts and tests: { passed, failed,
-- others, mode = "alone"|"packs"|"paths", diagnostics } (nil before).
M.last = nil

local function realpath(p)
  return vim.loop.fs_realpath(p) or p
end

local function split_where(where)
  local file, line = tostring(where):match("^(.*):(%d+)$")
  return file, tonumber(line)
end

local function copy(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  return out
end

--- Load the rules for testing `file` (see the top of this file). Returns
-- the rule set or nil, the load error, and the mode.
function M.load(trawl, file, paths, with_packs)
  local abs = realpath(file)
  for _, p in ipairs(paths) do
    local rp = realpath(p)
    if rp == abs or abs:sub(1, #rp + 1) == rp .. "/" then
      local rs, err = trawl.load(paths)
      return rs, err, "paths"
    end
  end
  if not with_packs then
    local rs = trawl.load { file }
    if rs then return rs, nil, "alone" end
  end
  local all = copy(paths)
  all[#all + 1] = file
  local rs, err = trawl.load(all)
  return rs, err, "packs"
end

--- Remove the diagnostics of :TrawlTest from buf.
function M.clear(buf)
  vim.diagnostic.reset(M.ns, buf)
end

-- the buffer range of the string literal holding example `index` of the
-- rule declared at line `line` (1-based), found by reading the Lua source;
-- else where the example's text first occurs after that line; else the
-- rule's line. Returns row, col, end_row, end_col (0-based).
local function locate(ctx, line, index, example_text)
  local map = ctx.map
  local nlines = #map.starts
  line = math.max(1, math.min(line or 1, nlines))
  local pos = map.starts[line] + 1
  local strings = ctx.strings[line]
  if strings == nil then
    strings = lexer.example_strings(ctx.src, pos) or false
    ctx.strings[line] = strings
  end
  local s = strings and strings[index]
  if s and s.first then
    return text.range(map, s.first - 1, s.last)
  end
  if type(example_text) == "string" and example_text ~= "" then
    local needle = example_text:match("^[^\n]*")
    local at = ctx.src:find(needle, pos, true)
    if at then return text.range(map, at - 1, at - 1 + #needle) end
  end
  return line - 1, 0, line - 1, map.lens[line]
end

-- the example table of a failure, from the loaded rules
local function example_of(rs, failure)
  for _, r in ipairs(rs:rules()) do
    if r.name == failure.rule then
      local ex = r.examples and r.examples[failure.index]
      if type(ex) == "table" then return ex.text or ex[1] end
      return nil
    end
  end
end

-- the message of a failure: its lines without the "text: …" line, which
-- the diagnostic's position already shows
local function message(failure)
  local out = {}
  for _, l in ipairs(failure.lines or {}) do
    if not l:find("^text: ") then out[#out + 1] = l end
  end
  if #out == 0 then out = failure.lines or { "example failed" } end
  return table.concat(out, "\n")
end

--- Diagnostics for the failures whose rule is in `file`, on the lines of
-- buf. Returns the diagnostics and the number of other failures.
function M.diagnostics(buf, file, rs, failures)
  local abs = realpath(file)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local ctx = {
    src = table.concat(lines, "\n") .. "\n",
    map = text.map(lines, 0),
    strings = {},
  }
  local diags, others = {}, 0
  for _, f in ipairs(failures) do
    local ffile, fline = split_where(f.where)
    if ffile and realpath(ffile) == abs then
      local row, col, end_row, end_col = locate(ctx, fline, f.index, example_of(rs, f))
      diags[#diags + 1] = {
        lnum = row, col = col, end_lnum = end_row, end_col = end_col,
        severity = vim.diagnostic.severity.ERROR, source = "trawl", code = f.rule,
        message = message(f),
        user_data = { rule = f.rule, index = f.index, where = f.where },
      }
    else
      others = others + 1
    end
  end
  return diags, others
end

-- a diagnostic for a load error that names a line of `file`
local function load_error_diagnostic(file, err)
  local msg = tostring(err)
  local at = msg:find(file .. ":", 1, true)
  if not at then return nil end
  local rest = msg:sub(at + #file + 1)
  local line, col = rest:match("^(%d+):(%d+)")
  line = line or rest:match("^(%d+)")
  if not line then return nil end
  local shown = msg
  if at == 1 then
    shown = rest:gsub("^%d+:%d*:?%s*", "")
  end
  return {
    lnum = tonumber(line) - 1, col = col and tonumber(col) - 1 or 0,
    severity = vim.diagnostic.severity.ERROR, source = "trawl", message = shown,
  }
end

-- the number of examples of the rules of `file`
local function examples_in(rs, file)
  local abs, n = realpath(file), 0
  for _, r in ipairs(rs:rules()) do
    local rfile = split_where(r.where)
    if rfile and realpath(rfile) == abs and type(r.examples) == "table" then
      n = n + #r.examples
    end
  end
  return n
end

local MODES = {
  alone = "the file alone",
  packs = "with the rule paths",
  paths = "the rule paths",
}

--- Check the examples of the rule file in buf (saved first when modified
-- and 'autowrite' is set). opts.with_packs: load the rule paths too.
-- Returns M.last.
function M.run(buf, opts)
  opts = opts or {}
  local main = require "trawl.nvim"
  if buf == 0 or buf == nil then buf = vim.api.nvim_get_current_buf() end
  local file = vim.api.nvim_buf_get_name(buf)
  if file == "" or not file:find("%.lua$") then
    main.fail("trawl: :TrawlTest checks a rule file (*.lua); this buffer is not one")
  end
  if vim.api.nvim_buf_get_option(buf, "modified") then
    if vim.o.autowrite or vim.o.autowriteall then
      vim.api.nvim_buf_call(buf, function() vim.cmd("silent update") end)
    else
      main.fail("trawl: the buffer has unsaved changes: :write it first (or set 'autowrite')")
    end
  end
  local trawl, eerr = main.engine()
  if not trawl then main.fail(eerr) end
  M.clear(buf)
  local rs, err, mode = M.load(trawl, file, main.rule_paths(), opts.with_packs)
  if not rs then
    local d = load_error_diagnostic(file, err)
    if d then vim.diagnostic.set(M.ns, buf, { d }) end
    M.last = { passed = 0, failed = 0, others = 0, mode = mode, error = err, diagnostics = d and { d } or {} }
    main.fail("trawl: " .. tostring(err))
  end
  local _, _, failures = rs:test()
  local diags, others = M.diagnostics(buf, file, rs, failures)
  vim.diagnostic.set(M.ns, buf, diags)
  local total = examples_in(rs, file)
  M.last = {
    passed = total - #diags, failed = #diags, others = others, mode = mode, diagnostics = diags,
  }
  local msg = ("trawl: %d passed, %d failed (%s)"):format(total - #diags, #diags, MODES[mode])
  if others > 0 then
    msg = msg .. ("; %d failing in other files (trawl test)"):format(others)
  end
  if #diags > 0 then
    main.notify(msg, vim.log.levels.WARN)
  else
    main.echo(msg)
  end
  return M.last
end

return M
