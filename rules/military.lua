-- Military figures: a quantity and a counted military thing (guide,
-- section 1). The counted nouns and their categories are data:
-- lists/military_nouns.tsv.

-- function_words is shared with other packs: declared in lists.lua
list { name = "military_nouns", file = "lists/military_nouns.tsv" }

-- a word between the quantity and the noun: "3,000 [North Korean] troops",
-- "500 [155mm] artillery shells"; never a function word or another noun
local MOD = [[ (?: (?! @function_words | @military_nouns ) (?: [word] | [number] (?= [!space] ) ) ) ]]

local QUALIFIERS = { approx = "approx", gt = "gt", ge = "ge", lt = "lt", le = "le" }

-- the fields of a figure from a number reading and a counted-noun entry
local function figure(n, entry, noun_text)
  local f = {
    category = entry.category,
    unit = entry.unit or noun_text:lower():match("([%a%-]+)$"),
    qualifier = QUALIFIERS[n.qual or ""],
  }
  if n.kind == "range" then
    f.min, f.max = n.min, n.max
  elseif n.kind == "vague" then
    f.vague, f.min = true, n.min
  else
    f.value = n.value
  end
  return f
end

rule {
  name = "figure.count",
  type = "figure",
  phase = "figures",
  doc = "a quantity, up to three modifiers, and counted military nouns",
  -- one quantity governing coordinated nouns is one figure: "millions of
  -- shells and rockets"; category and unit are the first noun's
  pattern = [[ (?<n> <number kind=cardinal|range|vague> ) ]] .. MOD .. [[ {0,3}?
               (?<noun> @military_nouns )
               (?: (?: "," | and | or ) ]] .. MOD .. [[ {0,2} @military_nouns )* ]],
  action = function(m)
    local g = m.groups
    return figure(g.n.annotation, g.noun.entry, g.noun.text)
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
    { "The Hwasong-17 and 155mm guns; in 2022 Russian troops moved.", {} },
    { "Troops fired 20% of the rockets.", {} },
  },
}
