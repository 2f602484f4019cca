--- Why a rule fired or did not: every candidate of each rule with what
-- became of it, and for token patterns that matched nowhere, the longest
-- partial match and the atom that failed there. Also the profile table.
local core = require "trawl.core"

local explain = {}

local function quote(s)
  return (string.format("%q", s):gsub("\\\n", "\\n"))
end

-- the pattern source around byte offset src: the atom that failed
local function atom_at(pattern_src, src)
  local rest = pattern_src:sub(src + 1)
  local atom = rest:match("^%s*(%b())") or rest:match("^%s*(%b[])") or rest:match("^%s*(%b<>)")
    or rest:match("^%s*(%S+)") or ""
  if #atom > 40 then atom = atom:sub(1, 37) .. "..." end
  return atom
end

-- the longest partial match of a token pattern over the document
local function partial(rule, text, toks, store)
  local best
  for i = 1, #toks do
    local groups, far, src = rule.pattern:exec(toks, store, i)
    if not groups and far and far - i > 0 and (not best or far - i > best.far - best.i) then
      best = { i = i, far = far, src = src }
    end
  end
  if not best then return nil end
  local s = toks:span(best.i)
  local _, e = toks:span(best.far - 1)
  local at = best.far <= #toks and quote(toks:text(best.far)) or "the end of the text"
  return string.format("  longest partial match: %s (bytes %d-%d)\n"
    .. "  stopped at %s: the pattern wanted %s (pattern offset %d)",
    quote(text:sub(s + 1, e)), s, e, at, atom_at(rule.pattern_src, best.src), best.src)
end

--- Lines explaining what the rules of `rs` did on `text`; only the rule
-- named `only` when given.
function explain.lines(rs, text, only)
  local trace = {}
  local _, errors = rs:run(text, "explain", { trace = trace })
  local by_rule = {}
  for _, t in ipairs(trace) do
    local l = by_rule[t.c.rule] or {}
    by_rule[t.c.rule] = l
    l[#l + 1] = t
  end
  local toks, out = core.tokenize(text), {}
  local found = false
  for _, rule in ipairs(rs:rules()) do
    if not only or rule.name == only then
      found = true
      local list = by_rule[rule] or {}
      out[#out + 1] = string.format("rule %s (%s): %s", rule.name, rule.where,
        #list == 0 and "no match" or (#list .. (#list == 1 and " match" or " matches")))
      for _, t in ipairs(list) do
        local c = t.c
        local what = t.outcome
        if t.outcome == "lost" then
          what = string.format("lost to %s %s", t.by.rule.name, quote(text:sub(t.by.start + 1, t.by["end"])))
        elseif t.outcome == "rejected" then
          what = "rejected by its action (or the action failed)"
        end
        out[#out + 1] = string.format("  %s (bytes %d-%d): %s", quote(text:sub(c.start + 1, c["end"])),
          c.start, c["end"], what)
      end
      if #list == 0 and rule.pattern then
        out[#out + 1] = partial(rule, text, toks, rs.store) or "  no token of the text starts it"
      end
      for _, e in ipairs(errors) do
        if e.rule == rule.name then out[#out + 1] = "  error: " .. e.message end
      end
    end
  end
  if only and not found then return nil, "no rule named '" .. only .. "'" end
  return out
end

--- The profile table as lines, slowest rule first.
function explain.profile_lines(rows)
  table.sort(rows, function(a, b)
    local ta = (a.nanos or 0) / 1e9 + a.action_time
    local tb = (b.nanos or 0) / 1e9 + b.action_time
    if ta ~= tb then return ta > tb end
    return a.rule < b.rule
  end)
  local out = { string.format("%-28s %9s %8s %10s %8s %7s %7s %8s  %s",
    "rule", "tries", "matches", "steps", "C ms", "cands", "calls", "Lua ms", "where") }
  for _, r in ipairs(rows) do
    out[#out + 1] = string.format("%-28s %9s %8s %10s %8s %7d %7d %8.1f  %s",
      r.rule, r.tries and string.format("%d", r.tries) or "-",
      r.matches and string.format("%d", r.matches) or "-",
      r.steps and string.format("%d", r.steps) or "-",
      r.nanos and string.format("%.1f", r.nanos / 1e6) or "-",
      r.candidates, r.calls, r.action_time * 1000, r.where)
  end
  return out
end

return explain
