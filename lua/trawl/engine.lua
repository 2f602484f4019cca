--- Running a rule set over one document: tokenise once, match the phrase
-- lists once, then each phase in order: every matcher's candidates (token
-- patterns in C, regexes, scanners), conflicts resolved by the phase's
-- policy, one action call per kept candidate, and the new annotations
-- stored for the patterns of later phases.
local core = require "trawl.core"
local budget = require "trawl.budget"

local engine = {}

local clock = os.clock

-- table.sort, skipped when the list is already in order: candidates come
-- in text order, and sorting them again would cost most of a run. (An
-- insertion sort for "nearly sorted" lists is a trap here: the candidates
-- of two rules are two sorted runs, one inversion apart, with every
-- element of the second run far from its place.)
local function sort(list, before)
  for i = 2, #list do
    if before(list[i], list[i - 1]) then return table.sort(list, before) end
  end
end

-- the instruction budget of a document, in millions of instructions
local function budget_for(len)
  return 200 + math.floor(len / 1000)
end

-- token span [first, last] (1-based) covering bytes [s, e)
local function tokens_of(toks, s, e)
  local first = toks:at(s)
  if not first then return #toks + 1, #toks end
  local last = e > s and toks:at(e - 1) or nil
  if not last then return first, first - 1 end
  local ls = toks:span(last)
  if ls >= e then last = last - 1 end
  return first, last
end

-- candidates ---------------------------------------------------------------

-- (a token-pattern candidate is the table the C matcher made: see
-- from_tokens; data is the regex spans or the number reading)
local function candidate(rule, s, e, first, last, kind, data)
  return { rule = rule, start = s, ["end"] = e, first = first, last = last,
           kind = kind, data = data }
end

-- a token-pattern match from the C matcher, made a candidate in place
-- (its spans come with it; a capture named span narrows them)
local function from_tokens(ctx, rule, c)
  c.rule, c.kind = rule, "tokens"
  local i = rule.span_group and 2 * rule.span_group + 1
  if i and c.groups[i] then
    local first, last = c.groups[i], c.groups[i + 1]
    c.match_start, c.match_end = c.start, c["end"]
    c.first, c.last = first, last
    c.start, c["end"] = ctx.toks:span(first, last)
  end
  return c
end

local function regex_candidates(ctx, rule, out)
  local re, text = rule.regex, ctx.text
  local pos, len = 0, #text
  while pos <= len do
    local ok, spans = pcall(function() return { re:exec(text, pos) } end)
    if not ok then
      ctx.report(rule, pos, spans)
      return
    end
    if spans[1] == nil then return end
    local s, e = spans[1], spans[2]
    if rule.span_group and spans[2 * rule.span_group + 1] then
      s, e = spans[2 * rule.span_group + 1], spans[2 * rule.span_group + 2]
    end
    if e > s or rule.span_group then
      local first, last = tokens_of(ctx.toks, s, e)
      local c = candidate(rule, s, e, first, last, "regex", spans)
      c.match_start, c.match_end = spans[1], spans[2]
      out[#out + 1] = c
    end
    pos = spans[2] > spans[1] and spans[2] or spans[2] + 1
  end
end

local scanners = {
  numbers = function(ctx)
    ctx.numbers = ctx.numbers or core.numbers(ctx.toks)
    return ctx.numbers
  end,
}

local function scan_candidates(ctx, rule, out)
  for _, n in ipairs(scanners[rule.scan](ctx)) do
    out[#out + 1] = candidate(rule, n.start, n["end"], n.first, n.last, "scan", n)
  end
end

-- the fields of a reading (the rest is position)
local READING = { "kind", "value", "min", "max", "qual", "currency" }

-- default fields of a scan match without an action: the reading itself
local function scan_fields(n)
  local f = {}
  for i = 1, #READING do
    local k = READING[i]
    f[k] = n[k]
  end
  return f
end

-- A scan rule without an action, alone in its phase to make its type,
-- needs no conflict resolution (a scanner's readings do not overlap) and
-- no match object: its readings become annotations directly. This is most
-- of the annotations of a document (every number), so it matters.
local function scan_direct(ctx, rule)
  local text, doc, typ, name = ctx.text, ctx.doc, rule.type, rule.name
  local accepted = ctx.accepted
  local readings = scanners[rule.scan](ctx)
  for _, n in ipairs(readings) do
    local x = scan_fields(n)
    local s, e = n.start, n["end"]
    x.doc, x.type, x.rule, x.start, x["end"], x.text = doc, typ, name, s, e, text:sub(s + 1, e)
    accepted[#accepted + 1] = { x = x, first = n.first, last = n.last, rule = rule }
    if ctx.trace then
      ctx.trace[#ctx.trace + 1] = { c = candidate(rule, s, e, n.first, n.last, "scan", n), outcome = "kept" }
    end
  end
  if ctx.profile then
    local p = ctx.profile[rule]
    p.candidates = p.candidates + #readings
  end
end

-- the match object an action sees -------------------------------------------

-- Its costly fields (text, used, groups) are made on first use: most
-- actions read a few captures, and a document has tens of thousands of
-- candidates. The candidate and the run stand in the object under keys
-- of their own.
local CAND, CTX = {}, {}

-- what a stored span stands for: an annotation or a list entry
local function used_item(ctx, u, k)
  local list = ctx.registry.class_info[u[k + 1]].list
  local first, last = u[k + 2], u[k + 3]
  local s, e = ctx.toks:span(first, last)
  local item = { first = first, last = last, start = s, ["end"] = e,
                 text = ctx.text:sub(s + 1, e) }
  if list then
    item.list, item.entry = list.name, list.entries[u[k]]
  else
    item.annotation = ctx.annotations[u[k]]
  end
  return item
end

local function used_items(m)
  local ctx, u, used = m[CTX], m[CAND].used, {}
  if u then
    for k = 1, #u, 4 do used[#used + 1] = used_item(ctx, u, k) end
  end
  return used
end

-- capture i of a token-pattern match, or nil when it took no part; with
-- the first list entry and the first annotation the match went through
-- inside it
local function token_group(m, i)
  local ctx, c = m[CTX], m[CAND]
  local g, u = c.groups, c.used
  local first, last = g[2 * i + 1], g[2 * i + 2]
  if not first then return nil end
  local s, e = ctx.toks:span(first, last)
  local grp = { text = ctx.text:sub(s + 1, e), start = s, ["end"] = e,
                first = first, last = last }
  if u then
    local info = ctx.registry.class_info
    for k = 1, #u, 4 do
      if u[k + 2] >= first and u[k + 3] <= last then
        local list = info[u[k + 1]].list
        if list then
          grp.entry = grp.entry or list.entries[u[k]]
        else
          grp.annotation = grp.annotation or ctx.annotations[u[k]]
        end
      end
    end
  end
  return grp
end

local function regex_group(m, i)
  local spans = m[CAND].data
  local s, e = spans[2 * i + 1], spans[2 * i + 2]
  if not s then return nil end
  return { text = m.source:sub(s + 1, e), start = s, ["end"] = e }
end

-- m.groups: by number or by name, each made when first read
local GROUPS = {
  __index = function(groups, key)
    local m = groups[CAND]
    local c = m[CAND]
    local i = key
    if type(key) == "string" then
      i = (c.kind == "tokens" and c.rule.group_index or c.rule.groups)[key]
    end
    if type(i) ~= "number" or i < 1 then return nil end
    local grp
    if c.kind == "tokens" then grp = token_group(m, i) else grp = regex_group(m, i) end
    if grp then
      rawset(groups, i, grp)
      if type(key) == "string" then rawset(groups, key, grp) end
    end
    return grp
  end,
}

local MATCH = {
  __index = function(m, key)
    local v
    if key == "text" then
      v = m.source:sub(m.start + 1, m["end"])
    elseif key == "used" then
      v = m[CAND].kind == "tokens" and used_items(m) or nil
    elseif key == "groups" then
      v = m[CAND].kind == "scan" and {} or setmetatable({ [CAND] = m }, GROUPS)
    else
      return nil
    end
    rawset(m, key, v)
    return v
  end,
}

local function match_object(ctx, c)
  return setmetatable({
    doc = ctx.doc, source = ctx.text, tokens = ctx.toks,
    start = c.start, ["end"] = c["end"],
    first = c.first, last = c.last, annotations = ctx.annotations,
    match_start = c.match_start or c.start, match_end = c.match_end or c["end"],
    number = c.kind == "scan" and c.data or nil,
    [CAND] = c, [CTX] = ctx,
  }, MATCH)
end

-- add to ctx.accepted the extraction made of candidate c and the fields
-- its action returned
local function extract(ctx, c, fields)
  local rule, text = c.rule, ctx.text
  -- (made with every key it will have, so that adding them costs no rehash)
  local x = { doc = ctx.doc, type = rule.type, rule = rule.name, start = 0, ["end"] = 0, text = "" }
  for k, v in pairs(fields) do x[k] = v end
  local s, e = fields.start or c.start, fields["end"] or c["end"]
  if type(s) ~= "number" or type(e) ~= "number" or s < 0 or e > #text or s > e then
    error(string.format("action returned a bad span [%s, %s)", tostring(s), tostring(e)), 0)
  end
  x.start, x["end"], x.text = s, e, text:sub(s + 1, e)
  local first, last = c.first, c.last
  if s ~= c.start or e ~= c["end"] then first, last = tokens_of(ctx.toks, s, e) end
  local acc = ctx.accepted
  acc[#acc + 1] = { x = x, first = first, last = last, rule = rule }
end

-- call the action of candidate c and add its extractions to ctx.accepted
local function act(ctx, c)
  local rule = c.rule
  local fields
  if rule.action then
    local t0 = ctx.profile and clock()
    fields = rule.action(match_object(ctx, c))
    if t0 then
      local p = ctx.profile[rule]
      p.calls, p.action_time = p.calls + 1, p.action_time + (clock() - t0)
    end
    if not fields then return end
    if type(fields) ~= "table" then
      error("action must return a table of fields or nil, not a " .. type(fields), 0)
    end
  else
    fields = c.kind == "scan" and scan_fields(c.data) or {}
  end
  if type(fields[1]) == "table" then
    for _, f in ipairs(fields) do extract(ctx, c, f) end
  else
    extract(ctx, c, fields)
  end
end

-- act, reporting errors; whether the candidate made an extraction (a
-- failed action makes none, even when it failed after its first)
local function try_act(ctx, c)
  local rule, acc = c.rule, ctx.accepted
  local before = #acc
  if not rule.action and c.kind ~= "scan" then
    -- no action: the match itself, without a match object or a pcall
    local s, e = c.start, c["end"]
    acc[before + 1] = { x = { doc = ctx.doc, type = rule.type, rule = rule.name, start = s,
                              ["end"] = e, text = ctx.text:sub(s + 1, e) },
                        first = c.first, last = c.last, rule = rule }
    return true
  end
  local ok, err = pcall(act, ctx, c)
  if not ok then
    for i = #acc, before + 1, -1 do acc[i] = nil end
    ctx.report(c.rule, c.start, err)
    if budget.spent(err) then   -- the document's budget is gone: stop it
      ctx.spent_reported = true
      error(err, 0)
    end
    return false
  end
  return #acc > before
end

-- conflict resolution ----------------------------------------------------

-- longest, then higher priority, then leftmost, then the rule loaded first
local function better(a, b)
  local la, lb = a["end"] - a.start, b["end"] - b.start
  if la ~= lb then return la > lb end
  if a.rule.priority ~= b.rule.priority then return a.rule.priority > b.rule.priority end
  if a.start ~= b.start then return a.start < b.start end
  return a.rule.index < b.rule.index
end

local function by_start(a, b)
  if a.start ~= b.start then return a.start < b.start end
  if a["end"] ~= b["end"] then return a["end"] > b["end"] end
  return a.rule.index < b.rule.index
end

-- Candidates of one matcher come in start order, several at one start in
-- rule order: then only each start's few need ordering (longest first).
-- When starts themselves are out of order (matchers of several kinds make
-- the type), the whole list is sorted.
local function sort_by_start(list)
  local n = #list
  for i = 2, n do
    if list[i].start < list[i - 1].start then return table.sort(list, by_start) end
  end
  local i = 1
  while i < n do
    local j = i
    while j < n and list[j + 1].start == list[i].start do j = j + 1 end
    for k = i + 1, j do   -- insertion sort of the few at this start
      local x, m = list[k], k - 1
      while m >= i and by_start(x, list[m]) do
        list[m + 1] = list[m]
        m = m - 1
      end
      list[m + 1] = x
    end
    i = j + 1
  end
end

local function overlap(a, b)
  return a.start < b["end"] and b.start < a["end"]
end

local function note(ctx, c, outcome, by)
  if ctx.trace then ctx.trace[#ctx.trace + 1] = { c = c, outcome = outcome, by = by } end
end

-- appelt: within a cluster of overlapping candidates, the best one whose
-- action accepts it is kept, then the best of those that do not overlap it
local function resolve_cluster(ctx, cluster)
  sort(cluster, better)
  local kept = {}
  for _, c in ipairs(cluster) do
    local by
    for _, k in ipairs(kept) do
      if overlap(k, c) then by = k; break end
    end
    if by then
      note(ctx, c, "lost", by)
    else
      if try_act(ctx, c) then
        kept[#kept + 1] = c
        note(ctx, c, "kept")
      else
        note(ctx, c, "rejected")
      end
    end
  end
end

-- overlap links only neighbours, so each type's candidates fall into
-- clusters resolved one at a time: near n log n on long documents
local function resolve_appelt(ctx, cands)
  local by_type, types = {}, {}
  for _, c in ipairs(cands) do
    local t = c.rule.type
    if not by_type[t] then by_type[t] = {}; types[#types + 1] = t end
    local l = by_type[t]
    l[#l + 1] = c
  end
  table.sort(types)
  for _, t in ipairs(types) do
    local list = by_type[t]
    sort_by_start(list)
    local i, n = 1, #list
    while i <= n do   -- the cluster list[i..j]: each starts before the others end
      local j, reach = i, list[i]["end"]
      while j < n and list[j + 1].start < reach do
        j = j + 1
        if list[j]["end"] > reach then reach = list[j]["end"] end
      end
      if j == i then   -- alone (most candidates): nothing to weigh
        note(ctx, list[i], try_act(ctx, list[i]) and "kept" or "rejected")
      else
        resolve_cluster(ctx, table.move(list, i, j, 1, {}))
      end
      i = j + 1
    end
  end
end

local function resolve_all(ctx, cands)
  sort_by_start(cands)
  for _, c in ipairs(cands) do
    note(ctx, c, try_act(ctx, c) and "kept" or "rejected")
  end
end

-- phases -----------------------------------------------------------------

local function token_candidates(ctx, phase, out)
  if not phase.cphase then return end
  local matches, errors = phase.cphase:run(ctx.toks, ctx.store,
    phase.policy == "appelt", ctx.profile ~= nil)
  for _, e in ipairs(errors) do
    local rule = ctx.rules[e.rule]
    local s = e.token <= #ctx.toks and ctx.toks:span(e.token) or #ctx.text
    ctx.report(rule, s, e.message)
  end
  for _, m in ipairs(matches) do
    local rule = ctx.rules[m.rule]
    out[#out + 1] = from_tokens(ctx, rule, m)
  end
end

-- store the phase's annotations for the patterns of later phases: in
-- each class of its type whose field tests it passes
local function store_annotations(ctx)
  local reg, store, annotations = ctx.registry, ctx.store, ctx.annotations
  local types, info = reg.types, reg.class_info
  for _, item in ipairs(ctx.accepted) do
    local x = item.x
    local id = #annotations + 1
    annotations[id] = x
    if item.rule.output then ctx.output[#ctx.output + 1] = x end
    local classes = types[x.type]
    if classes and item.last >= item.first and item.first >= 1 then
      for i = 1, #classes do
        local cls = classes[i]
        if info[cls].pred(x) then store:add(cls, item.first, item.last, id) end
      end
    end
  end
  ctx.accepted = {}
end

local function run_phase(ctx, phase)
  local cands = {}
  token_candidates(ctx, phase, cands)
  for _, rule in ipairs(phase.regex_rules) do regex_candidates(ctx, rule, cands) end
  for _, rule in ipairs(phase.scan_rules) do
    if phase.direct[rule] then scan_direct(ctx, rule) else scan_candidates(ctx, rule, cands) end
  end
  if ctx.profile then
    for _, c in ipairs(cands) do
      local p = ctx.profile[c.rule]
      p.candidates = p.candidates + 1
    end
  end
  if phase.policy == "all" then resolve_all(ctx, cands) else resolve_appelt(ctx, cands) end
  store_annotations(ctx)
end

local function run_phases(ctx)
  if ctx.registry.gazetteer then
    ctx.registry.gazetteer:match(ctx.toks, ctx.store, ctx.list_classes)
  end
  for _, phase in ipairs(ctx.phases) do run_phase(ctx, phase) end
end

local function by_position(a, b)
  if a.start ~= b.start then return a.start < b.start end
  if a["end"] ~= b["end"] then return a["end"] > b["end"] end
  if a.type ~= b.type then return a.type < b.type end
  return a.rule < b.rule
end

--- Run the rule set `rs` over `text`. Returns the output extractions in text
-- order and a list of errors ({ doc, rule, where, offset, message }); an
-- error in one rule does not stop the others. opts: profile (a table that
-- collects per-rule counts), trace (a list that collects every candidate
-- with its outcome), internal (also return internal annotations).
function engine.run(rs, text, doc, opts)
  opts = opts or {}
  local ctx = {
    text = text, doc = doc, toks = core.tokenize(text), store = rs.store,
    registry = rs.registry, rules = rs.list, phases = rs.phases,
    list_classes = rs.list_classes, annotations = {}, output = {},
    accepted = {}, errors = {}, profile = opts.profile, trace = opts.trace,
  }
  ctx.report = function(rule, offset, msg)
    ctx.errors[#ctx.errors + 1] = {
      doc = doc, rule = rule.name, where = rule.where, offset = offset,
      message = string.format("%s: rule '%s': document '%s' at byte %d: %s",
        rule.where, rule.name, doc, offset, budget.message(msg)),
    }
  end
  if ctx.profile then
    for _, r in ipairs(rs.list) do
      ctx.profile[r] = ctx.profile[r] or { calls = 0, action_time = 0, candidates = 0 }
    end
  end
  rs.store:reset()
  local ok, err = budget.run(budget_for(#text), run_phases, ctx)
  if not ok and not (budget.spent(err) and ctx.spent_reported) then
    ctx.errors[#ctx.errors + 1] = {
      doc = doc, offset = 0,
      message = string.format("document '%s': %s", doc, budget.message(err)),
    }
  end
  local out = ctx.output
  if opts.internal then out = table.move(ctx.annotations, 1, #ctx.annotations, 1, {}) end
  sort(out, by_position)
  return out, ctx.errors, ctx
end

return engine
