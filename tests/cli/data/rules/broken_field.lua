-- a misspelt field is an error, not silently ignored
rule { name = "typo", type = "x", regx = [[troops]] }
