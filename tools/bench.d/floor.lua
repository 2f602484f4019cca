-- The benchmark's floor pack: what every candidate that reaches an action
-- costs, whatever the action does. Two rules with the smallest actions:
-- each capitalised word becomes an internal <w> annotation, and each <w>
-- an output extraction of type v. Every match is a candidate, an action
-- call and an annotation: 2 candidates per output line.
phase { name = "floor_words", order = 1 }
phase { name = "floor_out", order = 2 }

rule {
  name = "floor.word", type = "w", phase = "floor_words", output = false,
  pattern = [[ (?<x> [cap] ) ]],
  action = function(m) return { k = m.groups.x.text } end,
}

rule {
  name = "floor.out", type = "v", phase = "floor_out",
  pattern = [[ (?<a> <w> ) ]],
  action = function(m) return { k = m.groups.a.annotation.k } end,
}
