-- Sources: who a claim comes from (guide, section 2). The noun phrases that
-- can name a source are the <np> annotations of rules/entities.lua, with
-- the kind of source they name; the rules here find the attribution cue
-- around them and give the span, cue, stance and role:
--
--   "according to X", "according to X's tally"   source.according_to
--   "X (has repeatedly) denied", "X put the toll at", "X released footage"
--                                                 source.verb
--   "Ankara and Baku deny"                        source.coordinated
--   "X, who heads ..., tells" (role)              source.apposition
--   "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry, says"
--                                                 source.titled
--   "A Telegram channel linked to Wagner announced" (role)  source.modified
--   "... the minister, who told reporters"        source.relative
--   "X, who responded by saying"                  source.responded
--   "X called the agreement a major achievement"  source.called
--   "Poland announced, together with Lithuania, Latvia and Estonia"
--                                                 source.together
--   "by the count published at the time"          source.by_count
--   "Peskov was quoted as saying"                 source.quoted_as
--   "..., said Ivan Nechaev, deputy head of ..."  source.inverted
--   "denied by Moscow and Beijing", "documents reviewed by Reuters"
--                                                 source.passive
--   "citing X", "X cites Y as a source"           source.citing
--   "Brawner's figure"                            source.possessive
--   "footage showing ..."                         source.showing
--   "Ministry of National Defence: ..." (headline)  source.headline
--   "he said" (pronoun = true)                    source.pronoun
--
-- Stance is "deny" for denials (denied, rejected, dismissed, refuted,
-- disputed) and for a source of a dismissive quotation ("... false news",
-- said X); it is left out otherwise (the default, "assert").
--
-- Not sources: recipients ("told The New York Times"), interviewers
-- ("reached by Le Monde"), hedges ("reportedly", "is said to"), dateline
-- tags ("(Reuters) -"), photo credits and what captions show, pledges and
-- requests ("pledged", "urged"), negated cues ("did not say", "could not
-- confirm"). The word lists are data in lists/ (declared in entities.lua).

-- the stance a cue word gives, and what it needs after it: speech_verbs.tsv
-- marks denials (stance=deny) and verbs that need a clause (needs=that) or
-- an "as" (needs=as)
local DENY, NEEDS = {}, {}
for _, e in ipairs(entries "lists/speech_verbs.tsv") do
  local w = e[1]:lower()
  if e.stance == "deny" then DENY[w] = true end
  NEEDS[w] = e.needs
end

-- pattern pieces ------------------------------------------------------------

-- between a source and its verb: auxiliaries, adverbs, a day ("Azerbaijan
-- on Thursday disclosed"), "in a statement"
local ADV = [[ (?: @source_adverbs
                 | on /(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/
                 | in a (statement | communique | post | tweet | briefing | letter) ) ]]
-- verbs that take a multi-word cue: "put the total number ... at", "gave
-- the figure", "released footage"
local MULTI = [[ (?: (put | puts) (?: [!punct !quote] ){1,10}? at
                   | (gave | give | gives) (?: a | an | the | its | his | her | their )?
                     (?: (?! no | not ) [lower] ){0,3}?
                     (figure | figures | account | estimate | toll | tally | number | breakdown)
                   | (released | publishes | published | issued | posted | shared | circulated)
                     (?: a | an | the | its | his | her | their | new )? [lower]{0,2}?
                     (statement | footage | video | videos | images | pictures | photos | report
                      | figures | data | communique | list | map | maps | recording) ) ]]
-- the cue after a source, with what stands between
local CUE = [[ (?<cue> (?: ]] .. ADV .. [[ )* (?: ]] .. MULTI .. [[ | @speech_verbs ) ) ]]
-- a verb used as a passive participle is not a cue ("documents reviewed by
-- Reuters"), nor a negated one ("says nothing about"), nor "shows off";
-- casualty reports ("five soldiers reported killed") are turned down by
-- fulfilled() below
local NOTPASSIVE = [[ (?! by | into | nothing | off ) ]]
-- where a clause starts: after punctuation, a conjunction, a time phrase
-- (the words in a group of their own: one word set)
local CLAUSE = [[ (?: ^ | (?<= [punct] | [digit] | @source_stops
                          | (?: that | and | but | while | as | when | whereas | which | whom | so
                              | then | morning | afternoon | evening | night | week | month | year
                              | earlier | later | also )
                          | @speech_verbs ) ) ]]
-- a phrase after a preposition, an auxiliary, a negation or a participle is
-- no subject: "a channel linked to Wagner announced", "an image provided by
-- the army shows", "did Putin say", "neither side has confirmed"
local NOTOBJECT = [[ (?<! (?: to | by | with | in | at | from | for | on | into | over | under | about
                          | did | does | do | has | have | had | would | will | could | should | can
                          | not | neither | nor | no | none | never
                          | against | between | among | toward | towards | via | like | than )
                       | (?! often | seven | eleven | women | children | citizen ) /[a-z]{3,}(ed|en)/ ) ]]
-- an acronym in brackets after a name: "The Israel Defense Forces (IDF)
-- reported"
local ACRONYM = [[ (?: "(" [allcaps] ")" )? ]]
-- a parenthesis between commas: an appositive or a relative clause
local PAREN = [[ [!"," !";" !"." !quote !newline]{1,40}? ]]

-- fields --------------------------------------------------------------------

local function squeeze(s)
  return (s:lower():gsub("%s+", " "))
end

-- "deny" when the cue is a denial ("has repeatedly denied", "rejects");
-- nil otherwise: the stance is "assert" by default and left out
local function cue_stance(cue)
  for w in cue:lower():gmatch("[%a']+") do
    if DENY[w] or DENY[w:gsub("ing$", "")] or DENY[w:gsub("ing$", "e")]
       or DENY[w:gsub("ying$", "y")] then return "deny" end
  end
  return nil
end

-- a quotation the source dismisses: "these reports are false news"
local FALSE = { "false", "fake", "untrue", "baseless", "groundless", "fabricated",
                "fabrication", "no truth", "not true", "nonsense", "a lie", "lies" }
-- (a text without any of these letters has none of the words above)
local FALSE_STEMS = { "fals", "fake", "tru", "baseless", "groundless", "fabricat", "nonsense", "lie" }
local function dismissive(text)
  text = text:lower()
  local any = false
  for _, w in ipairs(FALSE_STEMS) do
    if text:find(w, 1, true) then
      any = true
      break
    end
  end
  if not any then return false end
  text = " " .. text:gsub("[^%a]+", " ") .. " "
  for _, w in ipairs(FALSE) do
    if text:find(" " .. w .. " ", 1, true) then return true end
  end
  return false
end

-- the quotation that ends just before token i ("...," said X), or the
-- sentence of token i
local function quoted_before(m, i)
  local t = m.tokens
  local j = i - 1
  while j >= 1 and t:text(j) == "," do j = j - 1 end
  if j >= 1 and t:is(j, "quote") then
    local _, qe = t:span(j)
    for k = j - 1, math.max(1, j - 400), -1 do
      if t:is(k, "quote") then
        local qs = t:span(k)
        return m.source:sub(qs + 1, qe)
      end
    end
  end
  local _, _, ss, se = t:sentence(t:sentence_of(i))
  return m.source:sub(ss + 1, se)
end

-- the extraction for a source span (a group with an <np> annotation inside)
local function source(span, cue, extra)
  local np = span.annotation or {}
  local x = {
    start = span.start, ["end"] = span["end"],
    kind = np.kind or "organization",
    cue = cue and squeeze(cue) or nil,
    stance = cue and cue_stance(cue) or nil,
  }
  for k, v in pairs(extra or {}) do x[k] = v end
  return x
end

-- cues that stand as participles in casualty reports ("five soldiers
-- reported killed"), and what they report
local PARTICIPLES = { reported = true, confirmed = true, estimated = true }
local CASUALTY = { killed = true, dead = true, missing = true, wounded = true, injured = true,
                   captured = true, hurt = true }
-- words of quantity that make "added" a verb of increase ("added two more")
local QUANTITIES = { a = true, an = true, another = true, more = true, some = true, two = true,
                     three = true, four = true, five = true, several = true, dozens = true,
                     hundreds = true, thousands = true }
-- what a territorial claim claims: "claims (almost) all of the sea"
local QUALIFIERS = { almost = true, nearly = true, virtually = true }
local TERRITORY = { all = true, most = true, much = true, part = true, parts = true,
                    sovereignty = true, ownership = true }

-- does the cue get what its verb needs after it: a clause ("concluded
-- that"), an "as" ("presented the salvo as revenge")?
local function fulfilled(m, cue)
  local verb = cue.text:lower():match("([%a']+)%s*$")
  local need = verb and NEEDS[verb]
  local t, i = m.tokens, cue.last + 1
  -- a territorial claim is no attribution: "China claims almost all of the sea"
  if verb and verb:find("^claim") and i <= #t then
    local w = t:text(i):lower()
    if QUALIFIERS[w] and i < #t then w = t:text(i + 1):lower() end
    if TERRITORY[w] then return false end
  end
  -- a participle of a casualty report: "five soldiers reported killed"
  if verb and PARTICIPLES[verb] and i <= #t and CASUALTY[t:text(i):lower()] then return false end
  if not need then return true end
  if i > #t then return true end
  if need == "that" then
    local w = t:text(i):lower()
    return w == "that" or t:is(i, "quote") or w == ":" or w == "," or w == "."
  end
  if need == "opinion" then
    local w = t:text(i):lower()
    return not (w == "in" or w == "to" or w == "it" or w == "so" or t:kind(i) == "punct")
  end
  if need == "clause" then
    local w = t:text(i):lower()
    return not (t:is(i, "digit") or QUANTITIES[w] or w == "to")
  end
  for k = i, math.min(#t, i + 10) do
    local w = t:text(k):lower()
    if w == "as" then return true end
    if w == "." or w == ";" then return false end
  end
  return false
end

-- the dashes after a credit line: "-", en dash, em dash
local CREDIT_DASHES = { " - ", " \226\128\147 ", " \226\128\148 " }

-- is token i in a photo caption, a paragraph that opens with a credit line
-- ("PHOTO/REUTERS - ...", "AP/FILE - ...")?
local function in_caption(m, i)
  local t = m.tokens
  local _, _, start = t:paragraph(t:paragraph_of(i))
  local head, credit = m.source:sub(start + 1, start + 120), nil
  for _, dash in ipairs(CREDIT_DASHES) do
    local at = head:find(dash, 1, true)
    if at and (not credit or at <= #credit) then credit = head:sub(1, at - 1) end
  end
  if not credit then return false end
  return credit:find("/") ~= nil or credit:find(" via ") ~= nil or credit == credit:upper()
end

-- what a photo caption describes is no source: "This handout image ...
-- shows the launch of a drone"
local IMAGES = { image = true, images = true, photo = true, photos = true, picture = true,
                 pictures = true, photograph = true, footage = true, video = true }

-- a speech-verb source, with the stance of a dismissive quotation
local function spoken(m, span, extra)
  local np = span.annotation or {}
  if IMAGES[np.head or ""] and in_caption(m, span.first) then return nil end
  local x = source(span, m.groups.cue.text, extra)
  if not x.stance and dismissive(quoted_before(m, m.groups.cue.first)) then
    x.stance = "deny"
  end
  return x
end

-- rules ---------------------------------------------------------------------

rule {
  name = "source.according_to",
  type = "source",
  phase = "sources",
  -- (a cue noun after the phrase is its head: "according to US reports.")
  -- (an owner is part of the source: "according to USNI News' timeline")
  pattern = [[ (?<cue> according to ) (?<span> <np> )
               (?: (?<more> @source_verb_nouns )
                 | (?<owned> (?: [clitic] | [quote !space] ) (?: (?! @function_words ) [lower] ){1,3} ) )? ]],
  action = function(m)
    local g = m.groups
    local x = source(g.span, g.cue.text)
    local more = g.more or g.owned
    if more then x["end"], x.kind = more["end"], "document" end
    return x
  end,
  examples = {
    { "Russia is buying weapons, according to US intelligence", {
      { text = "US intelligence", kind = "document", cue = "according to" } } },
    { "According to Moscow, more than 50,000 troops took part.", {
      { text = "Moscow", kind = "government", stance = false } } },
    { "according to the alliance's military command.", {
      { text = "the alliance's military command", kind = "organization" } } },
    { "according to Kremlin spokesman Dmitry Peskov.", {
      { text = "Kremlin spokesman Dmitry Peskov", kind = "person" } } },
    { "According to the same source, most will stay.", {
      { text = "the same source", kind = "anonymous" } } },
    { "at least 14 times, according to USNI News' timeline of activity.", {
      { text = "USNI News' timeline", kind = "document" } } },
    { "according to Ukrainian media reports.", {
      { text = "Ukrainian media reports", kind = "document" } } },
    { "killed 70 people, according to Houthi-run health authorities.", {
      { text = "Houthi-run health authorities", kind = "government" } } },
  },
}

rule {
  name = "source.verb",
  type = "source",
  phase = "sources",
  -- (a short complement may follow the phrase: "Early forensic checks on
  -- the wreckage point to ...")
  pattern = NOTOBJECT .. [[ (?<span> <np> ) (?<pp> (?: (on | of | from | about) (the | a | an)? | (in | at) the? )
              (?: (?! @function_words | @speech_verbs | @source_stops ) [alpha !quote] ){1,3} )? ]]
              .. ACRONYM .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    local x = spoken(m, m.groups.span)
    if x and m.groups.pp then x["end"] = m.groups.pp["end"] end
    return x
  end,
  examples = {
    { "The New York Times reports.", { { text = "The New York Times", kind = "media", cue = "reports" } } },
    { "a US official has noted that Russia is buying.", {
      { text = "a US official", kind = "anonymous", cue = "has noted" } } },
    { "However, the Kremlin denied this information.", {
      { text = "the Kremlin", kind = "government", stance = "deny" } } },
    { "In 2023 Russian troops held the line, the Institute for the Study of War reports.", {
      { text = "the Institute for the Study of War", kind = "organization" } } },
    { "The UAE has repeatedly denied arming the paramilitary.", {
      { text = "The UAE", kind = "government", stance = "deny", cue = "has repeatedly denied" } } },
    { "Early forensic checks on the wreckage point to Turkish-made models.", {
      { text = "Early forensic checks on the wreckage", kind = "document", cue = "point to" } } },
    { "Satellite images show RSF massing attack drones", {
      { text = "Satellite images", kind = "document" } } },
    { "killed more than 75 people, local rescuers said.", {
      { text = "local rescuers", kind = "anonymous" } } },
    { "US officials put the total number of mercenaries at around 2,000.", {
      { text = "US officials", kind = "anonymous", cue = "put the total number of mercenaries at" } } },
    { "Tigray war may have claimed 600,000 lives, AU mediator says", {
      { text = "AU mediator", kind = "person" } } },
    { "A report by the Stockholm International Peace Research Institute (SIPRI) found that sales rose.", {
      { text = "A report by the Stockholm International Peace Research Institute", kind = "document" } },
      partial = true },
    { "Frederick W. Kagan told The New York Times that it was so.", {
      { text = "Frederick W. Kagan", kind = "person" } } },
    -- hedges, negations, passives and casualty reports are not attributions
    { "Sergei Shevchenko is said to be among them.", {} },
    { "Zelensky did not say how many. Reuters could not confirm it.", {} },
    { "Russia is reportedly buying shells.", {} },
    { "Five soldiers reported killed in the attack.", {} },
    { "The Defense Ministry in a statement said Kyiv tried.", {
      { text = "The Defense Ministry", cue = "in a statement said" } } },
    { "U.S. officials have said the ships have no connection to Israel and its allies.", {
      { text = "U.S. officials", stance = false } } },
    { "an attack which Israeli officials say killed more than 1,400 people.", {
      { text = "Israeli officials", kind = "anonymous" } } },
    { "killed 200 people, the Hamas-run health ministry in the besieged Palestinian territory said.", {
      { text = "the Hamas-run health ministry in the besieged Palestinian territory", kind = "government" } } },
    { "Kyiv requested more help and Moscow pledged support.", {} },
    { "China claims almost all of the South China Sea.", {} },
    { "Russia added 50,000 troops to the front. Russia shows off its new tanks.", {} },
    { "Western intelligence officials believe the figure is higher.", {
      { text = "Western intelligence officials", kind = "anonymous", cue = "believe" } } },
    { "Wagner, believed to number 5,000, left. The statement gave no figures.", {} },
    { "The ministry added in a statement that it was ready.", { { text = "The ministry" } } },
    { "What did Putin say? Nor has Moscow said so. Neither side has confirmed it.", {} },
    { "The Israel Defense Forces (IDF) reported that one soldier was killed.", {
      { text = "The Israel Defense Forces", kind = "organization" } } },
    { "MOSCOW Russia on Monday said it shot down eight drones.", {
      { text = "Russia", kind = "government" } } },
    { "Air Marshal A.K. Bharti says all Indian pilots are back home.", {
      { text = "Air Marshal A.K. Bharti", kind = "person" } } },
  },
}

rule {
  name = "source.coordinated",
  type = "source",
  phase = "sources",
  pattern = CLAUSE .. [[ (?<a> <np> ) (?: "," (?<b> <np> ) )? ","? (and | or) (?<c> <np> ) ]]
            .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    local g = m.groups
    local out = {}
    for _, p in ipairs { g.a, g.b or false, g.c } do
      out[#out + 1] = p and spoken(m, p) or nil
    end
    return #out > 0 and out or nil
  end,
  examples = {
    { "Ankara and Baku deny sending any such mercenaries.", {
      { text = "Ankara", stance = "deny", kind = "government" },
      { text = "Baku", stance = "deny", kind = "government" } } },
    { "UN experts and Human Rights Watch have accused Wagner.", {
      { text = "UN experts", kind = "anonymous" },
      { text = "Human Rights Watch", kind = "organization" } } },
    { "diplomatic and security sources said on Sunday.", {
      { text = "diplomatic and security sources", kind = "anonymous" } } },
  },
}

rule {
  name = "source.apposition",
  type = "source",
  phase = "sources",
  pattern = CLAUSE .. [[ (?<span> <np> ) "," (?<role> ]] .. PAREN .. [[ ) "," ]] .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    return spoken(m, m.groups.span, { role = m.groups.role.text })
  end,
  examples = {
    { "Mason Clark, who heads the Russia team at ISW, tells the newspaper.", {
      { text = "Mason Clark", kind = "person", cue = "tells",
        role = "who heads the Russia team at ISW" } } },
    { "The Syrian Observatory for Human Rights, a Britain-based monitor, has said so.", {
      { text = "The Syrian Observatory for Human Rights", kind = "organization",
        role = "a Britain-based monitor" } } },
    { "Frederick W. Kagan, a military expert at the American Enterprise Institute, told The New York "
      .. "Times that it was so.", {
      { text = "Frederick W. Kagan", role = "a military expert at the American Enterprise Institute" } } },
  },
}

rule {
  name = "source.titled",
  type = "source",
  phase = "sources",
  priority = 1,
  pattern = CLAUSE .. [[ (?<title> <np role> ) (?: [!"," !";" !quote !newline]{1,8}? )?
              "," (?<name> <np kind=person name> ) ","? ]] .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    local g = m.groups
    local x = spoken(m, g.title)
    if not x then return nil end
    x["end"], x.kind = g.name["end"], "person"
    return x
  end,
  examples = {
    { "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry, says missiles fell.", {
      { text = "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry", kind = "person" } } },
    { "The Minister of Defence, Margarita Robles, said so.", {
      { text = "The Minister of Defence, Margarita Robles", kind = "person" } } },
    { "A spokesperson for China's Taiwan Affairs Office, Zhu Fenglian, said the drills were a warning.", {
      { text = "A spokesperson for China's Taiwan Affairs Office, Zhu Fenglian", kind = "person" } } },
    { "India's director general of military operations, Lt Gen Rajiv Ghai, tells reporters.", {
      { text = "India's director general of military operations, Lt Gen Rajiv Ghai", kind = "person" } } },
  },
}

-- a participle and its preposition, opening a modifier after the source:
-- "linked to", "posted in", "quoted by", "taken on" (not a verb and its
-- object: "The Houthis launched missiles at ships they said ...")
local PARTICIPLE = [[ (?: (?! @speech_verbs | @function_words | often | seven | eleven | women | children )
                          /[a-z]{2,}ed|[a-z]{3,}en/ | @speech_verbs (?= by ) | close | familiar )
                      (?= to | in | by | on | at | from | for | with | near | inside | outside ) ]]

rule {
  name = "source.modified",
  type = "source",
  phase = "sources",
  pattern = CLAUSE .. [[ (?<span> <np !name> ) (?<role> ]] .. PARTICIPLE .. [[
              [!"," !";" !"." !quote !newline !"that" !"which" !"who"]{1,10}?
              (?: "," (which | who) ]] .. PAREN .. [[ "," )? ) ]] .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    local role = m.groups.role.text:gsub("^%s+", ""):gsub("[%s,]+$", "")
    return spoken(m, m.groups.span, { role = role })
  end,
  examples = {
    { "A Telegram channel linked to Wagner announced late on Friday that it left.", {
      { text = "A Telegram channel", kind = "media", role = "linked to Wagner" } } },
    { "On paper Wagner no longer exists, a diplomat posted in the Sahel told AFP.", {
      { text = "a diplomat", kind = "anonymous", role = "posted in the Sahel" } } },
    { "Several Ethiopian officials quoted by the paper said losses were lower.", {
      { text = "Several Ethiopian officials", kind = "anonymous", role = "quoted by the paper" },
      { text = "the paper", kind = "media", cue = "quoted by" } } },
    { "The Houthis launched missiles at two ships they said are American.", {
      { text = "they", pronoun = true } } },
    { "Russia launched 50 drones overnight, officials said.", {
      { text = "officials", kind = "anonymous" } } },
  },
}

rule {
  name = "source.relative",
  type = "source",
  phase = "sources",
  pattern = [[ (?<span> <np> ) "," (who | which) ]] .. CUE .. NOTPASSIVE,
  action = function(m)
    if not fulfilled(m, m.groups.cue) then return nil end
    return spoken(m, m.groups.span)
  end,
  examples = {
    { "He met the minister, who told reporters that talks had stalled.", {
      { text = "the minister", kind = "person", cue = "told" } },
      partial = true },
  },
}

rule {
  name = "source.responded",
  type = "source",
  phase = "sources",
  pattern = [[ (?<span> <np> ) ","? (?: who | which )?
               (?<cue> (responded | replied | reacted) [!"." !";" !quote !newline]{0,8}? by
                 (saying | referring to | stating | noting | pointing to | calling | accusing
                  | insisting | denying | rejecting | dismissing) ) ]],
  action = function(m)
    local cue = m.groups.cue.text:gsub("^(%a+).-(by %a+.*)$", "%1 ... %2")
    return source(m.groups.span, cue)
  end,
  examples = {
    { "a letter to his North Korean counterpart Kim Jong-Un, who responded to the letter by referring to cooperation", {
      { text = "his North Korean counterpart Kim Jong-Un", kind = "person",
        cue = "responded ... by referring to" } } },
    { "Kyiv responded by denying any role.", { { text = "Kyiv", stance = "deny" } } },
  },
}

rule {
  name = "source.called",
  type = "source",
  phase = "sources",
  -- "X called the agreement a major achievement"; not "called on" or "called
  -- for" (requests), not "the islands Argentina calls the Malvinas" (a name)
  pattern = CLAUSE .. [[ (?<span> <np> ) (?<cue> (?: ]] .. ADV .. [[ )* (called | calls | call) )
              (?= the | a | an | it | this | that | them | him | her | its | their | [quote] ) ]],
  action = function(m) return spoken(m, m.groups.span) end,
  examples = {
    { "Deputy Prime Minister and Minister of National Defence Władysław Kosiniak-Kamysz called the "
      .. "agreement a major achievement.", {
      { text = "Deputy Prime Minister and Minister of National Defence Władysław Kosiniak-Kamysz",
        kind = "person", cue = "called" } } },
    { "Kyiv called for more help. The islands Argentina calls the Malvinas.", {} },
    { "A group called Wagner left.", {} },
  },
}

rule {
  name = "source.together",
  type = "source",
  phase = "sources",
  pattern = CLAUSE .. [[ (?<first> <np> ) ]] .. CUE .. [[ "," (together | along | jointly) with
              (?<a> <np> ) (?: "," (?<b> <np> ) )? (?: ","? and (?<c> <np> ) )? ]],
  action = function(m)
    local g = m.groups
    if not fulfilled(m, g.cue) then return nil end
    local out = { spoken(m, g.first) }
    if not out[1] then return nil end
    local cue = g.cue.text .. ", together with"
    for _, p in ipairs { g.a, g.b, g.c } do
      if p then out[#out + 1] = source(p, cue) end
    end
    return out
  end,
  examples = {
    { "In March 2025 Poland announced, together with Lithuania, Latvia and Estonia, that it would leave.", {
      { text = "Poland", kind = "government" }, { text = "Lithuania", kind = "government" },
      { text = "Latvia" }, { text = "Estonia" } } },
  },
}

-- the heads of a count that "by" attributes: "by the count published at
-- the time", "by some estimates"
local COUNT_HEADS = { count = true, tally = true, estimate = true, estimates = true, reckoning = true,
                      account = true, accounts = true, calculations = true, figures = true }

rule {
  name = "source.by_count",
  type = "source",
  phase = "sources",
  -- "321 lives by the count published at the time", "by some estimates"
  -- (the head is tested here: a pattern that tests it makes every np
  -- annotation pay for one more class)
  pattern = [[ (?<cue> by ) (?<span> <np> ) ]],
  action = function(m)
    if not COUNT_HEADS[(m.groups.span.annotation or {}).head or ""] then return nil end
    return source(m.groups.span, m.groups.cue.text)
  end,
  examples = {
    { "which cost 321 lives by the count published at the time.", {
      { text = "the count", kind = "document", cue = "by" } } },
  },
}

rule {
  name = "source.quoted_as",
  type = "source",
  phase = "sources",
  -- "Peskov was quoted as saying", "Zelensky was cited by Interfax as saying"
  pattern = [[ (?<span> <np> ) (was | were | is | has been) (?<cue> (quoted | cited) (?: by <np> )?
               as (saying | telling | stating) ) ]],
  action = function(m)
    local cue = m.groups.cue.text:gsub("^(%a+) by .- as", "%1 ... as")
    return source(m.groups.span, cue)
  end,
  examples = {
    { "Peskov was quoted by Interfax as saying the talks had stalled.", {
      { text = "Peskov", kind = "person", cue = "quoted ... as saying" },
      { text = "Interfax", kind = "media", cue = "quoted by" } } },
  },
}

rule {
  name = "source.inverted",
  type = "source",
  phase = "sources",
  pattern = [[ (?<= "," | [quote] ) (?<cue> said | says | added | adds | wrote | writes | explained | explains
               | noted | notes | recalled | recalls | continued | insisted | argued | stressed | warned
               | concluded | asked | declared | announced )
               (?<span> <np> ) (?: "," (?<role> [!"," !"." !";" !quote !newline]{1,30}? ) )?
               (?= [punct] | on | in | at | after | when | while | during | before | adding | citing | $ ) ]],
  action = function(m)
    return spoken(m, m.groups.span, { role = m.groups.role and m.groups.role.text })
  end,
  examples = {
    { [["No plans," said Ivan Nechaev, deputy head of the department.]], {
      { text = "Ivan Nechaev", kind = "person", role = "deputy head of the department" } } },
    { [["These reports are false news. There are no such talks," said Ivan Nechaev.]], {
      { text = "Ivan Nechaev", stance = "deny" } } },
    { [["This is not a one-off project," said Fiala when he announced it.]], {
      { text = "Fiala", kind = "person" }, { text = "he", pronoun = true } } },
    -- a recipient after a comma is not a source
    { "Kagan, an expert, told The New York Times that it was so.", { { text = "Kagan" } } },
  },
}

-- the cues of provenance: in a caption they make a credit, not a source
local PROVENANCE = { published = true, released = true, provided = true, obtained = true,
                     issued = true, posted = true, shared = true, broadcast = true,
                     aired = true, carried = true, distributed = true }

rule {
  name = "source.passive",
  type = "source",
  phase = "sources",
  pattern = [[ (?<! image | photo | picture | photograph | handout | footage | video | still )
               (?<cue> (?: denied | confirmed | rejected | dismissed | disputed | refuted | contested
                  | reported | quoted | reviewed | seen | obtained | published | announced | released
                  | issued | carried | broadcast | aired | compiled | collected | gathered | verified
                  | analysed | analyzed | estimated | claimed | described | cited | documented
                  | provided | shared | posted | diffused | condemned | denounced | criticised
                  | criticized | presented | disclosed | revealed | acknowledged | put out )
                  (?: [!punct !quote !"by" !"out" !"up" !"off"]{1,4}? )? by )
               (?<a> <np> ) (?: (?: "," (?<b> <np> ) )? ","? and (?<c> <np> ) )? ]],
  action = function(m)
    local g = m.groups
    local cue = g.cue.text
    if PROVENANCE[cue:lower():match("^(%a+)")] and in_caption(m, g.cue.first) then return nil end
    if g.cue.text:lower():find("^described") then cue = cue .. " ... as" end
    local out = { source(g.a, cue) }
    if g.b then out[#out + 1] = source(g.b, cue) end
    if g.c then out[#out + 1] = source(g.c, cue) end
    return out
  end,
  examples = {
    { "information that was later denied by Moscow and Beijing.", {
      { text = "Moscow", stance = "deny", kind = "government", cue = "denied by" },
      { text = "Beijing", stance = "deny", kind = "government" } } },
    { text = "Telegram groups used by the contractors, which were reviewed by Reuters, indicate it.",
      expect = { { text = "Reuters", kind = "media", cue = "reviewed by" } }, partial = true },
    { "The report, published on Tuesday by the Kiel Institute, shows aid fell.", {
      { text = "The report", kind = "document" }, { text = "the Kiel Institute", kind = "organization" } } },
    { "an interview published by the Financial Times on Sunday.", {
      { text = "the Financial Times", kind = "media" } } },
    -- interviewers and photo credits are not sources
    { "When reached by Le Monde, he declined to comment.", {} },
    { "The military called it a complex attack carried out by the militants.", {
      { text = "The military", cue = "called" } } },
    { "AFP PHOTO / HO / IRANIAN ARMY OFFICE - This handout image provided by the Iranian Army office "
      .. "shows a drone.", {} },
    { "PHOTO/AFP - Map of the zones of the exercise published by the army on Monday.", {} },
    { "AP/FILE - Three men described by the French army as Russian contractors.", {
      { text = "the French army", kind = "organization", cue = "described by ... as" } } },
  },
}

rule {
  name = "source.citing",
  type = "source",
  phase = "sources",
  pattern = [[ (?<cue> citing | quoting | drawing on | cites | cited | quoted | quotes )
               (?<span> <np> ) (?! [clitic] ) (?<as> as (a | the | its | their) (source | sources) )? ]],
  action = function(m)
    local cue = m.groups.cue.text
    if m.groups.as then cue = cue .. " ... " .. m.groups.as.text end
    return source(m.groups.span, cue)
  end,
  examples = {
    { "Israeli Army Radio, citing an unnamed security source, said so.", {
      { text = "Israeli Army Radio", kind = "media" },
      { text = "an unnamed security source", kind = "anonymous", cue = "citing" } } },
    { "The newspaper, which cites recently declassified US intelligence documents as a source, says so.", {
      { text = "The newspaper", kind = "media", cue = "says" },
      { text = "recently declassified US intelligence documents", kind = "document",
        cue = "cites ... as a source" } } },
  },
}

rule {
  name = "source.possessive",
  type = "source",
  phase = "sources",
  pattern = [[ (?<span> <owner> ) [clitic]
               (?<cue> (?: (?! sovereignty | territorial | maritime | land ) [lower] )?
                 @possessive_cues ) ]],
  action = function(m)
    local x = source(m.groups.span, "'s " .. m.groups.cue.text)
    if x.kind == "document" then return nil end
    return x
  end,
  examples = {
    { "The discrepancy with Brawner's figure of seven was not explained.", {
      { text = "Brawner", kind = "person", cue = "'s figure" } } },
    { "Moscow's ties with both have grown. Lai rejected China's sovereignty claims.", {
      { text = "Lai", stance = "deny" } } },
  },
}

rule {
  name = "source.showing",
  type = "source",
  phase = "sources",
  -- (the kind is tested here: a pattern that tests it makes every np
  -- annotation pay for one more class)
  pattern = [[ (?<span> <np> ) (?<cue> showing | suggesting | indicating ) ]],
  action = function(m)
    if (m.groups.span.annotation or {}).kind ~= "document" then return nil end
    return source(m.groups.span, m.groups.cue.text)
  end,
  examples = {
    { "The group later released footage showing armed men.", {
      { text = "The group", cue = "later released footage" },
      { text = "footage", kind = "document", cue = "showing" } } },
  },
}

-- labels that open headlines without being sources: "LIVE:", "Watch:"
local LABELS = { live = true, watch = true, video = true, photos = true, update = true,
                 opinion = true, review = true, recap = true, editorial = true,
                 analysis = true, exclusive = true, explainer = true, factbox = true }

rule {
  name = "source.headline",
  type = "source",
  phase = "sources",
  -- a headline that opens with its source and a colon
  pattern = [[ ^ (?<span> <np> ) (?<cue> ":" ) ]],
  action = function(m)
    local t = m.groups.span.text
    if not m.tokens:is(m.groups.span.first, "paragraph_start") or t == t:upper()
       or LABELS[t:lower()] then return nil end
    -- what follows is a claim, not a name ("Americas Coordinator: José Sierra")
    local rest = m.source:match("^[^\n]*", m.groups.cue["end"] + 1)
    local _, lower = rest:gsub("%f[%a]%l+", "")
    if lower < 2 then return nil end
    return source(m.groups.span, ":")
  end,
  examples = {
    { "Ministry of National Defence: contract for 180 more K2 tanks signed", {
      { text = "Ministry of National Defence", kind = "government", cue = ":" } } },
    { "Zelensky: Ukraine needs more air defence", { { text = "Zelensky", kind = "person" } } },
    { "LIVE: India strikes nine sites", {} },
    { "Watch: drones over the city", {} },
    { "Americas Coordinator: José Antonio Sierra", {} },
    { "ANALYSIS: why the line holds", {} },
  },
}

-- the cues that "it" and "they" take as sources: "It acknowledged losing
-- nine men", but not "It confirmed Azerbaijan's hold" (a deal)
local PRONOUN_CUES = [[ (?: said | says | say | told | tells | added | adds | stated | claimed | claims
                          | claim | denied | denies | deny | insisted | insists | warned | warns
                          | announced | acknowledged | alleged | argued | noted | reported | cited
                          | estimated | accused | rejected | rejects | dismissed | complained | blamed ) ]]

rule {
  name = "source.pronoun",
  type = "source",
  phase = "sources",
  priority = 1,
  -- not after an auxiliary: "nor have they condemned", "did he say"
  pattern = [[ (?<! have | has | had | do | does | did | nor | is | was | are | were | will | would
                 | can | could | should | may | might )
               (?: (?<span> he | she | we | i ) ]] .. CUE .. NOTPASSIVE .. [[
                 | (?<span3> it | they ) (?<cue3> (?: ]] .. ADV .. [[ )* ]] .. PRONOUN_CUES .. [[ ) ]]
                   .. NOTPASSIVE .. [[
                 | (?<cue2> according to ) (?<span2> it | him | her | them ) ) ]],
  action = function(m)
    local g = m.groups
    local span, cue = g.span or g.span2 or g.span3, g.cue or g.cue2 or g.cue3
    if not fulfilled(m, cue) then return nil end
    local w = span.text:lower()
    return {
      start = span.start, ["end"] = span["end"], pronoun = true,
      kind = (w == "it") and "organization" or (w == "they" and "anonymous" or "person"),
      cue = squeeze(cue.text), stance = cue_stance(cue.text),
    }
  end,
  examples = {
    { "He said the talks failed.", { { text = "He", pronoun = true } } },
    { "conforming, according to it, to the rules", { { text = "it", pronoun = true } } },
    { "It acknowledged losing nine of its own men.", { { text = "It", pronoun = true } } },
    { "It is said to be large.", {} },
    { "The deal was signed. It confirmed Azerbaijan's hold on the town.", {} },
    { "Nor have they condemned the aggression.", {} },
    { "The claim, which it wrote into law in 1994, stands.", {} },
  },
}
