-- The phases of the default rule packs, in running order. Packs of your
-- own can add phases between these (order is a number; lower runs first).
phase { name = "numbers", order = 10 }   -- number expressions (internal)
phase { name = "credits", order = 20 }   -- photo and graphic credit lines
phase { name = "figures", order = 30 }   -- military figures
phase { name = "sources", order = 40 }   -- who a claim comes from
