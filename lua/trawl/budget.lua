--- The instruction budget of rule code: an endless loop in an action
-- becomes an error for that document instead of a hang.
--
-- A count hook raises a sentinel error once the budget is spent. Rule
-- files get a pcall that passes the sentinel on, so an action cannot catch
-- it and loop again; under LuaJIT, rule chunks are kept out of the JIT
-- compiler, whose compiled loops never call hooks.
local budget = {}

local EVERY = 1000000           -- instructions between two hook calls
local SPENT = setmetatable({}, { __tostring = function() return "instruction limit exceeded" end })
budget.SPENT = SPENT

--- Is err the budget's error?
function budget.spent(err)
  return err == SPENT
end

--- The message for an error raised by rule code.
function budget.message(err)
  if err == SPENT then return "instruction limit exceeded" end
  return tostring(err)
end

local function pass_on(ok, ...)
  if not ok and (...) == SPENT then error(SPENT, 0) end
  return ok, ...
end

function budget.pcall(f, ...)
  return pass_on(pcall(f, ...))
end

function budget.xpcall(f, handler, ...)
  return pass_on(xpcall(f, function(e)
    if e == SPENT then return e end
    return handler(e)
  end, ...))
end

--- Keep a rule file's chunk, and every function defined in it, out of
-- LuaJIT's compiler (no-op elsewhere).
function budget.jit_off(chunk)
  if jit and jit.off then jit.off(chunk, true) end
end

local function pack(...)
  return { n = select("#", ...), ... }
end

--- Run f(...) with a budget of `millions` million instructions. Returns
-- what pcall(f, ...) returns; the hook that was set before is restored.
function budget.run(millions, f, ...)
  local calls = 0
  local hook, mask, count = debug.gethook()
  debug.sethook(function()
    calls = calls + 1
    if calls > millions then error(SPENT, 0) end
  end, "", EVERY)
  local r = pack(pcall(f, ...))
  debug.sethook(hook, mask, count)
  return (table.unpack or unpack)(r, 1, r.n)  -- luacheck: ignore 143
end

return budget
