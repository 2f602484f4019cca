-- one rule fails on every match, the other still runs
rule {
  name = "troops.fails",
  type = "count",
  regex = [[\d+ (?:soldiers|tanks)]],
  action = function()
    error("deliberate failure")
  end,
}
rule { name = "troops.ok", type = "count", regex = [[\d+ Abrams tanks]] }
