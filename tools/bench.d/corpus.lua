--- Generate the benchmark corpus: news-like documents from word lists,
-- with a fixed-seed PRNG, so every run and every machine gets the same
-- bytes.
--
--   lua5.4 tools/bench.d/corpus.lua OUTDIR TARGET_BYTES LIST
--
-- Writes OUTDIR/docNNNN.txt (5-50 KB each, until TARGET_BYTES in all) and
-- LIST (their file names, one a line). Prints "DOCS BYTES".
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local vocab = require "vocab"

local outdir, target, list_path = arg[1], tonumber(arg[2]), arg[3]
assert(outdir and target and list_path, "usage: corpus.lua OUTDIR TARGET_BYTES LIST")

local R = vocab.rng(0xC0FFEE2024)
local pick, chance, int = R.pick, R.chance, R.int

local function split(s)
  local t = {}
  for w in s:gmatch("[^|]+") do t[#t + 1] = w:match("^%s*(.-)%s*$") end
  return t
end

local function cap(s) return (s:gsub("^%l", string.upper)) end

-- the words of the news --------------------------------------------------

local COUNTRY = split [[ Russia | Ukraine | the United States | Britain | France | Germany | Poland |
  China | Iran | Israel | Turkey | India | Japan | South Korea | North Korea | Sweden | Finland |
  the Netherlands | Italy | Spain | Canada | Belarus | Georgia | Romania | Latvia | Lithuania |
  Estonia | Norway | Denmark | Hungary ]]
local PLACE = split [[ Kyiv | Kharkiv | Odesa | Zaporizhzhia | Bakhmut | Avdiivka | Crimea | the Donbas |
  Belgorod | Kursk | Rostov | Minsk | Vilnius | Riga | Tallinn | Warsaw | Rzeszow | Gdansk |
  the Baltic Sea | the Black Sea | the Sea of Azov | the Suwalki Gap | Kaliningrad | Taiwan |
  the South China Sea | the Korean Peninsula | Pyongyang | Tehran | Gaza | the Golan Heights |
  Sevastopol | Mariupol | Kherson | Dnipro | Lviv | the Arctic | Murmansk | Narva ]]
local GOV = split [[ the Pentagon | the Kremlin | the White House | Downing Street | the Elysee |
  the Ministry of Defence | the Defence Ministry | the State Department | NATO | the European Union |
  the General Staff | the Foreign Ministry | Beijing | Moscow | Washington | Kyiv | Berlin |
  Paris | London | Tehran | the Israel Defense Forces | the Ukrainian General Staff ]]
local MEDIA = split [[ Reuters | the Associated Press | The New York Times | the BBC | Bloomberg |
  The Washington Post | the Financial Times | Le Monde | Der Spiegel | Al Jazeera | CNN |
  The Wall Street Journal | The Guardian | Politico | Tass | RIA Novosti | Interfax | Kyodo ]]
local ORG = split [[ the Institute for the Study of War | the International Institute for Strategic Studies |
  the Stockholm International Peace Research Institute | Oryx | the Royal United Services Institute |
  the Kiel Institute | Amnesty International | the United Nations | the Red Cross | Human Rights Watch |
  the Centre for Strategic and International Studies | the Atlantic Council | Janes ]]
local FIRST = split [[ Ivan | Olena | John | Mary | Oleksandr | Sergei | Anna | Mark | Lloyd | Jens |
  Ursula | Emmanuel | Olaf | Rishi | Boris | Dmitry | Yuri | Kateryna | Petr | Hanna | Mason |
  Michael | Laura | Andrzej | Kaja | Gabrielius | Antony | Sarah | Tomas | Pavel | Grant | Rob ]]
local LAST = split [[ Petrov | Kovalenko | Smith | Johnson | Shevchenko | Ivanov | Brown | Austin |
  Stoltenberg | Clark | Nechaev | Peskov | Kuleba | Budanov | Zaluzhny | Syrskyi | Shoigu |
  Gerasimov | Milley | Kirby | Blinken | Sullivan | Duda | Kallas | Landsbergis | Pistorius |
  Macron | Scholz | Sunak | Wallace | Shapps | Reznikov | Umerov | Lee | Kim | Tanaka ]]
local ROLE = split [[ a spokesman for the ministry | the defence minister | a senior military official |
  the head of military intelligence | a former general | an analyst at the institute |
  the commander of the ground forces | a researcher who studies the region | the deputy foreign minister |
  the chief of the general staff | a senior fellow at the think tank | the national security adviser ]]
local SAYS = split [[ said | told reporters | said on Tuesday | said in a statement | added |
  told a news conference | wrote on social media | said late on Friday | confirmed | claimed ]]
local ANON = split [[ officials said | two people familiar with the matter said | a Western official said |
  US intelligence officials said | diplomats said | military sources said | analysts said |
  a senior NATO official said | people briefed on the plans said ]]
local MONTH = split [[ January | February | March | April | May | June | July | August | September |
  October | November | December ]]
local DAY = split [[ Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday ]]
local MILNOUN = split [[ troops | soldiers | servicemen | fighters | aircraft | warplanes | tanks |
  armoured vehicles | artillery shells | rounds of ammunition | drones | missiles | rocket launchers |
  air-defence systems | howitzers | warships | personnel | pieces of military equipment |
  self-propelled guns | anti-tank weapons | Leopard 2 tanks | F-16 jets | Patriot batteries |
  Shahed drones | Iskander missiles | 155mm shells | Bradley fighting vehicles | HIMARS launchers ]]
local CASUAL = split [[ killed | wounded | captured | killed or wounded | missing | evacuated ]]
local WORDNUM = split [[ two | three | four | five | six | seven | eight | nine | ten | a dozen |
  several dozen | two dozen | a hundred | a few hundred | a handful of ]]
local VAGUE = split [[ tens of thousands of | hundreds of | thousands of | dozens of | hundreds of thousands of |
  millions of | scores of ]]
local QUAL = split [[ more than | over | about | around | nearly | almost | at least | up to | some |
  roughly | fewer than | as many as | an estimated | close to ]]
local TIME = split [[ on Monday | on Tuesday | last week | this month | in recent days | overnight |
  since February | in the past year | by the end of the year | earlier this year | over the weekend ]]
local FILLER = split [[
  talks between the two sides are expected to resume next week |
  the government has denied any involvement in the incident |
  markets fell sharply after the announcement |
  the decision drew criticism from opposition lawmakers |
  air raid sirens sounded across the region for several hours |
  the mayor said power had been restored to most homes |
  parliament is due to vote on the budget before the summer recess |
  the embassy advised citizens to leave the country as soon as possible |
  satellite images showed new construction at the site |
  the aid convoy was turned back at the border crossing |
  negotiators met behind closed doors for the third day running |
  the president is expected to address the nation on Sunday |
  schools in the area were closed as a precaution |
  the minister's visit had been kept secret for security reasons |
  energy prices have risen steadily since the start of the war |
  residents described hearing loud explosions shortly after midnight |
  the agency's report has not been independently verified |
  the summit ended without a joint statement |
  rail links to the city were cut for much of the day |
  the ceasefire appeared to be holding on Thursday evening |
  officials declined to comment on the details of the agreement |
  the alliance will hold its annual exercises in the north |
  the grain corridor reopened after a pause of two weeks |
  insurance costs for ships in the area have tripled ]]

-- numbers in the forms news uses --------------------------------------------

local function thousands(n)
  local s = tostring(n)
  local out = s:reverse():gsub("(%d%d%d)", "%1,"):reverse()
  return (out:gsub("^,", ""))
end

-- a bare number token: "7", "450", "12,000", "1.5" (as in "1.5 million")
local function num()
  local k = R.below(10)
  if k < 3 then return tostring(int(2, 99))
  elseif k < 5 then return tostring(int(100, 999))
  elseif k < 8 then return thousands(int(1, 120) * (chance(0.5) and 1000 or 100))
  else return thousands(int(1000, 250000)) end
end

-- a number expression: "more than 50,000", "1.5 million", "between 3,000 and 5,000"
local function numexpr()
  local k = R.below(20)
  if k < 8 then return num()
  elseif k < 12 then return pick(QUAL) .. " " .. num()
  elseif k < 13 then return int(1, 9) .. "." .. int(1, 9) .. " million"
  elseif k < 14 then return "between " .. thousands(int(1, 9) * 1000) .. " and " .. thousands(int(10, 20) * 1000)
  elseif k < 15 then return thousands(int(1, 9) * 1000) .. " to " .. thousands(int(10, 30) * 1000)
  elseif k < 17 then return pick(WORDNUM)
  elseif k < 18 then return pick(VAGUE)
  elseif k < 19 then return int(2, 9) .. " million"
  else return "a total of " .. num() end
end

-- what is counted: mostly the synthetic vocabulary, so the synthetic
-- rules have real matches; also the everyday military nouns
local PHRASES = vocab.phrases()
local TRIPLES, VERB_NOUNS = {}, {}
for _, r in ipairs(vocab.rules()) do
  if r.kind == "triple" then TRIPLES[#TRIPLES + 1] = r.words end
  if r.kind == "verb" then VERB_NOUNS[#VERB_NOUNS + 1] = r.words end
end
local RULE_PAIRS = vocab.RULE_PAIRS

local function origin() return cap(pick(vocab.ORIGIN)) end

local function counted()
  local k = R.below(20)
  if k < 5 then
    local p = pick(RULE_PAIRS)
    return p[1] .. " " .. p[2]
  elseif k < 8 then return pick(vocab.ADJ) .. " " .. pick(vocab.PLURAL)
  elseif k < 12 then
    -- a phrase of the list, its nationality capitalised as in print
    local p = pick(PHRASES)
    return (p:gsub("^(%l+)", function(w)
      for _, o in ipairs(vocab.ORIGIN) do if o == w then return cap(w) end end
    end))
  elseif k < 13 then
    if chance(0.5) then
      local t = pick(TRIPLES)
      return cap(t[1]) .. " " .. t[2] .. " " .. t[3]
    end
    return origin() .. " " .. pick(vocab.ADJ) .. " " .. pick(vocab.PLURAL)
  elseif k < 14 then return pick(vocab.PLURAL)
  else return pick(MILNOUN) end
end

local function figure() return numexpr() .. " " .. counted() end

local function name() return pick(FIRST) .. " " .. pick(LAST) end

-- sentences -------------------------------------------------------------------

local CLAUSES = {
  function() return pick(COUNTRY) .. " has deployed " .. figure() .. " near " .. pick(PLACE) end,
  function() return figure() .. " were " .. pick(CASUAL) .. " in " .. pick(PLACE) .. " " .. pick(TIME) end,
  function() return "the army received " .. figure() .. " and " .. figure() end,
  function()
    return pick(COUNTRY) .. " plans to send " .. figure() .. " to " .. pick(COUNTRY) .. " by " .. pick(MONTH)
  end,
  function() return "the exercise involves " .. figure() .. ", " .. figure() .. " and " .. figure() end,
  function()
    if chance(0.3) then
      local v = pick(VERB_NOUNS)
      return "the ministry said it had " .. v[1] .. " " .. num() .. " " .. v[2] .. " " .. pick(TIME)
    end
    return "the ministry said it had " .. pick(vocab.VERB) .. " " .. num() .. " " .. counted() .. " " .. pick(TIME)
  end,
  function()
    return "the " .. counted() .. " " .. pick(vocab.VERB2) .. " " .. pick(TIME) .. ", leaving "
      .. figure() .. " behind"
  end,
  function() return "its " .. counted() .. " " .. pick(vocab.PREP) .. " " .. num() .. " are ready" end,
  function() return "forces " .. pick(vocab.VERB) .. " " .. figure() .. " " .. pick(vocab.VERB2) end,
  function()
    return num() .. " " .. counted() .. " " .. pick(vocab.VERB2) .. " " .. pick(PLACE) .. " on " .. pick(DAY)
  end,
  function() return "the package includes " .. figure() .. " worth $" .. int(1, 9) .. "." .. int(1, 9) .. "bn" end,
  function() return "losses rose to " .. figure() .. ", or " .. int(5, 60) .. "% of the total" end,
  function() return pick(COUNTRY) .. "'s " .. counted() .. " " .. pick(vocab.PREP) .. " " .. num() end,
  function() return "about " .. num() .. " " .. counted() .. " " .. num() .. " km from " .. pick(PLACE) end,
  function() return "the " .. pick(LAST) .. "-class ships carry " .. figure() end,
  function() return "in " .. int(2014, 2024) .. " the brigade had " .. figure() end,
}

local function clause() return pick(CLAUSES)() end

local SENTENCES = {
  function() return cap(clause()) .. ", according to " .. pick(GOV) .. "." end,
  function() return "According to " .. pick(ORG) .. ", " .. clause() .. "." end,
  function() return cap(pick(GOV)) .. " said " .. clause() .. "." end,
  function() return cap(clause()) .. ", " .. pick(ANON) .. "." end,
  function() return name() .. ", who is " .. pick(ROLE) .. ", told " .. pick(MEDIA) .. " that " .. clause() .. "." end,
  function() return "\"" .. cap(clause()) .. ",\" said " .. name() .. ", " .. pick(ROLE) .. "." end,
  function()
    return cap(clause()) .. ", a claim that was later denied by " .. pick(GOV) .. " and " .. pick(GOV) .. "."
  end,
  function()
    return cap(pick(MEDIA)) .. " reported that " .. clause() .. ", citing " .. pick(ANON):gsub(" said$", "") .. "."
  end,
  function() return cap(pick(GOV)) .. " denied that " .. clause() .. "." end,
  function() return name() .. " " .. pick(SAYS) .. " that " .. clause() .. "." end,
  function() return cap(clause()) .. ", " .. name() .. " " .. pick(SAYS) .. "." end,
  function() return cap(clause()) .. "." end,
  function() return cap(clause()) .. "." end,
  function() return cap(pick(FILLER)) .. "." end,
  function() return cap(pick(FILLER)) .. ", " .. pick(ANON) .. "." end,
  function() return "In " .. pick(PLACE) .. ", " .. pick(FILLER) .. "." end,
}

local function sentence() return pick(SENTENCES)() end

local function headline()
  local k = R.below(3)
  if k == 0 then return cap(pick(COUNTRY)) .. " sends " .. figure() .. " to " .. pick(PLACE) end
  if k == 1 then return name() .. ": " .. cap(clause()) end
  return cap(pick(PLACE)) .. " braces for attack as " .. pick(GOV) .. " warns of escalation"
end

local function document(size)
  local parts = { headline(), "\n\n",
                  cap(pick(PLACE)):upper(), ", ", pick(MONTH), " ", tostring(int(1, 28)), " (", pick(MEDIA), ") - " }
  local len = 0
  for _, p in ipairs(parts) do len = len + #p end
  while len < size do
    local n = int(2, 5)
    for i = 1, n do
      local s = sentence()
      if i > 1 then s = " " .. s end
      parts[#parts + 1] = s
      len = len + #s
    end
    parts[#parts + 1] = "\n\n"
    len = len + 2
  end
  return table.concat(parts)
end

-- the corpus ------------------------------------------------------------------

local list = {}
local total, i = 0, 0
while total < target do
  i = i + 1
  local size = int(5 * 1024, 50 * 1024)
  local text = document(size)
  local fname = string.format("doc%04d.txt", i)
  local f = assert(io.open(outdir .. "/" .. fname, "wb"))
  f:write(text)
  f:close()
  list[#list + 1] = fname
  total = total + #text
end
local f = assert(io.open(list_path, "wb"))
f:write(table.concat(list, "\n"), "\n")
f:close()
print(#list, total)
