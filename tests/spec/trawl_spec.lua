-- The rule engine: trawl.load, RuleSet:run / :test / :rules, the rule
-- sandbox, conflict resolution, phases, error reports and the default packs.
local trawl = require "trawl"
local loader = require "trawl.loader"
local core = require "trawl.core"

-- helpers --------------------------------------------------------------

local h = require "helpers"
local tmpfile, remove_tmpfiles, load_src = h.tmpfile, h.remove_tmpfiles, h.load_src
local brief, find, line_of = h.brief, h.find, h.line_of

-- load src (which must load) and run it over text
local function run(src, text, doc)
  local rs, err, path = load_src(src)
  assert(rs, err)
  local xs, errs = rs:run(text, doc or "doc1")
  return xs, errs, path
end




-- the interpreter running this spec, for child processes
local LUA = type(jit) == "table" and "luajit" or "lua5.4"

-- Start a child interpreter that loads a rule file and runs it over two
-- documents, `text` (doc1) and "7 tanks." (doc2), printing for each the
-- number of extractions and every error message; it is killed after
-- `seconds`, so that a hang fails the spec instead of hanging the suite.
-- Children run concurrently: start them all, then read each one's output
-- with child_output(), which ends with "exit status N" (124: killed).
-- The files are the child's own (not in tmpfiles): it may still be reading
-- them when an after_each runs.
local CHILD_DRIVER = [[
local trawl = require "trawl"
local rs = assert(trawl.load(arg[1]))
for i, text in ipairs({ arg[2], "7 tanks." }) do
  local xs, errs = rs:run(text, "doc" .. i)
  print("doc" .. i .. ": extractions " .. #xs)
  for _, e in ipairs(errs) do print(e.message) end
end
]]

local function write_file(path, content)
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

local function start_child(rule_src, text, seconds)
  local child = { rules = write_file(os.tmpname(), rule_src),
                  driver = write_file(os.tmpname(), CHILD_DRIVER) }
  local cmd = string.format("LUA_PATH='%s' LUA_CPATH='%s' timeout %d %s %s %s '%s' 2>&1;"
    .. " echo \"exit status $?\"", package.path, package.cpath, seconds, LUA,
    child.driver, child.rules, text)
  child.pipe = assert(io.popen(cmd))
  return child
end

local function child_output(child)
  if not child.out then
    child.out = child.pipe:read("*a")
    child.pipe:close()
    os.remove(child.rules)
    os.remove(child.driver)
  end
  return child.out
end

local TANKS = [[
rule { name = "tanks", type = "figure", regex = [=[\d+ tanks]=] }
]]

describe("trawl", function()
  after_each(remove_tmpfiles)

  -- running ---------------------------------------------------------------

  describe("RuleSet:run", function()
    it("returns extractions with doc, type, start, end, text and rule", function()
      local xs, errs = run(TANKS, "They sent 40 tanks and 3 tanks.", "doc7")
      assert.are.same({}, errs)
      assert.are.same({
        { doc = "doc7", type = "figure", start = 10, ["end"] = 18, text = "40 tanks", rule = "tanks" },
        { doc = "doc7", type = "figure", start = 23, ["end"] = 30, text = "3 tanks", rule = "tanks" },
      }, xs)
    end)

    it("gives text == source:sub(start + 1, end), also after multibyte text", function()
      local source = "\208\154\208\184\209\151\208\178: 40 tanks \226\128\148 " ..
        "\226\128\156 12 tanks\226\128\157, 7 tanks"
      local xs = run(TANKS, source)
      assert.are.same({ "40 tanks", "12 tanks", "7 tanks" },
        { xs[1].text, xs[2].text, xs[3].text })
      for _, x in ipairs(xs) do
        assert.are.equal(x.text, source:sub(x.start + 1, x["end"]))
      end
      assert.are.equal(10, xs[1].start)
    end)

    it("names the document '-' when no id is given", function()
      local rs = assert(load_src(TANKS))
      assert.are.equal("-", rs:run("2 tanks")[1].doc)
    end)

    it("refuses a document that is not a string", function()
      local rs = assert(load_src(TANKS))
      local ok, err = pcall(rs.run, rs, nil)
      assert.is_false(ok)
      assert.matches("run expects the document text", err, nil, true)
    end)

    it("returns extractions in text order across rules and types", function()
      local xs = run([[
rule { name = "b", type = "unit", regex = [=[tanks|jets]=] }
rule { name = "a", type = "count", regex = [=[\d+]=] }
]], "9 jets, 4 tanks")
      assert.are.same({ "a:9@0", "b:jets@2", "a:4@8", "b:tanks@10" }, brief(xs))
    end)
  end)

  -- actions -----------------------------------------------------------------

  describe("actions", function()
    it("add the fields they return", function()
      local xs = run([[
rule {
  name = "count", type = "figure", regex = [=[(?<n>[\d,]+) (?<unit>\w+)]=],
  action = function(m)
    return { value = number(m.groups.n.text), unit = m.groups.unit.text }
  end,
}
]], "some 50,000 troops")
      assert.are.same({ { doc = "doc1", type = "figure", rule = "count", start = 5,
        ["end"] = 18, text = "50,000 troops", value = 50000, unit = "troops" } }, xs)
    end)

    it("see the match: doc, source, text, offsets and groups by name and number", function()
      local xs = run([[
rule {
  name = "probe", type = "probe", regex = [=[(?<n>\d+) (tanks)(x)?]=],
  action = function(m)
    return {
      m_doc = m.doc, m_text = m.text, m_start = m.start, m_end = m["end"],
      n_text = m.groups.n.text, n_start = m.groups.n.start, n_end = m.groups.n["end"],
      same_as_1 = m.groups[1] == m.groups.n, second = m.groups[2].text,
      third_unset = m.groups[3] == nil, source_len = #m.source,
      match_start = m.match_start, match_end = m.match_end,
      annotations = #m.annotations,
    }
  end,
}
]], "Sent 40 tanks.", "d")
      local x = xs[1]
      assert.are.same({
        m_doc = "d", m_text = "40 tanks", m_start = 5, m_end = 13,
        n_text = "40", n_start = 5, n_end = 7, same_as_1 = true, second = "tanks",
        third_unset = true, source_len = 14, match_start = 5, match_end = 13,
        annotations = 0,
      }, {
        m_doc = x.m_doc, m_text = x.m_text, m_start = x.m_start, m_end = x.m_end,
        n_text = x.n_text, n_start = x.n_start, n_end = x.n_end, same_as_1 = x.same_as_1,
        second = x.second, third_unset = x.third_unset, source_len = x.source_len,
        match_start = x.match_start, match_end = x.match_end, annotations = x.annotations,
      })
    end)

    it("reject the match by returning nil or false", function()
      local xs, errs = run([[
rule {
  name = "big", type = "figure", regex = [=[(\d+) tanks]=],
  action = function(m)
    local n = number(m.groups[1].text)
    if n < 10 then return nil end
    if n == 13 then return false end
    return { value = n }
  end,
}
]], "3 tanks, 13 tanks, 40 tanks")
      assert.are.same({}, errs)
      assert.are.same({ "big:40 tanks@19" }, brief(xs))
    end)

    it("give several extractions by returning a list", function()
      local xs = run([[
rule {
  name = "split", type = "part", regex = [=[(?<n>\d+) (?<u>tanks)]=],
  action = function(m)
    return {
      { start = m.groups.n.start, ["end"] = m.groups.n["end"], part = "count" },
      { start = m.groups.u.start, ["end"] = m.groups.u["end"], part = "unit" },
    }
  end,
}
]], "Sent 40 tanks.")
      assert.are.same({ "split:40@5", "split:tanks@8" }, brief(xs))
      assert.are.same({ "count", "unit" }, { xs[1].part, xs[2].part })
    end)

    it("take their span from a group named 'span'", function()
      local xs = run([[
rule {
  name = "num", type = "n", regex = [=[about (?<span>\d+) tanks]=],
  action = function(m)
    return { seen = m.text, whole = m.source:sub(m.match_start + 1, m.match_end) }
  end,
}
rule { name = "plain", type = "p", regex = [=[near (?<span>\w+)]=] }
]], "about 40 tanks near Kyiv")
      assert.are.same({ "num:40@6", "plain:Kyiv@20" }, brief(xs))
      assert.are.equal("40", xs[1].seen)
      assert.are.equal("about 40 tanks", xs[1].whole)
    end)

    it("override start and end", function()
      local xs = run([[
rule {
  name = "trim", type = "figure", regex = [=[about \d+ tanks]=],
  action = function(m) return { start = m.start + 6 } end,
}
rule {
  name = "head", type = "unit", regex = [=[\d+ jets]=],
  action = function(m) return { ["end"] = m.start + 2 } end,
}
]], "about 40 tanks, 12 jets")
      assert.are.same({ "trim:40 tanks@6", "head:12@16" }, brief(xs))
      assert.are.same({ 6, 14 }, { xs[1].start, xs[1]["end"] })
    end)

    it("keep fields named priority or order, which are the action's own", function()
      -- the engine keeps its bookkeeping in x.priority / x.order / x.internal
      -- of the same table and clears them before returning
      local xs = run([[
rule {
  name = "ranked", type = "task", regex = [=[\w+]=],
  action = function(m) return { priority = "high", order = 3 } end,
}
]], "advance")
      assert.are.equal(1, #xs)
      assert.are.equal("high", xs[1].priority)
      assert.are.equal(3, xs[1].order)
    end)

    it("report a bad span they return as an error", function()
      local xs, errs = run([[
rule {
  name = "bad", type = "x", regex = [=[tanks]=],
  action = function(m) return { start = 5, ["end"] = 3 } end,
}
]], "40 tanks")
      assert.are.same({}, xs)
      assert.are.equal(1, #errs)
      assert.matches("action returned a bad span [5, 3)", errs[1].message, nil, true)
    end)

    it("report a return value that is not a table as an error", function()
      local xs, errs = run([[
rule { name = "str", type = "x", regex = [=[tanks]=], action = function() return "yes" end }
]], "40 tanks")
      assert.are.same({}, xs)
      assert.matches("action must return a table of fields or nil, not a string",
        errs[1].message, nil, true)
    end)
  end)

  -- conflicts ---------------------------------------------------------------

  describe("conflict resolution", function()
    it("keeps the longest of overlapping matches of one type", function()
      local xs = run([[
rule { name = "short", type = "figure", regex = [=[tanks]=] }
rule { name = "long", type = "figure", regex = [=[\d+ tanks]=] }
]], "40 tanks; tanks")
      assert.are.same({ "long:40 tanks@0", "short:tanks@10" }, brief(xs))
    end)

    it("prefers the higher priority between matches of equal length", function()
      local xs = run([[
rule { name = "first", type = "figure", regex = [=[\d+ tanks]=] }
rule { name = "second", type = "figure", regex = [=[40 \w+]=], priority = 5 }
]], "40 tanks")
      assert.are.same({ "second:40 tanks@0" }, brief(xs))
    end)

    it("prefers the leftmost between equal length and priority", function()
      local xs = run([[
rule { name = "right", type = "x", regex = [=[bcd]=] }
rule { name = "left", type = "x", regex = [=[abc]=] }
]], "abcd")
      assert.are.same({ "left:abc@0" }, brief(xs))
    end)

    it("prefers the rule loaded first when all else is equal", function()
      local xs = run([[
rule { name = "one", type = "x", regex = [=[\d+ tanks]=] }
rule { name = "two", type = "x", regex = [=[\d+ tanks]=] }
]], "40 tanks")
      assert.are.same({ "one:40 tanks@0" }, brief(xs))
      -- across files: the order of the paths given to trawl.load
      local a = tmpfile([[rule { name = "from_a", type = "x", regex = [=[tanks]=] }]])
      local b = tmpfile([[rule { name = "from_b", type = "x", regex = [=[tanks]=] }]])
      assert.are.same({ "from_b:tanks@0" }, brief(assert(trawl.load({ b, a })):run("tanks")))
      assert.are.same({ "from_a:tanks@0" }, brief(assert(trawl.load({ a, b })):run("tanks")))
    end)

    it("resolves conflicts per type: other types and adjacent spans stay", function()
      local xs = run([[
rule { name = "fig", type = "figure", regex = [=[\d+ tanks]=] }
rule { name = "unit", type = "unit", regex = [=[tanks]=] }
rule { name = "num", type = "figure", regex = [=[ and \d+]=] }
]], "40 tanks and 3")
      assert.are.same({ "fig:40 tanks@0", "unit:tanks@3", "num: and 3@8" }, brief(xs))
    end)
  end)

  -- internal rules and phases ----------------------------------------------

  describe("output = false and phases", function()
    local PHASED = [[
phase { name = "units", order = 1 }
phase { name = "figures", order = 2 }
rule {
  name = "figure", type = "figure", phase = "figures", regex = [=[(?<n>\d+) \w+]=],
  action = function(m)
    for _, a in ipairs(m.annotations) do
      if a.type == "unit" and a.start == m.groups.n["end"] + 1 then
        return { unit = a.text, seen = #m.annotations }
      end
    end
  end,
}
rule { name = "unit", type = "unit", phase = "units", regex = [=[tanks|jets]=], output = false }
]]

    it("does not return the extractions of output = false rules", function()
      local xs = run([[
rule { name = "hidden", type = "unit", regex = [=[tanks]=], output = false }
rule { name = "shown", type = "count", regex = [=[\d+]=] }
]], "40 tanks")
      assert.are.same({ "shown:40@0" }, brief(xs))
    end)

    it("shows a later phase the annotations of earlier ones, internal ones too", function()
      local xs, errs = run(PHASED, "40 tanks and 3 apples, 2 jets")
      assert.are.same({}, errs)
      assert.are.same({ "figure:40 tanks@0", "figure:2 jets@23" }, brief(xs))
      assert.are.same({ "tanks", "jets" }, { xs[1].unit, xs[2].unit })
      assert.are.same({ 2, 2 }, { xs[1].seen, xs[2].seen })
    end)

    it("does not show rules of one phase each other's matches", function()
      local xs = run([[
rule { name = "unit", type = "unit", regex = [=[tanks]=] }
rule {
  name = "peek", type = "count", regex = [=[\d+]=],
  action = function(m) return { seen = #m.annotations } end,
}
]], "40 tanks")
      assert.are.equal(0, find(xs, "40").seen)
    end)

    it("lists the rules in phase order, then load order", function()
      local rs = assert(load_src(PHASED .. [[
phase { name = "first", order = -1 }
rule { name = "early", type = "x", regex = "x", phase = "first" }
rule { name = "late", type = "x", regex = "y", phase = "figures" }
]]))
      local names = {}
      for i, r in ipairs(rs:rules()) do names[i] = r.name end
      assert.are.same({ "early", "unit", "figure", "late" }, names)
      local phases = {}
      for i, r in ipairs(rs:rules()) do phases[i] = r.phase.name end
      assert.are.same({ "first", "units", "figures", "figures" }, phases)
    end)
  end)

  -- errors while running ---------------------------------------------------

  describe("errors while running", function()
    local FAILS = [[
-- fails on one number, extracts the others
rule {
  name = "count",
  type = "figure",
  regex = [=[(\d+) tanks]=],
  action = function(m)
    if m.groups[1].text == "13" then error("unlucky number") end
    return { value = number(m.groups[1].text) }
  end,
}
]]

    it("reports an action error naming file:line, rule, document and byte offset", function()
      local _, errs, path = run(FAILS, "7 tanks, 13 tanks, 21 tanks", "doc9")
      assert.are.equal(1, #errs)
      local where = path .. ":" .. line_of(FAILS, "rule {")
      assert.are.equal(where .. ": rule 'count': document 'doc9' at byte 9: "
        .. path .. ":" .. line_of(FAILS, "unlucky") .. ": unlucky number", errs[1].message)
      assert.are.same({ "doc9", "count", where, 9 },
        { errs[1].doc, errs[1].rule, errs[1].where, errs[1].offset })
    end)

    it("still extracts the other matches and rules", function()
      local xs = run(FAILS .. [[
rule { name = "jets", type = "figure", regex = [=[\d+ jets]=] }
]], "7 tanks, 13 tanks, 21 tanks, 5 jets")
      assert.are.same({ "count:7 tanks@0", "count:21 tanks@19", "jets:5 jets@29" }, brief(xs))
      assert.are.same({ 7, 21 }, { xs[1].value, xs[2].value })
    end)

    it("reports a regex that hits the match limit and runs the other rules", function()
      local xs, errs = run([[
rule { name = "backtrack", type = "x", regex = [=[(a+)+b]=] }
rule { name = "word", type = "w", regex = [=[c\w]=] }
]], ("a"):rep(100000) .. "cb")
      assert.are.equal(1, #errs)
      assert.matches("rule 'backtrack': document 'doc1' at byte 0: ", errs[1].message, nil, true)
      assert.matches("match limit", errs[1].message, nil, true)
      assert.are.same({ "word:cb@100000" }, brief(xs))
    end)
  end)

  -- the instruction budget ---------------------------------------------------

  describe("instruction budget", function()
    -- The budget is 200 million instructions + 1 million per KB of text:
    -- short texts keep each child near a second, and the children run
    -- at the same time.
    local children = {}

    lazy_setup(function()
      -- loops forever on doc1 only; doc2 must still be processed
      children.spin = start_child([[
rule {
  name = "spin", type = "x", regex = [=[tanks]=],
  action = function(m)
    if m.doc == "doc1" then local n = 0; while true do n = n + 1 end end
    return {}
  end,
}
]], "40 tanks", 20)
      children.pcall = start_child([[
rule {
  name = "stubborn", type = "x", regex = [=[tanks]=],
  action = function(m)
    while m.doc == "doc1" do pcall(function() local n = 0; while true do n = n + 1 end end) end
    return {}
  end,
}
]], "40 tanks", 20)
      children.xpcall = start_child([[
rule {
  name = "handled", type = "x", regex = [=[tanks]=],
  action = function(m)
    while m.doc == "doc1" do
      xpcall(function() local n = 0; while true do n = n + 1 end end, function(e) return e end)
    end
    return {}
  end,
}
]], "40 tanks", 20)
    end)

    lazy_teardown(function()
      for _, child in pairs(children) do child_output(child) end
    end)

    it("stops an endless loop in an action with 'instruction limit exceeded'", function()
      local out = child_output(children.spin)
      assert.matches("^doc1: extractions 0\n", out)
      assert.matches("instruction limit exceeded\n", out, nil, true)
      assert.matches("exit status 0\n$", out)
    end)

    it("fails that document only: the next document runs with a fresh budget", function()
      assert.matches("\ndoc2: extractions 1\nexit status 0\n$", child_output(children.spin))
    end)

    it("names the rule, its file and line, the document and the byte offset", function()
      -- as for any other error in an action (docs/rules.md, Actions)
      local out = child_output(children.spin)
      assert.matches(children.spin.rules .. ":1: rule 'spin': document 'doc1' at byte 3: "
        .. "instruction limit exceeded\n", out, nil, true)
    end)

    it("cannot be escaped by an action that catches the limit error with pcall", function()
      local out = child_output(children.pcall)
      assert.matches("^doc1: extractions 0\n", out)
      assert.matches("instruction limit exceeded\n", out, nil, true)
      assert.matches("\ndoc2: extractions 1\nexit status 0\n$", out)
    end)

    it("cannot be escaped with xpcall and a handler either", function()
      local out = child_output(children.xpcall)
      assert.matches("^doc1: extractions 0\n", out)
      assert.matches("instruction limit exceeded\n", out, nil, true)
      assert.matches("\ndoc2: extractions 1\nexit status 0\n$", out)
    end)
  end)

  -- loading errors ---------------------------------------------------------

  describe("trawl.load errors", function()
    it("report a syntax error starting with the file path and line", function()
      local rs, err, path = load_src('rule {\n  name = "broken",\n  type = = "x",\n}\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":3:", err:sub(1, #path + 3))
      assert.matches("near '='", err, nil, true)
    end)

    it("report an unknown field", function()
      local rs, err, path = load_src('-- typo\nrule { name = "typo", type = "x", regx = "troops" }\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":2: rule has an unknown field 'regx'", err)
    end)

    it("report a field of the wrong type and missing fields", function()
      local _, err, path = load_src('rule { name = "p", type = "x", regex = "a", priority = "high" }')
      assert.are.equal(path .. ":1: rule field 'priority' must be a number, not a string", err)
      _, err, path = load_src('rule { type = "x", regex = "a" }')
      assert.are.equal(path .. ":1: rule has no name", err)
      _, err, path = load_src('rule { name = "n", regex = "a" }')
      assert.are.equal(path .. ":1: rule 'n' has no type", err)
      _, err, path = load_src('rule { name = "n", type = "x" }')
      assert.are.equal(path .. ":1: rule 'n' has no matcher (pattern, regex or scan)", err)
      _, err, path = load_src('rule { name = "n", type = "x", regex = "a", scan = "numbers" }')
      assert.are.equal(path .. ":1: rule 'n' has more than one matcher", err)
      _, err, path = load_src('rule { name = "n", type = "x", scan = "words" }')
      assert.are.equal(path .. ":1: rule 'n': unknown scan 'words' (numbers)", err)
      _, err, path = load_src('rule { name = "n", type = "x", phase = 2, regex = "a" }')
      assert.are.equal(path .. ":1: rule field 'phase' must be a string, not a number", err)
    end)

    it("report a bad regex naming the rule, the line and column, and the offset", function()
      local src = 'rule { name = "bad.regex", type = "x", regex = "(troops|tanks" }'
      local rs, err, path = load_src(src)
      assert.is_nil(rs)
      -- the regex stands in the file verbatim: the column is that of its
      -- offset 13 (the end of the regex, where the ')' is missing)
      local col = src:find("(troops|tanks", 1, true) + 13
      assert.are.equal(62, col)
      assert.are.equal(path .. ":1:" .. col
        .. ": rule 'bad.regex': regex at offset 13: missing closing parenthesis", err)
    end)

    it("report a bad regex built at load time with the rule's line only", function()
      local rs, err, path = load_src('local close = ""\n\n'
        .. 'rule { name = "built", type = "x", regex = "(troops|" .. "tanks" .. close }')
      assert.is_nil(rs)
      assert.are.equal(path .. ":3: rule 'built': regex at offset 13: missing closing parenthesis", err)
    end)

    it("report a rule name defined in two files", function()
      local first = tmpfile('rule { name = "dup", type = "x", regex = "a" }\n')
      local second = tmpfile('\n\nrule { name = "dup", type = "y", regex = "b" }\n')
      local rs, err = trawl.load({ first, second })
      assert.is_nil(rs)
      assert.are.equal(second .. ":3: rule 'dup' is already defined at " .. first .. ":1", err)
    end)

    it("report a run-time error in a rule file with its line", function()
      local rs, err, path = load_src('local x = 1\nlocal y = x + nil\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":2:", err:sub(1, #path + 3))
    end)

    it("report a missing rule file", function()
      local rs, err = trawl.load("/nonexistent/trawl/rules.lua")
      assert.is_nil(rs)
      assert.matches("No such file or directory", err, nil, true)
    end)

    it("report a missing word list with the line that asks for it", function()
      local rs, err, path = load_src('\nlocal w = words "no-such-list.txt"\n')
      assert.is_nil(rs)
      assert.are.equal(path .. ":2: words: ", err:sub(1, #path + 11))
      assert.matches("no-such-list.txt", err, nil, true)
    end)
  end)

  -- the sandbox ---------------------------------------------------------------

  describe("the rule sandbox", function()
    local PROBE = [[
local seen = {}
for _, name in ipairs({ "io", "os", "debug", "package", "load", "require",
                        "getmetatable", "dofile", "loadfile", "loadstring",
                        "collectgarbage" }) do
  seen[name] = type(_G[name])
end
seen.direct_io = type(io)
string.upper = function() return "hijacked" end
rule {
  name = "probe", type = "probe", regex = [=[probe]=],
  action = function(m)
    local out = { upper = string.upper("x"), method = ("x"):upper() }
    for k, v in pairs(seen) do out[k] = v end
    return out
  end,
}
]]

    it("hides io, os, debug, package, load, require and getmetatable", function()
      local x = run(PROBE, "probe")[1]
      assert.are.same({
        io = "nil", os = "nil", debug = "nil", package = "nil", load = "nil",
        require = "nil", getmetatable = "nil", dofile = "nil", loadfile = "nil",
        loadstring = "nil", collectgarbage = "nil", direct_io = "nil",
      }, {
        io = x.io, os = x.os, debug = x.debug, package = x.package, load = x.load,
        require = x.require, getmetatable = x.getmetatable, dofile = x.dofile,
        loadfile = x.loadfile, loadstring = x.loadstring,
        collectgarbage = x.collectgarbage, direct_io = x.direct_io,
      })
    end)

    it("gives each rule file its own copy of string", function()
      local host_upper = string.upper
      local x = run(PROBE, "probe")[1]
      assert.are.equal("hijacked", x.upper)       -- the rule file's copy
      assert.are.equal("X", x.method)             -- string methods are the real ones
      assert.are.equal(host_upper, string.upper)
      assert.are.equal("X", string.upper("x"))
      assert.are.equal("X", ("x"):upper())
      -- and another rule file does not see the change either
      local y = run([[
rule { name = "other", type = "o", regex = "o", action = function() return { u = string.upper("o") } end }
]], "o")[1]
      assert.are.equal("O", y.u)
    end)
  end)

  -- word lists ---------------------------------------------------------------

  describe("words() and alt()", function()
    local FIXTURES = "tests/spec/fixtures/rules"

    it("read a list relative to the rule file and match its longest entries", function()
      local rs = assert(trawl.load(FIXTURES))
      local text = "Two fighter jets, one F-16 (Block 50), six attack helicopters and a tank."
      local xs, errs = rs:run(text)
      assert.are.same({}, errs)
      assert.are.same({ "kit.item:fighter jets@4", "kit.item:F-16 (Block 50)@22",
        "kit.item:attack helicopters@43", "kit.item:tank@68" }, brief(xs))
      local x = xs[1]
      -- comment, blank line and the repeated "Fighter" are skipped; entries
      -- are trimmed and lower-cased
      assert.are.equal(5, x.entries)
      assert.are.equal("fighter", x.first)
      assert.are.equal("f-16 (block 50)", x.last)
      assert.is_true(x.listed)
      assert.are.equal([[(?:attack\s+helicopters|f\-16\s+\(block\s+50\)|fighter\s+jets|fighter|tank)]],
        x.pattern)
    end)

    it("alt() escapes metacharacters and orders by length, then by name", function()
      assert.are.equal([[(?:a\.b|x\s+y|a)]], loader.alternation({ "a", "x y", "a.b" }))
      assert.are.equal([[(?:\$\^\|\*|\[\]|b)]], loader.alternation({ "b", "[]", "$^|*" }))
    end)
  end)

  -- examples ---------------------------------------------------------------

  describe("RuleSet:test", function()
    local EXAMPLES = [[
rule {
  name = "count.tanks",
  type = "figure",
  regex = [=[(?<n>\d+) tanks]=],
  action = function(m) return { value = number(m.groups.n.text) } end,
  examples = {
    { "It sent 40 tanks.", { { text = "40 tanks", value = 40 } } },
    { "No armour.", {} },
  },
}
rule {
  name = "count.troops",
  type = "troops",
  regex = [=[(?<n>[\d,]+) troops]=],
  action = function(m) return { value = number(m.groups.n.text) } end,
  examples = {
    { "Some 5,000 troops, 40 tanks and 7 troops.", {
      { text = "5,000 troops", value = 6000 },
      { text = "40 troops" },
    } },
    { text = "Only 12 troops.", expect = { "12 troops" } },
    { text = "1 troops and 2 troops", expect = { { text = "1 troops", unit = false } }, partial = true },
  },
}
]]

    it("counts passing and failing examples and says what differs", function()
      local rs, _, path = load_src(EXAMPLES)
      assert(rs)
      local passed, failed, failures = rs:test()
      assert.are.equal(4, passed)
      assert.are.equal(1, failed)
      assert.are.same({ {
        rule = "count.troops", index = 1,
        where = path .. ":" .. line_of(EXAMPLES, 'rule {\n  name = "count.troops"'),
        lines = {
          'text: "Some 5,000 troops, 40 tanks and 7 troops."',
          '~ troops "5,000 troops": value is 5000, want 6000',
          '- missing    troops "40 troops"',
          '+ unexpected troops "7 troops" {end=40, start=32, value=7}',
        },
      } }, failures)
    end)

    it("passes a rule set whose examples all hold", function()
      local rs = assert(load_src([[
rule {
  name = "t", type = "figure", regex = [=[\d+ tanks]=],
  examples = { { "40 tanks", { { text = "40 tanks", start = 0 } } } },
}
]]))
      assert.are.same({ 1, 0, {} }, { rs:test() })
    end)

    it("reports an error raised while running an example", function()
      local src = [[
rule {
  name = "explodes", type = "x", regex = [=[boom]=],
  action = function() error("kaboom") end,
  examples = { { "boom", { "boom" } } },
}
]]
      local rs, _, path = load_src(src)
      assert(rs)
      local passed, failed, failures = rs:test()
      assert.are.same({ 0, 1 }, { passed, failed })
      assert.are.same({ "error: " .. path .. ":1: rule 'explodes': document 'example' at byte 0: "
        .. path .. ":" .. line_of(src, "kaboom") .. ": kaboom" }, failures[1].lines)
    end)
  end)

  -- the shipped rule packs -------------------------------------------------

  describe("default rules", function()
    it("trawl.default_rules() returns a folder that exists", function()
      local dir = trawl.default_rules()
      assert.are.equal("string", type(dir))
      assert.is_true(core.isdir(dir))
      for _, pack in ipairs({ "phases.lua", "lists.lua", "numbers.lua", "military.lua", "sources.lua" }) do
        local f = io.open(dir .. "/" .. pack, "rb")
        assert.is_truthy(f, pack)
        f:close()
      end
      assert.is_nil(io.open(dir .. "/figures.lua", "rb"))   -- replaced by military.lua
    end)

    -- the rules/ folder of the source tree: what default_rules() stands for
    describe("the rules/ packs", function()
      local rs = assert(trawl.load("rules"))
      local text = "According to Moscow, more than 50,000 troops and 140 aircraft took part."
      local xs, errs = rs:run(text, "d")

      it("run without errors", function()
        assert.are.same({}, errs)
      end)

      it("find 'more than 50,000 troops' as a personnel figure", function()
        local x = assert(find(xs, "more than 50,000 troops"))
        assert.are.same({ "figure", 21, 44, 50000, "gt", "personnel" },
          { x.type, x.start, x["end"], x.value, x.qualifier, x.category })
      end)

      it("find '140 aircraft' as a figure", function()
        local x = assert(find(xs, "140 aircraft"))
        assert.are.same({ "figure", 49, 61, 140 }, { x.type, x.start, x["end"], x.value })
      end)

      it("find 'Moscow' as a government source", function()
        local x = assert(find(xs, "Moscow"))
        assert.are.same({ "source", 13, 19, "government" }, { x.type, x.start, x["end"], x.kind })
      end)

      it("give exactly these three extractions, with these spans and fields", function()
        local got = {}
        for i, x in ipairs(xs) do
          got[i] = { x.doc, x.type, x.rule, x.start, x["end"], x.text, x.kind, x.cue,
                     x.value, x.qualifier, x.category, x.unit, x.min, x.max }
          assert.are.equal(x.text, text:sub(x.start + 1, x["end"]))
        end
        assert.are.same({
          { "d", "source", "source.according_to", 13, 19, "Moscow", "government", "according to" },
          { "d", "figure", "figure.count", 21, 44, "more than 50,000 troops", nil, nil,
            50000, "gt", "personnel", "troops" },
          { "d", "figure", "figure.count", 49, 61, "140 aircraft", nil, nil,
            140, nil, "equipment", "aircraft" },
        }, got)
      end)

      it("read the numbers in an internal phase that the output does not show", function()
        local all = rs:run(text, "d", { internal = true })
        local numbers = {}
        for _, x in ipairs(all) do
          if x.type == "number" then
            numbers[#numbers + 1] = { x.rule, x.start, x["end"], x.text, x.kind, x.value, x.qual }
          end
        end
        assert.are.same({
          { "number", 21, 37, "more than 50,000", "cardinal", 50000, "gt" },
          { "number", 49, 52, "140", "cardinal", 140 },
        }, numbers)
        for _, x in ipairs(xs) do assert.are_not.equal("number", x.type) end
      end)

      it("run their rules phase by phase, in the order phases.lua declares", function()
        local at, last = {}, -math.huge
        for i, r in ipairs(rs:rules()) do
          assert.is_true(r.phase.order >= last, r.name)
          last = r.phase.order
          at[r.name] = i
        end
        assert.are.same({ "numbers", 10, "figures", 30, "sources", 40 }, {
          rs.by_name["number"].phase.name, rs.by_name["number"].phase.order,
          rs.by_name["figure.count"].phase.name, rs.by_name["figure.count"].phase.order,
          rs.by_name["source.according_to"].phase.name, rs.by_name["source.according_to"].phase.order })
        assert.is_true(at["number"] < at["figure.count"])
        assert.is_true(at["figure.count"] < at["source.according_to"])
      end)

      it("pass their own examples", function()
        local examples = 0
        for _, r in ipairs(rs:rules()) do examples = examples + #r.examples end
        local passed, failed, failures = rs:test()
        assert.are.same({}, failures)
        assert.are.equal(0, failed)
        assert.are.equal(examples, passed)
        assert.is_true(passed > 0)
      end)
    end)
  end)
end)
