-- Number expressions, read by trawl's C number reader: "50,000", "1.5
-- million", "a dozen", "tens of thousands of", "between 3,000 and 5,000",
-- "$1.2bn", "more than 300". Internal annotations of type "number" with
-- the fields kind, value, min, max, qual and currency, for the patterns of
-- later phases: <number kind=cardinal value>=1000>.

rule {
  name = "number",
  type = "number",
  phase = "numbers",
  scan = "numbers",
  output = false,
  examples = {
    { "More than 50,000 troops and 1.5 million shells.", {
      { text = "More than 50,000", kind = "cardinal", value = 50000, qual = "gt" },
      { text = "1.5 million", kind = "cardinal", value = 1500000 },
    } },
    { "In 2022, the Hwasong-17 flew.", {
      { text = "2022", kind = "year" },
      { text = "Hwasong-17", kind = "model" },
    } },
  },
}
