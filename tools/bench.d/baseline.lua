--- The baseline of the benchmark: the 500 synthetic rules as a naive rule
-- engine runs them, in plain Lua 5.4 with lrexlib-PCRE2 (`rex_pcre2`).
--
--   lua5.4 tools/bench.d/baseline.lua CORPUS_DIR CORPUS_LIST OUT.tsv
--
-- Each rule is one PCRE2 regex (UTF, caseless), compiled once and
-- JIT-compiled, and run over each document in its own pass (a `find`
-- loop from the end of the previous match: leftmost, non-overlapping, as
-- trawl's policy "all" gives).
--
-- The phrase list: the obvious single alternation of 10,000 phrases does
-- not compile (Debian's PCRE2 has a link size of 2: a compiled pattern is
-- at most 64K code units), so the list becomes a prefix-trie regex
-- (shared first words factored out, longer continuations before the end of
-- a shorter phrase, inside an atomic group so that the longest phrase at a
-- position is the one taken, as in trawl's gazetteer), split by first word
-- into chunks that each compile. A rule that uses the list runs one pass per
-- chunk; a position can only match in the chunk of its first word, and the
-- chunk matches are merged leftmost-first.
--
-- Token equivalence (trawl's tokenizer, for the text the corpus has):
--   a word:   not preceded by a letter, mark or digit, nor by letter+hyphen
--             or letter+apostrophe (those join into one token); not followed
--             by a letter, mark or digit, nor by hyphen+letter/digit, nor by
--             apostrophe+letter unless it is a possessive 's
--   [number]: ASCII digits with inner , or . separators, taken whole
--             (possessive), not preceded by a word character, letter+hyphen
--             or digit+separator; a letter may follow directly ("155mm")
--   between tokens: \s+ (\s* after a number, which ends at a non-digit)
-- Writes one line per extraction, "doc<TAB>rule<TAB>start<TAB>end" (0-based,
-- end-exclusive), and prints the number of extractions and regexes and the
-- time spent compiling them.
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local vocab = require "vocab"
local rex = require "rex_pcre2"

local corpus_dir, corpus_list, out_path = arg[1], arg[2], arg[3]
assert(corpus_dir and corpus_list and out_path, "usage: baseline.lua CORPUS_DIR CORPUS_LIST OUT.tsv")

local F = rex.flags()
local CFLAGS = F.UTF | F.CASELESS
local EFLAGS = F.NO_UTF_CHECK      -- each document is checked once, below

-- token boundaries ---------------------------------------------------------

local HY = [[-\x{2010}\x{2011}]]                   -- hyphens that join words
local AP = [['\x{2019}]]                           -- apostrophes
local WL = [[(?<![\p{L}\p{M}\p{Nd}])(?<!\p{L}[]] .. HY .. AP .. "])"
local WR = [[(?![\p{L}\p{M}\p{Nd}])(?![]] .. HY .. [[][\p{L}\p{Nd}])(?![]] .. AP
  .. [[](?![sS](?![\p{L}\p{M}\p{Nd}]))\p{L})]]
local NUM = [[(?<![\p{L}\p{M}\p{Nd}])(?<!\p{L}[]] .. HY .. [[])(?<!\d[.,])(?<n>\d++(?:[.,]\d++)*+)]]

-- the phrase list as trie regexes ----------------------------------------------

local function trie_of(phrases)
  local root = { kids = {}, order = {} }
  for _, p in ipairs(phrases) do
    local node = root
    for w in p:gmatch("%S+") do
      local kid = node.kids[w]
      if not kid then
        kid = { kids = {}, order = {} }
        node.kids[w] = kid
        node.order[#node.order + 1] = w
      end
      node = kid
    end
    node.terminal = true
  end
  return root
end

-- the alternation of a node's children; a child that ends a phrase and
-- also goes on tries going on first (greedy ?), so the longest wins
local function emit(node)
  local alts = {}
  table.sort(node.order)
  for i, w in ipairs(node.order) do
    local kid = node.kids[w]
    local s = w
    if #kid.order > 0 then
      local inner = [[\s+(?:]] .. emit(kid) .. ")"
      s = s .. (kid.terminal and "(?:" .. inner .. ")?" or inner)
    end
    alts[i] = s
  end
  return table.concat(alts, "|")
end

local function list_regex(phrases)
  return "(?>(?:" .. emit(trie_of(phrases)) .. ")" .. WR .. ")"
end

-- the phrases grouped by first word, packed into chunks of about `limit`
-- bytes of regex source
local function chunk_phrases(phrases, limit)
  local groups, firsts = {}, {}
  for _, p in ipairs(phrases) do
    local f = p:match("^%S+")
    if not groups[f] then groups[f] = {}; firsts[#firsts + 1] = f end
    local g = groups[f]
    g[#g + 1] = p
  end
  table.sort(firsts)
  local chunks, cur, size = {}, {}, 0
  for _, f in ipairs(firsts) do
    local g = groups[f]
    local gsize = #list_regex(g)
    if size > 0 and size + gsize > limit then
      chunks[#chunks + 1] = cur
      cur, size = {}, 0
    end
    for _, p in ipairs(g) do cur[#cur + 1] = p end
    size = size + gsize
  end
  if #cur > 0 then chunks[#chunks + 1] = cur end
  return chunks
end

-- the rules ---------------------------------------------------------------

-- the regex source of a rule, with LIST standing for the phrase list
local function rule_regex(r, LIST)
  local w, k = r.words, r.kind
  if k == "pair" then return NUM .. [[\s*]] .. w[1] .. [[\s+]] .. w[2] .. WR
  elseif k == "triple" then return NUM .. [[\s*]] .. w[1] .. [[\s+]] .. w[2] .. [[\s+]] .. w[3] .. WR
  elseif k == "verb" then return WL .. w[1] .. [[\s+]] .. NUM .. [[\s*]] .. w[2] .. WR
  elseif k == "num_list" then return NUM .. [[\s*]] .. LIST
  elseif k == "list_num" then return WL .. LIST .. [[\s+]] .. NUM
  elseif k == "verb_list" then return WL .. w[1] .. [[\s+]] .. NUM .. [[\s*]] .. LIST
  elseif k == "list_verb" then return NUM .. [[\s*]] .. LIST .. [[\s+]] .. w[1] .. WR
  elseif k == "list_prep" then return WL .. LIST .. [[\s+]] .. w[1] .. [[\s+]] .. NUM
  end
  error("unknown rule kind " .. tostring(k))
end

-- rex.new raises an error for a pattern that does not compile
local function compile(src)
  local ok, re = pcall(rex.new, src, CFLAGS)
  if not ok then return nil, re end
  local jit_ok, jerr = re:jit_compile()
  if not jit_ok then error("JIT compile failed: " .. tostring(jerr)) end
  return re
end

local t_compile = os.clock()

-- the list chunks: the largest chunk size whose every regex compiles
local phrases = vocab.phrases()
local list_chunks
for _, limit in ipairs { 60000, 40000, 25000, 15000, 8000 } do
  local chunks = chunk_phrases(phrases, limit)
  local ok = true
  for _, c in ipairs(chunks) do
    -- the biggest regex that holds a chunk: the list and a rule around it
    local src = rule_regex({ kind = "list_prep", words = { "numbering" } }, list_regex(c))
    if not pcall(rex.new, src, CFLAGS) then ok = false; break end
  end
  if ok then
    list_chunks = {}
    for i, c in ipairs(chunks) do list_chunks[i] = list_regex(c) end
    break
  end
end
assert(list_chunks, "the phrase list does not fit in PCRE2 regexes")

local rules, nregex = {}, 0
for i, r in ipairs(vocab.rules()) do
  local res = {}
  if r.kind:find("list") then
    for j, l in ipairs(list_chunks) do res[j] = assert(compile(rule_regex(r, l))) end
  else
    res[1] = assert(compile(rule_regex(r)))
  end
  nregex = nregex + #res
  rules[i] = { name = r.name, res = res }
end

t_compile = os.clock() - t_compile

-- running -----------------------------------------------------------------

-- leftmost non-overlapping matches of re in text, appended as start, end
-- pairs (0-based, end-exclusive) to out
local function scan(re, text, out)
  local init, find = 1, re.find
  while true do
    local s, e = find(re, text, init, EFLAGS)
    if not s then return end
    out[#out + 1] = s - 1
    out[#out + 1] = e
    init = e >= s and e + 1 or s + 1
  end
end

-- the matches of several chunk regexes merged: sorted by start, leftmost
-- first, a match that overlaps the one kept before it dropped
local function merged(res, text)
  local all = {}
  for _, re in ipairs(res) do
    local spans = {}
    scan(re, text, spans)
    for i = 1, #spans, 2 do all[#all + 1] = { spans[i], spans[i + 1] } end
  end
  table.sort(all, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] > b[2]
  end)
  local out, reach = {}, -1
  for _, m in ipairs(all) do
    if m[1] >= reach then
      out[#out + 1] = m[1]
      out[#out + 1] = m[2]
      reach = m[2]
    end
  end
  return out
end

local out = assert(io.open(out_path, "wb"))
local total = 0
for fname in io.lines(corpus_list) do
  local f = assert(io.open(corpus_dir .. "/" .. fname, "rb"))
  local text = f:read("a")
  f:close()
  assert(utf8.len(text), fname .. ": not valid UTF-8")
  local doc = fname:gsub("%.[^.]*$", "")
  local lines = {}
  for _, r in ipairs(rules) do
    local spans
    if #r.res == 1 then
      spans = {}
      scan(r.res[1], text, spans)
    else
      spans = merged(r.res, text)
    end
    for i = 1, #spans, 2 do
      lines[#lines + 1] = doc .. "\t" .. r.name .. "\t" .. spans[i] .. "\t" .. spans[i + 1] .. "\n"
    end
  end
  total = total + #lines
  out:write(table.concat(lines))
end
out:close()
print(string.format("%d regexes (500 rules; the 10,000-phrase list as trie alternations in %d chunks, "
  .. "since one does not fit PCRE2's 64K limit), compiled and JIT-compiled in %.2fs CPU; %d extractions",
  nregex, #list_chunks, t_compile, total))
