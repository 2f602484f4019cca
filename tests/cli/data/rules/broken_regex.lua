-- a rule whose regex does not compile
rule { name = "bad.regex", type = "x", regex = [[(troops|tanks]] }
