-- Casualty figures (guide, sections 1.1-1.3): people killed, wounded,
-- captured or missing in armed violence. The category is "casualties"
-- whatever the noun - "killed 59 British troops", "2,783 soldiers died" -
-- because the casualty word next to the count decides. The counts
-- (<qty>, <count>) come from the phases of military.lua, which this pack
-- needs; its rules run in the "figures" phase with military.lua's, and a
-- casualty construction, being longer, wins over the bare count inside it.
--
-- Vocabulary: lists/casualty_verbs.txt (killed, wounding, lost ...),
-- casualty_participles.txt (were killed, died, taken prisoner ...),
-- casualty_people.txt, casualty_states.txt, figure_demonyms.txt.

phase { name = "figure_quantities", order = 24 }
phase { name = "figure_counts", order = 26 }

list { name = "casualty_verbs", file = "lists/casualty_verbs.txt" }
list { name = "casualty_participles", file = "lists/casualty_participles.txt" }

-- pattern pieces -------------------------------------------------------------

-- a word before a noun (as in military.lua)
local MOD = [[ (?: more (?! than )
               | (?! @function_words | @military_nouns | @figure_systems | @casualty_people_plural | <qty>
                   | /[a-z][A-Za-z-]*[a-rt-z]s/ | (?= @figure_demonyms ) /[A-Za-z]+s/ )
                 (?: [word] | [number] ) ) ]]

-- any noun a count can end with (for lookaheads)
local ANY_NOUN = [[ (?: @military_nouns | @figure_systems | @casualty_people | @figure_demonyms
                      | @casualty_states | <number kind=model> ) ]]

-- a count of people (soldiers, civilians, Britons, the dead)
-- (not in a sentence about a flood or a crash: see casualty_disasters.txt)
local PEOPLE = [[ <count person !civil> ]]

-- between coordinated counts: "84 Wagner personnel [and] 47 Malian
-- soldiers", "649 Argentine and 255 British servicemen[, along with] three
-- women"
local CONJ = [[ (?: ","? (?: and | or | along with | as well as | including ) | "," ) ]]

-- counts of people, coordinated
local PEOPLE_LIST = PEOPLE .. [[ (?: ]] .. CONJ .. [[ ]] .. PEOPLE .. [[ )* ]]

-- "25 of them Indian nationals" after a casualty count
local OF_THEM = [[ (?: "," (?<sub> <qty> of (?: them | whom ) ]] .. MOD .. [[ {0,3}
                   (?: @casualty_people | @military_nouns | @figure_demonyms ) ) )? ]]

-- a place or unit after the noun: "four soldiers [from air-defence units]
-- had been killed"
local PP = [[ (?: (?: from | of | in | at | on | aboard | serving in | stationed in | based in ) the?
               (?: (?! @function_words | <qty> ) [word] ){1,4} ) ]]

-- auxiliaries and adverbs before a participle: "were [still] missing",
-- "have been killed", "were reported killed"
local AUX = [[ (?: (?: were | was | are | is | have | has | had | remain | remained | remains | being )
                   (?: still | also | reportedly | allegedly | later | all | now | since | confirmed
                     | reported | believed )?
                   (?: been | to have been )? ) ]]

-- "suffered minor injuries", "sustained serious wounds"
local INJURIES = [[ (?: (?: suffered | sustained | received ) ]] .. MOD .. [[ {0,2} (?: injuries | wounds | burns ) ) ]]

-- what makes a preceding count a casualty count ("the 2 soldiers [who
-- died]" as well)
local PARTICIPLE = [[ (?: (?: who | that )? ]] .. AUX .. [[ ? [quote]?
                        (?: @casualty_participles | ]] .. INJURIES .. [[ ) [quote]? ) ]]

-- a count inside commas before the participle: "At least 3 people[,
-- including two children,] were killed"
local INSIDE = [[ (?: "," (?: including | among them | among whom | most of them | many of them )
                      ]] .. PEOPLE .. [[ "," ) ]]

-- helpers ---------------------------------------------------------------------

local QUAL = { approx = true, gt = true, ge = true, lt = true, le = true }
local FIELDS = { "value", "min", "max", "vague", "qualifier", "unit" }

-- a casualty figure from a <count> annotation (its own span unless given)
local function from_count(a, start, stop)
  local f = { category = "casualties" }
  for _, k in ipairs(FIELDS) do f[k] = a[k] end
  f.start, f["end"] = start or a.start, stop or a["end"]
  return f
end

-- a casualty figure from a <qty> annotation
local function from_qty(q, unit)
  local f = { category = "casualties", unit = unit }
  if q.kind == "range" then
    f.min, f.max = q.min, q.max
  elseif q.kind == "vague" then
    f.vague, f.min = true, q.min
  else
    f.value = q.value
  end
  f.qualifier = QUAL[q.qual or ""] and q.qual or nil
  return f
end

-- the annotations of a type that the match went through, in text order
local function used(m, typ)
  local out = {}
  for _, u in ipairs(m.used) do
    local a = u.annotation
    if a and a.type == typ then out[#out + 1] = a end
  end
  table.sort(out, function(x, y) return x.start < y.start end)
  return out
end

-- every count of a coordination as a casualty figure; the first takes in
-- the words before it (the verb), the last the words after it (the
-- participle)
local function coordinated(m, with_before, with_after, stop)
  local counts = used(m, "count")
  local out = {}
  for i, a in ipairs(counts) do
    local s = (i == 1 and with_before) and m.start or a.start
    local e = (i == #counts and with_after) and (stop or m["end"]) or a["end"]
    out[#out + 1] = from_count(a, s, e)
  end
  -- "…, 25 of them Indian nationals"
  local sub = m.groups.sub
  if sub and sub.first then
    local q = used(m, "qty")[1]
    if q then
      local f = from_qty(q, sub.text:lower():match("(%S+)$"))
      f.start, f["end"] = sub.start, sub["end"]
      out[#out + 1] = f
      out[#counts]["end"] = counts[#counts]["end"]
    end
  end
  return #out > 0 and out or nil
end

-- rules -----------------------------------------------------------------------

rule {
  name = "casualty.verb_count",
  type = "figure",
  phase = "figures",
  doc = "a casualty verb and the people it took: 'killed 27 people', 'killing eight civilians', 'lost 1,000 men'",
  pattern = [[ (?<verb> @casualty_verbs ) (?: or @casualty_verbs )? ]] .. PEOPLE_LIST .. OF_THEM,
  action = function(m) return coordinated(m, true, false) end,
  examples = {
    { "The attack killed 26 people, 25 of them Indian nationals.", {
      { text = "killed 26 people", value = 26, category = "casualties", unit = "people" },
      { text = "25 of them Indian nationals", value = 25, category = "casualties" },
    } },
    { "Its fighters killed 84 Wagner personnel and 47 Malian soldiers.", {
      { text = "killed 84 Wagner personnel", value = 84, category = "casualties" },
      { text = "47 Malian soldiers", value = 47, category = "casualties", unit = "soldiers" },
    } },
    { "It claimed to have killed or wounded up to 2,300 Armenian troops.", {
      { text = "killed or wounded up to 2,300 Armenian troops", value = 2300, qualifier = "le",
        category = "casualties" },
    } },
    { "The war killed 649 Argentine and 255 British servicemen, along with three women.", {
      { text = "killed 649 Argentine", value = 649, category = "casualties" },
      { text = "255 British servicemen", value = 255, category = "casualties" },
      { text = "three women", value = 3, category = "casualties" },
    } },
    { "It acknowledged losing nine of its own men, and a strike killed tens of thousands of people.", {
      { text = "losing nine of its own men", value = 9, category = "casualties" },
      { text = "killed tens of thousands of people", min = 20000, vague = true },
    } },
    { "The army lost 68 aircraft and captured 12 tanks.", {
      { text = "68 aircraft", category = "equipment" },
      { text = "12 tanks", category = "equipment" },
    } },
  },
}

rule {
  name = "casualty.verb_number",
  type = "figure",
  phase = "figures",
  doc = "a casualty verb and a bare number: 'killed 59 British troops and wounded 133'",
  pattern = [[ (?<verb> killed | killing | kills | wounded | wounding | injured | injuring | injures )
               (?<q> <qty !money !civil> ) (?= [punct] | @function_words | $ ) (?! of )
               (?: ","? (?: including | among them ) (?<inc> ]] .. PEOPLE .. [[ ) )? ]],
  action = function(m)
    local f = from_qty(m.groups.q.annotation, nil)
    if not m.groups.inc then return f end
    f["end"] = m.groups.q["end"]
    local c = used(m, "count")[1]
    return c and { f, from_count(c) } or f
  end,
  examples = {
    { "The strike killed 59 British troops and wounded 133.", {
      { text = "killed 59 British troops", category = "casualties" },
      { text = "wounded 133", value = 133, category = "casualties" },
    } },
    { "The attack killed at least 20, including six children.", {
      { text = "killed at least 20", value = 20, qualifier = "ge", category = "casualties" },
      { text = "six children", value = 6, category = "casualties" },
    } },
    { "The fire destroyed 300 homes and killed two firefighters; the floods killed 12 people.", {} },
  },
}

rule {
  name = "casualty.count_participle",
  type = "figure",
  phase = "figures",
  doc = "people and what happened to them: '27 people were killed', '2,783 soldiers died', '775 Britons were wounded'",
  pattern = [[ ]] .. PEOPLE_LIST .. [[ ]] .. PP .. [[ ? ]] .. INSIDE .. [[ ? ]] .. PARTICIPLE,
  action = function(m) return coordinated(m, false, true) end,
  examples = {
    { "Azerbaijan says 2,783 soldiers died and more than 100 soldiers were still missing.", {
      { text = "2,783 soldiers died", value = 2783, category = "casualties", unit = "soldiers" },
      { text = "more than 100 soldiers were still missing", value = 100, qualifier = "gt",
        category = "casualties" },
    } },
    { "It said 2,783 of its servicemen had been killed and at least 782 civilians killed.", {
      { text = "2,783 of its servicemen had been killed", category = "casualties" },
      { text = "at least 782 civilians killed", qualifier = "ge", category = "casualties" },
    } },
    { "About 1,657 Argentines and 775 Britons were wounded, and 11,313 Argentines were taken prisoner.", {
      { text = "About 1,657 Argentines", value = 1657, qualifier = "approx", category = "casualties" },
      { text = "775 Britons were wounded", value = 775, category = "casualties" },
      { text = "11,313 Argentines were taken prisoner", value = 11313, category = "casualties" },
    } },
    { "Iran said four soldiers from air-defence units had been killed; some 20 insurgents were \"neutralised\".", {
      { text = "four soldiers from air-defence units had been killed", value = 4, category = "casualties" },
      { text = "some 20 insurgents were \"neutralised\"", value = 20, category = "casualties" },
    } },
    { "At least 12 people were treated for injuries and seven other service members suffered minor injuries.", {
      { text = "At least 12 people were treated for injuries", value = 12, qualifier = "ge" },
      { text = "seven other service members suffered minor injuries", value = 7, category = "casualties" },
    } },
    { "At least 3 people, including two children, were killed; one soldier was killed and two others were wounded.", {
      { text = "At least 3 people", value = 3, qualifier = "ge", category = "casualties" },
      { text = "two children, were killed", value = 2, category = "casualties" },
      { text = "one soldier was killed", value = 1, category = "casualties" },
      { text = "two others were wounded", value = 2, category = "casualties" },
    } },
    { "The 2 soldiers who died were buried on Friday.", {
      { text = "2 soldiers who died", value = 2, category = "casualties" },
    } },
    { "Some 5,000 troops were deployed and 12 people were evacuated.", {
      { text = "Some 5,000 troops", category = "personnel" },
    } },
  },
}

rule {
  name = "casualty.number_participle",
  type = "figure",
  phase = "figures",
  doc = "a bare number and what happened to them: '10 were hurt', 'more than 400 were wounded'",
  -- ("thousands [more] were injured")
  pattern = [[ (?<q> <qty !money !civil> ) (?: more | others )? ]] .. PARTICIPLE,
  action = function(m)
    local last = m.tokens:fold(m.last)
    if last == '"' then last = m.tokens:fold(m.last - 1) end
    return from_qty(m.groups.q.annotation, last)
  end,
  examples = {
    { "Six people died and 10 were hurt; more than 400 were wounded and 11 have not been accounted for.", {
      { text = "Six people died", value = 6, category = "casualties" },
      { text = "10 were hurt", value = 10, category = "casualties" },
      { text = "more than 400 were wounded", value = 400, qualifier = "gt" },
      { text = "11 have not been accounted for", value = 11 },
    } },
  },
}

rule {
  name = "casualty.among_dead",
  type = "figure",
  phase = "figures",
  doc = "counts listed as casualties: 'Among the dead were 123 soldiers, 88 sailors and 27 Royal Marines'",
  pattern = [[ (?: (?: among | of ) the ]] .. MOD .. [[ {0,2}
                   (?: dead | killed | wounded | injured | casualties | victims | fallen )
                   (?: were | was | are | is | included | include )
               | (?: casualties | the dead | the victims | the wounded | the injured | the killed )
                   (?: included | include | includes ) )
               ]] .. PEOPLE_LIST,
  action = function(m) return coordinated(m, false, false) end,
  examples = {
    { "Among the British dead were 123 soldiers, 88 Royal Navy sailors and 27 Royal Marines.", {
      { text = "123 soldiers", value = 123, category = "casualties" },
      { text = "88 Royal Navy sailors", value = 88, category = "casualties" },
      { text = "27 Royal Marines", value = 27, category = "casualties", unit = "marines" },
    } },
  },
}

rule {
  name = "casualty.lives",
  type = "figure",
  phase = "figures",
  doc = "lives lost: 'claimed 600,000 lives', 'cost 321 lives'",
  pattern = [[ (?: claimed | claiming | claims | claim | cost | costing | costs | took | taking | takes | taken )
               (?<q> <qty !money !civil> ) ]] .. MOD .. [[ {0,2} lives ]],
  action = function(m) return from_qty(m.groups.q.annotation, "lives") end,
  examples = {
    { "The war may have claimed 600,000 lives; the sinking cost 321 lives.", {
      { text = "claimed 600,000 lives", value = 600000, category = "casualties" },
      { text = "cost 321 lives", value = 321 },
    } },
  },
}

-- the noun of a toll, then its number
local TOLL = [[ (?: (?: death | casualty )? toll | casualty (?: count | figure | figures )
                  | casualties | losses | deaths | fatalities
                  | number of (?: dead | deaths | casualties | fatalities | people killed ) ) ]]
-- the verb between: "has risen to", "stood at", "topped"
local TOLL_VERB = [[ (?: (?: estimated | put | placed | believed to be | thought to be ) at?
                       | risen | rose | rises | climbed | climbs | jumped | reached | reaches | hit | hits
                       | stood | stands | stand | was | were | is | are | topped | tops | passed | passes
                       | exceeded | exceeds | surpassed | surpasses | increased | grew | soared
                       | totalled | totaled | numbered ) ]]
local GT = { topped = true, tops = true, passed = true, passes = true, exceeded = true, exceeds = true,
             surpassed = true, surpasses = true }

rule {
  name = "casualty.toll",
  type = "figure",
  phase = "figures",
  doc = "a toll and its number: 'the death toll has risen to 31', 'daily losses topped 2,000', 'put deaths at 200,000'",
  -- "bringing the death toll to 60"
  pattern = [[ (?: (?: bringing | raising | taking | pushing | lifting ) the (?: overall | total | official )? )?
               (?<head> ]] .. TOLL .. [[ )
               (?: at | to
                 | (?: (?! $ | ";" | ":" | <qty> ) . ){0,6}? (?: has | have | had )? (?: were | was | is | are | been )?
                   (?<verb> ]] .. TOLL_VERB .. [[ ) (?: to | at )? ) (?: a further | an estimated | another | some )?
               (?<q> <qty !money !civil> ) (?! ]] .. MOD .. [[ {0,3} ]] .. ANY_NOUN .. [[ ) ]],
  action = function(m)
    local g = m.groups
    local f = from_qty(g.q.annotation, g.head.text:lower():match("(%S+)$"))
    if g.verb and GT[g.verb.text:lower()] and not f.qualifier then f.qualifier = "gt" end
    return f
  end,
  examples = {
    { "The death toll from the strikes has risen to 31, with 57 people injured.", {
      { text = "death toll from the strikes has risen to 31", value = 31, category = "casualties", unit = "toll" },
      { text = "57 people injured", value = 57, category = "casualties" },
    } },
    { "Daily losses topped 2,000; unofficial figures put battlefield deaths at a further 200,000-300,000.", {
      { text = "losses topped 2,000", value = 2000, qualifier = "gt" },
      { text = "deaths at a further 200,000-300,000", min = 200000, max = 300000 },
    } },
    { "Officials said combined losses were closer to 80,000 to 100,000.", {
      { text = "losses were closer to 80,000 to 100,000", min = 80000, max = 100000, qualifier = "approx" },
    } },
    { "Strikes killed 30 people, bringing the death toll to 60; casualties were estimated at 500.", {
      { text = "killed 30 people", value = 30 },
      { text = "bringing the death toll to 60", value = 60, category = "casualties" },
      { text = "casualties were estimated at 500", value = 500 },
    } },
    { "Losses were estimated at $3 billion; losses were 50 tanks.", {
      { text = "50 tanks", category = "equipment" },
    } },
  },
}
