-- luacheck: read globals rule number
-- A fixed rule pack for the Neovim tests: figures, sources and a credit.
local QUALIFIER = { ["more than"] = "gt", about = "approx", some = "approx" }

rule {
  name = "news.figure",
  type = "figure",
  -- \s also matches a line break: "about\n140 aircraft" is one figure
  regex = [[(?:(?<q>[Mm]ore than|about|some)\s+)?(?<n>\d{1,3}(?:,\d{3})*)\s+(?<unit>troops|aircraft|tanks)]],
  action = function(m)
    local g = m.groups
    local unit = g.unit.text
    return {
      value = number(g.n.text), unit = unit,
      qualifier = g.q and QUALIFIER[g.q.text:lower()] or nil,
      category = unit == "troops" and "personnel" or "equipment",
    }
  end,
  examples = {
    { "More than 50,000 troops left.", { { text = "More than 50,000 troops", value = 50000, qualifier = "gt" } } },
    { "It has 40 tanks.", { { text = "40 tanks", value = 40, category = "equipment" } } },
  },
}

rule {
  name = "news.according_to",
  type = "source",
  regex = [[according to (?<span>the [A-Z]\w+)]],
  action = function() return { kind = "government", cue = "according to" } end,
  examples = { { "It grew, according to the Pentagon.", { { text = "the Pentagon", kind = "government" } } } },
}

rule {
  name = "news.denied",
  type = "source",
  regex = [[(?<span>The Kremlin) denied]],
  action = function() return { kind = "government", cue = "denied", stance = "deny" } end,
  examples = { { "The Kremlin denied it.", { { text = "The Kremlin", stance = "deny" } } } },
}

rule {
  name = "news.photo_credit",
  type = "credit",
  regex = [[^PHOTO: (?<span>[^\n]+)]],
  flags = "m",
  action = function() return { kind = "photo" } end,
  examples = { { "PHOTO: AP/Jane Doe\n", { "AP/Jane Doe" } } },
}
