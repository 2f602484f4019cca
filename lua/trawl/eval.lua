--- Scoring extractions against gold annotations, as the extraction guide's
-- section 4 defines it: per type, spans matched one to one, greedily by
-- largest overlap (partial) or identical (exact); precision, recall, F1;
-- attribute accuracy among matched pairs (figure category and value,
-- source kind and stance). Gold marked optional, and pronoun sources, are
-- dropped with the predictions that overlap only them.
local eval = {}

eval.TYPES = { "figure", "source", "credit" }

local function overlap(a, b)
  return math.max(0, math.min(a["end"], b["end"]) - math.max(a.start, b.start))
end

-- one-to-one pairs, largest overlap first; ties in gold, then prediction
-- order (a stable sort, as the reference scorer's)
local function match(gold, pred, exact)
  local cands = {}
  for gi, g in ipairs(gold) do
    for pi, p in ipairs(pred) do
      local ov
      if exact then
        ov = (g.start == p.start and g["end"] == p["end"]) and (g["end"] - g.start) or nil
      else
        ov = overlap(g, p)
        if ov <= 0 then ov = nil end
      end
      if ov then cands[#cands + 1] = { ov = ov, gi = gi, pi = pi, n = #cands + 1 } end
    end
  end
  table.sort(cands, function(a, b)
    if a.ov ~= b.ov then return a.ov > b.ov end
    return a.n < b.n
  end)
  local used_g, used_p, pairs_ = {}, {}, {}
  for _, c in ipairs(cands) do
    if not used_g[c.gi] and not used_p[c.pi] then
      used_g[c.gi], used_p[c.pi] = true, true
      pairs_[#pairs_ + 1] = { gold[c.gi], pred[c.pi] }
    end
  end
  return pairs_
end

local function prf(tp, npred, ngold)
  local p = npred > 0 and tp / npred or (ngold == 0 and 1 or 0)
  local r = ngold > 0 and tp / ngold or 1
  local f = (p + r) > 0 and 2 * p * r / (p + r) or 0
  return p, r, f
end

local function close(a, b)
  a, b = tonumber(a), tonumber(b)
  if not a or not b then return false end
  return math.abs(a - b) <= 0.005 * math.max(math.abs(a), math.abs(b), 1e-9)
end

local function value_ok(g, p)
  local any, ok = false, true
  for _, k in ipairs { "value", "min", "max" } do
    if g[k] ~= nil then
      any = true
      if not close(g[k], p[k]) then ok = false end
    end
  end
  if not any then return nil end
  return ok
end

local ATTRS = { figure = { "category" }, source = { "kind", "stance" }, credit = {} }

--- Score predictions against gold (both lists of extraction tables).
-- Returns report[type] = { gold, pred, partial = {p, r, f1}, exact = {...},
-- attributes = { name = accuracy } } and errors[type] = list of
-- { what = "missed"|"spurious"|"wrong <attr>", gold, pred }.
function eval.score(gold_rows, pred_rows, types)
  types = types or eval.TYPES
  local by, keys = {}, {}
  local function slot(x)
    local k = tostring(x.doc) .. "\0" .. x.type
    if not by[k] then by[k] = { gold = {}, pred = {}, type = x.type, doc = tostring(x.doc) }; keys[#keys + 1] = k end
    return by[k]
  end
  local wanted = {}
  for _, t in ipairs(types) do wanted[t] = true end
  for _, g in ipairs(gold_rows) do if wanted[g.type] then local s = slot(g); s.gold[#s.gold + 1] = g end end
  for _, p in ipairs(pred_rows) do if wanted[p.type] then local s = slot(p); s.pred[#s.pred + 1] = p end end
  table.sort(keys)
  local report, errors = {}, {}
  for _, t in ipairs(types) do
    local tot = { gold = 0, pred = 0, tp = 0, tpx = 0, attr = {} }
    local errs = {}
    for _, k in ipairs(keys) do
      local s = by[k]
      if s.type == t then
        local gold, ignored, pred = {}, {}, {}
        for _, g in ipairs(s.gold) do
          if g.pronoun or g.optional then ignored[#ignored + 1] = g else gold[#gold + 1] = g end
        end
        for _, p in ipairs(s.pred) do
          local only_ignored = false
          if #ignored > 0 then
            local hits_ignored, hits_gold = false, false
            for _, g in ipairs(ignored) do if overlap(p, g) > 0 then hits_ignored = true end end
            for _, g in ipairs(gold) do if overlap(p, g) > 0 then hits_gold = true end end
            only_ignored = hits_ignored and not hits_gold
          end
          if not only_ignored then pred[#pred + 1] = p end
        end
        local pairs_ = match(gold, pred, false)
        tot.gold, tot.pred, tot.tp = tot.gold + #gold, tot.pred + #pred, tot.tp + #pairs_
        tot.tpx = tot.tpx + #match(gold, pred, true)
        local mg, mp = {}, {}
        for _, pr in ipairs(pairs_) do mg[pr[1]], mp[pr[2]] = true, true end
        for _, g in ipairs(gold) do if not mg[g] then errs[#errs + 1] = { what = "missed", gold = g } end end
        for _, p in ipairs(pred) do if not mp[p] then errs[#errs + 1] = { what = "spurious", pred = p } end end
        for _, pr in ipairs(pairs_) do
          local g, p = pr[1], pr[2]
          for _, a in ipairs(ATTRS[t] or {}) do
            if g[a] ~= nil then
              local c = tot.attr[a] or { 0, 0 }
              tot.attr[a] = c
              c[2] = c[2] + 1
              local got = p[a]
              if got == nil and a == "stance" then got = "assert" end
              if g[a] == got then c[1] = c[1] + 1
              else errs[#errs + 1] = { what = "wrong " .. a, gold = g, pred = p } end
            end
          end
          if t == "figure" then
            local ok = value_ok(g, p)
            if ok ~= nil then
              local c = tot.attr.value or { 0, 0 }
              tot.attr.value = c
              c[2] = c[2] + 1
              if ok then c[1] = c[1] + 1 else errs[#errs + 1] = { what = "wrong value", gold = g, pred = p } end
            end
          end
        end
      end
    end
    local p, r, f = prf(tot.tp, tot.pred, tot.gold)
    local pe, re, fe = prf(tot.tpx, tot.pred, tot.gold)
    local attrs = {}
    for a, c in pairs(tot.attr) do attrs[a] = c[2] > 0 and c[1] / c[2] or nil end
    report[t] = { gold = tot.gold, pred = tot.pred, partial = { p = p, r = r, f1 = f },
                  exact = { p = pe, r = re, f1 = fe }, attributes = attrs }
    errors[t] = errs
  end
  return report, errors
end

-- rounded to 4 places first, then shown with 3, as the reference scorer
-- does, so that both print the same figures
local function r4(x) return string.format("%.3f", tonumber(string.format("%.4f", x))) end

--- The report as lines of a table, like the reference scorer prints.
function eval.lines(report, types)
  local out = { string.format("%-8s %6s %6s | %6s %6s %6s | %7s  %s",
    "type", "gold", "pred", "P", "R", "F1", "exactF1", "attributes") }
  for _, t in ipairs(types or eval.TYPES) do
    local r = report[t]
    local names = {}
    for a in pairs(r.attributes) do names[#names + 1] = a end
    table.sort(names)
    local attrs = {}
    for _, a in ipairs(names) do attrs[#attrs + 1] = a .. "=" .. r4(r.attributes[a]) end
    out[#out + 1] = string.format("%-8s %6d %6d | %6s %6s %6s | %7s  %s", t, r.gold, r.pred,
      r4(r.partial.p), r4(r.partial.r), r4(r.partial.f1), r4(r.exact.f1), table.concat(attrs, " "))
  end
  return out
end

--- One error as a line: what, doc, span and text, and the differing values.
function eval.error_line(e)
  local x = e.gold or e.pred
  local line = string.format("%-14s %s %d-%d %q", e.what, tostring(x.doc), x.start, x["end"], x.text or "")
  if e.gold and e.pred then
    local a = e.what:match("^wrong (.+)$")
    if a == "value" then
      line = line .. string.format("  gold %s/%s/%s, got %s/%s/%s", tostring(e.gold.value), tostring(e.gold.min),
        tostring(e.gold.max), tostring(e.pred.value), tostring(e.pred.min), tostring(e.pred.max))
    else
      line = line .. string.format("  gold %s, got %s", tostring(e.gold[a]), tostring(e.pred[a]))
    end
  end
  return line
end

return eval
