-- Sources: who a claim comes from. "according to X", "X said", "X, who
-- ..., tells", "said X", "denied by X and Y". Word lists are data in words/.

local media = words "words/media.txt"
local government = words "words/government.txt"
local documents = words "words/documents.txt"
local anonymous = words "words/anonymous.txt"
local organizations = words "words/organizations.txt"

local VERBS = {
  "said", "says", "told", "tells", "added", "adds", "noted",
  "stated", "claimed", "claims", "warned", "warns", "denied",
  "denies", "insisted", "insists", "confirmed", "confirms", "estimated",
  "estimates", "reported", "reports", "announced", "announces", "revealed",
  "reveals", "explained", "explains", "stressed", "stresses", "wrote",
  "writes", "argued", "argues", "acknowledged", "acknowledges", "alleged",
  "alleges", "indicated", "indicates", "showed", "show", "shows",
  "assessed", "assesses", "concluded", "concludes", "accused", "accuses",
}
local DENY = { denied = true, denies = true, rejected = true, rejects = true,
               dismissed = true, dismisses = true, refuted = true,
               refutes = true, disputed = true, disputes = true }

-- a capitalised word, and the lower-case words that may end a source
local CAP = [[(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}\d'’\-]*)]]
local HEAD = [[(?:]] .. alt(anonymous) .. "|" .. alt(documents) .. "|" .. alt(organizations)
  .. [[|spokes(?:man|woman|person)|leader|president|minister|newspaper|paper|agency|ministry|military|army|government)]]
local FUNC = [[(?:in|on|at|of|to|for|from|with|and|or|but|that|which|who|is|was|were|are]]
  .. [[|has|have|had|be|been|it|this|these|those|not|as|by|said|says)]]
-- a noun phrase naming a source: determiner, up to five words, and a
-- capitalised word or a source head noun at the end
-- (words are separated by spaces or tabs only: a source never spans lines;
-- sentence-initial connectives are not part of it)
local NP = [[(?!(?:As|In|On|At|But|And|However|If|When|While|After|Before|Since|Then|So)\h)]]
  .. [[(?:(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any)\h+)?]]
  .. [[(?:(?:]] .. CAP .. [[|(?:of|for|on|de)(?:\h+the)?(?=\h+\p{Lu})|(?!]] .. FUNC .. [[\b)\p{Ll}[\p{L}\-]*)(?:['’]s)?\h+){0,6}]]
  .. [[(?:]] .. CAP .. "|" .. HEAD .. [[)(?![\p{L}\d])]]
local ADVERB = [[(?:\h+(?:also|even|later|earlier|previously|recently|repeatedly|publicly|has|have|had))*]]
local CUE = [[(?<cue>]] .. alt(VERBS) .. [[)\b]]

-- the kind of source a phrase names, from the word lists
local function kind_of(text)
  local lower = text:lower():gsub("%s+", " ")
  local bare = lower:gsub("^the ", "")
  local last = lower:match("(%a+)$") or ""
  if media[lower] or media[bare] then return "media" end
  if government[lower] or government[bare] then return "government" end
  if documents[last] then return "document" end
  if anonymous[last] and not text:find("%u%l+%s+%u%l+$") then return "anonymous" end
  for w in lower:gmatch("%a+") do
    if organizations[w] then return "organization" end
  end
  if text:find("%u[%l.]+%s+%u") or text:find("%l%s+%u%l+$") then return "person" end
  return "organization"
end

local function source(span, cue, role)
  return {
    start = span.start, ["end"] = span["end"],
    kind = kind_of(span.text),
    cue = cue and cue:lower():gsub("%s+", " ") or nil,
    stance = DENY[(cue or ""):lower():match("(%a+)") or ""] and "deny" or nil,
    role = role,
  }
end

rule {
  name = "source.according_to",
  type = "source",
  regex = [[(?<cue>\b[Aa]ccording\h+to)\h+(?<span>]] .. NP .. [[)]],
  action = function(m) return source(m.groups.span, m.groups.cue.text) end,
  examples = {
    { "Russia is buying weapons, according to US intelligence", {
      { text = "US intelligence", kind = "document", cue = "according to" } } },
    { "According to Moscow, more than 50,000 troops took part.", {
      { text = "Moscow", kind = "government" } } },
  },
}

rule {
  name = "source.verb",
  type = "source",
  regex = [[(?<![\p{L}\d.'’\-])(?<span>]] .. NP .. [[)]] .. ADVERB .. [[\s+]] .. CUE,
  action = function(m)
    local s = m.groups.span.text
    if s:find("^[Tt]he$") or s:find("^[Ii]t$") then return nil end
    return source(m.groups.span, m.groups.cue.text)
  end,
  examples = {
    { "The New York Times reports.", { { text = "The New York Times", kind = "media", cue = "reports" } } },
    { "a US official has noted that Russia is buying.", { { text = "a US official", kind = "anonymous" } } },
    { "However, the Kremlin denied this information.", {
      { text = "the Kremlin", kind = "government", stance = "deny" } } },
  },
}

rule {
  name = "source.pronoun",
  type = "source",
  priority = 1,
  regex = [[\b(?<span>[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+]] .. CUE,
  action = function(m)
    local x = source(m.groups.span, m.groups.cue.text)
    x.kind, x.pronoun = "person", true
    return x
  end,
  examples = { { "He said the talks failed.", { { text = "He", pronoun = true } } } },
}

rule {
  name = "source.relative",
  type = "source",
  priority = 1,
  regex = [[(?<![\p{L}\d])(?<span>]] .. NP .. [[),\s+]]
    .. [[(?<role>(?:who|a|an|the)\s[^,;"“”]{3,160}?),\s+(?:has\s+)?]] .. CUE,
  action = function(m)
    return source(m.groups.span, m.groups.cue.text, m.groups.role.text)
  end,
  examples = {
    { "Mason Clark, who heads the Russia team at ISW, tells the newspaper.", {
      { text = "Mason Clark", kind = "person", cue = "tells",
        role = "who heads the Russia team at ISW" } } },
  },
}

rule {
  name = "source.inverted",
  type = "source",
  regex = [[(?<=[,"”]\s)(?<cue>said|says|added|told|wrote)\s+]]
    .. [[(?<span>(?:]] .. CAP .. [[\h+){0,4}]] .. CAP .. [[)(?:,\s+(?<role>[^.;,]{3,160}))?]],
  action = function(m)
    return source(m.groups.span, m.groups.cue.text, m.groups.role and m.groups.role.text)
  end,
  examples = {
    { [["No plans," said Ivan Nechaev, deputy head of the department.]], {
      { text = "Ivan Nechaev", kind = "person", role = "deputy head of the department" } } },
  },
}

rule {
  name = "source.passive",
  type = "source",
  regex = [[(?<cue>\b(?:denied|confirmed|rejected|reported|quoted|reviewed|dismissed|disputed)\s+by)\s+]]
    .. [[(?<a>]] .. NP .. [[)(?:\s+and\s+(?<b>]] .. NP .. [[))?]],
  action = function(m)
    local g = m.groups
    local out = { source(g.a, g.cue.text) }
    if g.b then out[2] = source(g.b, g.cue.text) end
    return out
  end,
  examples = {
    { "information that was later denied by Moscow and Beijing.", {
      { text = "Moscow", stance = "deny", kind = "government", cue = "denied by" },
      { text = "Beijing", stance = "deny", kind = "government" } } },
  },
}
