-- luacheck: globals vim
--- A tiny test harness for headless Neovim (tests/nvim/run starts one
-- Neovim per test file). Each test file:
--
--     local t = dofile(os.getenv("TRAWL_REPO") .. "/tests/nvim/helper.lua")
--     t.test("name", function() t.eq(1, 1) end)
--     t.finish()        -- "N passed, N failed", then quits (status 1 on failure)
--
-- Output goes to stdout (print() of headless Neovim goes to stderr).
local H = { passed = 0, failed = 0 }

H.repo = assert(os.getenv("TRAWL_REPO"), "TRAWL_REPO is not set (run tests/nvim/run)")
H.root = os.getenv("TRAWL_ROOT")        -- the plugin tree under test
H.tmp = os.getenv("TRAWL_TMP")          -- a scratch folder
H.data = H.repo .. "/tests/nvim/data"

local function out(...)
  io.stdout:write(...)
  io.stdout:flush()
end
H.out = out

local function show(v)
  return vim.inspect(v, { newline = " ", indent = "" })
end

--- Fail unless want and got are equal (deeply).
function H.eq(want, got, what)
  if not vim.deep_equal(want, got) then
    error(("%s\n      want: %s\n       got: %s"):format(what or "values differ", show(want), show(got)), 2)
  end
end

--- Fail unless v is true-ish.
function H.ok(v, what)
  if not v then error(what or "expected a true value", 2) end
  return v
end

--- Fail unless s contains the plain string sub.
function H.contains(s, sub, what)
  if type(s) ~= "string" or not s:find(sub, 1, true) then
    error(("%s\n      want a text containing: %s\n       got: %s")
      :format(what or "missing text", show(sub), show(s)), 2)
  end
end

--- Run one test; an error is a failure.
function H.test(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    H.passed = H.passed + 1
    out("ok   ", name, "\n")
  else
    H.failed = H.failed + 1
    out("FAIL ", name, "\n      ", tostring(err):gsub("\n", "\n      "), "\n")
  end
end

--- Print a note (a measurement) that the runner shows.
function H.note(fmt, ...)
  out("#    ", fmt:format(...), "\n")
end

--- The contents of a file.
function H.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

function H.write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

--- The lines of a file (no trailing empty line for the final "\n").
function H.lines(path)
  local s = H.read(path)
  local lines = vim.split(s, "\n", { plain = true })
  if lines[#lines] == "" then lines[#lines] = nil end
  return lines
end

--- Run an Ex command, returning false and the message when it fails.
function H.cmd(c)
  local ok, err = pcall(vim.cmd, c)
  return ok, err
end

--- The text of the current buffer.
function H.buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf or 0, 0, -1, false), "\n")
end

--- Close every buffer and forget trawl's configuration.
function H.reset()
  vim.cmd("silent! %bwipeout!")
  local nv = package.loaded["trawl.nvim"]
  if nv then nv.setup {} end
end

--- Print the counts and quit: status 0 when everything passed.
function H.finish()
  out(("%d passed, %d failed\n"):format(H.passed, H.failed))
  vim.cmd(H.failed > 0 and "cquit 1" or "qall!")
end

return H
