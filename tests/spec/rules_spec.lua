-- The rule language (docs/rules.md) through trawl.load: token patterns,
-- phrase lists, phases and their policies, annotations, the number scanner,
-- pattern errors, RuleSet:profile, trawl.explain and trawl.number.
-- Offsets are 0-based byte offsets, end-exclusive; token indices 1-based.
local trawl = require "trawl"
local explain = require "trawl.explain"

-- helpers --------------------------------------------------------------

local h = require "helpers"
local tmpfile, remove_tmpfiles, load_src = h.tmpfile, h.remove_tmpfiles, h.load_src
local brief = h.brief

-- load src (which must load) and run it over text
local function run(src, text, opts)
  local rs, err, path = load_src(src)
  assert(rs, err)
  local xs, errs = rs:run(text, "d", opts)
  return xs, errs, path, rs
end


-- the extractions of xs of one type
local function of_type(xs, typ)
  local out = {}
  for _, x in ipairs(xs) do if x.type == typ then out[#out + 1] = x end end
  return out
end

-- the names of the rules of rs in running order
local function rule_names(rs)
  local out = {}
  for i, r in ipairs(rs:rules()) do out[i] = r.name end
  return out
end

-- The message of a pattern error at the first occurrence of needle in the
-- rule file src, computed from the text: "path:line:col: rule 'name':
-- pattern MSG", then the line of the file and a caret under the column
-- (tabs kept, so that it lines up). Also returns line and column.
local function pattern_error(path, src, needle, name, msg)
  local at = assert(src:find(needle, 1, true), needle)
  local line, line_start = 1, 1
  for nl in src:sub(1, at - 1):gmatch("()\n") do line, line_start = line + 1, nl + 1 end
  local line_end = (src:find("\n", at, true) or #src + 1) - 1
  local text = src:sub(line_start, line_end)
  local col = at - line_start + 1
  local pad = text:sub(1, col - 1):gsub("[^\t]", " ")
  return string.format("%s:%d:%d: rule '%s': pattern %s\n%s\n%s^", path, line, col, name, msg,
    text, pad), line, col
end

describe("the rule language", function()
  after_each(remove_tmpfiles)

  -- token patterns ---------------------------------------------------------

  describe("token patterns", function()
    --          0    5   9     15 18    24   29   34    41   46 49     56   61
    local T = "They had about 40 tanks near Kyiv Oblast. Then 3 troops came."

    it("give the action named captures with text, start, end, first and last", function()
      local xs, errs = run([[
rule {
  name = "count", type = "figure",
  pattern = [=[ (?<= about ) (?<n> [number] ) (?<unit> troops | tanks ) ]=],
  action = function(m)
    local g = m.groups
    return {
      n = g.n, unit = g.unit, by_number = g[1] == g.n and g[2] == g.unit,
      m_first = m.first, m_last = m.last, m_text = m.text,
      match_start = m.match_start, match_end = m.match_end, used = #m.used,
    }
  end,
}
]], T)
      assert.are.same({}, errs)
      assert.are.same({ {
        doc = "d", type = "figure", rule = "count", start = 15, ["end"] = 23, text = "40 tanks",
        n = { text = "40", start = 15, ["end"] = 17, first = 4, last = 4 },
        unit = { text = "tanks", start = 18, ["end"] = 23, first = 5, last = 5 },
        by_number = true, m_first = 4, m_last = 5, m_text = "40 tanks",
        match_start = 15, match_end = 23, used = 0,
      } }, xs)
    end)

    it("keep lookbehind context out of the span and out of the match", function()
      -- "3 troops" is not preceded by "about"; "about" is not in "40 tanks"
      local xs = run([[
rule { name = "about", type = "figure", pattern = [=[ (?<= about ) [number] [word] ]=] }
rule { name = "not_about", type = "other", pattern = [=[ (?<! about ) [number] [word] ]=] }
]], T)
      assert.are.same({ "about:40 tanks@15", "not_about:3 troops@47" }, brief(xs))
    end)

    it("take the span from a capture named 'span', with or without an action", function()
      local xs = run([[
rule { name = "plain", type = "place", pattern = [=[ near (?<span> [cap]+ ) ]=] }
rule {
  name = "acted", type = "place2", pattern = [=[ near (?<span> [cap]+ ) ]=],
  action = function(m)
    return { m_text = m.text, m_start = m.start, m_end = m["end"],
             whole = m.source:sub(m.match_start + 1, m.match_end),
             match_start = m.match_start, match_end = m.match_end }
  end,
}
]], T)
      assert.are.same({
        { doc = "d", type = "place", rule = "plain", start = 29, ["end"] = 40, text = "Kyiv Oblast" },
        { doc = "d", type = "place2", rule = "acted", start = 29, ["end"] = 40, text = "Kyiv Oblast",
          m_text = "Kyiv Oblast", m_start = 29, m_end = 40, whole = "near Kyiv Oblast",
          match_start = 24, match_end = 40 },
      }, xs)
    end)

    it("anchor at the start (^) and the end ($) of a sentence", function()
      local xs = run([[
rule { name = "opens", type = "first", pattern = [=[ ^ [cap] ]=] }
rule { name = "closes", type = "last", pattern = [=[ [word] "." $ ]=] }
rule { name = "never", type = "none", pattern = [=[ ^ [number] ]=] }
]], T)
      -- Kyiv and Oblast are capitalised but do not open a sentence
      assert.are.same({ "opens:They@0", "closes:Oblast.@34", "opens:Then@42", "closes:came.@56" },
        brief(xs))
    end)

    it("place an empty capture at the end of the text there, not at byte 0", function()
      --          0    5  8      15 18   23  27 29
      local S = "Sent 40 troops to Kyiv and 7 troops"
      local xs = run([[
rule {
  name = "opt", type = "figure", pattern = [=[ [number] troops (?<place> [cap]? ) ]=],
  action = function(m)
    local p = m.groups.place
    return { p_start = p.start, p_end = p["end"], p_text = p.text }
  end,
}
]], S)
      assert.are.same({ "opt:40 troops@5", "opt:7 troops@27" }, brief(xs))
      -- in the middle of the text an empty capture is empty where it stands
      assert.are.equal("", xs[1].p_text)
      assert.are.equal(xs[1].p_start, xs[1].p_end)
      -- at the end of the text, it is at the end of the text
      assert.are.same({ 35, 35, "" }, { xs[2].p_start, xs[2].p_end, xs[2].p_text })
    end)
  end)

  -- phrase lists ---------------------------------------------------------------

  describe("phrase lists", function()
    it("read as entries in Lua with entries(), fields and all", function()
      -- a temporary copy: an absolute path, as the rule file is elsewhere too
      local f = assert(io.open("tests/spec/fixtures/lists/data/kit.tsv", "rb"))
      local file = tmpfile(f:read("*a"))
      f:close()
      local xs = run(string.format([[
local e = entries "%s"
rule {
  name = "e", type = "x", regex = [=[kit]=],
  action = function() return { n = #e, first = e[1][1], crew = e[1].crew, cat = e[2].category } end,
}
]], file), "kit")
      assert.are.same({ 3, "main battle tanks", 4, "munitions" },
        { xs[1].n, xs[1].first, xs[1].crew, xs[1].cat })
    end)

    it("give the action the fields of the phrase found, in m.groups.g.entry and m.used", function()
      --          0    5  8         18     26 28    34  38 40
      local S = "Sent 31 artillery shells, 4 tanks and 2 jets."
      local xs, errs = run([[
list {
  name = "t_arms",
  entries = {
    { "tanks", category = "equipment", crew = 4 },
    "jets",
    { "artillery shells", category = "munitions" },
  },
}
rule {
  name = "arms", type = "figure", pattern = [=[ (?<n> [number] ) (?<what> @t_arms ) ]=],
  action = function(m)
    local u = m.used[1]
    return { entry = m.groups.what.entry, n_entry = m.groups.n.entry == nil, nused = #m.used,
             u = { list = u.list, text = u.text, start = u.start, ["end"] = u["end"],
                   first = u.first, last = u.last, same = u.entry == m.groups.what.entry } }
  end,
}
]], S)
      assert.are.same({}, errs)
      assert.are.same({ "arms:31 artillery shells@5", "arms:4 tanks@26", "arms:2 jets@38" }, brief(xs))
      assert.are.same({ phrase = "artillery shells", category = "munitions" }, xs[1].entry)
      assert.are.same({ phrase = "tanks", category = "equipment", crew = 4 }, xs[2].entry)
      assert.are.same({ phrase = "jets" }, xs[3].entry)
      assert.are.same({ true, 1 }, { xs[1].n_entry, xs[1].nused })
      assert.are.same({ list = "t_arms", text = "artillery shells", start = 8, ["end"] = 24,
                        first = 3, last = 4, same = true }, xs[1].u)
      assert.are.same({ list = "t_arms", text = "tanks", start = 28, ["end"] = 33,
                        first = 7, last = 7, same = true }, xs[2].u)
    end)

    it("read a TSV file relative to the rule file: phrase<TAB>key=value", function()
      local rs = assert(trawl.load("tests/spec/fixtures/lists/kit.lua"))
      --          0    5    10   15     22    29     36  40
      local S = "They lost main battle tanks, Shells and howitzers."
      local xs, errs = rs:run(S, "d")
      assert.are.same({}, errs)
      -- the comment and the blank line are skipped; numbers become numbers;
      -- matching ignores case, and the longest phrase wins
      assert.are.same({
        { doc = "d", type = "kit", rule = "fx.kit", start = 10, ["end"] = 27,
          text = "main battle tanks", phrase = "main battle tanks", category = "equipment", crew = 4 },
        { doc = "d", type = "kit", rule = "fx.kit", start = 29, ["end"] = 35,
          text = "Shells", phrase = "shells", category = "munitions" },
        { doc = "d", type = "kit", rule = "fx.kit", start = 40, ["end"] = 49,
          text = "howitzers", phrase = "howitzers" },
      }, xs)
    end)

    it("refuse a TSV field that is not key=value, naming both files and lines", function()
      local rs, err = trawl.load("tests/spec/fixtures/lists/bad.lua")
      assert.is_nil(rs)
      assert.are.equal("tests/spec/fixtures/lists/bad.lua:2: list 'fx_bad': "
        .. "tests/spec/fixtures/lists/data/bad.tsv:3: field 'munitions' is not key=value", err)
    end)

    it("refuse a missing TSV file", function()
      local rs, err, path = load_src('\nlist { name = "t_none", file = "no-such-list.tsv" }\n')
      assert.is_nil(rs)
      local prefix = path .. ":2: list 't_none': " .. path:match("^(.*)/[^/]*$") .. "/no-such-list.tsv: "
      assert.are.equal(prefix, err:sub(1, #prefix))
      assert.matches("No such file or directory", err, nil, true)
    end)

    it("ignore diacritics with accents = false, and only then", function()
      --          0    5      12 14      21   26
      local S = "From K\195\189iv to KHARKIV and kyiv."
      local xs = run([[
list { name = "t_cities", entries = { "Kyiv", "Kharkiv" }, accents = false }
list { name = "t_exact", entries = { "Kyiv" } }
rule { name = "city", type = "city", pattern = [=[ @t_cities ]=] }
rule { name = "exact", type = "exact", pattern = [=[ @t_exact ]=] }
]], S)
      assert.are.same({ "city:K\195\189iv@5", "city:KHARKIV@14", "city:kyiv@26", "exact:kyiv@26" },
        brief(xs))
    end)

    it("may be defined in a file loaded after the one that uses them", function()
      local user = tmpfile('rule { name = "uses", type = "x", pattern = [=[ [number] @t_later ]=] }\n')
      local maker = tmpfile('list { name = "t_later", entries = { "drones" } }\n')
      local rs = assert(trawl.load({ user, maker }))
      assert.are.same({ "uses:40 drones@5" }, brief(rs:run("Sent 40 drones.")))
    end)

    it("give the same m.groups.g.entry and m.used whichever file loads first", function()
      -- a list of single words without fields, defined before or after the
      -- rule that uses it
      local user = tmpfile([[
rule {
  name = "w", type = "x", pattern = [=[ [number] (?<w> @t_words ) ]=],
  action = function(m) return { entry = m.groups.w.entry, nused = #m.used } end,
}
]])
      local maker = tmpfile('list { name = "t_words", entries = { "drones", "jets" } }\n')
      local got = {}
      for i, paths in ipairs({ { user, maker }, { maker, user } }) do
        local xs = assert(trawl.load(paths)):run("Sent 40 drones.", "d")
        got[i] = { xs[1].text, xs[1].entry, xs[1].nused }
      end
      -- matched as a word set in both orders: no entry, no stored span
      assert.are.same({ "40 drones", nil, 0 }, got[1])
      assert.are.same(got[1], got[2])
    end)

    it("make trawl.load fail when a pattern names an undefined list", function()
      local rs, err, path = load_src([[
rule { name = "u", type = "x", pattern = [=[ [number] @t_nowhere ]=] }
]])
      assert.is_nil(rs)
      assert.matches("undefined list: t_nowhere", err, nil, true)
      assert.are.equal("undefined list: t_nowhere (used at " .. path .. ":1)", err)
    end)

    it("refuse a list defined twice, naming both places", function()
      local first = tmpfile('list { name = "t_twice", entries = { "a" } }\n')
      local second = tmpfile('-- again\nlist { name = "t_twice", entries = { "b" } }\n')
      local rs, err = trawl.load({ first, second })
      assert.is_nil(rs)
      assert.are.equal(second .. ":2: list 't_twice' is already defined at " .. first .. ":1", err)
      rs, err = trawl.load({ second, first })
      assert.is_nil(rs)
      assert.are.equal(first .. ":1: list 't_twice' is already defined at " .. second .. ":2", err)
    end)
  end)

  -- phases -----------------------------------------------------------------

  describe("phases", function()
    local FIGURES = "tests/spec/fixtures/phases/figures.lua"
    local NUMBERS = "tests/spec/fixtures/phases/numbers.lua"
    --          0    5  8      15  19 21
    local S = "Sent 40 troops and 7 tanks."
    local WANT = {
      { doc = "d", type = "figure", rule = "fx.figure", start = 5, ["end"] = 14,
        text = "40 troops", value = 40, unit = "troops" },
      { doc = "d", type = "figure", rule = "fx.figure", start = 19, ["end"] = 26,
        text = "7 tanks", value = 7, unit = "tanks" },
    }

    it("run by their declared order whichever file loads first", function()
      for _, paths in ipairs({ { FIGURES, NUMBERS }, { NUMBERS, FIGURES } }) do
        local rs = assert(trawl.load(paths))
        assert.are.same({ "fx.number", "fx.figure" }, rule_names(rs))
        local r = rs:rules()
        assert.are.same({ "fx_early", 60, "all", "fx_late", 70, "appelt" },
          { r[1].phase.name, r[1].phase.order, r[1].phase.policy,
            r[2].phase.name, r[2].phase.order, r[2].phase.policy })
        local xs, errs = rs:run(S, "d")
        assert.are.same({}, errs)
        assert.are.same(WANT, xs)
      end
    end)

    it("of equal order run by name, then rules by load order", function()
      local rs = assert(load_src([[
phase { name = "zeta", order = 1 }
phase { name = "alpha", order = 1 }
rule { name = "z1", type = "x", phase = "zeta", regex = "a" }
rule { name = "a1", type = "x", phase = "alpha", regex = "a" }
rule { name = "m1", type = "x", regex = "a" }
rule { name = "a2", type = "x", phase = "alpha", regex = "a" }
]]))
      assert.are.same({ "a1", "a2", "z1", "m1" }, rule_names(rs))
      assert.are.same("main", rs:rules()[4].phase.name)
      assert.are.same(50, rs:rules()[4].phase.order)
    end)

    it("refuse a second declaration with another order", function()
      local rs, err, path = load_src('phase { name = "p", order = 1 }\nphase { name = "p", order = 2 }\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":2: phase 'p' is already declared at " .. path
        .. ":1 with order 1, policy appelt", err)
    end)

    it("refuse an unknown policy and an order that is not a number", function()
      local _, err, path = load_src('phase { name = "p", policy = "longest" }')
      assert.are.equal(path .. ":1: phase 'p': policy must be 'appelt' or 'all', not 'longest'", err)
      _, err, path = load_src('phase { name = "p", order = "1" }')
      assert.are.equal(path .. ":1: phase 'p': order must be a number", err)
    end)
  end)

  -- conflict policies ------------------------------------------------------------

  describe("policies", function()
    --          0  3     9   13 15
    local S = "40 tanks and 7 jets"
    local RULES = [[
phase { name = "p", policy = "%s" }
rule { name = "pair", type = "x", phase = "p", pattern = [=[ [number] [word] ]=] }
rule { name = "num", type = "x", phase = "p", pattern = [=[ [number] ]=] }
rule { name = "tail", type = "x", phase = "p", pattern = [=[ and [number] [word] ]=] }
]]

    it("'all' keeps every match, overlapping ones too", function()
      local xs = run(RULES:format("all"), S)
      assert.are.same({ "pair:40 tanks@0", "num:40@0", "tail:and 7 jets@9", "pair:7 jets@13",
                        "num:7@13" }, brief(xs))
    end)

    it("'appelt' keeps the longest of overlapping matches of one type", function()
      local xs = run(RULES:format("appelt"), S)
      assert.are.same({ "pair:40 tanks@0", "tail:and 7 jets@9" }, brief(xs))
    end)

    it("'appelt' prefers the higher priority between matches of equal length", function()
      local xs = run([[
rule { name = "plain", type = "x", pattern = [=[ [number] tanks ]=] }
rule { name = "urgent", type = "x", pattern = [=[ 40 [word] ]=], priority = 5 }
]], "40 tanks")
      assert.are.same({ "urgent:40 tanks@0" }, brief(xs))
    end)

    it("'appelt' prefers the leftmost between equal length and priority", function()
      local xs = run([[
rule { name = "right", type = "x", pattern = [=[ cd ef ]=] }
rule { name = "left", type = "x", pattern = [=[ ab cd ]=] }
]], "ab cd ef")
      assert.are.same({ "left:ab cd@0" }, brief(xs))
    end)

    it("'appelt' prefers the rule loaded first when all else is equal", function()
      local a = tmpfile('rule { name = "from_a", type = "x", pattern = [=[ [number] tanks ]=] }')
      local b = tmpfile('rule { name = "from_b", type = "x", pattern = [=[ 40 [word] ]=] }')
      assert.are.same({ "from_a:40 tanks@0" }, brief(assert(trawl.load({ a, b })):run("40 tanks")))
      assert.are.same({ "from_b:40 tanks@0" }, brief(assert(trawl.load({ b, a })):run("40 tanks")))
    end)

    describe("'appelt' calls actions lazily", function()
      --          0    5  8      15 18  22   27  31 33     40 43  47
      local L = "Sent 40 troops of the army and 7 troops of the navy."
      local LAZY = [[
rule {
  name = "best", type = "x", pattern = [=[ [number] troops of the ]=],
  action = function(m)
    if m.text:find("^7") then return nil end
    return { who = "best" }
  end,
}
rule { name = "next", type = "x", pattern = [=[ [number] troops of ]=] }
rule {
  name = "loser", type = "x", pattern = [=[ troops of ]=],
  action = function() error("the action of a match that lost must not run") end,
}
]]

      it("when the best match's action returns nil, the next best takes its place", function()
        local xs, errs = run(LAZY, L)
        assert.are.same({ "best:40 troops of the@5", "next:7 troops of@31" }, brief(xs))
        assert.are.equal("best", xs[1].who)
        -- the action of a match that lost was never called
        assert.are.same({}, errs)
      end)

      it("every match that no longer overlaps a kept one is kept", function()
        local xs = run([[
rule {
  name = "best", type = "x", pattern = [=[ [number] troops of the ]=],
  action = function(m) return nil end,
}
rule { name = "left", type = "x", pattern = [=[ [number] troops ]=] }
rule { name = "right", type = "x", pattern = [=[ of the ]=] }
]], "7 troops of the navy")
        assert.are.same({ "left:7 troops@0", "right:of the@9" }, brief(xs))
      end)

      it("a shorter match of the same rule that ends where a rejected one ends is no candidate", function()
        --          0       8     14       23    29
        local P = "However Putin said no. Biden said yes."
        local xs = run([[
rule {
  name = "name", type = "source", pattern = [=[ [cap]+ (?= said ) ]=],
  action = function(m)
    if m.text:find("^However") then return nil end
    return {}
  end,
}
rule { name = "other", type = "source", pattern = [=[ Putin (?= said ) ]=] }
]], P)
        -- docs/rules.md: the rule must say so in its pattern; another rule
        -- matching the shorter span does take the place of the rejected one
        assert.are.same({ "other:Putin@8", "name:Biden@23" }, brief(xs))
      end)
    end)
  end)

  -- annotations --------------------------------------------------------------

  describe("annotations", function()
    --          0    5  8      15    21     28  32 35    41    47
    local S = "Sent 40 tanks, 3,000 troops and 12 jets; 5,000 ships."
    local RULES = [[
phase { name = "tag", order = 1, policy = "all" }
phase { name = "use", order = 2 }

rule {
  name = "num", type = "num", phase = "tag", output = false,
  pattern = [=[ (?<n> [number] ) ]=],
  action = function(m)
    local v = number(m.groups.n.text)
    return { value = v, big = v >= 1000 or nil, unit = m.tokens:text(m.last + 1) }
  end,
}
rule {
  name = "big", type = "big", phase = "use",
  pattern = [=[ (?<x> <num value>=1000> ) [word] ]=],
  action = function(m)
    local a = m.groups.x.annotation
    return { annotation = a, used = m.used[1].annotation == a }
  end,
}
rule { name = "alt", type = "alt", phase = "use", pattern = [=[ <num unit=tanks|jets> ]=] }
rule { name = "small", type = "small", phase = "use", pattern = [=[ <num !big> ]=] }
rule { name = "quoted", type = "quoted", phase = "use", pattern = [=[ <num unit="troops"> ]=] }
rule { name = "ne", type = "ne", phase = "use", pattern = [=[ <num unit!=troops value<100> ]=] }
]]

    it("of an earlier phase match <type field>=n> in a later one, with their fields", function()
      local xs, errs = run(RULES, S)
      assert.are.same({}, errs)
      local big = of_type(xs, "big")
      assert.are.same({ "big:3,000 troops@15", "big:5,000 ships@41" }, brief(big))
      assert.are.same({ doc = "d", type = "num", rule = "num", start = 15, ["end"] = 20,
                        text = "3,000", value = 3000, big = true, unit = "troops" },
        big[1].annotation)
      assert.are.same({ 5000, "ships", true }, { big[2].annotation.value, big[2].annotation.unit,
                                                 big[2].used })
    end)

    it("match <type field=a|b>, <type !field>, quoted values and != with <", function()
      local xs = run(RULES, S)
      assert.are.same({ "alt:40@5", "alt:12@32" }, brief(of_type(xs, "alt")))
      assert.are.same({ "small:40@5", "small:12@32" }, brief(of_type(xs, "small")))
      assert.are.same({ "quoted:3,000@15" }, brief(of_type(xs, "quoted")))
      assert.are.same({ "ne:40@5", "ne:12@32" }, brief(of_type(xs, "ne")))
    end)

    it("of output = false rules stay out of the output unless asked for", function()
      local xs = run(RULES, S)
      assert.are.same({}, of_type(xs, "num"))
      local all = run(RULES, S, { internal = true })
      assert.are.same({ "num:40@5", "num:3,000@15", "num:12@32", "num:5,000@41" },
        brief(of_type(all, "num")))
    end)

    it("are not seen by the rules of their own phase", function()
      local xs = run([[
rule { name = "num", type = "num", output = false, pattern = [=[ [number] ]=] }
rule { name = "see", type = "seen", pattern = [=[ <num> ]=] }
]], "Sent 40 tanks.")
      assert.are.same({}, xs)
    end)

    it("refuse a bad field test as a load error naming the rule", function()
      local rs, err, path = load_src('rule { name = "r1", type = "t", pattern = [=[ <number value>>5> ]=] }\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":1:", err:sub(1, #path + 3))
      assert.matches(": rule 'r1': pattern ", err, nil, true)
      rs, err, path = load_src('rule { name = "r2", type = "t", pattern = [=[ <n x~1> ]=] }\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":1:", err:sub(1, #path + 3))
      assert.matches(": rule 'r2': pattern bad field test 'x~1'\n", err, nil, true)
      rs, err = load_src('rule { name = "r3", type = "t", pattern = [=[ <n v>=a> ]=] }\n')
      assert.is_nil(rs)
      assert.matches(": rule 'r3': pattern '>=' needs a number: 'v>=a'\n", err, nil, true)
      rs, err = load_src('rule { name = "r4", type = "t", pattern = [=[ <n v<1|2> ]=] }\n')
      assert.is_nil(rs)
      assert.matches(": rule 'r4': pattern only = takes alternatives: 'v<1|2'\n", err, nil, true)
    end)

    it("put the caret of a bad field test under that test", function()
      local src = 'rule { name = "r5", type = "t", pattern = [=[ <n a x~1> ]=] }\n'
      local rs, err, path = load_src(src)
      assert.is_nil(rs)
      assert.are.equal(pattern_error(path, src, "x~1", "r5", "bad field test 'x~1'"), err)
    end)

    it("put the caret of a bad first field test under that test", function()
      local src = 'rule { name = "r6", type = "t", pattern = [=[ <n x~1> ]=] }\n'
      local rs, err, path = load_src(src)
      assert.is_nil(rs)
      assert.are.equal(pattern_error(path, src, "x~1", "r6", "bad field test 'x~1'"), err)
    end)
  end)

  -- the number scanner --------------------------------------------------------

  describe('scan = "numbers"', function()
    --          0  3    8         18     25     32  36      44    50  54    60
    local S = "It sent more than 50,000 troops and between 3,000 and 5,000 tanks."

    it("gives the action the reading in m.number", function()
      local xs, errs = run([[
rule {
  name = "read", type = "reading", scan = "numbers",
  action = function(m)
    local n = m.number
    return { kind = n.kind, value = n.value, qual = n.qual, min = n.min, max = n.max,
             n_start = n.start, n_end = n["end"], m_first = m.first, m_last = m.last,
             no_groups = next(m.groups) == nil }
  end,
}
]], S)
      assert.are.same({}, errs)
      assert.are.same({
        { doc = "d", type = "reading", rule = "read", start = 8, ["end"] = 24,
          text = "more than 50,000", kind = "cardinal", value = 50000, qual = "gt",
          n_start = 8, n_end = 24, m_first = 3, m_last = 5, no_groups = true },
        { doc = "d", type = "reading", rule = "read", start = 36, ["end"] = 59,
          text = "between 3,000 and 5,000", kind = "range", min = 3000, max = 5000,
          n_start = 36, n_end = 59, m_first = 8, m_last = 11, no_groups = true },
      }, xs)
    end)

    it("without an action makes the reading's fields the extraction's fields", function()
      local xs, errs = run('rule { name = "nums", type = "num", scan = "numbers" }', S)
      assert.are.same({}, errs)
      assert.are.same({
        { doc = "d", type = "num", rule = "nums", start = 8, ["end"] = 24,
          text = "more than 50,000", kind = "cardinal", value = 50000, qual = "gt" },
        { doc = "d", type = "num", rule = "nums", start = 36, ["end"] = 59,
          text = "between 3,000 and 5,000", kind = "range", min = 3000, max = 5000 },
      }, xs)
    end)

    it("makes internal annotations with the same fields in a run and in a test run", function()
      -- RuleSet:test runs with opts.internal: an action must see the same
      -- annotation there as in a plain run
      local SRC = [[
phase { name = "n", order = 1 }
rule { name = "nums", type = "num", phase = "n", scan = "numbers", output = false }
rule {
  name = "fig", type = "figure", pattern = [=[ (?<n> <num> ) troops ]=],
  action = function(m) return { annotation = m.groups.n.annotation } end,
}
]]
      --          0    5              21
      local T = "Sent more than 50,000 troops."
      local want = { doc = "d", type = "num", rule = "nums", start = 5, ["end"] = 21,
                     text = "more than 50,000", kind = "cardinal", value = 50000, qual = "gt" }
      assert.are.same(want, of_type(run(SRC, T, { internal = true }), "figure")[1].annotation)
      assert.are.same(want, of_type(run(SRC, T), "figure")[1].annotation)
    end)

    it("keeps the annotations of two scan rules apart, and m.number a reading", function()
      local xs = run([[
phase { name = "n1", order = 1 }
phase { name = "n2", order = 2 }
rule { name = "A", type = "num_a", phase = "n1", scan = "numbers", output = false }
rule { name = "B", type = "num_b", phase = "n2", scan = "numbers", output = false }
rule {
  name = "fig", type = "figure", pattern = [=[ (?<n> <num_a> ) troops ]=],
  action = function(m) local a = m.groups.n.annotation; return { atype = a.type, arule = a.rule } end,
}
rule {
  name = "sc", type = "reading", scan = "numbers",
  action = function(m)
    return { kind = m.number.kind, ntype = m.number.type, nrule = m.number.rule, ndoc = m.number.doc }
  end,
}
]], "Sent 40 troops.")
      assert.are.same({ "fig:40 troops@5", "sc:40@5" }, brief(xs))
      assert.are.same({ "num_a", "A" }, { xs[1].atype, xs[1].arule })
      assert.are.same({ kind = "cardinal" },
        { kind = xs[2].kind, ntype = xs[2].ntype, nrule = xs[2].nrule, ndoc = xs[2].ndoc })
    end)

    it("feeds <type tests> of later phases", function()
      local xs = run([[
phase { name = "n", order = 1 }
rule { name = "nums", type = "num", phase = "n", scan = "numbers", output = false }
rule {
  name = "range", type = "figure", pattern = [=[ (?<r> <num kind=range> ) (?<u> [word] ) ]=],
  action = function(m) return { min = m.groups.r.annotation.min, max = m.groups.r.annotation.max } end,
}
]], S)
      assert.are.same({ { doc = "d", type = "figure", rule = "range", start = 36, ["end"] = 65,
                          text = "between 3,000 and 5,000 tanks", min = 3000, max = 5000 } }, xs)
    end)
  end)

  -- pattern compile errors -----------------------------------------------------

  describe("pattern compile errors", function()
    it("give file:line:col, the rule, the message, the line and a caret", function()
      local src = [[
-- a pattern error on the third line of the pattern
rule {
  name = "broken",
  type = "t",
  pattern = [=[
    (?<n> [number] )
	  (troops | tanks
    and ]=],
}
]]
      local rs, err, path = load_src(src)
      assert.is_nil(rs)
      local want, line, col = pattern_error(path, src, "(troops", "broken", "missing ')'")
      assert.are.same({ 7, 4 }, { line, col })
      assert.are.equal(path .. ":7:4: rule 'broken': pattern missing ')'\n"
        .. "\t  (troops | tanks\n\t  ^", want)
      assert.are.equal(want, err)
    end)

    it("point at the atom that is wrong", function()
      local src = 'rule { name = "badtok", type = "t", pattern = [=[ [number] [bogus] troops ]=] }\n'
      local _, err, path = load_src(src)
      assert.are.equal(pattern_error(path, src, "bogus]", "badtok", "unknown token predicate 'bogus'"), err)
      src = 'rule { name = "twice", type = "t", pattern = [=[ (?<a> x ) (?<a> y ) ]=] }\n'
      _, err, path = load_src(src)
      assert.are.equal(pattern_error(path, src, "(?<a> y", "twice", "group 'a' defined twice"), err)
    end)

    it("give the offset and the pattern's own line when it is built at load time", function()
      local rs, err, path = load_src([[
local UNIT = "(troops | tanks"
rule { name = "built", type = "t", pattern = " [number] " .. UNIT .. " x " }
]])
      assert.is_nil(rs)
      assert.are.equal(path .. ":2: rule 'built': pattern at offset 10: missing ')'\n"
        .. " [number] (troops | tanks x \n          ^", err)
    end)
  end)

  -- profile ---------------------------------------------------------------------

  describe("RuleSet:profile", function()
    local PROFILED = [[
rule { name = "tanks", type = "x", pattern = [=[ [number] tanks ]=], action = function() return {} end }
rule { name = "any", type = "y", pattern = [=[ [number] [word] ]=] }
rule { name = "rx", type = "z", regex = [=[\d+ jets]=], action = function() return nil end }
rule { name = "sc", type = "n", scan = "numbers", action = function() return {} end }
]]
    local D1, D2 = "Sent 40 tanks and 7 jets, 3 ships.", "9 tanks."

    local function rows_of(rs, collected)
      local out = {}
      for i, r in ipairs(rs:profile(collected)) do
        out[i] = { r.rule, r.tries, r.matches, r.candidates, r.calls }
      end
      return out
    end

    it("gives per-rule tries and matches of patterns, candidates and action calls", function()
      local rs, _, path = load_src(PROFILED)
      assert(rs)
      local collected = {}
      rs:run(D1, "d1", { profile = collected })
      rs:run(D2, "d2", { profile = collected })
      -- "[number] [word]" is tried at the 4 numbers and matches at each;
      -- "[number] tanks" only where a number is followed by "tanks" (the
      -- phase index knows the second word); regexes and scanners have no
      -- C figures
      assert.are.same({
        { "tanks", 2, 2, 2, 2 },
        { "any", 4, 4, 4, 0 },
        { "rx", nil, nil, 1, 1 },
        { "sc", nil, nil, 4, 4 },
      }, rows_of(rs, collected))
      local rows = rs:profile(collected)
      assert.are.equal(path .. ":1", rows[1].where)
      assert.are.equal(path .. ":4", rows[4].where)
      for _, r in ipairs(rows) do
        assert.are.equal("number", type(r.action_time))
        assert.is_true(r.action_time >= 0)
      end
      for i = 1, 2 do
        assert.is_true(rows[i].steps >= rows[i].tries)
        assert.is_true(rows[i].nanos >= 0)
      end
    end)

    it("counts only the runs made with the collected table", function()
      local rs = assert(load_src(PROFILED))
      rs:run(D1, "d1")                         -- not profiled
      local collected = {}
      rs:run(D2, "d2", { profile = collected })
      assert.are.same({
        { "tanks", 1, 1, 1, 1 },
        { "any", 1, 1, 1, 0 },
        { "rx", nil, nil, 0, 0 },
        { "sc", nil, nil, 1, 1 },
      }, rows_of(rs, collected))
    end)

    it("prints as a table with a header, slowest first", function()
      local rs = assert(load_src(PROFILED))
      local collected = {}
      rs:run(D1, "d1", { profile = collected })
      local lines = explain.profile_lines(rs:profile(collected))
      assert.are.equal(5, #lines)
      assert.matches("^rule +tries +matches +steps +C ms +cands +calls +Lua ms +where$", lines[1])
    end)
  end)

  -- explain ------------------------------------------------------------------------

  describe("explain.lines", function()
    -- the lines as one text (an entry may hold two lines)
    local function text_of(lines)
      assert.are.equal("table", type(lines))
      return table.concat(lines, "\n")
    end

    local EXPLAINED = [[
rule { name = "long", type = "x", pattern = [=[ [number] tanks and [number] ]=],
  action = function(m) if m.text:find("^7") then return nil end return {} end }
rule { name = "short", type = "x", pattern = [=[ [number] tanks ]=] }
rule { name = "never", type = "y", pattern = [=[ [number] tanks and [number] jets ]=] }
rule { name = "nostart", type = "y", pattern = [=[ howitzers ]=] }
rule { name = "boom", type = "z", pattern = [=[ guns ]=], action = function() error("kaboom") end }
]]
    --          0    5  8     14  18 20    25 27 29    35  39 41   45
    local S = "Sent 40 tanks and 3 ships, 7 tanks and 2 guns."

    it("shows each rule's matches: kept, lost to, rejected by its action; partial matches", function()
      local rs, _, path = load_src(EXPLAINED)
      assert(rs)
      assert.are.equal(table.concat({
        "rule long (" .. path .. ":1): 2 matches",
        '  "40 tanks and 3" (bytes 5-19): kept',
        '  "7 tanks and 2" (bytes 27-40): rejected by its action (or the action failed)',
        "rule short (" .. path .. ":3): 2 matches",
        '  "40 tanks" (bytes 5-13): lost to long "40 tanks and 3"',
        '  "7 tanks" (bytes 27-34): kept',
        "rule never (" .. path .. ":4): no match",
        '  longest partial match: "40 tanks and 3" (bytes 5-19)',
        '  stopped at "ships": the pattern wanted jets (pattern offset 29)',
        "rule nostart (" .. path .. ":5): no match",
        "  no token of the text starts it",
        "rule boom (" .. path .. ":6): 1 match",
        '  "guns" (bytes 41-45): rejected by its action (or the action failed)',
        "  error: " .. path .. ":6: rule 'boom': document 'explain' at byte 41: "
          .. path .. ":6: kaboom",
      }, "\n"), text_of(explain.lines(rs, S)))
    end)

    it("explains one rule by name, and says when the text ended first", function()
      local rs, _, path = load_src(EXPLAINED)
      assert(rs)
      assert.are.equal(table.concat({
        "rule never (" .. path .. ":4): no match",
        '  longest partial match: "40 tanks and 3" (bytes 5-19)',
        "  stopped at the end of the text: the pattern wanted jets (pattern offset 29)",
      }, "\n"), text_of(explain.lines(rs, "Sent 40 tanks and 3", "never")))
      assert.are.same({ nil, "no rule named 'nosuch'" }, { explain.lines(rs, S, "nosuch") })
    end)

    it("shows the readings of a scan rule without an action", function()
      local rs, _, path = load_src('rule { name = "nums", type = "num", scan = "numbers" }')
      assert(rs)
      --                                         8               24          36
      assert.are.equal(table.concat({
        "rule nums (" .. path .. ":1): 2 matches",
        '  "more than 50,000" (bytes 8-24): kept',
        '  "7" (bytes 36-37): kept',
      }, "\n"), text_of(explain.lines(rs, "It sent more than 50,000 troops and 7 jets.")))
    end)
  end)

  -- trawl.number -----------------------------------------------------------------

  describe("trawl.number", function()
    it("reads the value of a number expression, or nil", function()
      assert.are.equal(1500000, trawl.number("1.5 million"))
      assert.are.equal(50000, trawl.number("50,000"))
      assert.is_nil(trawl.number("not a number"))
      assert.is_nil(trawl.number(""))
    end)

    it("also returns the whole reading; a range's value is its minimum", function()
      local v, n = trawl.number("between 3,000 and 5,000")
      assert.are.equal(3000, v)
      assert.are.same({ "range", 3000, 5000 }, { n.kind, n.min, n.max })
      v, n = trawl.number("more than 300")
      assert.are.same({ 300, "cardinal", "gt" }, { v, n.kind, n.qual })
    end)
  end)
end)
