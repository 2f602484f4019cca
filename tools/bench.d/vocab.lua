--- The benchmark's shared vocabulary: a seeded PRNG, the word classes the
-- corpus and the synthetic rules are built from, the 10,000-phrase list
-- and the 500 synthetic rule specs. corpus.lua, synth.lua and baseline.lua
-- all take them from here, so the three agree by construction.
--
-- Every synthetic word is a plain lower-case ASCII word of three letters
-- or more that trawl's tokenizer reads as one word token: no hyphen, no
-- apostrophe, no digit, and none of the abbreviations that take a period
-- ("no.", "est.", "co." ...), so that a rule word and `(?i)word` with token
-- boundaries match the same bytes.
local vocab = {}

-- PRNG -----------------------------------------------------------------

--- A splitmix64 generator (Lua 5.4 integers wrap, >> is logical).
-- rng:below(n) is 0..n-1, rng:int(a, b) is a..b, rng:pick(list) an element.
function vocab.rng(seed)
  local state = seed
  local r = {}
  function r.next()
    state = state + 0x9E3779B97F4A7C15
    local z = state
    z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ~ (z >> 27)) * 0x94D049BB133111EB
    return z ~ (z >> 31)
  end
  function r.below(n) return (r.next() >> 11) % n end
  function r.int(a, b) return a + r.below(b - a + 1) end
  function r.pick(list) return list[r.below(#list) + 1] end
  function r.chance(p) return r.below(1000000) < p * 1000000 end
  function r.shuffle(list)
    for i = #list, 2, -1 do
      local j = r.below(i) + 1
      list[i], list[j] = list[j], list[i]
    end
    return list
  end
  return r
end

-- word classes ------------------------------------------------------------

local function split(s)
  local t = {}
  for w in s:gmatch("%S+") do t[#t + 1] = w end
  return t
end

-- nationality adjectives (capitalised in the text, any case in rules)
vocab.ORIGIN = split [[
  russian ukrainian american british french german polish chinese iranian
  israeli turkish indian japanese korean swedish finnish dutch italian
  spanish canadian belarusian georgian romanian latvian lithuanian estonian
  norwegian danish czech hungarian ]]

-- modifiers of military nouns
vocab.ADJ = split [[
  armoured mechanised airborne heavy light naval tactical strategic ballistic
  guided elite mobile coastal amphibious motorised infantry combat support
  transport attack assault training reconnaissance frontline special regular
  territorial volunteer mountain cruise hypersonic unmanned modern obsolete
  refurbished advanced upgraded captured damaged additional ]]

-- counted military nouns: singular (attributive) and plural
vocab.NOUN = {
  { "tank", "tanks" }, { "missile", "missiles" }, { "drone", "drones" },
  { "howitzer", "howitzers" }, { "vehicle", "vehicles" }, { "rocket", "rockets" },
  { "helicopter", "helicopters" }, { "jet", "jets" }, { "ship", "ships" },
  { "submarine", "submarines" }, { "launcher", "launchers" }, { "radar", "radars" },
  { "mortar", "mortars" }, { "truck", "trucks" }, { "frigate", "frigates" },
  { "fighter", "fighters" }, { "bomber", "bombers" }, { "interceptor", "interceptors" },
  { "shell", "shells" }, { "round", "rounds" }, { "warhead", "warheads" },
  { "rifle", "rifles" }, { "destroyer", "destroyers" }, { "corvette", "corvettes" },
  { "battery", "batteries" }, { "brigade", "brigades" }, { "battalion", "battalions" },
  { "division", "divisions" }, { "regiment", "regiments" }, { "squadron", "squadrons" },
  { "platoon", "platoons" }, { "gunboat", "gunboats" }, { "trooper", "troopers" },
  { "soldier", "soldiers" }, { "sailor", "sailors" }, { "pilot", "pilots" },
  { "reservist", "reservists" }, { "conscript", "conscripts" }, { "paratrooper", "paratroopers" },
  { "mercenary", "mercenaries" },
}
vocab.PLURAL, vocab.SINGULAR = {}, {}
for i, n in ipairs(vocab.NOUN) do vocab.SINGULAR[i], vocab.PLURAL[i] = n[1], n[2] end

-- heads after an attributive noun: "tank crews", "missile systems"
vocab.CREW = split [[ crews operators systems components engines stocks depots convoys teams spares ]]

-- words that may close a phrase: "armoured brigades nearby"
vocab.TAIL = split [[ abroad nearby overseas inland offshore forward ]]

-- verbs before a figure: "deployed 300 tanks"
vocab.VERB = split [[
  deployed sent lost moved destroyed captured trained ordered delivered
  received mobilised stationed recruited supplied shipped pledged purchased
  acquired fielded massed rotated evacuated repaired upgraded intercepted
  downed seized transferred promised requested assembled gathered positioned
  dispatched reinforced activated retired scrapped decommissioned ]]

-- verbs after a figure: "40 armoured brigades crossed ..."
vocab.VERB2 = split [[
  were arrived remain crossed advanced retreated returned joined left took
  stood waited regrouped surrendered attacked landed patrolled withdrew
  launched entered ]]

-- between a phrase and its figure: "armoured brigades numbering 4,000"
vocab.PREP = split [[ numbering totalling reaching exceeding topping surpassing estimated near around ]]

-- words that would not be one plain word token: the abbreviations that
-- trawl's tokenizer joins with a following period (src/token.c)
local ABBREV = {}
for w in ([[gen lt col maj sgt cpl pvt adm capt cmdr cdr brig mr mrs ms dr prof sen rep gov
  pres rev st jr sr no nos vs etc inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov
  dec approx est dept univ mt ft]]):gmatch("%S+") do ABBREV[w] = true end

for _, class in ipairs { "ORIGIN", "ADJ", "PLURAL", "SINGULAR", "CREW", "TAIL", "VERB", "VERB2", "PREP" } do
  for _, w in ipairs(vocab[class]) do
    assert(w:find("^%l%l%l+$") and not ABBREV[w], "vocab." .. class .. ": '" .. w .. "' is not a plain word")
  end
end

-- list of 10,000 phrases -----------------------------------------------------

vocab.LIST_SIZE = 10000

-- the shapes of list phrases and how many of each
local SHAPES = {
  { n = 1000, make = function(r) return r.pick(vocab.ADJ) .. " " .. r.pick(vocab.PLURAL) end },
  { n = 5000, make = function(r)
      return r.pick(vocab.ORIGIN) .. " " .. r.pick(vocab.ADJ) .. " " .. r.pick(vocab.PLURAL)
    end },
  { n = 2500, make = function(r)
      return r.pick(vocab.ADJ) .. " " .. r.pick(vocab.SINGULAR) .. " " .. r.pick(vocab.CREW)
    end },
  { n = 1000, make = function(r)
      return r.pick(vocab.ORIGIN) .. " " .. r.pick(vocab.ADJ) .. " " .. r.pick(vocab.SINGULAR)
        .. " " .. r.pick(vocab.CREW)
    end },
  { n = 500, make = function(r)
      return r.pick(vocab.ADJ) .. " " .. r.pick(vocab.PLURAL) .. " " .. r.pick(vocab.TAIL)
    end },
}

--- The 10,000 distinct phrases (some are prefixes of others, "armoured
-- brigades" and "armoured brigades nearby": the longest must win) of the synthetic list, in a fixed order.
function vocab.phrases()
  if vocab._phrases then return vocab._phrases end
  local r = vocab.rng(0x5EED0001)
  local seen, out = {}, {}
  for _, shape in ipairs(SHAPES) do
    local k = 0
    while k < shape.n do
      local p = shape.make(r)
      if not seen[p] then
        seen[p] = true
        out[#out + 1] = p
        k = k + 1
      end
    end
  end
  vocab._phrases = out
  return out
end

-- the 500 synthetic rules -------------------------------------------------

--- The rule specs: { name =, kind =, words = {...} } where kind is
--   pair      (?<n>[number]) A B
--   triple    (?<n>[number]) O A B
--   verb      V (?<n>[number]) B
--   num_list  (?<n>[number]) @synth_list
--   verb_list V (?<n>[number]) @synth_list
--   list_verb (?<n>[number]) @synth_list V2
--   list_prep @synth_list P (?<n>[number])
--   list_num  @synth_list (?<n>[number])
function vocab.rules()
  if vocab._rules then return vocab._rules end
  local r = vocab.rng(0x5EED0002)
  local rules = {}
  local function add(kind, words)
    rules[#rules + 1] = { name = string.format("synth.%03d", #rules + 1), kind = kind, words = words }
  end
  -- 360 distinct (adjective, plural) pairs
  local pairs_ = {}
  for _, a in ipairs(vocab.ADJ) do
    for _, b in ipairs(vocab.PLURAL) do pairs_[#pairs_ + 1] = { a, b } end
  end
  r.shuffle(pairs_)
  for i = 1, 360 do add("pair", pairs_[i]) end
  -- 40 distinct (origin, adjective, plural) triples
  local seen = {}
  while #rules < 400 do
    local t = { r.pick(vocab.ORIGIN), r.pick(vocab.ADJ), r.pick(vocab.PLURAL) }
    local key = table.concat(t, " ")
    if not seen[key] then seen[key] = true; add("triple", t) end
  end
  -- 40 (verb, plural)
  while #rules < 440 do
    local t = { r.pick(vocab.VERB), r.pick(vocab.PLURAL) }
    local key = table.concat(t, " ")
    if not seen[key] then seen[key] = true; add("verb", t) end
  end
  -- 60 rules that use the list
  add("num_list", {})
  add("list_num", {})
  for i = 1, 30 do add("verb_list", { vocab.VERB[i] }) end
  for i = 1, 19 do add("list_verb", { vocab.VERB2[i] }) end
  for i = 1, 9 do add("list_prep", { vocab.PREP[i] }) end
  assert(#rules == 500)
  vocab._rules = rules
  vocab.RULE_PAIRS = {}
  for i = 1, 360 do vocab.RULE_PAIRS[i] = pairs_[i] end
  return rules
end

return vocab
