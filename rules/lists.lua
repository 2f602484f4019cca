-- Phrase lists that several rule packs use.
list { name = "function_words", file = "lists/function_words.txt" }
list { name = "possessive_cues", file = "lists/possessive_cues.txt" }
