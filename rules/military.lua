-- Military figures with a digit quantity: "more than 50,000 troops",
-- "140 aircraft", "$1.2 billion in military aid" comes later.
-- The counted nouns are data: words/*.txt, one a line.

local lists = {
  personnel = words "words/personnel.txt",
  equipment = words "words/equipment.txt",
  munitions = words "words/munitions.txt",
}

-- every counted noun, and its category
local nouns, category = {}, {}
for cat, list in pairs(lists) do
  for _, w in ipairs(list) do
    nouns[#nouns + 1] = w
    category[w] = cat
  end
end

local qualifiers = {
  ["more than"] = "gt", over = "gt", ["upwards of"] = "gt",
  ["at least"] = "ge", ["no fewer than"] = "ge", ["no less than"] = "ge",
  ["fewer than"] = "lt", ["less than"] = "lt", under = "lt",
  ["up to"] = "le", ["as many as"] = "le", ["at most"] = "le",
  about = "approx", around = "approx", some = "approx", roughly = "approx",
  ["an estimated"] = "approx", ["close to"] = "approx", nearly = "approx",
  almost = "approx", approximately = "approx",
}
local qualifier_words = {}
for q in pairs(qualifiers) do qualifier_words[#qualifier_words + 1] = q end

-- the counted noun's head, its last word: "artillery shells" -> "shells",
-- "pieces of military equipment" -> "equipment"
local function unit_of(noun)
  return noun:lower():match("([%a%-]+)$") or noun:lower()
end

rule {
  name = "figure.count",
  type = "figure",
  doc = "a digit quantity, up to two modifiers, and a counted noun",
  flags = "i",
  regex = [[(?<![\w.,$])(?:(?<qual>]] .. alt(qualifier_words) .. [[)\s+)?]]
    .. [[(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)]]
    .. [[(?:\s*(?<scale>thousand|million|billion))?(?![\w,.]\d)\s+]]
    .. [[(?<mods>(?:(?!(?:and|or|of|in|on|at|to|for|from|by)\b)[\p{L}][\p{L}\-]*\s+){0,2}?)]]
    .. [[(?<noun>]] .. alt(nouns) .. [[)\b]],
  action = function(m)
    local g = m.groups
    local value = number(g.num.text .. (g.scale and " " .. g.scale.text or ""))
    if not value then return nil end
    -- a bare year before a modifier ("in 2022 Russian troops") is a date
    local year = g.num.text:find("^1[89]%d%d$") or g.num.text:find("^20%d%d$")
    if year and not g.scale and g.mods.text ~= "" then return nil end
    local noun = g.noun.text:lower():gsub("%s+", " ")
    return {
      value = value,
      qualifier = g.qual and qualifiers[g.qual.text:lower():gsub("%s+", " ")],
      category = category[noun],
      unit = unit_of(noun),
    }
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
    { "The Hwasong-17 and 155mm guns; in 2022 Russian troops moved.", {} },
    { "Troops fired 20% of the rockets.", {} },
  },
}
