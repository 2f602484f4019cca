-- Entities: noun phrases that can name a source (guide, section 2.2), as
-- internal "np" annotations with the kind of source they name (2.3). The
-- rules of rules/sources.lua match them as <np> and add the cue around
-- them. The word lists are data in lists/; this file assembles them.
--
--   "Kremlin spokesman Dmitry Peskov"      np kind=person
--   "two people familiar with the matter"  np kind=anonymous
--   "Iran's official news agency IRNA"     np kind=media
--   "Washington's mission to Yemen"        np kind=government
--   "recently declassified US intelligence documents"  np kind=document

phase { name = "entities", order = 35 }

-- word lists ---------------------------------------------------------------

-- a word list as a set; a line "word<TAB>kind=x" (or "word<TAB>x") maps the
-- word to x, a plain line to true
local function set(file)
  local s = {}
  for _, line in ipairs(words(file)) do
    local w, rest = line:match("^(.-)%s*\t(.*)$")
    if w then
      s[w] = rest:match("kind=([%a_]+)") or rest:match("([%a_]+)") or true
    else
      s[line] = true
    end
  end
  return s
end

local ANON = set "lists/anonymous.txt"          -- officials, sources, residents
local ROLES = set "lists/source_roles.txt"      -- spokesman, minister, mediator
local DOCS = set "lists/documents.txt"          -- report, images, data
local MEDIA = set "lists/media.txt"             -- Reuters, the paper, state media
local GOV = set "lists/government.txt"          -- ministry, the Kremlin; office=inherit
local ORGS = set "lists/organizations.txt"      -- army, lab, NATO, Human Rights Watch
local COUNTRIES = set "lists/source_countries.txt"
local CAPITALS = set "lists/source_capitals.txt"
local DEMONYMS = set "lists/source_demonyms.txt"
local NAME_WORDS = set "lists/source_name_words.tsv"  -- News=media, Ministry=government

-- the kind a head noun gives, in this order of the lists
local HEAD_KINDS = {
  { ANON, "anonymous" }, { ROLES, "role" }, { DOCS, "document" },
  { MEDIA, "media" }, { GOV, "government" }, { ORGS, "organization" },
}
local function head_kind(w)
  for _, hk in ipairs(HEAD_KINDS) do
    local v = hk[1][w]
    if v then return v == "inherit" and "inherit" or hk[2] end
  end
  return nil
end

-- the phrase list of head nouns: every entry of the kind lists above (the
-- longest phrase wins: "state media", "white paper", "news agency")
local head_entries, seen = {}, {}
for _, hk in ipairs(HEAD_KINDS) do
  for w in pairs(hk[1]) do
    if not seen[w] then
      seen[w] = true
      head_entries[#head_entries + 1] = { w }
    end
  end
end
table.sort(head_entries, function(a, b) return a[1] < b[1] end)

list { name = "source_heads", entries = head_entries }

-- the head nouns that are also cues ("reports", "estimates", "records")
local VERBS = set "lists/speech_verbs.tsv"
local verb_nouns = {}
for _, e in ipairs(head_entries) do
  if VERBS[e[1]] then verb_nouns[#verb_nouns + 1] = e[1] end
end
list { name = "source_verb_nouns", entries = verb_nouns }
list { name = "source_titles", file = "lists/source_roles.txt" }
list { name = "source_modifiers", file = "lists/source_modifiers.txt" }
list { name = "source_stops", file = "lists/source_stops.txt" }
list { name = "source_adverbs", file = "lists/source_adverbs.txt" }
list { name = "speech_verbs", file = "lists/speech_verbs.tsv" }

-- the noun phrase ----------------------------------------------------------

-- the next token is on the same line (a name never crosses a line break)
local NL = [[ (?! [newline] ) ]]
-- a capitalised word that can stand in a name: not a quote, a function word,
-- a cue ("Says" in a headline), a day, a month or a sentence adverb
local CAPW = [[ (?! @function_words | @source_stops | @speech_verbs ) [cap !quote] ]]
-- a lower-case modifier: a listed one ("senior", "security"), an adjective
-- by its ending ("diplomatic", "forensic", "unofficial"), a hyphenated
-- compound ("state-appointed")
local LMOD = [[ (?: @source_modifiers
                  | (?! @function_words | @speech_verbs | @source_heads )
                    /[a-z]+(al|ic|ive|ous|ent|ant|ary|ian|ese|ish)/
                  | /[a-z]+-[a-z]+/ ) ]]
-- a word before the head: a capitalised word, a modifier, or a noun that
-- can head a source itself ("security sources", "news agency IRNA",
-- "spokesman Dmitry Peskov"); "diplomatic and security sources", "US and
-- British officials": a conjunction inside when a lower-case head follows
local PRE = [[ (?: (?: ]] .. CAPW .. [[ | ]] .. LMOD .. [[ )
                   (?: (and | or) ]] .. NL .. [[
                       (?= (?: ]] .. CAPW .. [[ | ]] .. LMOD .. [[ )+ (?= [lower] ) @source_heads ) )?
                 | @source_titles and ]] .. NL .. [[ (?= (?: ]] .. CAPW .. NL .. [[ ){0,2} @source_titles )
                 | (?! @source_verb_nouns ) @source_heads ) ]]
-- the head: a listed noun ("officials", "white paper") or a capitalised
-- word. A noun that is also a cue ("reports", "estimates") is a noun only
-- before a cue or a preposition: "US reports indicated", but "The New York
-- Times reports."
local NOUNCTX = [[ (?: @speech_verbs | @source_adverbs | of | from | by | on | in | "," ) ]]
local HEAD = [[ (?: (?! @source_verb_nouns (?! ]] .. NOUNCTX .. [[ ) ) (?: @source_heads | ]] .. CAPW .. [[ ) ) ]]
-- the core: up to six words before the head ("White House national
-- security spokesman John Kirby")
local CORE = [[ (?: ]] .. PRE .. NL .. [[ ){0,6} ]] .. HEAD
-- a determiner or a quantity opening the phrase
local DET = [[ (?: the | a | an | his | her | its | their | our | this | these | those
                 | one | two | three | four | five | six | seven | eight | nine | ten
                 | several | some | many | both | various | numerous | multiple | few
                 | a few | other | (?! /(1[89]|20)[0-9][0-9]/ ) [digit] ) ]]
-- a possessor: "Iran's", "the country's", "The Houthis'"
local POSS = [[ (?: (?: ]] .. PRE .. NL .. [[ ){0,4} (?: ]] .. HEAD .. [[ | [lower] ) ]] .. NL .. [[
                (?: [clitic] | (?<= /.*s/i ) [quote !space] ) ) ]]
-- a prepositional complement that belongs to the name: "the Institute for
-- the Study of War", "Officials in New Delhi", "the head of the Philippine
-- armed forces"
-- (a document's author too: "a report by the Institute for the Study of
-- War"; inside it a name may hold "and": "the Center for Strategic and
-- International Studies"; it may have an owner: "of Ukraine's armed forces")
local PRE_IN = [[ (?: ]] .. PRE .. [[ | ]] .. CAPW .. [[ and (?= ]] .. CAPW .. [[ ) ) ]]
local POSTMOD = [[ (?: (of | for | at | in | to | from | by) ]] .. NL .. [[ (?: the ]] .. NL .. [[ )?
                   (?: ]] .. POSS .. NL .. [[ )? (?: ]] .. PRE_IN .. NL .. [[ ){0,5} ]] .. HEAD .. [[ ) ]]
-- what makes people anonymous: "familiar with the matter", "close to the
-- Defence Ministry", "with knowledge of the process"
local ANONMOD = [[ (?: familiar with | close to | with (direct | first-hand)? knowledge of
                     | briefed on | involved in | aware of | inside ) ]] .. NL .. [[
                   (?: (the | a | an) ]] .. NL .. [[ )? (?: ]] .. PRE .. NL .. [[ ){0,3}
                   (?: ]] .. HEAD .. [[ | (?! @function_words | @speech_verbs ) [lower] ) ]]

-- after a determiner or an owner, where the phrase plainly starts, any
-- noun may modify a lower-case head right before it: "the Lebanese
-- resistance movement", "the country's airports authority" (not "the
-- islands Argentina", "the first time US intelligence")
local LNOUN = [[ (?: (?! @function_words | @speech_verbs | /[a-z]+(ed|ing)/ ) [lower] ) ]]
local CORE_D = [[ (?: ]] .. PRE .. NL .. [[ ){0,4} (?: ]] .. LNOUN .. NL .. [[ ){1,2} (?= [lower] ) ]] .. HEAD
-- the opening: a determiner, an owner, or both; a year may follow ("the
-- ministry's 2023 white paper")
local OPEN = [[ (?: ]] .. DET .. NL .. [[ (?: ]] .. POSS .. NL .. [[ )? | ]] .. POSS .. NL .. [[ )
                (?: [digit] ]] .. NL .. [[ )? ]]
-- the complements after the head
local TAIL = [[ (?: ]] .. NL .. POSTMOD .. [[ ){0,3} (?: ]] .. NL .. ANONMOD .. [[ )? ]]
local NP = [[ (?: ]] .. OPEN .. [[ )? ]] .. CORE .. TAIL
-- (a second rule matches this reading; the longer of the two wins)
local NP_COMPOUND = OPEN .. CORE_D .. TAIL

-- the kind of a phrase -----------------------------------------------------

local DETS = {
  the = "def", his = "def", her = "def", its = "def", their = "def", our = "def",
  this = "def", these = "def", those = "def", both = "def",
  a = "indef", an = "indef", one = "indef", two = "indef", three = "indef",
  four = "indef", five = "indef", six = "indef", seven = "indef", eight = "indef",
  nine = "indef", ten = "indef", several = "indef", some = "indef", many = "indef",
  various = "indef", numerous = "indef", multiple = "indef", few = "indef",
  other = "indef",
}
local PREPS = { of = true, ["for"] = true, at = true, ["in"] = true, to = true,
                from = true, by = true, familiar = true, close = true, with = true,
                briefed = true, involved = true, aware = true, inside = true }

local function place(w)
  return COUNTRIES[w] or CAPITALS[w]
end

-- the known kind of a whole phrase ("the new york times", "new delhi")
local function phrase_kind(p)
  local bare = p:gsub("^the ", "")
  for _, q in ipairs { p, bare } do
    if MEDIA[q] then return "media" end
    if GOV[q] == true then return "government" end
    if place(q) then return "government" end
    if ORGS[q] then return "organization" end
  end
  return nil
end

-- a head noun's kind, settled by the determiner and the owner
local function settle(kind, det, words, stop)
  if kind == "role" then
    return det == "indef" and "anonymous" or "person"
  end
  if kind == "inherit" then
    for i = 1, stop do
      local w = words[i].lower
      if place(w) or DEMONYMS[w] or GOV[w] == true then return "government" end
    end
    -- a person's office is a government's: "Zelensky's office", "the
    -- president's office"
    for i = 1, stop do
      if words[i].clitic and i > 1 and not ORGS[words[i - 1].lower] then return "government" end
    end
    return "organization"
  end
  return kind
end

-- words: { text, lower, cap, clitic } of the phrase's tokens; returns the
-- kind, the determiner's class ("def", "indef"), whether the phrase is a
-- bare title ("the spokesman"), and the head noun in lower case
local np_kind
local function classify(words)
  local n = #words
  local first = 1
  local det = DETS[words[1].lower]
  if det and n > 1 then first = 2 end
  -- the core ends before the first preposition after the head; the owner
  -- before it ends at its last clitic or possessive apostrophe ("the
  -- country's airports authority"; not in "a spokesperson for China's
  -- Taiwan Affairs Office")
  local own, stop = first - 1, n
  for i = first, n do
    if words[i].clitic then
      own = i
    elseif i >= own + 2 and PREPS[words[i].lower] and not words[i].cap then
      stop = i - 1
      break
    end
  end
  words.head = words[stop].lower
  local function join(a, b)
    local t = {}
    for i = a, b do t[#t + 1] = words[i].lower end
    return table.concat(t, " ")
  end
  -- 1. a phrase known as a whole
  local k = phrase_kind(join(first, n)) or phrase_kind(join(own + 1, stop))
  if k then return k, det end
  -- 2. a name after a title or a people noun: "Kremlin spokesman Dmitry
  -- Peskov", "Russian military analyst Igor Korotchenko"
  local tail = n + 1
  while tail > own + 1 and words[tail - 1].cap and not head_kind(words[tail - 1].lower)
        and not PREPS[words[tail - 1].lower] do
    tail = tail - 1
  end
  if tail <= n then
    for i = tail - 1, own + 1, -1 do
      if PREPS[words[i].lower] then break end
      local hk = head_kind(words[i].lower)
      if hk == "role" or hk == "anonymous" then return "person", det end
    end
  end
  -- 3. the head noun of the core: "the lab", "Iran's foreign ministry"
  local head = words[stop].lower
  local two = stop > own + 1 and join(stop - 1, stop) or nil
  local hk = (two and head_kind(two)) or head_kind(head)
  -- "the Armenpress agency", "the Interfax agency": a news agency named by
  -- one word; an agency named otherwise is an organisation
  if head == "agency" and stop - own == 2 and words[stop - 1].cap
     and not (ORGS[words[stop - 1].lower] or place(words[stop - 1].lower)
              or DEMONYMS[words[stop - 1].lower]) then
    return "media", det
  end
  if hk then
    return settle(hk, det, words, stop), det, hk == "role" and tail > stop
  end
  -- 4. a name: known as a whole, or by a word in it, or by a noun before it
  local ctail = math.max(tail, own + 1)
  if ctail <= stop then
    local nk = phrase_kind(join(ctail, stop))
    if nk then return nk, det end
    for i = own + 1, ctail - 1 do
      local pk = head_kind(words[i].lower)
      if pk == "media" or pk == "organization" or pk == "government" then
        return pk, det
      end
    end
    for _, want in ipairs { "media", "government", "organization" } do
      for i = ctail, stop do
        if NAME_WORDS[words[i].lower] == want then return want, det end
      end
    end
    if ctail == stop and words[stop].text:find("^%u[%u%d%-]+$") then
      return "organization", det
    end
    if ctail == stop and DEMONYMS[words[stop].lower] then return "demonym", det end
    return "person", det
  end
  return "organization", det
end

np_kind = function(words)
  local kind, det, titled = classify(words)
  return kind, det, titled, words.head
end

-- the words of a match, for np_kind
local function words_of(m)
  local t, out = m.tokens, {}
  for i = m.first, m.last do
    local text = t:text(i)
    out[#out + 1] = {
      text = text, lower = text:lower(),
      cap = t:is(i, "cap"), sentence = t:is(i, "sentence_start"),
      clitic = t:is(i, "clitic") or t:is(i, "quote"),
    }
  end
  return out
end

-- the fields of an np annotation
local function np_fields(m)
  local words = words_of(m)
  local x = {}
  -- a dateline city before the phrase: "MOSCOW Russia on Monday said"
  local first = words[1]
  if #words > 1 and first.sentence and first.text:find("^%u%u%u%u+$")
     and place(first.lower) and words[2].cap and not words[2].clitic then
    table.remove(words, 1)
    x.start = m.tokens:span(m.first + 1)
  end
  local kind, det, titled, head = np_kind(words)
  if kind == "demonym" then return nil end
  local last = words[#words]
  x.kind, x.det, x.head, x.role = kind, det, head, titled or nil
  x.name = (last.cap and not head_kind(last.lower)) or nil
  return x
end

rule {
  name = "entity.np_compound",
  type = "np",
  phase = "entities",
  output = false,
  pattern = NP_COMPOUND,
  doc = "a noun phrase with noun modifiers after its determiner",
  action = np_fields,
  examples = {
    { "the country's airports authority", {
      { text = "the country's airports authority", kind = "organization" } } },
    { "This is not the first time US intelligence has accused them.", {
      { text = "US intelligence", kind = "document" } } },
  },
}

rule {
  name = "entity.np",
  type = "np",
  phase = "entities",
  output = false,
  pattern = NP,
  doc = "a noun phrase that can name a source, with the kind it names",
  action = np_fields,
  examples = {
    { "Kremlin spokesman Dmitry Peskov spoke.", {
      { text = "Kremlin spokesman Dmitry Peskov", kind = "person" } } },
    { "Two people familiar with the matter spoke.", {
      { text = "Two people familiar with the matter", kind = "anonymous" } } },
    { "Iran's official news agency IRNA spoke.", {
      { text = "Iran's official news agency IRNA", kind = "media" } } },
    { "Washington's mission to Yemen spoke.", {
      { text = "Washington's mission to Yemen", kind = "government" } } },
    { "the AU mission spoke.", { { text = "the AU mission", kind = "organization" } } },
    { "recently declassified US intelligence documents", {
      { text = "recently declassified US intelligence documents", kind = "document" } } },
    { "the Institute for the Study of War", {
      { text = "the Institute for the Study of War", kind = "organization" } } },
    { "The Minister and a diplomat", {
      { text = "The Minister", kind = "person" }, { text = "a diplomat", kind = "anonymous" } } },
    { "The General Staff of Ukraine's armed forces", {
      { text = "The General Staff of Ukraine's armed forces", kind = "organization" } } },
    { "Analysts at the Center for Strategic and International Studies", {
      { text = "Analysts at the Center for Strategic and International Studies", kind = "anonymous" } } },
    { "Officials in New Delhi", { { text = "Officials in New Delhi", kind = "anonymous" } } },
    { "the Interfax agency", { { text = "the Interfax agency", kind = "media" } } },
    { "the UN agency", { { text = "the UN agency", kind = "organization" } } },
    { "A spokesperson for China's Taiwan Affairs Office", {
      { text = "A spokesperson for China's Taiwan Affairs Office", kind = "anonymous", role = true } } },
    { "Zelensky's office", { { text = "Zelensky's office", kind = "government" } } },
    { "The UAE", { { text = "The UAE", kind = "government" } } },
    { "Defense News", { { text = "Defense News", kind = "media" } } },
    { "diplomatic and security sources", {
      { text = "diplomatic and security sources", kind = "anonymous" } } },
    { "On Sunday Reuters", { { text = "Reuters", kind = "media" } } },
    { "MOSCOW Russia on Monday", { { text = "Russia", kind = "government" } } },
    { "U.S. officials", { { text = "U.S. officials", kind = "anonymous" } } },
    { "US officials", { { text = "US officials", kind = "anonymous" } } },
    { "The Lebanese resistance movement", { { text = "The Lebanese resistance movement", kind = "organization" } } },
    { "Houthi-run health authorities", { { text = "Houthi-run health authorities", kind = "government" } } },
  },
}

rule {
  name = "entity.owner",
  type = "owner",
  phase = "entities",
  output = false,
  pattern = [[ (?: ]] .. DET .. NL .. [[ )? ]] .. CORE .. [[ (?= [clitic] ) ]],
  doc = "the owner in a possessive ('Brawner' in \"Brawner's figure\"), with its kind",
  action = function(m)
    local kind, det = np_kind(words_of(m))
    if kind == "demonym" then return nil end
    return { kind = kind, det = det }
  end,
  examples = {
    { "Brawner's figure", { { text = "Brawner", kind = "person" } } },
  },
}
