-- luacheck configuration: the Lua API, rule packs and specs
std = "max"
max_line_length = 120
exclude_files = { "build/**", "tests/cli/data/rules/broken_syntax.lua" }

-- rule files run in trawl's sandbox, which defines these
files["rules/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "entries", "number", "alt" } }
files["tools/bench.d/floor.lua"] = { std = "lua54", read_globals = { "rule", "phase" } }
files["tests/cli/data/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "entries", "number", "alt" } }
files["tests/spec/**/*.lua"] = { std = "+busted" }
files["tests/spec/fixtures/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "entries", "number", "alt" } }

-- the Neovim plugin runs under LuaJIT with the vim global
for _, pat in ipairs { "plugin/**/*.lua", "lua/trawl/nvim/**/*.lua", "lua/trawl/health.lua", "tests/nvim/**/*.lua" } do
  files[pat] = { std = "luajit", globals = { "vim" } }
end
files["tests/nvim/data/**/*.lua"] = { std = "lua54", read_globals = { "rule", "list", "phase", "words", "entries", "number", "alt" } }
