-- LuaRocks build of the trawl Lua module: `luarocks --lua-version=5.4 make`
-- (or 5.1 for LuaJIT). Needs Debian's libpcre2-dev and libutf8proc-dev.
rockspec_format = "3.0"
package = "trawl"
version = "scm-1"
source = {
  url = "git+file://.",
}
description = {
  summary = "Extract sources and military figures from news text with Lua rules",
  detailed = [[
    A C core (UTF-8 tokenizer, PCRE2 regexes) with a Lua rule engine: load
    rule files, run them over documents, get extractions with exact byte
    offsets. Ships default rule packs for figures and sources.
  ]],
  license = "MIT",
  labels = { "nlp", "text", "extraction", "regex" },
}
dependencies = {
  "lua >= 5.1",
}
external_dependencies = {
  PCRE2 = { header = "pcre2.h", library = "pcre2-8" },
  UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
}
build = {
  type = "builtin",
  modules = {
    ["trawl.core"] = {
      sources = { "src/lcore.c", "src/token.c", "src/regex.c", "src/json.c" },
      defines = { "_POSIX_C_SOURCE=200809L" },
      incdirs = { "$(PCRE2_INCDIR)", "$(UTF8PROC_INCDIR)" },
      libdirs = { "$(PCRE2_LIBDIR)", "$(UTF8PROC_LIBDIR)" },
      libraries = { "pcre2-8", "utf8proc" },
    },
    ["trawl"] = "lua/trawl/init.lua",
    ["trawl.cli"] = "lua/trawl/cli.lua",
    ["trawl.engine"] = "lua/trawl/engine.lua",
    ["trawl.examples"] = "lua/trawl/examples.lua",
    ["trawl.input"] = "lua/trawl/input.lua",
    ["trawl.json"] = "lua/trawl/json.lua",
    ["trawl.loader"] = "lua/trawl/loader.lua",
    ["trawl.number"] = "lua/trawl/number.lua",
    ["trawl.output"] = "lua/trawl/output.lua",
  },
  -- the default rule packs and their word lists, found by
  -- trawl.default_rules() next to the modules
  install = {
    lua = {
      ["trawl.rules.figures"] = "rules/figures.lua",
      ["trawl.rules.sources"] = "rules/sources.lua",
      ["trawl.rules.words.anonymous"] = "rules/words/anonymous.txt",
      ["trawl.rules.words.casualties"] = "rules/words/casualties.txt",
      ["trawl.rules.words.documents"] = "rules/words/documents.txt",
      ["trawl.rules.words.equipment"] = "rules/words/equipment.txt",
      ["trawl.rules.words.government"] = "rules/words/government.txt",
      ["trawl.rules.words.media"] = "rules/words/media.txt",
      ["trawl.rules.words.munitions"] = "rules/words/munitions.txt",
      ["trawl.rules.words.organizations"] = "rules/words/organizations.txt",
      ["trawl.rules.words.personnel"] = "rules/words/personnel.txt",
    },
  },
  copy_directories = {},
}
