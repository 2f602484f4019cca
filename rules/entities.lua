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
phase { name = "entity_marks", order = 34 }   -- see entity.possessive_reach

-- word lists ---------------------------------------------------------------

-- a word list as a set: the lower-cased phrase maps to its kind= field
-- ("office<TAB>kind=inherit"), or to true
local function set(file)
  local s = {}
  for _, e in ipairs(entries(file)) do s[e[1]:lower()] = e.kind or true end
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
-- (one table: the kind of every listed word or phrase, by the first list
-- that has it)
local HEAD_KIND = {}
for i = #HEAD_KINDS, 1, -1 do
  local hk = HEAD_KINDS[i]
  for w, v in pairs(hk[1]) do
    if v then HEAD_KIND[w] = v == "inherit" and "inherit" or hk[2] end
  end
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

-- the words a noun phrase can start with (see FIRST below): determiners,
-- modifiers, titles, the first words of head nouns and phrases
local first_words, first_seen = {}, {}
local function add_first(w)
  if w and w ~= "" and not first_seen[w] then
    first_seen[w] = true
    first_words[#first_words + 1] = w
  end
end
for _, w in ipairs { "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those",
                     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "several", "some", "many", "both", "various", "numerous", "multiple", "few",
                     "other" } do
  add_first(w)
end
-- the words of the modifier and title lists (read once: used again below)
local MODIFIER_TITLE_WORDS = {}
for _, file in ipairs { "lists/source_modifiers.txt", "lists/source_roles.txt" } do
  for _, w in ipairs(words(file)) do MODIFIER_TITLE_WORDS[#MODIFIER_TITLE_WORDS + 1] = w end
end
for _, w in ipairs(MODIFIER_TITLE_WORDS) do add_first(w) end
for _, e in ipairs(head_entries) do
  add_first((e[1]:match("^[^%s/]+"):gsub("'s$", "")))
end
table.sort(first_words)
list { name = "source_first_words", entries = first_words }

-- the noun phrase ----------------------------------------------------------

-- the next token is on the same line (a name never crosses a line break)
local NL = [[ (?! [newline] ) ]]
-- a capitalised word that can stand in a name: not a quote, a function word,
-- a cue ("Says" in a headline), a day, a month or a sentence adverb
-- (the token test first, then the lists: most tokens fail the test)
local CAPW = [[ [cap !quote] (?<= (?! @function_words | @source_stops | @speech_verbs ) . ) ]]
-- a lower-case modifier: a listed one ("senior", "security"), an adjective
-- by its ending ("diplomatic", "forensic", "unofficial"), a hyphenated
-- compound ("state-appointed")
local LMOD = [[ (?: @source_modifiers
                  | /[a-z]+(al|ic|ive|ous|ent|ant|ary|ian|ese|ish)/
                    (?<= (?! @function_words | @speech_verbs | @source_heads ) . )
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
local DETW = [[ (?: the | a | an | his | her | its | their | our | this | these | those
                  | one | two | three | four | five | six | seven | eight | nine | ten
                  | several | some | many | both | various | numerous | multiple | few
                  | other ) ]]
-- (the single words as one word set, tried before "a few" as "a" was)
local DET = [[ (?: ]] .. DETW .. [[ | a few | [digit !/(1[89]|20)[0-9][0-9]/] ) ]]
-- a possessor: "Iran's", "the country's", "The Houthis'"
-- (it ends with a clitic or an apostrophe: it is only tried within the
-- reach of one, the <possreach> marks of entity.possessive_reach)
local POSSG = [[ (?= <possreach> ) ]]
local POSS = [[ (?: ]] .. POSSG .. [[ (?: ]] .. PRE .. NL .. [[ ){0,4} (?: ]] .. HEAD .. [[ | [lower] ) ]] .. NL .. [[
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
local LNOUN = [[ (?: [lower !/[a-z]+(ed|ing)/] (?<= (?! @function_words | @speech_verbs ) . ) ) ]]
-- (checked first: a lower-case word followed by a lower-case head must
-- come within its reach, four words of up to four tokens and a noun)
local CORE_D = [[ (?= (?: [!punct] | "/" ){0,17}? [lower] (?= [lower] ) @source_heads )
                  (?: ]] .. PRE .. NL .. [[ ){0,4} (?: ]] .. LNOUN .. NL .. [[ ){1,2} (?= [lower] ) ]] .. HEAD
-- the opening: a determiner, an owner, or both; a year may follow ("the
-- ministry's 2023 white paper")
local OPEN = [[ (?: ]] .. DET .. NL .. [[ (?: ]] .. POSS .. NL .. [[ )? | ]] .. POSS .. NL .. [[ )
                (?: [digit] ]] .. NL .. [[ )? ]]
-- the complements after the head
local TAIL = [[ (?: ]] .. NL .. POSTMOD .. [[ ){0,3} (?: ]] .. NL .. ANONMOD .. [[ )? ]]
-- what can start a phrase (a necessary condition, checked first so that
-- the many tokens that cannot start one are passed over quickly): a
-- capitalised word, a determiner, modifier, title or the first word of a
-- head, a number, a possessor, an adjective, a hyphenated compound
local FIRST = [[ (?= [cap !quote] | @source_first_words | [digit] | <possreach>
                   | [lower /[a-z]+(al|ic|ive|ous|ent|ant|ary|ian|ese|ish)/] | [lower hyphen] ) ]]
local NP = FIRST .. [[ (?: ]] .. OPEN .. [[ )? ]] .. CORE .. TAIL
-- (a second rule matches this reading; the longer of the two wins; it
-- opens with a determiner or a possessor)
local NP_COMPOUND = [[ (?= ]] .. DETW .. [[ | [digit] | <possreach> ) ]] .. OPEN .. CORE_D .. TAIL

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

-- the known kind of a whole phrase ("the new york times", "new delhi"):
-- media, a government body, a place, an organisation, in that order
local PHRASE_KIND = {}
for _, t in ipairs { ORGS, CAPITALS, COUNTRIES } do
  for q, v in pairs(t) do
    if v then PHRASE_KIND[q] = t == ORGS and "organization" or "government" end
  end
end
for q, v in pairs(GOV) do
  if v == true then PHRASE_KIND[q] = "government" end
end
for q, v in pairs(MEDIA) do
  if v then PHRASE_KIND[q] = "media" end
end
-- the first words of the phrases of these tables (so that a run of words
-- that cannot be one is not joined to be looked up)
local function first_words_of(t)
  local f = {}
  for q in pairs(t) do
    local w = q:match("^(%S+) ")
    if w then f[w] = true end
  end
  return f
end
local PHRASE_FIRST = first_words_of(PHRASE_KIND)
local HEAD_FIRST = first_words_of(HEAD_KIND)

-- the kinds a word of a name can give it, in this order ("Defense News":
-- media before anything else)
local NAME_KIND_ORDER = { "media", "government", "organization" }

-- the words a to b in lower case, joined by spaces
local function join(L, a, b)
  if a == b then return L[a] end
  return table.concat(L, " ", a, b)
end

-- the kind of the phrase of words a to b, or of it without a first "the"
local function phrase_kind(L, a, b)
  if a >= b then return a == b and PHRASE_KIND[L[a]] or nil end
  local k = PHRASE_FIRST[L[a]] and PHRASE_KIND[join(L, a, b)]
  if k then return k end
  if L[a] == "the" and (a + 1 == b or PHRASE_FIRST[L[a + 1]]) then
    return PHRASE_KIND[join(L, a + 1, b)]
  end
  return nil
end

-- a head noun's kind, settled by the determiner and the owner
-- (L, C, Q: the phrase's words in lower case, whether each is capitalised,
-- whether each is a clitic or an apostrophe)
local function settle(kind, det, L, Q, stop)
  if kind == "role" then
    return det == "indef" and "anonymous" or "person"
  end
  if kind == "inherit" then
    for i = 1, stop do
      local w = L[i]
      if place(w) or DEMONYMS[w] or GOV[w] == true then return "government" end
    end
    -- a person's office is a government's: "Zelensky's office", "the
    -- president's office"
    for i = 2, stop do
      if Q[i] and not ORGS[L[i - 1]] then return "government" end
    end
    return "organization"
  end
  return kind
end

-- the phrase's words 1 to n: T (as written), L, C, Q (see settle); returns
-- the kind, the determiner's class ("def", "indef"), whether the phrase is
-- a bare title ("the spokesman"), and the head noun in lower case
local function classify(T, L, C, Q, n)
  local first = 1
  local det = DETS[L[1]]
  if det and n > 1 then first = 2 end
  -- the core ends before the first preposition after the head; the owner
  -- before it ends at its last clitic or possessive apostrophe ("the
  -- country's airports authority"; not in "a spokesperson for China's
  -- Taiwan Affairs Office")
  local own, stop = first - 1, n
  for i = first, n do
    if Q[i] then
      own = i
    elseif i >= own + 2 and PREPS[L[i]] and not C[i] then
      stop = i - 1
      break
    end
  end
  local head = L[stop]
  -- 1. a phrase known as a whole
  local k = phrase_kind(L, first, n) or phrase_kind(L, own + 1, stop)
  if k then return k, det, nil, head end
  -- 2. a name after a title or a people noun: "Kremlin spokesman Dmitry
  -- Peskov", "Russian military analyst Igor Korotchenko"
  local tail = n + 1
  while tail > own + 1 and C[tail - 1] and not HEAD_KIND[L[tail - 1]]
        and not PREPS[L[tail - 1]] do
    tail = tail - 1
  end
  if tail <= n then
    for i = tail - 1, own + 1, -1 do
      if PREPS[L[i]] then break end
      local hk = HEAD_KIND[L[i]]
      if hk == "role" or hk == "anonymous" then return "person", det, nil, head end
    end
  end
  -- 3. the head noun of the core: "the lab", "Iran's foreign ministry"
  local hk = (stop > own + 1 and HEAD_FIRST[L[stop - 1]] and HEAD_KIND[join(L, stop - 1, stop)])
             or HEAD_KIND[head]
  -- "the Armenpress agency", "the Interfax agency": a news agency named by
  -- one word; an agency named otherwise is an organisation
  if head == "agency" and stop - own == 2 and C[stop - 1]
     and not (ORGS[L[stop - 1]] or place(L[stop - 1]) or DEMONYMS[L[stop - 1]]) then
    return "media", det, nil, head
  end
  if hk then
    return settle(hk, det, L, Q, stop), det, hk == "role" and tail > stop, head
  end
  -- 4. a name: known as a whole, or by a word in it, or by a noun before it
  local ctail = math.max(tail, own + 1)
  if ctail <= stop then
    local nk = phrase_kind(L, ctail, stop)
    if nk then return nk, det, nil, head end
    for i = own + 1, ctail - 1 do
      local pk = HEAD_KIND[L[i]]
      if pk == "media" or pk == "organization" or pk == "government" then
        return pk, det, nil, head
      end
    end
    for _, want in ipairs(NAME_KIND_ORDER) do
      for i = ctail, stop do
        if NAME_WORDS[L[i]] == want then return want, det, nil, head end
      end
    end
    if ctail == stop and T[stop]:find("^%u[%u%d%-]+$") then
      return "organization", det, nil, head
    end
    if ctail == stop and DEMONYMS[L[stop]] then return "demonym", det, nil, head end
    return "person", det, nil, head
  end
  return "organization", det, nil, head
end

-- the words of tokens a to b of a match (see classify), and their count
-- (in arrays reused from call to call: classify reads words 1 to n only)
local WT, WL, WC, WQ = {}, {}, {}, {}
local function words_of(t, a, b)
  local n = 0
  for i = a, b do
    local text, f = t:text(i), t:fold(i)
    n = n + 1
    WT[n], WL[n], WC[n] = text, text:lower(), t:is(i, "cap")
    -- a clitic ('s) or a quotation mark (folded to one of these)
    WQ[n] = f == "'" or f == '"' or (f == "'s" and t:is(i, "clitic"))
  end
  return WT, WL, WC, WQ, n
end

-- the fields of an np annotation
local function np_fields(m)
  local t, a = m.tokens, m.first
  local x = {}
  -- a dateline city before the phrase: "MOSCOW Russia on Monday said"
  if m.last > a and t:is(a, "sentence_start") and t:text(a):find("^%u%u%u%u+$")
     and place(t:text(a):lower()) and t:is(a + 1, "cap")
     and not (t:is(a + 1, "clitic") or t:is(a + 1, "quote")) then
    a = a + 1
    x.start = t:span(a)
  end
  local T, L, C, Q, n = words_of(t, a, m.last)
  local kind, det, titled, head = classify(T, L, C, Q, n)
  if kind == "demonym" then return nil end
  x.kind, x.det, x.head, x.role = kind, det, head, titled or nil
  x.name = (C[n] and not HEAD_KIND[L[n]]) or nil
  return x
end

-- the words that can stand in a name before its last one, as the patterns
-- above allow them: not a clitic, punctuation or a function word, but the
-- listed words (modifiers, titles, the words of head phrases: "the" and
-- "of" in "Voice of America"), "and", "or", "/", "few" ("a few") and
-- hyphenated words
local FUNCTION_WORDS = words "lists/function_words.txt"
local INNER_WORDS = { ["and"] = true, ["or"] = true, ["/"] = true, few = true }
for _, w in ipairs(MODIFIER_TITLE_WORDS) do INNER_WORDS[w] = true end
-- and the longest head phrase, in tokens (about: "/" and "'s" count)
local longest = 1
for _, e in ipairs(head_entries) do
  local n = 0
  for piece in e[1]:gmatch("%S+") do
    local _, slashes = piece:gsub("/", "")
    n = n + 1 + 2 * slashes + (piece:find("'s") and 1 or 0)
    for w in piece:gmatch("[^/]+") do INNER_WORDS[(w:gsub("'s$", ""))] = true end
  end
  if n > longest then longest = n end
end
local function inner(t, q)
  if t:is(q, "clitic") then return false end
  local f = t:fold(q)
  if INNER_WORDS[f] then return true end
  if t:kind(q) == "punct" then return false end
  return not t:is(q, "lower") or not FUNCTION_WORDS[f] or t:is(q, "hyphen")
end
-- how far back from its clitic an owner may start: a determiner ("a
-- few"), six words before the head (a head phrase, or a word and "and")
-- and the head
local REACH = 2 + 6 * math.max(2, longest) + longest

rule {
  name = "entity.possessive_reach",
  type = "possreach",
  phase = "entity_marks",
  output = false,
  doc = "the tokens from which a clitic or an apostrophe is within a possessor's reach, for the "
        .. "quick checks of the noun-phrase rules (a possessor or an owner is tried only there)",
  -- a possessor: up to four words before the head and the head, or a last
  -- lower-case word ("it's"); an owner: a determiner, six words and the
  -- head; marked back REACH tokens before the clitic
  pattern = [[ [clitic] | [punct quote !space] ]],
  action = function(m)
    local t, e = m.tokens, m.first
    local s0, e0 = t:span(e)
    local out = { { start = s0, ["end"] = e0 } }
    for q = e - 1, math.max(1, e - REACH), -1 do
      if not (inner(t, q) or (q == e - 1 and t:is(q, "lower") and not t:is(q, "clitic"))) then break end
      local s1, e1 = t:span(q)
      out[#out + 1] = { start = s1, ["end"] = e1 }
    end
    return out
  end,
  examples = {
    { "Iran's foreign ministry and the Houthis' leaders", {
      { text = "Iran" }, { text = "'s" }, { text = "Houthis" }, { text = "'" } }, partial = true },
  },
}

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
  pattern = [[ (?= . <possreach> ) ]] .. FIRST .. [[ (?: ]] .. DET .. NL .. [[ )? ]]
            .. CORE .. [[ (?= [clitic] [lower]? @possessive_cues ) ]],
  -- (only before a noun of attribution: the owners source.possessive uses)
  doc = "the owner in a possessive ('Brawner' in \"Brawner's figure\"), with its kind",
  action = function(m)
    local kind, det = classify(words_of(m.tokens, m.first, m.last))
    if kind == "demonym" then return nil end
    return { kind = kind, det = det }
  end,
  examples = {
    { "Brawner's figure", { { text = "Brawner", kind = "person" } } },
  },
}
