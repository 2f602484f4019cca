-- examples that hold
rule {
  name = "count.tanks",
  type = "figure",
  regex = [[(?<n>\d+) tanks]],
  action = function(m) return { value = number(m.groups.n.text) } end,
  examples = {
    { "It sent 40 tanks.", { { text = "40 tanks", value = 40 } } },
    { "No armour.", {} },
  },
}
