-- catastrophic backtracking hits the match limit instead of hanging
rule { name = "backtrack", type = "x", regex = [[(a+)+b]] }
