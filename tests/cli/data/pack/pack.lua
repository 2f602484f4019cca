-- A small fixed rule pack for the command-line tests, so that their golden
-- output does not change when the default packs improve.
phase { name = "cli_numbers", order = 1 }
phase { name = "cli_main", order = 2 }

rule { name = "cli.number", type = "number", phase = "cli_numbers", scan = "numbers", output = false }

list {
  name = "cli_nouns",
  entries = {
    { "troops", category = "personnel" }, { "soldiers", category = "personnel" },
    { "tanks", category = "equipment" }, { "Abrams tanks", category = "equipment" },
    { "ships", category = "equipment" }, { "rounds", category = "munitions" },
  },
}

rule {
  name = "cli.figure",
  type = "figure",
  phase = "cli_main",
  pattern = [[ (?<n> <number kind=cardinal> ) (?<noun> @cli_nouns ) ]],
  action = function(m)
    local n = m.groups.n.annotation
    return { value = n.value, qualifier = n.qual, category = m.groups.noun.entry.category }
  end,
  examples = { { "Some 40 tanks.", { { text = "Some 40 tanks", value = 40, qualifier = "approx" } } } },
}

local function source(m)
  return { cue = m.groups.cue.text:lower(), stance = m.groups.cue.text == "denied" and "deny" or nil,
           start = m.groups.span.start, ["end"] = m.groups.span["end"] }
end

rule {
  name = "cli.according",
  type = "source",
  phase = "cli_main",
  pattern = [[ (?<cue> according to ) (?<span> the? [cap]+ ) ]],
  action = source,
  examples = { { "according to the Pentagon.", { "the Pentagon" } } },
}

rule {
  name = "cli.said",
  type = "source",
  phase = "cli_main",
  pattern = [[ (?<span> (?: the | a )? [cap]+ (?: senior )? (?: US )? official? )
               (?<cue> said | says | denied | reports ) ]],
  action = source,
  examples = { { "Moscow denied it.", { { text = "Moscow", stance = "deny" } } } },
}
