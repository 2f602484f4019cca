--- Just enough of a Lua lexer to find where the examples of a rule are
-- written in a rule file: strings (short and long), names, braces and
-- "="; comments and everything else are skipped.
local M = {}

-- the end of a long bracket opened at pos ("[[", "[==["), or nil
local function long_bracket(src, pos)
  local eq = src:match("^%[(=*)%[", pos)
  if not eq then return nil end
  local close = "]" .. eq .. "]"
  local stop = src:find(close, pos + #eq + 2, true)
  return (stop and stop + #close - 1 or #src), #eq
end

-- the end of a short string opened at pos by the quote q
local function short_string(src, pos, q)
  local i = pos + 1
  while i <= #src do
    local c = src:sub(i, i)
    if c == "\\" then
      i = i + 2
    elseif c == q or c == "\n" then
      return i
    else
      i = i + 1
    end
  end
  return #src
end

--- Iterate over the tokens of src from byte position pos (1-based):
-- kind ("string", "name", "{", "}", "=", "other"), first and last byte,
-- and for names and other tokens their text.
function M.tokens(src, pos)
  pos = pos or 1
  return function()
    while pos <= #src do
      local c = src:sub(pos, pos)
      local first = pos
      if c:find("%s") then
        pos = src:find("[^%s]", pos) or #src + 1
      elseif src:sub(pos, pos + 1) == "--" then
        local stop = long_bracket(src, pos + 2)
        pos = (stop or (src:find("\n", pos, true) or #src)) + 1
      elseif c == '"' or c == "'" then
        pos = short_string(src, pos, c) + 1
        return "string", first, pos - 1
      elseif c == "[" and src:find("^%[=*%[", pos) then
        pos = long_bracket(src, pos) + 1
        return "string", first, pos - 1
      elseif c:find("[%a_]") then
        pos = src:find("[^%w_]", pos) or #src + 1
        return "name", first, pos - 1, src:sub(first, pos - 1)
      elseif c == "{" or c == "}" or (c == "=" and src:sub(pos + 1, pos + 1) ~= "=") then
        pos = pos + 1
        return c, first, first
      elseif src:find("^[=~<>]=", pos) then
        pos = pos + 2
        return "other", first, pos - 1, src:sub(first, pos - 1)
      else
        pos = pos + 1
        return "other", first, first, c
      end
    end
  end
end

--- The string literals holding the texts of the examples of the rule
-- whose `rule {` call starts at byte position pos: a list of
-- { first, last } byte ranges, one per example in order, or nil when the
-- examples are not written as a table literal there.
--
-- An example is a table `{ "text", expected }` or `{ text = "…", … }`;
-- its text is its own first string (strings of the expected extractions
-- sit one table deeper), or the value of its `text` field.
function M.example_strings(src, pos)
  local depth, state = 0, "start"
  local prev, prev2            -- the two tokens before this one
  local out, current
  for kind, first, last, name in M.tokens(src, pos) do
    if kind == "{" then
      depth = depth + 1
      if state == "start" then
        state = "rule"                        -- the rule table
      elseif state == "rule" and depth == 2 and prev2 and prev2.name == "examples" and prev.kind == "=" then
        state, out = "examples", {}
      elseif state == "examples" and depth == 3 then
        current = {}
        out[#out + 1] = current
      end
    elseif kind == "}" then
      depth = depth - 1
      if state == "examples" and depth == 1 then return out end
      if depth <= 0 and state ~= "start" then return nil end
    elseif kind == "string" and state == "examples" and depth == 3 and current then
      local is_text = prev2 and prev2.name == "text" and prev.kind == "="
      local is_other_field = prev and prev.kind == "=" and not is_text
      if is_text or (not current.first and not is_other_field) then
        current.first, current.last = first, last
        current.named = is_text
      end
    elseif state == "start" and kind ~= "name" and kind ~= "other" then
      return nil
    end
    if state == "examples" and depth == 2 and (kind == "name" or kind == "string")
        and (prev.kind == "{" or prev.name == ",") then
      out[#out + 1] = {}    -- an example that is not a table literal (a variable, a call)
    end
    prev2, prev = prev, { kind = kind, name = name }
  end
  return nil
end

return M
