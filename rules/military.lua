-- Military figures: a quantity and a counted military thing (guide,
-- section 1). This pack works in three steps:
--
--   figure_quantities  <qty>: quantities that can count something - the
--                      number reader's cardinals, ranges and vague
--                      quantities, less numbers inside names ("Block 15"),
--                      zero and "not one"; plus "a number of", "another
--                      million", "exceeding 6 billion euros"
--   figure_counts      <count>: a quantity and the noun it counts, with
--                      the noun's category ("3,000 North Korean troops",
--                      "23 of the aircraft", "one Su-30", "50 Russian and
--                      10 Malian dead"); people who are not military
--                      ("27 people") are counts without a category, for
--                      the casualty rules (casualties.lua)
--   figures            the figures: counts of military things, and the
--                      constructions that put the number after the noun
--                      ("the number of soldiers rose to 12,000", "a force
--                      of 50,000", "Of the aircraft, 111 crossed", "12,800
--                      soldiers, of which up to 2,500 Russians").
--                      casualties.lua and funding.lua add theirs to the
--                      same phase; the longest match wins,
--                      so "killed 84 Wagner personnel" (casualties) beats
--                      "84 Wagner personnel" (personnel).
--
-- The vocabulary is data: lists/military_nouns.tsv (counted nouns and
-- their categories), figure_systems.tsv (named weapon systems),
-- casualty_people.txt, casualty_states.txt, figure_demonyms.txt,
-- figure_context.txt and figure_civilian.txt (when an ambiguous noun is
-- military), casualty_disasters.txt (deaths that are not casualties of
-- armed violence), figure_designators.txt, figure_collectives.tsv,
-- funding_currencies.txt.

phase { name = "figure_quantities", order = 24 }
phase { name = "figure_counts", order = 26 }

-- function_words is shared with other packs: declared in lists.lua
list { name = "military_nouns", file = "lists/military_nouns.tsv" }
list { name = "figure_systems", file = "lists/figure_systems.tsv" }
list { name = "casualty_people", file = "lists/casualty_people.txt" }
-- its plural entries: they never modify another noun ("12 [people] saw
-- tanks"), while singular ones may ("10,000 civilian deaths")
local plural_people = {}
for _, e in ipairs(entries "lists/casualty_people.txt") do
  if e.sg ~= 1 then plural_people[#plural_people + 1] = e[1]:lower() end
end
list { name = "casualty_people_plural", entries = plural_people }
list { name = "casualty_states", file = "lists/casualty_states.txt" }
list { name = "figure_demonyms", file = "lists/figure_demonyms.txt" }
list { name = "figure_designators", file = "lists/figure_designators.txt" }
list { name = "figure_collectives", file = "lists/figure_collectives.tsv" }
list { name = "funding_currencies", file = "lists/funding_currencies.txt" }

-- word sets for the actions ------------------------------------------------

local CIVILIAN = words "lists/figure_civilian.txt"
local DISASTERS = words "lists/casualty_disasters.txt"
local STATES = words "lists/casualty_states.txt"

-- military context words: figure_context.txt, and every one-word counted
-- noun that is not itself ambiguous
local CUES, CUE_PAIRS = {}, {}
for _, w in ipairs(words "lists/figure_context.txt") do
  local a, b = w:match("^(%S+)%s+(%S+)$")
  if a then CUE_PAIRS[a] = b else CUES[w] = true end
end
for _, file in ipairs { "lists/military_nouns.tsv", "lists/figure_systems.tsv" } do
  for _, e in ipairs(entries(file)) do
    local phrase = e[1]:lower()
    if not phrase:find(" ") and e.context ~= "military" then CUES[phrase] = true end
  end
end

-- pattern pieces -------------------------------------------------------------

-- a word between the quantity and the noun: "3,000 [North Korean] troops",
-- "180 [more] K2 tanks", "500 [155mm] artillery shells", "14 [Leopard 2]
-- tanks", "1,245 [wounded] servicemen". Never a function word (but "more",
-- not "more than"), a counted noun, plural people, another quantity, a
-- lower-case word that looks plural ("12 [countries] sent tanks", "5
-- [times] more tanks"; "-ss" and "-us" words pass) or a plural
-- nationality ("12 [Russians] fired missiles"); capitalised plurals pass
-- ("9,959 Self-Defence [Forces] personnel")
local MOD = [[ (?: more (?! than )
               | (?! @function_words | @military_nouns | @figure_systems | @casualty_people_plural | <qty>
                   | /[a-z][A-Za-z-]*[a-rt-z]s/ | (?= @figure_demonyms ) /[A-Za-z]+s/ )
                 (?: [word] | [number] ) ) ]]

-- the counted noun, in named groups that tell its kind: a military noun
-- or named system (mil) or people (ppl: "people", "civilians", "Britons"),
-- optionally after a military noun that modifies it ("Abrams tanks",
-- "drone pilots", "militant leaders"); a casualty word used as a noun
-- (st: "10 wounded", "103 of the dead"); a model designation used as a
-- noun (model: "two dozen F-16s", "one MiG-29"), unless a lower-case word
-- follows ("two F-16 squadrons")
local NOUN = [[ (?: (?<pre> @military_nouns | @figure_systems )?
                    (?: (?<mil> @military_nouns | @figure_systems ) | (?<ppl> @casualty_people | @figure_demonyms ) )
                  | (?<st> @casualty_states )
                  | (?<model> <number kind=model> ) (?! (?! @function_words ) [lower] ) ) ]]

-- "rounds of 155mm ammunition": the counted noun's "of" phrase
local OF_AMMO = [[ (?<ofammo> of ]] .. MOD .. [[ {0,2} (?: ammunition | munitions | ammo ) )? ]]

-- one quantity governing coordinated nouns: "millions of shells [and
-- rockets]", "80 fighter planes[, helicopters and drones]" (one figure)
local TAIL = [[ (?: (?: "," | and | or | "," and | "," or ) ]] .. MOD .. [[ {0,2}
                   (?: @military_nouns | @figure_systems ) )* ]]

-- the determiner of a partitive: "23 of [the] aircraft", "nine of [its] own men"
local DET = [[ (?: the | its | their | his | her | our | these | those ) ]]

-- a modifier in a partitive, but no superlative ("one of the largest
-- armies" is not a count)
local PMOD = [[ (?: (?! most | least | /[a-z]+est/i ) ]] .. MOD .. [[ ) ]]

-- any noun a count can end with (for lookaheads)
local ANY_NOUN = [[ (?: @military_nouns | @figure_systems | @casualty_people | @figure_demonyms
                      | @casualty_states | <number kind=model> ) ]]

-- verbs that put a number after the noun they count: "rose to", "stood at"
local TREND = [[ (?: rose | risen | rises | grew | grown | grows | increased | increases | climbed | jumped
                   | fell | fallen | falls | dropped | declined | decreased | shrank | reached | reaches
                   | stood | stands | stand | was | were | is | are | totalled | totaled | topped | passed
                   | exceeded | surpassed | hit | numbered | at ) ]]

-- helpers ---------------------------------------------------------------------

local QUAL = { approx = true, gt = true, ge = true, lt = true, le = true }
local GT_VERBS = { topped = true, passed = true, exceeded = true, surpassed = true,
                   exceeding = true, topping = true, surpassing = true, passing = true }

-- the quantity fields of a figure, from a <qty> annotation
local function quantity(q, f)
  f = f or {}
  if q.kind == "range" then
    f.min, f.max = q.min, q.max
  elseif q.kind == "vague" then
    f.vague, f.min = true, q.min
  else
    f.value = q.value
  end
  f.qualifier = QUAL[q.qual or ""] and q.qual or nil
  f.currency = q.currency
  return f
end

-- the fields a figure keeps from a <count> annotation
local FIGURE_FIELDS = { "category", "value", "min", "max", "vague", "qualifier", "unit", "currency" }
local function figure_of(a, category)
  local f = {}
  for _, k in ipairs(FIGURE_FIELDS) do f[k] = a[k] end
  f.category = category or a.category
  return f
end

-- the tokens of a group, lower-cased
local function folds(m, g)
  local out = {}
  if g and g.first then
    for i = g.first, g.last do out[#out + 1] = m.tokens:fold(i) end
  end
  return out
end

-- does the sentence of token i have a military word? Model designations
-- ("F-16", "Su-30") and naval classes ("Virginia-class") count as well.
local function cue_in(toks, first, last)
  for k = first, last do
    local w = toks:fold(k)
    if CUES[w] then return true end
    if CUE_PAIRS[w] and k < last and toks:fold(k + 1) == CUE_PAIRS[w] then return true end
    if w:find("^%a%a?%a?%-%d+%a?s?$") or toks:text(k):find("^%u%a+%-class$") then return true end
  end
  return false
end

-- what is known about the sentences of the last document asked about (by
-- its tokens, held here so that they are not collected and their address
-- taken by another document's): per sentence, whether it is military,
-- civilian, about a disaster
local known = { toks = nil }
local function sentences_of(m)
  if known.toks ~= m.tokens then
    known = { toks = m.tokens, military = {}, civilian = {}, disaster = {} }
  end
  return known
end

-- is sentence s military (see cue_in)?
local function military_s(m, s)
  local k = sentences_of(m)
  local v = k.military[s]
  if v == nil then
    local first, last = m.tokens:sentence(s)
    v = cue_in(m.tokens, first, last)
    k.military[s] = v
  end
  return v
end

-- has sentence s a word of list set?
local function has_word(m, s, set, what)
  local k = sentences_of(m)
  local v = k[what][s]
  if v == nil then
    local toks = m.tokens
    local first, last = toks:sentence(s)
    v = toks:find(set, first, last) ~= nil
    k[what][s] = v
  end
  return v
end

-- military words per 1,000 tokens of the document (of the last document
-- asked about)
local density = { doc = nil, value = 0 }
local function military_density(m)
  if density.doc ~= m.doc or density.source ~= m.source then
    local toks, n = m.tokens, 0
    local k = toks:find(CUES)
    while k do
      n = n + 1
      k = toks:find(CUES, k + 1)
    end
    density.doc, density.source, density.value = m.doc, m.source, 1000 * n / math.max(#toks, 1)
  end
  return density.value
end

-- is an ambiguous noun at token i military? Its sentence has a military
-- word; or the document is about military matters (15 military words
-- per 1,000 tokens; news about trade or shipping has a handful), the
-- sentence before or after has one, and its own has no civilian word
-- ("airline", "merchant")
local function military_context(m, i)
  local toks = m.tokens
  local s = toks:sentence_of(i)
  if military_s(m, s) then return true end
  if military_density(m) < 15 then return false end
  if has_word(m, s, CIVILIAN, "civilian") then return false end
  for _, t in ipairs { s - 1, s + 1 } do
    if t >= 1 and t <= toks:sentences() then
      if military_s(m, t) then return true end
    end
  end
  return false
end

-- is the sentence of token i about a disaster (a flood, a crash) and
-- has it no military word?
local function disaster_sentence(m, i)
  local s = m.tokens:sentence_of(i)
  return has_word(m, s, DISASTERS, "disaster") and not military_s(m, s)
end

-- the token after the match (lower-cased) and the one after that
local function next_folds(m, last)
  local toks, n = m.tokens, #m.tokens
  local a = last + 1 <= n and toks:fold(last + 1) or nil
  local b = last + 2 <= n and toks:fold(last + 2) or nil
  local c = last + 3 <= n and toks:fold(last + 3) or nil
  return a, b, c
end

-- a count from a quantity, the modifiers and the noun groups of NOUN;
-- nil when it counts nothing (a singular noun after "20", "rounds of
-- talks", "20 military bases")
local function count(m, q, mods, g, last)
  local f = quantity(q)
  f.civil = q.civil
  local n = g.mil or g.ppl or g.st or g.model
  if not n then return nil end
  local modwords = folds(m, mods)
  if g.pre then
    for _, w in ipairs(folds(m, g.pre)) do modwords[#modwords + 1] = w end
  end
  local after, after2, after3 = next_folds(m, last)
  -- "300 soldiers' families": the noun is a possessor, not counted
  if after == "'" or after == "’" or after == "'s" or after == "’s" then return nil end
  if g.mil then
    local e = n.entry or {}
    local one = f.value == 1 and not f.vague
    if e.sg and not one then return nil end
    if e.alone and after and m.tokens:kind(last + 1) == "word" and m.tokens:is(last + 1, "lower") then
      return nil
    end
    if e.notof and after == "of" and not g.ofammo then return nil end
    f.category = e.category
    f.unit = e.unit or n.text:lower():match("([^%s]+)$")
    if e.withmodel then
      for _, w in ipairs(modwords) do
        if w:find("^%a+%-?%d") then f.category = e.withmodel end
      end
    end
    f.person = f.category == "personnel" or f.category == "casualties" or nil
    -- an ambiguous noun ("ships", "men") needs a military sentence, and
    -- no equipment noun may have a civilian modifier ("merchant ships",
    -- "vessels of the coast guard")
    local civilian = false
    if f.category == "equipment" or e.context then
      for _, w in ipairs(modwords) do
        if CIVILIAN[w] then civilian = true end
      end
      if after == "of" and (CIVILIAN[after2 or ""] or (after2 == "the" and CIVILIAN[after3 or ""])) then
        civilian = true
      end
    end
    if civilian or (e.context and not military_context(m, n.first)) then
      f.category = nil
    end
  elseif g.ppl then
    local e = n.entry or {}
    if e.sg and not (f.value == 1 and not f.vague) then return nil end
    f.unit, f.person = n.text:lower(), true
  elseif g.st then
    f.category, f.unit, f.person = "casualties", n.text:lower(), true
  else
    -- a model used as a noun: "Su-30", never a calibre ("155mm")
    if not n.text:find("^%a") then return nil end
    f.category, f.unit = "equipment", n.text:lower()
  end
  -- "1,245 wounded servicemen", "several of the missing men"
  if f.person then
    for _, w in ipairs(modwords) do
      if STATES[w] then f.category = "casualties" end
    end
  end
  return f
end

-- figure_quantities --------------------------------------------------------

rule {
  name = "figure.quantity",
  type = "qty",
  phase = "figure_quantities",
  output = false,
  doc = "a number that can count something: not part of a name, not zero, not after 'not'",
  -- "exceeding 6 billion euros" (gt); "866 million [Czech crowns]" (a
  -- currency the number reader does not know)
  -- "14 Leopard [2] tanks": a number after a name after a number is a
  -- designation
  pattern = [[ (?<! not | "n't" | never | @figure_designators | <number kind=cardinal> [cap] )
               (?<cmp> exceeding | topping | surpassing )?
               (?<n> <number kind=cardinal|range|vague> ) (?<cur> @funding_currencies )? ]],
  action = function(m)
    local n = m.groups.n.annotation
    if n.kind == "cardinal" and (n.value or 0) <= 0 then return nil end
    local f = { kind = n.kind, value = n.value, min = n.min, max = n.max, qual = n.qual,
                currency = n.currency }
    if m.groups.cmp then f.qual = f.qual or "gt" end
    local cur = m.groups.cur
    if cur then
      -- a currency the number reader knows stays its own
      if f.currency then
        f.start, f["end"] = m.start, m.groups.n["end"]
      else
        f.currency = cur.entry and cur.entry.currency or nil
      end
      f.money = true
    end
    if f.currency then f.money = true end
    -- a sentence about a flood or a crash, with no military word: its
    -- dead are not casualties of armed violence (casualties.lua)
    if not f.money and disaster_sentence(m, m.first) then f.civil = true end
    return f
  end,
  examples = {
    { "It has 5,000 troops.", { { text = "5,000", value = 5000 } } },
    { "The Block 15 aircraft and Article 5.", {} },
    { "Not one of the missiles hit, and zero tanks moved.", {} },
    { "A value exceeding 6 billion euros.", { { text = "exceeding 6 billion euros", qual = "gt" } } },
    { "Nearly 866 million Czech crowns.", { { text = "Nearly 866 million Czech crowns", currency = "CZK" } } },
    { "Germany sent 14 Leopard 2 tanks.", { { text = "14" } } },
    { "The floods killed 12 people.", { { text = "12", civil = true } } },
  },
}

local MULT = { hundred = 100, thousand = 1000, million = 1e6, billion = 1e9 }

rule {
  name = "figure.quantity_words",
  type = "qty",
  phase = "figure_quantities",
  output = false,
  doc = "quantity phrases the number reader leaves: 'a number of', 'another million'",
  pattern = [[ (?<vague> a number of )
             | (?<w> another | a further | an additional ) (?<mult> hundred | thousand | million | billion ) ]],
  action = function(m)
    if m.groups.vague then return { kind = "vague" } end
    return { kind = "cardinal", value = MULT[m.groups.mult.text:lower()] }
  end,
  examples = {
    { "It killed a number of leaders and sent another million rounds.", {
      { text = "a number of", kind = "vague" },
      { text = "another million", value = 1000000 },
    } },
  },
}

-- figure_counts --------------------------------------------------------------

rule {
  name = "figure.count_noun",
  type = "count",
  phase = "figure_counts",
  output = false,
  doc = "a quantity, up to three modifiers and the counted noun: '3,000 North Korean troops'",
  pattern = [[ (?<q> <qty> ) (?<mods> ]] .. MOD .. [[ {0,3} ) ]] .. NOUN .. OF_AMMO .. TAIL,
  action = function(m)
    local g = m.groups
    return count(m, g.q.annotation, g.mods, g, m.last)
  end,
  examples = {
    { "Some 1,245 wounded servicemen and 180 more K2 tanks.", {
      { text = "Some 1,245 wounded servicemen", category = "casualties", unit = "servicemen" },
      { text = "180 more K2 tanks", category = "equipment", value = 180 },
    } },
    { "The navy lost 20 tank crews and two merchant ships.", {
      { text = "two merchant ships", category = false },
    } },
    { "He met 300 soldiers' families and 20 troops' wives.", {} },
  },
}

rule {
  name = "figure.count_partitive",
  type = "count",
  phase = "figure_counts",
  output = false,
  doc = "a quantity of a definite set: 'at least 23 of the aircraft', 'nine of its own men'",
  -- (the number reader's vague quantities end with "of": "several of")
  -- ("12 of the [40] helicopters": the total is not the count)
  pattern = [[ (?<q> <qty> ) (?: of | (?<= of ) ) ]] .. DET .. [[ <qty>? (?<mods> ]] .. PMOD .. [[ {0,3} ) ]] .. NOUN,
  action = function(m)
    local g = m.groups
    return count(m, g.q.annotation, g.mods, g, m.last)
  end,
  examples = {
    { "At least 23 of the aircraft were drones, and one of the largest armies.", {
      { text = "At least 23 of the aircraft", category = "equipment", value = 23 },
    } },
    { "The army said 12 of the 40 tanks were lost.", {
      { text = "12 of the 40 tanks", category = "equipment", value = 12 },
    } },
  },
}

rule {
  name = "figure.count_elided",
  type = "count",
  phase = "figure_counts",
  output = false,
  doc = "two quantities sharing a noun: '649 Argentine and 255 British servicemen'",
  pattern = [[ (?<q1> <qty> ) (?<adj> (?! @military_nouns | @figure_demonyms | @casualty_people | <number kind=model>
                                           | /[A-Za-z-]*[a-rt-z]s/ ) [cap] )
               and (?<q2> <qty> ) (?<mods> ]] .. MOD .. [[ {0,3} ) ]] .. NOUN,
  action = function(m)
    local g = m.groups
    local second = count(m, g.q2.annotation, g.mods, g, m.last)
    if not second then return nil end
    local first = count(m, g.q1.annotation, g.adj, g, m.last)
    if not first then return nil end
    first.start, first["end"] = g.q1.start, g.adj["end"]
    second.start, second["end"] = g.q2.start, m["end"]
    return { first, second }
  end,
  examples = {
    { "It claimed 50 Russian and 10 Malian dead.", {
      { text = "50 Russian", category = "casualties", unit = "dead" },
      { text = "10 Malian dead", category = "casualties" },
    } },
    { "Greece has 84 F-16s and 24 Rafale jets.", {
      { text = "84 F-16s", category = "equipment", unit = "f-16s" },
      { text = "24 Rafale jets", category = "equipment" },
    } },
  },
}

-- figures --------------------------------------------------------------------

rule {
  name = "figure.count",
  type = "figure",
  phase = "figures",
  doc = "a count of military things: '50,000 troops', 'more than 300 drones and missiles'",
  pattern = [[ (?<c> <count category> ) ]],
  action = function(m)
    return figure_of(m.groups.c.annotation)
  end,
  examples = {
    { "More than 50,000 troops and over 5,000 pieces of military equipment, including 140 aircraft and 60 ships.", {
      { text = "More than 50,000 troops", value = 50000, qualifier = "gt", category = "personnel", unit = "troops" },
      { text = "over 5,000 pieces of military equipment", value = 5000, qualifier = "gt",
        category = "equipment", unit = "equipment" },
      { text = "140 aircraft", value = 140, category = "equipment", unit = "aircraft" },
      { text = "60 ships", value = 60, category = "equipment" },
    } },
    { "Pyongyang may send 3,000 North Korean troops.", {
      { text = "3,000 North Korean troops", value = 3000, category = "personnel" },
    } },
    { "It fired 1.5 million shells.", { { text = "1.5 million shells", value = 1500000, category = "munitions" } } },
    { "It is buying millions of shells and rockets.", {
      { text = "millions of shells and rockets", min = 2000000, vague = true, category = "munitions",
        unit = "shells" },
    } },
    { "Iran fired more than 300 drones and missiles.", {
      { text = "more than 300 drones and missiles", value = 300, qualifier = "gt", category = "equipment",
        unit = "drones" },
    } },
    { "Between 3,000 and 5,000 soldiers and several warships; a handful of jets struck the base.", {
      { text = "Between 3,000 and 5,000 soldiers", min = 3000, max = 5000, value = false },
      { text = "several warships", vague = true, min = false, value = false },
      { text = "a handful of jets", vague = true, category = "equipment" },
    } },
    { "Hundreds of tanks, dozens of drones, a dozen helicopters and two dozen F-16s were sent to the front.", {
      { text = "Hundreds of tanks", min = 200, vague = true },
      { text = "dozens of drones", min = 24, vague = true },
      { text = "a dozen helicopters", value = 12 },
      { text = "two dozen F-16s", value = 24, category = "equipment", unit = "f-16s" },
    } },
    { "Pakistan said it downed three Rafales, one Su-30 and at least one A-50.", {
      { text = "three Rafales", value = 3, category = "equipment" },
      { text = "one Su-30", value = 1 },
      { text = "at least one A-50", value = 1, qualifier = "ge" },
    } },
    { "Ukraine received 31 Abrams tanks, 12 Iranian-made Shahed drones and 500 155mm artillery shells.", {
      { text = "31 Abrams tanks", category = "equipment", unit = "tanks" },
      { text = "12 Iranian-made Shahed drones", category = "equipment" },
      { text = "500 155mm artillery shells", category = "munitions", unit = "shells" },
    } },
    { "He signed for 24 second-hand F-16 fighters; 500 fighters joined the rebels.", {
      { text = "24 second-hand F-16 fighters", category = "equipment" },
      { text = "500 fighters", category = "personnel" },
    } },
    { "It holds 1 million rounds of ammunition after three rounds of talks.", {
      { text = "1 million rounds of ammunition", category = "munitions", unit = "rounds" },
    } },
    { "Up to 200,000 military, 80 aircraft and 15 ships took part; 20 military bases were hit.", {
      { text = "Up to 200,000 military", category = "personnel", qualifier = "le" },
      { text = "80 aircraft", category = "equipment" },
      { text = "15 ships", category = "equipment" },
    } },
    -- not figures: names and models, years, percentages, fractions,
    -- ordinals, non-military counts, events, zero quantities
    { "The Hwasong-17, the S-400 and 155mm guns; in 2022 Russian troops moved.", {} },
    { "Troops fired 20% of the rockets, a third of its fleet, in the 3rd Brigade and the 155th Brigade.", {} },
    { "It hit 50 countries, 12 targets and 30 sites in 200 strikes and 40 sorties.", {} },
    { "Not one of the cruise missiles crossed; no aircraft were lost; zero tanks moved.", {} },
    { "A total of 2,577 ships sailed out of the ports, carrying grain; the airline has 150 aircraft.", {} },
    { "The navy counted two merchant ships and 17 vessels of the coast guard.", {} },
    { "It fired a missile at the tank, and one of the largest armies moved.", {} },
  },
}

rule {
  name = "figure.number_of",
  type = "figure",
  phase = "figures",
  doc = "the number after the noun: 'the number of soldiers rose to 12,000', 'put the number of mercenaries at 2,000'",
  -- a short stretch of the same sentence may come between the noun and
  -- the verb ("the number of launch platforms [at the airfield] rose to
  -- 36"); "from 16" after it is a second figure
  pattern = [[ number of (?<mods> ]] .. MOD .. [[ {0,3} ) (?<mil> @military_nouns | @figure_systems )
               (?: (?! $ | ";" | ":" | <qty> ) . ){0,8}? (?: has | have | had )?
               (?<verb> ]] .. TREND .. [[ ) (?: to | at )?
               (?<q> <qty !currency> ) (?: from (?<from> <qty !currency> ) )? ]],
  action = function(m)
    local g = m.groups
    local e = g.mil.entry or {}
    local cat = e.category
    if e.context and not military_context(m, g.mil.first) then return nil end
    local unit = e.unit or g.mil.text:lower():match("([^%s]+)$")
    local f = quantity(g.q.annotation, { category = cat, unit = unit })
    if GT_VERBS[g.verb.text:lower()] and not f.qualifier then f.qualifier = "gt" end
    if not g.from then return f end
    f["end"] = g.q["end"]
    local f2 = quantity(g.from.annotation, { category = cat, unit = unit,
                                             start = g.from.start, ["end"] = g.from["end"] })
    return { f, f2 }
  end,
  examples = {
    { "The number of soldiers rose to 12,000.", {
      { text = "number of soldiers rose to 12,000", value = 12000, category = "personnel" },
    } },
    { "US officials put the total number of Russian mercenaries in the country at around 2,000.", {
      { text = "number of Russian mercenaries in the country at around 2,000", value = 2000,
        qualifier = "approx", unit = "mercenaries" },
    } },
    { "The number of launch platforms at the airfield rose to 36 from 16.", {
      { text = "number of launch platforms at the airfield rose to 36", value = 36, category = "equipment" },
      { text = "16", value = 16, category = "equipment" },
    } },
    { "The number of troops rose by 20% in 2022. The number of countries rose to 12.", {} },
  },
}

rule {
  name = "figure.number_to",
  type = "figure",
  phase = "figures",
  doc = "a change to a number: 'raised the number of troops on high readiness to 300,000'",
  pattern = [[ (?<= (?: raise | raised | raising | raises | increase | increased | increasing | increases
                     | boost | boosted | boosting | boosts | cut | cuts | cutting | reduce | reduced | reducing
                     | reduces | bring | bringing | brought | brings | double | doubled | doubling | lift | lifted
                     | lifting | expand | expanded | expanding ) the (?: total | overall )? )
               number of (?<mods> ]] .. MOD .. [[ {0,3} ) (?<mil> @military_nouns | @figure_systems )
               (?: (?! $ | ";" | ":" | <qty> ) . ){0,8}? to (?<q> <qty !currency> ) ]],
  action = function(m)
    local g = m.groups
    local e = g.mil.entry or {}
    if e.context and not military_context(m, g.mil.first) then return nil end
    return quantity(g.q.annotation, { category = e.category,
      unit = e.unit or g.mil.text:lower():match("([^%s]+)$") })
  end,
  examples = {
    { "NATO has raised the number of troops on high readiness to 300,000.", {
      { text = "number of troops on high readiness to 300,000", value = 300000, category = "personnel" },
    } },
    { "It cut the number of troops by half, and sent the number of tanks to the front.", {} },
  },
}

rule {
  name = "figure.collective",
  type = "figure",
  phase = "figures",
  doc = "a collective noun and its count: 'a force of 50,000', 'an army of 100,000 men', 'troops numbering 10,000'",
  pattern = [[ (?<head> @figure_collectives | @military_nouns )
               (?<link> of | numbering | totalling | totaling ) (?<q> <qty !currency> )
               (?<noun> ]] .. MOD .. [[ {0,2} (?<nn> @military_nouns | @figure_systems ) )? ]],
  action = function(m)
    local g = m.groups
    local he = g.head.entry or {}
    -- "troops numbering 10,000", but not "troops of 3 countries"
    if he.category ~= "personnel" and he.category ~= "equipment" then return nil end
    if g.link.text:lower() == "of" and he.category == "equipment" then return nil end
    if g.link.text:lower() == "of" and not he.category then return nil end
    local cat, unit = he.category, he.unit or g.head.text:lower():match("([^%s]+)$")
    local f = quantity(g.q.annotation, { category = cat, unit = unit })
    if g.nn then f.category = (g.nn.entry or {}).category or cat end
    return f
  end,
  examples = {
    { "It built a force of 50,000, then an army of 100,000 men.", {
      { text = "force of 50,000", value = 50000, category = "personnel", unit = "force" },
      { text = "army of 100,000 men", value = 100000, category = "personnel" },
    } },
    { "Troops numbering 10,000 crossed; the SDF had an authorised strength of 247,754.", {
      { text = "Troops numbering 10,000", value = 10000 },
      { text = "strength of 247,754", value = 247754, category = "personnel" },
    } },
    { "Tanks of 12 countries took part.", {} },
  },
}

rule {
  name = "figure.strong",
  type = "figure",
  phase = "figures",
  doc = "'a 3,000-strong force'",
  pattern = [[ (?<q> <qty !currency> ) "-" strong (?<mods> ]] .. MOD .. [[ {0,2} )
               (?<head> @figure_collectives | @military_nouns ) ]],
  action = function(m)
    local e = m.groups.head.entry or {}
    if e.category ~= "personnel" then return nil end
    return quantity(m.groups.q.annotation, { category = "personnel",
      unit = e.unit or m.groups.head.text:lower():match("([^%s]+)$") })
  end,
  examples = {
    { "A 3,000-strong force crossed the border.", {
      { text = "3,000-strong force", value = 3000, category = "personnel", unit = "force" },
    } },
  },
}

rule {
  name = "figure.of_the",
  type = "figure",
  phase = "figures",
  doc = "a fronted partitive: 'Of the aircraft, 111 crossed the median line'",
  pattern = [[ ^ (?: of | among ) the (?: ]] .. MOD .. [[ {0,2} )
               (?<span> (?<mil> @military_nouns | @figure_systems ) ","? (?<q> <qty !currency> ) )
               (?! ]] .. MOD .. [[ {0,3} ]] .. ANY_NOUN .. [[ ) ]],
  action = function(m)
    local g = m.groups
    local e = g.mil.entry or {}
    if e.context and not military_context(m, g.mil.first) then return nil end
    if e.sg or not e.category then return nil end
    return quantity(g.q.annotation, { category = e.category,
      unit = e.unit or g.mil.text:lower():match("([^%s]+)$") })
  end,
  examples = {
    { "Of the aircraft, 111 crossed into the air defence zone.", {
      { text = "aircraft, 111", value = 111, category = "equipment" },
    } },
    { "Of the tanks, 20% were lost.", {} },
  },
}

rule {
  name = "figure.of_which",
  type = "figure",
  phase = "figures",
  doc = "nationals inside a count of troops: '12,800 soldiers, of which up to 2,500 Russians'",
  pattern = [[ (?<= <count category=personnel> ","? (?: of which | of whom | including | among them | among whom ) )
               (?<q> <qty !currency> ) (?<noun> @figure_demonyms ) ]],
  action = function(m)
    return quantity(m.groups.q.annotation, { category = "personnel", unit = m.groups.noun.text:lower() })
  end,
  examples = {
    { "Minsk announced 12,800 soldiers, of which up to 2,500 Russians.", {
      { text = "12,800 soldiers", category = "personnel" },
      { text = "up to 2,500 Russians", value = 2500, qualifier = "le", category = "personnel" },
    } },
  },
}
