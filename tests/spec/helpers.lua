--- Helpers shared by the specs: temporary rule files and short views of
-- extractions.
local trawl = require "trawl"

local helpers = {}

local tmpfiles = {}

--- Write content to a fresh temporary file; returns its path.
function helpers.tmpfile(content)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  tmpfiles[#tmpfiles + 1] = path
  return path
end

--- Remove the files tmpfile made.
function helpers.remove_tmpfiles()
  for _, p in ipairs(tmpfiles) do os.remove(p) end
  tmpfiles = {}
end

--- Load a rule file written from src: the rule set (or nil, message) and
-- the file's path.
function helpers.load_src(src)
  local path = helpers.tmpfile(src)
  local rs, err = trawl.load(path)
  return rs, err, path
end

--- "rule:text@start" for each extraction, in the order given.
function helpers.brief(xs)
  local out = {}
  for i, x in ipairs(xs) do out[i] = x.rule .. ":" .. x.text .. "@" .. x.start end
  return out
end

--- The extraction of xs with this text, or nil.
function helpers.find(xs, text)
  for _, x in ipairs(xs) do if x.text == text then return x end end
  return nil
end

--- The 1-based line of src that holds needle.
function helpers.line_of(src, needle)
  local at = assert(src:find(needle, 1, true), needle)
  local _, breaks = src:sub(1, at):gsub("\n", "")
  return breaks + 1
end

return helpers
