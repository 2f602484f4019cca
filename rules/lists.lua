-- Phrase lists that several rule packs use.
list { name = "function_words", file = "lists/function_words.txt" }
