-- luacheck: read globals rule
-- A rule file that uses a phrase list of the test packs (rules/units.lua):
-- it does not load alone, so :TrawlTest loads it with the rule paths.
rule {
  name = "extra.unit_word",
  type = "unit_word",
  pattern = [[ @nvim_units ]],
  examples = { { "Two tanks and troops.", { "tanks", "troops" } } },
}
