-- examples that fail in each of the three ways
rule {
  name = "count.troops",
  type = "figure",
  regex = [[(?<n>[\d,]+) troops]],
  action = function(m) return { value = number(m.groups.n.text) } end,
  examples = {
    { "Some 5,000 troops, 40 tanks and 7 troops.", {
      { text = "5,000 troops", value = 6000 },
      { text = "40 tanks" },
    } },
  },
}
