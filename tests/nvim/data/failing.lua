-- luacheck: read globals rule number
-- A rule file with failing examples, for the :TrawlTest tests
-- (tests/nvim/test_ruletest.lua): the lines of the failing examples end
-- with "FAILS".
rule {
  name = "failing.troops",
  type = "troops",
  pattern = [[ (?<n>[number]) troops ]],
  action = function(m)
    return { value = number(m.groups.n.text) }
  end,
  examples = {
    { "Some 4,000 troops left.", { { text = "4,000 troops", value = 4000 } } },
    { text = "4,000 troops", expect = { { text = "4,000 troops", value = 4001 } } },  -- FAILS
    { "No troops.", {} },
  },
}

rule {
  name = "failing.tanks",
  type = "tanks",
  regex = [[\d+ tanks]],
  examples = {
    { "It has 40 tanks.", { "40 tanks" } },
    {
      -- the text is on the line after the brace
      [[It has 40 tanks and 5 tanks.]],  -- FAILS
      { "40 tanks" },
    },
  },
}
