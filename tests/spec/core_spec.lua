-- The C module trawl.core through its Lua binding: tokenizer, regexes,
-- JSON quoting and the small file-system helpers.
-- Offsets are 0-based byte offsets, end-exclusive; token indices 1-based.
local core = require "trawl.core"

-- helpers --------------------------------------------------------------

local LQ, RQ = "\226\128\156", "\226\128\157"          -- U+201C, U+201D
local MOSKVA = "\208\156\208\190\209\129\208\186\208\178\208\176"   -- Москва
local moskva = "\208\188\208\190\209\129\208\186\208\178\208\176"   -- москва

-- every token of toks as { start, end, text }
local function spans(toks)
  local out = {}
  for i = 1, #toks do
    local s, e = toks:span(i)
    out[i] = { s, e, toks:text(i) }
  end
  return out
end

local function kinds(toks)
  local out = {}
  for i = 1, #toks do out[i] = toks:kind(i) end
  return out
end

-- every result of one exec call, packed so that false and nil survive
local function exec(re, subject, from)
  return { n = select("#", re:exec(subject, from)), re:exec(subject, from) }
end

-- all matches of re:gmatch as { start, end } pairs (whole match only)
local function all_matches(re, subject, from)
  local out = {}
  for s, e in re:gmatch(subject, from) do out[#out + 1] = { s, e } end
  return out
end

-- the error message of calling f(...), which must fail
local function error_of(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok, "expected an error")
  return tostring(err)
end

-- the tokenizer ---------------------------------------------------------

describe("core.tokenize", function()
  -- 77 bytes: abbreviation, currency with a scale suffix, a number with a
  -- thousands separator, a possessive clitic, curly quotes and Cyrillic
  local S = "The U.S. sent $1.2bn and 50,000 troops, ISW's report said "
    .. LQ .. MOSKVA .. RQ .. "."

  describe("on a sentence with numbers, abbreviations, quotes and Cyrillic", function()
    local toks = core.tokenize(S)

    it("finds every token with its 0-based byte span", function()
      assert.are.equal(77, #S)
      assert.are.equal(18, #toks)
      assert.are.same({
        { 0, 3, "The" }, { 4, 8, "U.S." }, { 9, 13, "sent" }, { 14, 15, "$" },
        { 15, 18, "1.2" }, { 18, 20, "bn" }, { 21, 24, "and" },
        { 25, 31, "50,000" }, { 32, 38, "troops" }, { 38, 39, "," },
        { 40, 43, "ISW" }, { 43, 45, "'s" }, { 46, 52, "report" },
        { 53, 57, "said" }, { 58, 61, LQ }, { 61, 73, MOSKVA }, { 73, 76, RQ },
        { 76, 77, "." },
      }, spans(toks))
    end)

    it("gives each token its kind", function()
      assert.are.same({
        "word", "word", "word", "symbol", "number", "word", "word", "number",
        "word", "punct", "word", "word", "word", "word", "punct", "word",
        "punct", "punct",
      }, kinds(toks))
    end)

    it("gives 1-based inclusive ranges ready for string.sub", function()
      assert.are.same({ 26, 31 }, { toks:range(8) })
      assert.are.equal("50,000", S:sub(toks:range(8)))
      assert.are.same({ 62, 73 }, { toks:range(16) })
      assert.are.equal(MOSKVA, S:sub(toks:range(16)))
      for i = 1, #toks do
        assert.are.equal(toks:text(i), S:sub(toks:range(i)))
      end
    end)

    it("folds case, curly quotes and Cyrillic", function()
      assert.are.equal("the", toks:fold(1))
      assert.are.equal("u.s.", toks:fold(2))
      assert.are.equal("isw", toks:fold(11))
      assert.are.equal('"', toks:fold(15))
      assert.are.equal(moskva, toks:fold(16))
      assert.are.equal('"', toks:fold(17))
    end)

    it("answers shape questions with :is", function()
      assert.is_true(toks:is(1, "cap"))
      assert.is_false(toks:is(1, "allcaps"))
      assert.is_true(toks:is(2, "allcaps"))
      assert.is_true(toks:is(2, "abbrev"))
      assert.is_true(toks:is(3, "lower"))
      assert.is_false(toks:is(3, "cap"))
      assert.is_true(toks:is(8, "digit"))
      assert.is_false(toks:is(8, "alpha"))
      assert.is_true(toks:is(12, "clitic"))
      assert.is_false(toks:is(12, "space"))        -- glued to "ISW"
      assert.is_true(toks:is(15, "quote"))
      assert.is_true(toks:is(16, "cap"))           -- Cyrillic upper case
      assert.is_false(toks:is(16, "space"))        -- right after the quote
      assert.is_true(toks:is(1, "sentence_start"))
      assert.is_true(toks:is(1, "paragraph_start"))
      assert.is_false(toks:is(9, "sentence_start"))
    end)

    it("rejects an unknown flag name", function()
      assert.matches("invalid option 'bogus'", error_of(toks.is, toks, 1, "bogus"), nil, true)
    end)

    it("returns the raw flag bits", function()
      -- cap|alpha|space|newline|sentence_start|paragraph_start (text start)
      assert.are.equal(0x0001 + 0x0008 + 0x0080 + 0x0100 + 0x0200 + 0x0400, toks:flags(1))
      -- cap|allcaps|alpha|abbrev|space
      assert.are.equal(0x0001 + 0x0002 + 0x0008 + 0x0040 + 0x0080, toks:flags(2))
      -- alpha|lower|clitic
      assert.are.equal(0x0008 + 0x0004 + 0x4000, toks:flags(12))
    end)

    it("describes a token as a table with :token", function()
      assert.are.same({
        start = 4, ["end"] = 8, text = "U.S.", fold = "u.s.", kind = "word",
        sentence = 1,
        flags = { cap = true, allcaps = true, alpha = true, abbrev = true, space = true },
      }, toks:token(2))
      assert.are.same({
        start = 61, ["end"] = 73, text = MOSKVA, fold = moskva, kind = "word",
        sentence = 1, flags = { cap = true, alpha = true },
      }, toks:token(16))
      assert.are.same({
        start = 14, ["end"] = 15, text = "$", fold = "$", kind = "symbol",
        sentence = 1, flags = { space = true },
      }, toks:token(4))
    end)

    it("finds the token containing or following an offset with :at", function()
      assert.are.equal(1, toks:at(0))
      assert.are.equal(1, toks:at(2))
      assert.are.equal(2, toks:at(3))      -- the space before "U.S."
      assert.are.equal(8, toks:at(30))
      assert.are.equal(16, toks:at(64))    -- inside a Cyrillic letter
      assert.are.equal(18, toks:at(76))
      assert.is_nil(toks:at(77))           -- the end of the text
      assert.is_nil(toks:at(1000))
      assert.are.equal(1, toks:at(-5))
    end)

    it("returns the tokenised text with :source", function()
      assert.are.equal(S, toks:source())
    end)
  end)

  describe("sentences and paragraphs", function()
    local T = "Troops mass at border\n\nRussia sent 50,000 troops. Kyiv said it was ready."
    local toks = core.tokenize(T)

    it("splits a headline, a blank line and two sentences", function()
      assert.are.equal(15, #toks)
      assert.are.equal(3, toks:sentences())
      assert.are.same({ 1, 4, 0, 21 }, { toks:sentence(1) })
      assert.are.same({ 5, 9, 23, 49 }, { toks:sentence(2) })
      assert.are.same({ 10, 15, 50, 73 }, { toks:sentence(3) })
      assert.are.equal("Russia sent 50,000 troops.", T:sub(24, 49))
    end)

    it("makes the blank line a paragraph break", function()
      assert.are.equal(2, toks:paragraphs())
      assert.are.same({ 1, 4, 0, 21 }, { toks:paragraph(1) })
      assert.are.same({ 5, 15, 23, 73 }, { toks:paragraph(2) })
    end)

    it("knows the sentence of each token and where sentences start", function()
      assert.are.equal(1, toks:sentence_of(4))
      assert.are.equal(2, toks:sentence_of(5))
      assert.are.equal(2, toks:sentence_of(9))    -- the full stop
      assert.are.equal(3, toks:sentence_of(10))
      assert.is_true(toks:is(5, "paragraph_start"))
      assert.is_true(toks:is(5, "newline"))
      assert.is_true(toks:is(10, "sentence_start"))
      assert.is_false(toks:is(10, "paragraph_start"))
      assert.is_false(toks:is(10, "newline"))
    end)

    it("knows the paragraph of each token", function()
      local got = {}
      for i = 1, #toks do got[i] = toks:paragraph_of(i) end
      assert.are.same({ 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, got)
      local t = core.tokenize("a\n\nb\n\nc d\n\ne")
      assert.are.same({ 1, 2, 3, 3, 4 }, { t:paragraph_of(1), t:paragraph_of(2),
        t:paragraph_of(3), t:paragraph_of(4), t:paragraph_of(5) })
      assert.matches("token index 6 out of range", error_of(t.paragraph_of, t, 6), nil, true)
    end)

    it("treats a CRLF blank line as a paragraph break", function()
      local t = core.tokenize("Head\r\n\r\nBody one. Two\r\nthree")
      assert.are.equal(2, t:paragraphs())
      assert.are.same({ 1, 1, 0, 4 }, { t:paragraph(1) })
      assert.are.same({ 2, 6, 8, 28 }, { t:paragraph(2) })
    end)

    it("does not end a sentence at an abbreviation", function()
      local t = core.tokenize("Gen. Smith arrived. He left.")
      assert.are.equal(2, t:sentences())
      assert.are.same({ 1, 4, 0, 19 }, { t:sentence(1) })
      assert.are.same({ 5, 7, 20, 28 }, { t:sentence(2) })
    end)
  end)

  describe("index checks", function()
    local toks = core.tokenize("The U.S. army")

    it("raises 'out of range' for a token index outside 1..#toks", function()
      assert.matches("token index 0 out of range (1..3)", error_of(toks.span, toks, 0), nil, true)
      assert.matches("token index 4 out of range (1..3)", error_of(toks.text, toks, 4), nil, true)
      assert.matches("out of range", error_of(toks.token, toks, -1), nil, true)
      assert.matches("out of range", error_of(toks.kind, toks, 99), nil, true)
    end)

    it("raises 'out of range' for sentence and paragraph indices", function()
      assert.matches("sentence index 2 out of range (1..1)", error_of(toks.sentence, toks, 2), nil, true)
      assert.matches("paragraph index 0 out of range (1..1)", error_of(toks.paragraph, toks, 0), nil, true)
    end)
  end)

  describe("odd input", function()
    it("keeps offsets exact across invalid UTF-8 and NUL bytes", function()
      local s = "a\255\254b c\0d \195\169"
      local toks = core.tokenize(s)
      assert.are.same({
        { 0, 1, "a" }, { 1, 3, "\255\254" }, { 3, 4, "b" }, { 5, 6, "c" },
        { 7, 8, "d" }, { 9, 11, "\195\169" },
      }, spans(toks))
      assert.are.same({ "word", "other", "word", "word", "word", "word" }, kinds(toks))
      assert.is_true(toks:is(2, "invalid"))
      assert.are.equal("\239\191\189", toks:fold(2))   -- U+FFFD
      for i = 1, #toks do assert.are.equal(toks:text(i), s:sub(toks:range(i))) end
    end)

    it("gives zero tokens, sentences and paragraphs for an empty string", function()
      local toks = core.tokenize("")
      assert.are.equal(0, #toks)
      assert.are.equal(0, toks:sentences())
      assert.are.equal(0, toks:paragraphs())
      assert.is_nil(toks:at(0))
      assert.matches("out of range", error_of(toks.span, toks, 1), nil, true)
    end)
  end)

  describe("lifetime", function()
    -- tokens of a text built at run time and referenced from nowhere else
    -- once this returns; also the text's length
    local function tokens_of_fresh_text()
      local parts = {}
      for i = 1, 200 do parts[i] = "word" .. i end
      local text = table.concat(parts, " ")
      return core.tokenize(text), #text
    end

    -- allocate and drop many strings of one size, so that the memory of a
    -- freed string of that size would be reused
    local function churn(size)
      local junk = {}
      for i = 1, 500 do junk[i] = ("x"):rep(size - 4) .. (1000 + i) end
      return #junk
    end

    it("keeps working after the source string is dropped and collected", function()
      local toks, len = tokens_of_fresh_text()
      collectgarbage("collect")
      collectgarbage("collect")
      churn(len)
      collectgarbage("collect")
      assert.are.equal(200, #toks)
      assert.are.equal("word1", toks:text(1))
      assert.are.equal("word200", toks:text(200))
      assert.are.equal(len, #toks:source())
      assert.are.equal("word1 word2 ", toks:source():sub(1, 12))
      assert.are.same({ 0, 5 }, { toks:span(1) })
    end)

    it("refuses every method after :free", function()
      local toks = core.tokenize("one two")
      toks:free()
      assert.are.equal("trawl.tokens (freed)", tostring(toks))
      assert.matches("tokens already freed", error_of(function() return #toks end), nil, true)
      assert.matches("tokens already freed", error_of(toks.text, toks, 1), nil, true)
      toks:free()   -- a second free is harmless
    end)

    it("gives the byte span of a run of tokens, and of an empty one", function()
      local toks = core.tokenize("Some 5,000 troops left.")
      assert.are.same({ 5, 17 }, { toks:span(2, 3) })
      assert.are.same({ 0, 23 }, { toks:span(1, #toks) })
      assert.are.same({ 11, 11 }, { toks:span(3, 2) })          -- where token 3 starts
      assert.are.same({ 23, 23 }, { toks:span(#toks + 1, #toks) })  -- the end of the text
      assert.matches("token span 3..9 out of range (1..5)",
        error_of(toks.span, toks, 3, 9), nil, true)
      assert.matches("token span 3..1 out of range (1..5)",
        error_of(toks.span, toks, 3, 1), nil, true)
      assert.matches("out of range", error_of(toks.span, toks, -2^53, 0), nil, true)
    end)

    it("finds the first token of a run whose folded form is in a set", function()
      local toks = core.tokenize("Russia sent 5,000 Troops and 40 tanks.")
      local set = { troops = true, tanks = "equipment", sent = false }
      assert.are.equal(4, toks:find(set))
      assert.are.equal(7, toks:find(set, 5))
      assert.is_nil(toks:find(set, 5, 6))
      assert.is_nil(toks:find(set, 2, 2))        -- false is not a member
      assert.is_nil(toks:find({}, 1))
      assert.are.equal(7, toks:find(set, -3 + 8, 99))  -- clipped to the tokens
      assert.matches("table expected", error_of(toks.find, toks, "troops"), nil, true)
    end)

    it("names itself with the token count", function()
      assert.are.equal("trawl.tokens (3)", tostring(core.tokenize("a b c")))
    end)
  end)
end)

-- regexes -----------------------------------------------------------------

describe("core.regex", function()
  describe("exec", function()
    local re = core.regex([[(?<n>\d+)\s+(tanks|(jets))]])

    it("returns 0-based spans of the match and of every group", function()
      assert.are.same({ n = 8, 5, 13, 5, 7, 8, 13, false, false },
        exec(re, "sent 40 tanks and 12 jets"))
    end)

    it("returns false, false for a group that did not take part", function()
      local r = exec(core.regex("(a)|(b)"), "b")
      assert.are.same({ n = 6, 0, 1, false, false, 0, 1 }, r)
    end)

    it("searches from a 0-based offset", function()
      assert.are.same({ n = 8, 18, 25, 18, 20, 21, 25, 21, 25 },
        exec(re, "sent 40 tanks and 12 jets", 10))
    end)

    it("returns a single nil when nothing matches or the offset is past the end", function()
      assert.are.same({ n = 1 }, exec(re, "no armour"))
      assert.are.same({ n = 1 }, exec(re, "sent 40 tanks", 14))
      assert.are.same({ n = 1 }, exec(re, "sent 40 tanks", -1))
    end)

    it("counts and names its groups", function()
      assert.are.equal(3, re:ngroups())
      assert.are.same({ n = 1 }, re:names())
      assert.are.same({ span = 1, unit = 3 },
        core.regex([[(?<span>\d+)(\s)(?<unit>\w+)]]):names())
      assert.are.same({}, core.regex("plain"):names())
      assert.are.equal("boolean", type(re:jitted()))
    end)

    it("handles more groups than fit the fast path", function()
      local many = core.regex(("(x)"):rep(40))
      assert.are.equal(40, many:ngroups())
      local r = exec(many, ("x"):rep(40))
      assert.are.equal(82, r.n)
      assert.are.same({ 0, 40, 0, 1 }, { r[1], r[2], r[3], r[4] })
      assert.are.same({ 39, 40 }, { r[81], r[82] })
    end)
  end)

  describe("gmatch", function()
    it("visits every match with its groups", function()
      local out = {}
      for s, e, gs, ge in core.regex([[(\d)]]):gmatch("a1b2c3") do
        out[#out + 1] = { s, e, gs, ge }
      end
      assert.are.same({ { 1, 2, 1, 2 }, { 3, 4, 3, 4 }, { 5, 6, 5, 6 } }, out)
    end)

    it("starts at an optional offset", function()
      assert.are.same({ { 3, 4 } }, all_matches(core.regex([[\d]]), "a1b2", 2))
    end)

    it("uses Unicode word characters", function()
      local s = MOSKVA .. " \208\184 \208\154\208\184\208\181\208\178"   -- Москва и Киев
      assert.are.same({ { 0, 12 }, { 13, 15 }, { 16, 24 } },
        all_matches(core.regex([[\w+]]), s))
    end)

    it("advances past empty matches, never inside a character", function()
      -- a x x b é(2 bytes): empty at 0, "xx", empty at 3, 4, and the end;
      -- never at 5, the middle of é
      assert.are.same({ { 0, 0 }, { 1, 3 }, { 3, 3 }, { 4, 4 }, { 6, 6 } },
        all_matches(core.regex("x*"), "axxb\195\169"))
    end)

    it("yields nothing for an offset past the end", function()
      assert.are.same({}, all_matches(core.regex("a"), "aaa", 4))
    end)
  end)

  describe("flags", function()
    it("'i' matches without regard to case, also beyond ASCII", function()
      assert.are.same({ n = 2, 0, 5 }, exec(core.regex("tanks", "i"), "TANKS"))
      assert.are.same({ n = 1 }, exec(core.regex("tanks"), "TANKS"))
      assert.are.same({ n = 2, 0, 2 }, exec(core.regex("\195\169", "i"), "\195\137"))  -- é / É
    end)

    it("'m', 's' and 'x' change ^, . and white space", function()
      assert.are.same({ n = 2, 2, 3 }, exec(core.regex("^b", "m"), "a\nb"))
      assert.are.same({ n = 1 }, exec(core.regex("^b"), "a\nb"))
      assert.are.same({ n = 2, 0, 3 }, exec(core.regex("a.b", "s"), "a\nb"))
      assert.are.same({ n = 1 }, exec(core.regex("a.b"), "a\nb"))
      assert.are.same({ n = 2, 0, 2 }, exec(core.regex("a b # comment", "x"), "ab"))
    end)

    it("raises for an unknown flag letter", function()
      assert.matches("regex flags are i, m, s, x", error_of(core.regex, "a", "q"), nil, true)
    end)
  end)

  describe("compile errors", function()
    it("return nil, a message and the offset in the pattern", function()
      local re, msg, off = core.regex("(troops|tanks")
      assert.is_nil(re)
      assert.matches("missing closing parenthesis", msg, nil, true)
      assert.are.equal("number", type(off))
      assert.are.equal(13, off)
    end)

    it("report an unclosed class at its offset", function()
      local re, msg, off = core.regex("[a")
      assert.is_nil(re)
      assert.matches("missing terminating ]", msg, nil, true)
      assert.are.equal(2, off)
    end)

    it("refuse invalid UTF-8 and \\C in the pattern", function()
      local re, msg, off = core.regex("ab\255")
      assert.is_nil(re)
      assert.matches("UTF-8 error", msg, nil, true)
      assert.are.equal(2, off)
      re, msg = core.regex([[a\C]])
      assert.is_nil(re)
      assert.matches([[\C is disabled]], msg, nil, true)
    end)
  end)

  describe("limits and odd subjects", function()
    it("raises 'match limit' on catastrophic backtracking instead of hanging", function()
      local re = core.regex("(a+)+b")
      local err = error_of(re.exec, re, ("a"):rep(100000) .. "cb")
      assert.matches("match limit", err, nil, true)
    end)

    it("treats invalid UTF-8 in the subject as barriers that never match", function()
      assert.are.same({ n = 2, 1, 2 }, exec(core.regex("x"), "\255x\254"))
      assert.are.same({ n = 1 }, exec(core.regex("."), "\255\254\192"))
      assert.are.same({ { 0, 2 }, { 3, 5 } }, all_matches(core.regex([[\w+]]), "ab\255cd\254"))
      -- a search that starts inside an invalid run is safe too
      assert.are.same({ n = 2, 3, 4 }, exec(core.regex("c"), "\255\254\253c", 1))
    end)

    it("refuses every method after :free", function()
      local re = core.regex("a")
      re:free()
      assert.matches("regex already freed", error_of(re.exec, re, "a"), nil, true)
      re:free()   -- a second free is harmless
    end)
  end)
end)

-- the rest of the module ----------------------------------------------------

describe("core.json_quote", function()
  it("quotes and escapes, keeping valid UTF-8 as it is", function()
    assert.are.equal([["a\"b\\c\n\r\t\b\f\u0001\u0000/]] .. "\195\169" .. [["]],
      core.json_quote("a\"b\\c\n\r\t\b\f\1\0/\195\169"))
  end)

  it("turns each byte of invalid UTF-8 into \\ufffd", function()
    assert.are.equal([["x\ufffd\ufffdy"]], core.json_quote("x\255\254y"))
    assert.are.equal([["\ufffd\ufffd"]], core.json_quote("\226\128"))            -- truncated
    assert.are.equal([["\ufffd\ufffd\ufffd"]], core.json_quote("\237\160\128"))   -- surrogate
  end)
end)

describe("core.isdir and core.listdir", function()
  it("tell folders from files", function()
    assert.is_true(core.isdir("tests/spec"))
    assert.is_false(core.isdir("tests/spec/core_spec.lua"))
    assert.is_false(core.isdir("/nonexistent/trawl"))
  end)

  it("list a folder sorted by name, without . and ..", function()
    local names = {}
    for _, e in ipairs(core.listdir("tests/spec/fixtures/rules")) do
      names[#names + 1] = e.name .. (e.dir and "/" or "")
    end
    assert.are.same({ "kit.lua", "words/" }, names)
  end)

  it("return nil and a message for a missing folder", function()
    local list, err = core.listdir("/nonexistent/trawl")
    assert.is_nil(list)
    assert.are.equal("/nonexistent/trawl: No such file or directory", err)
  end)
end)

describe("core.version", function()
  it("is the library version", function()
    assert.are.equal("0.1.0", core.version)
    assert.are.equal(require("trawl").version, core.version)
  end)
end)
