-- Sources: who a claim comes from (guide, section 2). "according to X",
-- "X said", "X, who ..., tells", "said X", "denied by X and Y". The word
-- lists are data in lists/.

-- lists shared with other packs (function_words) are declared in lists.lua
list { name = "source_heads", file = "lists/source_heads.txt" }
list { name = "source_modifiers", file = "lists/source_modifiers.txt" }
list { name = "speech_verbs", file = "lists/speech_verbs.tsv" }

local media = words "lists/media.txt"
local government = words "lists/government.txt"
local documents = words "lists/documents.txt"
local anonymous = words "lists/anonymous.txt"
local organizations = words "lists/organizations.txt"
local DENY = { denied = true, rejected = true, dismissed = true, disputed = true }

-- A noun phrase naming a source: a determiner or number, then words that
-- are capitalised, or known modifiers ("senior", "military"), or "of the"
-- inside a name; it ends with a capitalised word or a source head noun
-- ("officials", "intelligence"). Sources never start with a sentence
-- connective and never cross a line.
local START = [[ (?! (as | in | on | at | but | and | however | if | when | while | after
                      | before | since | then | so | it | this | that | there) [!lower] ) ]]
local WORD = [[ (?: (?! @function_words ) [cap !quote] | @source_modifiers
                  | (?! @function_words ) [lower] (?= [clitic] )
                  | (?: of | for | on | de ) the? (?= [cap] ) ) [clitic]? ]]
-- (each part is followed by a token on the same line)
local NP = START .. [[ (?: (the | a | an | two | three | four | several | many | some) (?= [!newline] ) )?
                       (?: ]] .. WORD .. [[ (?= [!newline] ) ){0,6}
                       (?: (?! @function_words ) [cap !quote] | @source_heads ) ]]

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

-- the fields of a source: span from the group, cue and stance from the cue
local function source(span, cue, role)
  local entry = cue and cue.entry
  return {
    start = span.start, ["end"] = span["end"],
    kind = kind_of(span.text),
    cue = cue and cue.text:lower():gsub("%s+", " ") or nil,
    stance = entry and entry.stance or nil,
    role = role,
  }
end

rule {
  name = "source.according_to",
  type = "source",
  phase = "sources",
  pattern = [[ (?<cue> according to ) (?<span> ]] .. NP .. [[ ) ]],
  action = function(m) return source(m.groups.span, m.groups.cue) end,
  examples = {
    { "Russia is buying weapons, according to US intelligence", {
      { text = "US intelligence", kind = "document", cue = "according to" } } },
    { "According to Moscow, more than 50,000 troops took part.", {
      { text = "Moscow", kind = "government" } } },
    { "according to the alliance's military command.", {
      { text = "the alliance's military command", kind = "organization" } } },
  },
}

rule {
  name = "source.verb",
  type = "source",
  phase = "sources",
  pattern = [[ (?<span> ]] .. NP .. [[ ) (?: also | even | later | earlier | previously | recently
               | repeatedly | publicly | has | have | had )* (?<cue> @speech_verbs ) ]],
  action = function(m) return source(m.groups.span, m.groups.cue) end,
  examples = {
    { "The New York Times reports.", { { text = "The New York Times", kind = "media", cue = "reports" } } },
    { "a US official has noted that Russia is buying.", { { text = "a US official", kind = "anonymous" } } },
    { "However, the Kremlin denied this information.", {
      { text = "the Kremlin", kind = "government", stance = "deny" } } },
    { "In 2023 Russian troops held the line, the Institute for the Study of War reports.", {
      { text = "the Institute for the Study of War", kind = "organization" } } },
  },
}

rule {
  name = "source.pronoun",
  type = "source",
  phase = "sources",
  priority = 1,
  pattern = [[ (?<span> he | she | they | we ) (?<cue> @speech_verbs ) ]],
  action = function(m)
    local x = source(m.groups.span, m.groups.cue)
    x.kind, x.pronoun = "person", true
    return x
  end,
  examples = { { "He said the talks failed.", { { text = "He", pronoun = true } } } },
}

rule {
  name = "source.relative",
  type = "source",
  phase = "sources",
  priority = 1,
  pattern = [[ (?<span> ]] .. NP .. [[ ) "," (?<role> (who | a | an | the) [!"," !";" !quote]{1,30}? ) ","
               has? (?<cue> @speech_verbs ) ]],
  action = function(m)
    return source(m.groups.span, m.groups.cue, m.groups.role.text)
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
  phase = "sources",
  pattern = [[ (?<= "," | [quote] ) (?<cue> said | says | added | told | wrote )
               (?<span> (?: [cap !quote] (?= [!newline] ) ){0,4} [cap !quote] )
               (?: "," (?<role> [!"," !"." !";"]{1,30} ) )? ]],
  action = function(m)
    return source(m.groups.span, m.groups.cue, m.groups.role and m.groups.role.text)
  end,
  examples = {
    { [["No plans," said Ivan Nechaev, deputy head of the department.]], {
      { text = "Ivan Nechaev", kind = "person", role = "deputy head of the department" } } },
  },
}

rule {
  name = "source.passive",
  type = "source",
  phase = "sources",
  pattern = [[ (?<cue> (denied | confirmed | rejected | reported | quoted | reviewed | dismissed | disputed) by )
               (?<a> ]] .. NP .. [[ ) (?: and (?<b> ]] .. NP .. [[ ) )? ]],
  action = function(m)
    local g = m.groups
    local verb = g.cue.text:lower():match("^(%a+)")
    local cue = { text = g.cue.text, entry = { stance = DENY[verb] and "deny" or nil } }
    local out = { source(g.a, cue) }
    if g.b then out[2] = source(g.b, cue) end
    return out
  end,
  examples = {
    { "information that was later denied by Moscow and Beijing.", {
      { text = "Moscow", stance = "deny", kind = "government", cue = "denied by" },
      { text = "Beijing", stance = "deny", kind = "government" } } },
  },
}
