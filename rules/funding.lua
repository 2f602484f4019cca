-- Funding figures (guide, sections 1.1-1.4): money with an explicit
-- military purpose in the same phrase - "$1.2 billion in military aid",
-- "a $40bn weapons package", "defence budget of $55.3 billion", "spending
-- of 8.7 trillion yen", "250 Abrams tanks for about 4.9 billion dollars".
-- Money whose purpose is only in another sentence, damage estimates and
-- the cost of a war are not figures. An amount converted in brackets or
-- after "or" ("8.7 trillion yen ($55 billion)") is a second figure.
--
-- Amounts are <qty money> annotations from military.lua's quantity phase
-- (the number reader's currencies, and lists/funding_currencies.txt).
-- Vocabulary: lists/funding_purposes.txt, funding_deals.txt,
-- funding_operations.txt; counted military nouns from military_nouns.tsv.

phase { name = "figure_quantities", order = 24 }
phase { name = "figure_counts", order = 26 }

list { name = "funding_purposes", file = "lists/funding_purposes.txt" }
list { name = "funding_deals", file = "lists/funding_deals.txt" }
list { name = "funding_operations", file = "lists/funding_operations.txt" }

-- pattern pieces -------------------------------------------------------------

-- a word before a noun (as in military.lua), never a quantity
local MOD = [[ (?: more (?! than )
               | (?! @function_words | @military_nouns | @figure_systems | @casualty_people_plural
                   | @funding_purposes | <qty>
                   | /[a-z][A-Za-z-]*[a-rt-z]s/ | (?= @figure_demonyms ) /[A-Za-z]+s/ )
                 (?: [word] | [number] ) ) ]]

-- an amount, and its conversion: "8.7 trillion yen ($55 billion)",
-- "866 million crowns, or over 34 million euros"
local MONEY = [[ (?: <qty money> (?: "(" <qty money> ")" | "," or <qty money> )? ) ]]

-- an aside between the amount and its purpose: "940 billion yen ($6
-- billion)[, or more than a tenth of the total,] goes to ..."
local ASIDE = [[ (?: "," (?: (?! "," | $ ) . ){1,8} "," | "," )? ]]

-- what links an amount to its purpose
local TO = [[ (?: in | for | on | of | worth of
                | to (?: buy | purchase | procure | acquire | fund | finance | pay for | fit | upgrade | build
                       | develop | produce | supply | replenish | modernise | modernize | equip | arm )
                | (?: is | are | was | were | will be )? (?: earmarked | allocated | set aside | budgeted
                       | designated | reserved | requested ) (?: for | to )
                | (?: goes | go | went | will go | is going ) to ) ]]

-- the purpose: a funding phrase ("military aid") or a military noun,
-- after modifiers and at most one colon ("standoff capabilities: long-range
-- missiles")
local PURPOSE_NOUN = [[ (?: (?: (?: (?! @function_words | <qty> ) [word] ){0,3} ":" )? ]] .. MOD .. [[ {0,3}
                          (?: @military_nouns | @figure_systems ) ) ]]
local PURPOSE_PHRASE = [[ (?: the? ]] .. MOD .. [[ {0,2} @funding_purposes ) ]]

-- a link between a purpose and the amount after it: "defence budget [of]
-- $55 billion", "military spending [to] about 10 trillion yen"
local LINK = [[ (?: (?: is | was | are | were | will be | would be | has been | had been )?
                  (?: set at | planned at | estimated at | pegged at | fixed at | put at | capped at
                    | projected at | of | at | to | worth | totalling | totaling | amounting to | reached
                    | (?: rose | climbed | increased | grew | jumped | cut | reduced | slashed | lowered | raised
                      | boosted ) (?: by )? <number kind=percent>? to
                    | stood at | stands at | hit | of up to )
                | is | was | will be | would be ) ]]

-- a year after a purpose: "defence spending [in 2025] of ..."
local WHEN = [[ (?: (?: in | for ) (?: fiscal | the )? <number kind=year> | this year | next year
                  | (?: for | in ) the (?: next | coming | current ) (?: fiscal )? year ) ]]

-- helpers ---------------------------------------------------------------------

-- words that make a deal military: the one-word military nouns, and the
-- words of the funding purposes but the generic ones ("budget", "aid")
local GENERIC = { budget = true, budgets = true, spending = true, aid = true, assistance = true,
                  support = true, funding = true, financing = true, package = true, deal = true,
                  deals = true, sale = true, sales = true, contract = true, contracts = true,
                  purchases = true, procurement = true, expenditure = true, expenditures = true,
                  outlays = true, equipment = true, hardware = true, forces = true, effort = true,
                  the = true, foreign = true, security = true, lethal = true }
local MILITARY = {}
for _, line in ipairs(words "lists/funding_purposes.txt") do
  for w in line:gmatch("%S+") do
    if not GENERIC[w] then MILITARY[w] = true end
  end
end
local NOUNS = {}
for _, file in ipairs { "lists/military_nouns.tsv", "lists/figure_systems.tsv" } do
  for _, e in ipairs(entries(file)) do
    local phrase = e[1]:lower()
    if not phrase:find(" ") then MILITARY[phrase], NOUNS[phrase] = true, true end
  end
end

-- the first military noun in the dozen tokens after token i, in its
-- sentence (the last of a run: "navy boats" -> "boats")
local function noun_after(m, i)
  local toks = m.tokens
  local _, last = toks:sentence(toks:sentence_of(i))
  local k = toks:find(NOUNS, i + 1, math.min(last, i + 12))
  if not k then return nil end
  while k < last and NOUNS[toks:fold(k + 1)] do k = k + 1 end
  return toks:fold(k)
end

local QUAL = { approx = true, gt = true, ge = true, lt = true, le = true }

-- every amount the match went through, as funding figures; the first one
-- gets [start, stop) when given
local function amounts(m, unit, start, stop)
  local qs = {}
  for _, u in ipairs(m.used) do
    local a = u.annotation
    if a and a.type == "qty" and a.money then qs[#qs + 1] = a end
  end
  table.sort(qs, function(x, y) return x.start < y.start end)
  local out = {}
  for i, q in ipairs(qs) do
    local f = { category = "funding", unit = unit, currency = q.currency,
                start = q.start, ["end"] = q["end"] }
    if q.kind == "range" then f.min, f.max = q.min, q.max else f.value = q.value end
    f.qualifier = QUAL[q.qual or ""] and q.qual or nil
    if i == 1 then f.start, f["end"] = start or f.start, stop or f["end"] end
    out[#out + 1] = f
  end
  return #out > 0 and out or nil
end

local function last_word(text)
  return text:lower():match("([^%s]+)$")
end

-- rules -----------------------------------------------------------------------

rule {
  name = "funding.amount_for",
  type = "figure",
  phase = "figures",
  doc = "an amount and its purpose: '$1.2 billion in military aid', '533 billion yen is earmarked for missile defence'",
  pattern = [[ (?<money> ]] .. MONEY .. [[ ) ]] .. ASIDE .. [[ ]] .. TO
         .. [[ (?<purpose> ]] .. PURPOSE_PHRASE .. [[ ) ]],
  action = function(m)
    return amounts(m, last_word(m.groups.purpose.text), m.start, m["end"])
  end,
  examples = {
    { "Washington approved $1.2 billion in military aid.", {
      { text = "$1.2 billion in military aid", value = 1.2e9, category = "funding", currency = "USD", unit = "aid" },
    } },
    { "A further 533 billion yen ($3.37 billion) is earmarked for missile defence.", {
      { text = "533 billion yen ($3.37 billion) is earmarked for missile defence", value = 533e9, currency = "JPY" },
      { text = "$3.37 billion", value = 3.37e9, currency = "USD" },
    } },
    { "Prague set aside nearly 866 million Czech crowns, or over 34 million euros, for ammunition.", {
      { text = "nearly 866 million Czech crowns, or over 34 million euros, for ammunition", value = 866e6,
        qualifier = "approx", currency = "CZK" },
      { text = "over 34 million euros", value = 34e6, qualifier = "gt", currency = "EUR" },
    } },
    { "The charity raised $5 million in aid, and the damage reached $2 billion.", {} },
  },
}

rule {
  name = "funding.amount_for_thing",
  type = "figure",
  phase = "figures",
  doc = "an amount for military things: '576 million euros for 180,000 shells', '$1 million for navy boats'",
  -- the things are a figure of their own: the span stops at the amount
  pattern = [[ (?<money> ]] .. MONEY .. [[ ) (?= ]] .. ASIDE .. [[ ]] .. TO
         .. [[ (?: <count category> | ]] .. PURPOSE_NOUN .. [[ ) ) ]],
  action = function(m)
    return amounts(m, noun_after(m, m.last))
  end,
  examples = {
    { "Germany pledged 576 million euros for 180,000 shells.", {
      { text = "576 million euros", value = 576e6, category = "funding", currency = "EUR" },
      { text = "180,000 shells", value = 180000, category = "munitions" },
    } },
    { "Manila asked China to pay $1 million for navy boats.", {
      { text = "$1 million", value = 1e6, category = "funding", unit = "boats" },
    } },
    { "It will spend 314.8 billion yen ($2 billion) on three destroyers.", {
      { text = "314.8 billion yen", value = 314.8e9, currency = "JPY" },
      { text = "$2 billion", value = 2e9 },
      { text = "three destroyers", value = 3, category = "equipment" },
    } },
    { "Britain is spending £6 billion on shipyard upgrades and $5 million on 50 countries.", {} },
  },
}

rule {
  name = "funding.amount_purpose",
  type = "figure",
  phase = "figures",
  doc = "an amount before its purpose noun: '$55 billion defence budget', 'a $40bn weapons package'",
  pattern = [[ (?<money> ]] .. MONEY .. [[ ) (?<purpose> ]] .. MOD .. [[ {0,2} @funding_purposes
               | (?<deal> (?: ]] .. MOD .. [[ | @military_nouns | @figure_systems ){0,3} @funding_deals )
                 (?: (?: of | for ) ]] .. MOD .. [[ {0,3}
                     (?: @funding_purposes | @military_nouns | @figure_systems ) )? ) ]],
  action = function(m)
    local g = m.groups
    if g.deal then
      -- a deal is military only with a military word: "a $2bn drone deal",
      -- "a $40bn package of weapons"
      if not m.tokens:find(MILITARY, g.deal.first, m.last) then return nil end
      local unit = g.deal.text:lower():match("([^%s]+)$")
      return amounts(m, unit, m.start, m["end"])
    end
    return amounts(m, last_word(g.purpose.text), m.start, m["end"])
  end,
  examples = {
    { "Japan approved a record $55 billion defence budget.", {
      { text = "$55 billion defence budget", value = 55e9, category = "funding", unit = "budget" },
    } },
    { "He announced a $40bn weapons package and a $40bn package of weapons.", {
      { text = "$40bn weapons package", value = 40e9, unit = "package" },
      { text = "$40bn package of weapons", value = 40e9, unit = "package" },
    } },
    { "It signed a $2bn trade deal and a $300m housing package.", {} },
  },
}

rule {
  name = "funding.amount_deal_for",
  type = "figure",
  phase = "figures",
  doc = "an amount, a deal and its military object: 'a 450 billion rupee contract for 97 fighter jets'",
  -- the object is a figure of its own: the span stops at the deal noun
  pattern = [[ (?<money> ]] .. MONEY .. [[ ) (?<deal> ]] .. MOD .. [[ {0,2} @funding_deals )
               (?= (?: of | for )
                   (?: <count category> | ]] .. MOD .. [[ {0,3} (?: @military_nouns | @figure_systems ) ) ) ]],
  action = function(m)
    return amounts(m, last_word(m.groups.deal.text), m.start, m["end"])
  end,
  examples = {
    { "It approved a 450 billion rupee contract for 97 fighter jets.", {
      { text = "450 billion rupee contract", value = 450e9, currency = "INR", unit = "contract" },
      { text = "97 fighter jets", value = 97, category = "equipment" },
    } },
  },
}

rule {
  name = "funding.purpose_amount",
  type = "figure",
  phase = "figures",
  doc = "a purpose noun, then the amount: 'defence budget of $55.3 billion', "
     .. "'military spending to about 10 trillion yen'",
  pattern = [[ (?<purpose> @funding_purposes ) ]] .. WHEN .. [[ ? ]] .. LINK .. [[ ? (?<money> ]] .. MONEY .. [[ ) ]],
  action = function(m)
    local unit = last_word(m.groups.purpose.text)
    return amounts(m, unit, m.start, nil)
  end,
  examples = {
    { "The Cabinet signed off on defence spending of 8.7 trillion yen ($55 billion) for next year.", {
      { text = "defence spending of 8.7 trillion yen", value = 8.7e12, currency = "JPY", unit = "spending" },
      { text = "$55 billion", value = 55e9, currency = "USD" },
    } },
    { "India's defence budget for 2024-25 was set at 6.2 trillion rupees ($74.8 billion).", {
      { text = "defence budget for 2024-25 was set at 6.2 trillion rupees", value = 6.2e12, currency = "INR" },
      { text = "$74.8 billion", value = 74.8e9, currency = "USD" },
    } },
    { "It aims to lift annual military spending to about 10 trillion yen.", {
      { text = "military spending to about 10 trillion yen", value = 10e12, qualifier = "approx" },
    } },
    { "Its 2024 defence budget rose 150% to $40 billion; its military budget was cut by 10% to $7 billion.", {
      { text = "defence budget rose 150% to $40 billion", value = 40e9 },
      { text = "military budget was cut by 10% to $7 billion", value = 7e9 },
    } },
    { "A budget of more than 1.5bn euros; defence spending is 4.7% of GDP.", {} },
  },
}

rule {
  name = "funding.thing_cost",
  type = "figure",
  phase = "figures",
  doc = "what military things cost: '250 Abrams tanks for about 4.9 billion dollars', "
     .. "'drones, each costing about $30 million'",
  -- ("sold 30 F-16s [to Greece in 2019] for $1.5 billion": a buyer or a
  -- year may come before "for")
  pattern = [[ (?<= (?: @military_nouns | @figure_systems | <number kind=model> )
                    (?: ","? each? (?: costing | costs | cost | worth | valued at | priced at | at a cost of
                                     | at a price of )
                      | (?: (?: to | from | in | by ) the? (?: [cap] | <number kind=year> ){1,3} ){0,2} for ) )
               (?<money> ]] .. MONEY .. [[ ) ]],
  action = function(m)
    return amounts(m, "cost", nil, nil)
  end,
  examples = {
    { "Poland ordered 250 Abrams tanks for about 4.9 billion dollars.", {
      { text = "250 Abrams tanks", value = 250, category = "equipment" },
      { text = "about 4.9 billion dollars", value = 4.9e9, qualifier = "approx", category = "funding" },
    } },
    { "The militants brought down seven MQ-9 Reaper drones, each costing about $30 million.", {
      { text = "seven MQ-9 Reaper drones", category = "equipment" },
      { text = "about $30 million", value = 30e6, category = "funding" },
    } },
    { "Each Su-35 costs about $85 million; it sold 30 F-16s to Greece in 2019 for $1.5 billion.", {
      { text = "about $85 million", value = 85e6, category = "funding" },
      { text = "30 F-16s", category = "equipment" },
      { text = "$1.5 billion", value = 1.5e9, category = "funding" },
    } },
    { "The house was sold for $3 million; tanks arrived and the city paid for $2 million of repairs.", {} },
  },
}

rule {
  name = "funding.operation_cost",
  type = "figure",
  phase = "figures",
  doc = "what a military operation cost: 'the strikes alone cost close to $1 billion'",
  pattern = [[ (?<= @funding_operations (?: alone | so far | already | together )? (?: has | have | had | will )? )
               (?: cost | costs | costing ) (?: about | some )? (?<money> ]] .. MONEY .. [[ ) ]],
  action = function(m)
    return amounts(m, "cost", nil, nil)
  end,
  examples = {
    { "The first three weeks of strikes alone cost close to $1 billion.", {
      { text = "close to $1 billion", value = 1e9, qualifier = "approx", category = "funding" },
    } },
    { "The conflict had cost the two countries more than $3 billion.", {} },
  },
}

rule {
  name = "funding.deal_value",
  type = "figure",
  phase = "figures",
  doc = "the value of a deal for military things, in one sentence: 'the agreement, with a value "
     .. "exceeding 6 billion euros, covers 81 support vehicles'",
  -- a deal word before it in the sentence, and a military noun anywhere in it
  pattern = [[ (?<= @funding_deals (?: (?! ^ ) . )*? (?: value | valued | worth | price | priced )
                    (?: of | at | is | was )? )
               (?<money> ]] .. MONEY .. [[ )
               (?: (?<= (?: @military_nouns | @figure_systems | arms | weapons | ammunition ) (?: (?! ^ ) . )* )
                 | (?= (?: (?! $ ) . )* (?: @military_nouns | @figure_systems | arms | weapons | ammunition ) ) ) ]],
  action = function(m)
    return amounts(m, "value", nil, nil)
  end,
  examples = {
    { "The agreement, with a value exceeding 6 billion euros, also covers 81 support vehicles.", {
      { text = "exceeding 6 billion euros", value = 6e9, qualifier = "gt", category = "funding", currency = "EUR" },
      { text = "81 support vehicles", category = "equipment" },
    } },
    { "Defense News reported a contract value of $320m.", {} },
  },
}
