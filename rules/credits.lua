-- Credits: the photo, video and graphic credits that news pages embed in
-- the text (guide, section 3): a line that opens with the credit and goes
-- on, after a dash, with the caption:
--
--   PHOTO/ Korean Central News Agency/Korea News Service via AP  -  Test ...
--   AFP PHOTO / HO / IRANIAN ARMY OFFICE - This handout image ...
--   AP/FILE - Three men ...
--
-- The span is the credit, up to (not including) the spaces and the dash
-- before the caption. Credits are not sources, and an agency in a dateline
-- ("KYIV, Nov 4 (Reuters) - ", "LONDON (AFP) - ") is neither (section 2.1).
--
-- How a line is told from a dateline or a sentence that happens to hold a
-- dash: the regex takes a line-initial run of words, parentheses and
-- credit separators (/ : | and ", File") that ends at " - ", " – ", " — "
-- (or at the end of the line); no comma, quote or sentence punctuation may
-- come before the dash, which already rules out "KYIV, Nov 4 (Reuters) -"
-- and most sentences. The action then asks for
--   * a credit word outside parentheses: an agency or picture service
--     (lists/credit_words.txt) or a word such as PHOTO, FILE, HO, HANDOUT,
--     POOL, VIDEO, GRAPHIC, written with a capital ("PHOTO", "Photo"), and
--   * the shape of a credit: parts joined by "/", "via", ":" or "|"
--     ("PHOTO/REUTERS", "YURI KADOBNOV via AP", "Photo: Reuters"), or else
--     one part made of credit words only, an agency with a word such as
--     PHOTO or two such words ("AFP PHOTO", "Getty Images", "FILE PHOTO").
-- So "SYDNEY/WASHINGTON - " (a dateline with two places), "ADDIS ABABA - ",
-- "PRESS RELEASE - " and "Five Czech defence companies - ..." are not
-- credits: they hold no credit word; nor are "Reuters - The company
-- said ..." (an agency alone), "FILE PHOTO: A soldier in ..." (a caption
-- after the colon), "Reuters/Ipsos poll - ", "By Jane Doe/Reuters - ".
-- A line with no caption after it is a credit only when it holds a "/"
-- ("REUTERS/Gleb Garanich").
--
-- Fields: `agency`, the agency the picture came through as written (the
-- one after "via", else the first one named), when the line names one.

local agencies = words "lists/credit_words.txt"

-- words that say what the credited thing is, or how it was obtained
local KIND = {
  photo = true, photos = true, photograph = true, photographs = true,
  picture = true, pictures = true, image = true, images = true,
  file = true, handout = true, ho = true, pool = true, courtesy = true,
  credit = true, credits = true, video = true, videos = true,
  screengrab = true, screenshot = true, still = true, graphic = true,
  graphics = true, infographic = true, illustration = true, map = true,
  stringer = true, staff = true,
}
-- words that make a line a poll, a story label or a byline, not a credit
-- ("Reuters/Ipsos poll - ", "EXCLUSIVE/...", "By Jane Doe/Reuters - ")
local NOT = { poll = true, polls = true, survey = true, interview = true,
              analysis = true, exclusive = true, explainer = true,
              factbox = true, live = true, opinion = true, editorial = true }
-- words after which "by" introduces the photographer ("Photo by ...")
local BY = { photo = true, photograph = true, picture = true, image = true,
             video = true, graphic = true, illustration = true, map = true }

local SP = [=[[ \t\x{A0}]]=]
local WORD = [=[[\p{L}\p{N}©][\p{L}\p{M}\p{N}'’.&-]*]=]
local PAREN = [=[\([^()\n]{1,80}\)]=]
local ITEM = "(?:" .. WORD .. "|" .. PAREN .. ")"
local GAP = "(?:" .. SP .. "*[/|:]" .. SP .. "*|" .. SP .. "+|,"
            .. SP .. "*(?=(?i:file|pool|handout)\\b))"
local DASH = "(?:--?|\226\128\147|\226\128\148)"
local REGEX = "^(?<span>(?>" .. ITEM .. "(?:" .. GAP .. ITEM .. "){0,30}))"
              .. "(?=" .. SP .. "+" .. DASH .. "(?:" .. SP .. "|$)|(?<eol>" .. SP .. "*$))"

-- is `w`, a word of the credit (as written), a credit word of `set`?
-- Short entries (AP, AFP, HO, dpa) must be in one case.
local function in_set(set, w)
  local low = w:lower()
  if not set[low] then return false end
  if #w <= 3 then return w == low or w == w:upper() end
  return true
end

-- the longest phrase of the agency list that starts at word i
local function agency_at(ws, i)
  local best
  local phrase = ""
  for j = i, math.min(#ws, i + 3) do
    phrase = (j == i) and ws[j] or phrase .. " " .. ws[j]
    if (j > i or in_set(agencies, ws[j])) and agencies[phrase:lower()] then best = j end
  end
  return best
end

-- the words of a credit, without separators, "©" and a final "."
local function words_of(text)
  local ws = {}
  for w in text:gsub("\194\169", " "):gsub("\194\160", " "):gmatch("[^%s/|:,]+") do
    ws[#ws + 1] = (w:gsub("%.$", ""))
  end
  return ws
end

-- does the text name an agency?
local function has_agency(text)
  local ws = words_of(text)
  for i = 1, #ws do
    if agency_at(ws, i) and (ws[i]:find("^%u") or ws[i] == "dpa") then return true end
  end
  return false
end

local function credit(m)
  local span = m.groups.span.text
  -- parentheses explain a name ("WANA (West Asia News Agency)") or carry a
  -- dateline's agency ("SYDNEY/WASHINGTON (Reuters)"): not credit words
  local bare = span:gsub("%b()", " ")
  -- the words, and whether parts are joined as in a credit
  local ws = words_of(bare)
  if #ws == 0 or ws[1]:lower() == "by" then return nil end
  for _, w in ipairs(ws) do
    if NOT[w:lower()] then return nil end
  end
  local joined = bare:find("[/|:]") ~= nil

  local agency, after_via, cue, kinds, only_credit = nil, nil, false, 0, true
  local i = 1
  while i <= #ws do
    local w, low = ws[i], ws[i]:lower()
    local j = agency_at(ws, i)
    local capital = w:find("^%u") or w == "dpa"
    if j and capital then
      local name = table.concat(ws, " ", i, j)
      cue = true
      agency = agency or name
      for k = i, j do if KIND[ws[k]:lower()] then kinds = kinds + 1 end end
      if i > 1 and ws[i - 1]:lower() == "via" then after_via = name end
      i = j + 1
    else
      if low == "via" and i > 1 and i < #ws then
        joined = true
        only_credit = false
      elseif low == "by" and i > 1 and BY[ws[i - 1]:lower()] and i < #ws then
        joined = true
        only_credit = false
      elseif capital and in_set(KIND, w) then
        cue, kinds = true, kinds + 1
      else
        only_credit = false
      end
      i = i + 1
    end
  end
  if not cue then return nil end
  -- one part: credit words only, an agency with a word that says what it
  -- credits, or two such words ("AFP PHOTO", "Getty Images", "FILE PHOTO";
  -- not "Reuters - The company said", nor a label such as "VIDEO - ")
  if not joined and not (only_credit and (agency and kinds >= 1 or kinds >= 2)) then
    return nil
  end
  -- "Photo: ..." names the photographer or the agency; "FILE PHOTO: A
  -- Russian soldier ..." is a caption
  local after = bare:match("^[^:]*:(.*)$")
  if after and not after:find("[/|]") and not has_agency(after) then
    local n = 0
    for w in after:gmatch("%S+") do
      n = n + 1
      if not w:find("^%u") and w ~= "via" and w ~= "by" then return nil end
    end
    if n > 4 then return nil end
  end
  -- a line with no caption after it must be a credit of several parts
  if m.groups.eol and not span:find("/") then return nil end
  return { agency = after_via or agency }
end

rule {
  name = "credit.line",
  type = "credit",
  phase = "credits",
  regex = REGEX,
  flags = "m",
  action = credit,
  doc = "a photo, video or graphic credit that opens a line, before the dash of the caption",
  examples = {
    { "PHOTO/ Korean Central News Agency/Korea News Service via AP  -   Test firing of a missile.", {
      { text = "PHOTO/ Korean Central News Agency/Korea News Service via AP", agency = "AP" } } },
    { "Text.\n\nAFP/AFP - Graph on missile launches since 2012\n", {
      { text = "AFP/AFP", agency = "AFP" } } },
    { "Iranian military/WANA (West Asia News Agency)/Propaganda via REUTERS - A view of a drone.", {
      { text = "Iranian military/WANA (West Asia News Agency)/Propaganda via REUTERS", agency = "REUTERS" } } },
    { "AFP PHOTO / HO / IRANIAN ARMY OFFICE \226\128\147 This handout image shows a drone.", {
      { text = "AFP PHOTO / HO / IRANIAN ARMY OFFICE", agency = "AFP" } } },
    { "PHOTO/YURI KADOBNOV via AP - Putin and Kim walk alongside honor guard officers.", {
      { text = "PHOTO/YURI KADOBNOV via AP", agency = "AP" } } },
    { "AP/FILE \226\128\148 Three men photographed in an undated image.", { { text = "AP/FILE" } } },
    { "PHOTO/EASTERN THEATRE COMMAND - Map of the exercise zones.", {
      { text = "PHOTO/EASTERN THEATRE COMMAND", agency = false } } },
    { "EPA-EFE/SERGEY DOLZHENKO - A tank in Donetsk.", { { text = "EPA-EFE/SERGEY DOLZHENKO", agency = "EPA-EFE" } } },
    { "Photo: Evan Vucci/AP - The president speaks.", { { text = "Photo: Evan Vucci/AP" } } },
    { "AP Photo/Evan Vucci, File - The president speaks.", { { text = "AP Photo/Evan Vucci, File" } } },
    { "Getty Images - Soldiers on parade.", { { text = "Getty Images" } } },
    { "Caption first.\nREUTERS/Gleb Garanich\nNext paragraph - with a dash.", {
      { text = "REUTERS/Gleb Garanich", agency = "REUTERS" } } },
    { "ANADOLU AGENCY via Getty Images - A rally.", {
      { text = "ANADOLU AGENCY via Getty Images", agency = "Getty Images" } } },
    { "Photo by Sergei Supinsky/AFP via Getty Images - Kyiv at night.", {
      { text = "Photo by Sergei Supinsky/AFP via Getty Images", agency = "Getty Images" } } },
    { "Satellite image \194\1692024 Maxar Technologies/Handout via REUTERS - Damage at the base.", {
      { text = "Satellite image \194\1692024 Maxar Technologies/Handout via REUTERS", agency = "REUTERS" } } },
    { "FILE PHOTO - A soldier in 2023.", { { text = "FILE PHOTO", agency = false } } },
    { "AFP PHOTO - Troops on parade.", { { text = "AFP PHOTO", agency = "AFP" } } },
    -- a caption label, a section label, an agency opening a story: not credits
    { "VIDEO - Watch the launch.", {} },
    { "Reuters/Ipsos poll - Most Americans back the aid.", {} },
    { "By Jane Doe/Reuters - Russia said on Monday.", {} },
    { "FILE PHOTO: A Russian soldier in Bakhmut - seen in 2023.", {} },
    { "Reuters - The company said on Monday it would cut jobs.", {} },
    -- datelines are neither sources nor credits
    { "KYIV, Nov 4 (Reuters) - Russia launched drones overnight.", {} },
    { "DAKAR, June 8 (AFP) - Wagner has wound up its operations.", {} },
    { "LONDON (AP) - The ministry said on Monday.", {} },
    { "SYDNEY/WASHINGTON - A review of the pact came down in favour.", {} },
    { "MOSCOW/KYIV (Reuters) \226\128\147 Talks resumed.", {} },
    { "ADDIS ABABA - The conflict may have killed 600,000 people.", {} },
    { "PRESS RELEASE - Warsaw, 1 August 2025", {} },
    -- sentences with a dash, agencies inside the text
    { "Five Czech defence companies - CSG, STV Group and Omnipol - are involved.", {} },
    { "The strike killed 12 people, Reuters reported - a figure AFP could not confirm.", {} },
    { "The drones were shot down (AFP) and the talks resumed.", {} },
    { "01:45 - India's Defence Ministry says the armed forces hit nine sites.", {} },
    { "Putin met Kim via video link - the first such call.", {} },
  },
}
