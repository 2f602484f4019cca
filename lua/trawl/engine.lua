--- Running a rule set over one document: phases in order, every rule's
-- matches, one action call per match, conflicts resolved per phase.
local engine = {}

-- table.sort, skipped when the list is already in order: matches come in
-- text order from each rule, and sorting them again costs most of a run
local function sort(list, before)
  for i = 2, #list do
    if before(list[i], list[i - 1]) then return table.sort(list, before) end
  end
end

-- Each document gets an instruction budget so that a runaway action (an
-- endless loop in a rule) becomes an error for that document, not a hang.
local HOOK_EVERY = 1000000
local function budget_for(len)
  return 1000 + math.floor(len / 1000)   -- in units of HOOK_EVERY
end

--- The captures of a match: by name and by number, each
-- { text =, start =, ["end"] = } with 0-based offsets.
local function captures(text, spans, names)
  local groups = {}
  for i = 3, #spans, 2 do
    local s, e = spans[i], spans[i + 1]
    if s then
      groups[(i - 1) / 2] = { text = text:sub(s + 1, e), start = s, ["end"] = e }
    end
  end
  for name, i in pairs(names) do groups[name] = groups[i] end
  return groups
end

-- one extraction from a match and the fields its action returned
local function extraction(rule, doc, text, s, e, fields)
  local x = { doc = doc, type = rule.type, rule = rule.name }
  for k, v in pairs(fields) do x[k] = v end
  x.start = x.start or s
  x["end"] = x["end"] or e
  if type(x.start) ~= "number" or type(x["end"]) ~= "number"
      or x.start < 0 or x["end"] > #text or x.start > x["end"] then
    error(string.format("action returned a bad span [%s, %s)",
      tostring(x.start), tostring(x["end"])), 0)
  end
  x.text = text:sub(x.start + 1, x["end"])
  return x
end

-- call the action of `rule` on one match; returns a list of extractions
local function act(rule, ctx, spans)
  local text = ctx.text
  local groups = captures(text, spans, rule.groups)
  local span = rule.span_group and groups[rule.span_group] or nil
  local s, e = spans[1], spans[2]
  if span then s, e = span.start, span["end"] end
  if not rule.action then return { extraction(rule, ctx.doc, text, s, e, {}) } end
  local m = {
    doc = ctx.doc, source = text, start = s, ["end"] = e,
    text = text:sub(s + 1, e), groups = groups,
    match_start = spans[1], match_end = spans[2],
    annotations = ctx.annotations,
  }
  local fields = rule.action(m)
  if not fields then return {} end
  if type(fields) ~= "table" then
    error("action must return a table of fields or nil, not a " .. type(fields), 0)
  end
  if type(fields[1]) == "table" then   -- several extractions from one match
    local out = {}
    for i, f in ipairs(fields) do out[i] = extraction(rule, ctx.doc, text, s, e, f) end
    return out
  end
  return { extraction(rule, ctx.doc, text, s, e, fields) }
end

local function report(ctx, rule, offset, msg)
  ctx.errors[#ctx.errors + 1] = {
    doc = ctx.doc, rule = rule.name, where = rule.where, offset = offset,
    message = string.format("%s: rule '%s': document '%s' at byte %d: %s",
      rule.where, rule.name, ctx.doc, offset, tostring(msg)),
  }
end

-- every match of one rule, appended to `cands`
local function run_rule(rule, ctx, cands)
  local re, text = rule.regex, ctx.text
  local pos, len = 0, #text
  while pos <= len do
    local ok, spans = pcall(function() return { re:exec(text, pos) } end)
    if not ok then report(ctx, rule, pos, spans); return end
    if spans[1] == nil then return end
    local aok, xs = pcall(act, rule, ctx, spans)
    if aok then
      for _, x in ipairs(xs) do
        x.priority, x.order, x.internal = rule.priority, rule.order, not rule.output
        cands[#cands + 1] = x
      end
    else
      report(ctx, rule, spans[1], xs)
    end
    pos = spans[2] > spans[1] and spans[2] or spans[2] + 1
  end
end

-- Conflicts of one phase, per type: the longest match wins, then the
-- higher priority, then the leftmost, then the rule loaded first; a
-- candidate that overlaps one already kept is dropped.
local function better(a, b)
  local la, lb = a["end"] - a.start, b["end"] - b.start
  if la ~= lb then return la > lb end
  if a.priority ~= b.priority then return a.priority > b.priority end
  if a.start ~= b.start then return a.start < b.start end
  return a.order < b.order
end

local function overlap(a, b)
  return a.start < b["end"] and b.start < a["end"]
end

-- Keep the best candidates of one cluster (candidates linked by overlap),
-- greedily in order of preference.
local function resolve_cluster(cluster, out)
  sort(cluster, better)
  local kept = {}
  for _, x in ipairs(cluster) do
    local free = true
    for _, k in ipairs(kept) do
      if overlap(k, x) then free = false; break end
    end
    if free then kept[#kept + 1] = x; out[#out + 1] = x end
  end
end

local function by_start(a, b)
  if a.start ~= b.start then return a.start < b.start end
  return a["end"] > b["end"]
end

-- Resolve one type's candidates. Overlap only links neighbours, so the
-- candidates fall into clusters that can be resolved one at a time: the
-- cost stays near n log n on long documents with many matches.
local function resolve_type(cands, out)
  sort(cands, by_start)
  local cluster, reach = {}, -1
  for _, x in ipairs(cands) do
    if x.start >= reach and #cluster > 0 then
      resolve_cluster(cluster, out)
      cluster = {}
    end
    cluster[#cluster + 1] = x
    if x["end"] > reach then reach = x["end"] end
  end
  if #cluster > 0 then resolve_cluster(cluster, out) end
end

local function resolve(cands)
  local by_type, types, out = {}, {}, {}
  for _, x in ipairs(cands) do
    local list = by_type[x.type]
    if not list then list = {}; by_type[x.type] = list; types[#types + 1] = x.type end
    list[#list + 1] = x
  end
  for _, t in ipairs(types) do resolve_type(by_type[t], out) end
  return out
end

local function by_position(a, b)
  if a.start ~= b.start then return a.start < b.start end
  if a["end"] ~= b["end"] then return a["end"] > b["end"] end
  if a.type ~= b.type then return a.type < b.type end
  return a.order < b.order
end

local function run_phases(rules, ctx)
  local i, n = 1, #rules
  while i <= n do
    local phase, cands = rules[i].phase, {}
    while i <= n and rules[i].phase == phase do
      run_rule(rules[i], ctx, cands)
      i = i + 1
    end
    for _, x in ipairs(resolve(cands)) do
      ctx.annotations[#ctx.annotations + 1] = x
    end
  end
end

--- Run `rules` (sorted by phase, then load order) over `text`.
-- Returns the output extractions in text order and a list of errors
-- ({ doc, rule, where, offset, message }); errors in one rule do not stop
-- the others.
function engine.run(rules, text, doc)
  local ctx = { text = text, doc = doc, annotations = {}, errors = {} }
  local calls, limit = 0, budget_for(#text)
  local hook, mask, count = debug.gethook()
  debug.sethook(function()
    calls = calls + 1
    if calls > limit then error("instruction limit exceeded", 2) end
  end, "", HOOK_EVERY)
  local ok, err = pcall(run_phases, rules, ctx)
  debug.sethook(hook, mask, count)
  if not ok then
    ctx.errors[#ctx.errors + 1] = {
      doc = doc, offset = 0,
      message = string.format("document '%s': %s", doc, tostring(err)),
    }
  end
  local out = {}
  for _, x in ipairs(ctx.annotations) do
    if not x.internal then
      out[#out + 1] = x
    end
  end
  sort(out, by_position)
  for _, x in ipairs(out) do x.priority, x.order, x.internal = nil, nil, nil end
  return out, ctx.errors
end

return engine
