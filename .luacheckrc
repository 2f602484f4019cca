-- luacheck configuration: the Lua API, rule packs and specs
std = "max"
max_line_length = 120
exclude_files = { "build/**", "tests/cli/data/rules/broken_syntax.lua" }

-- rule files run in trawl's sandbox, which defines these
files["rules/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "number", "alt" } }
files["tests/cli/data/rules/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "number", "alt" } }
files["tests/spec/**/*.lua"] = { std = "+busted" }
