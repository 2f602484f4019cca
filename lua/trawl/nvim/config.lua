-- luacheck: globals vim
--- Options of require("trawl.nvim").setup{}; see :help trawl-setup.
local M = {}

local DEFAULTS = {
  rules = nil,          -- rule files or folders; nil: the default packs
  types = nil,          -- types to show, e.g. { "figure", "source" }; nil: all
  highlights = {},      -- type -> highlight group to link Trawl<Type> to
  auto = nil,           -- { filetypes = {}, patterns = {}, debounce_ms = 300 }
  virtual_text = true,  -- labels at the end of lines
  loclist = true,       -- fill the window's location list on :Trawl
}

M.DEBOUNCE_MS = 300

local function list_of_strings(v)
  if type(v) ~= "table" then return false end
  for _, s in ipairs(v) do
    if type(s) ~= "string" then return false end
  end
  return true
end

--- An absolute path, "~" expanded, without a trailing "/".
function M.abspath(p)
  local full = vim.fn.fnamemodify(vim.fn.expand(p), ":p")
  return #full > 1 and full:gsub("/$", "") or full
end

--- The default options (a fresh table).
function M.defaults()
  return vim.deepcopy(DEFAULTS)
end

--- Merge user options into the defaults, checking them. Raises an error
-- naming the option on a wrong value.
function M.resolve(opts)
  opts = opts or {}
  vim.validate {
    opts = { opts, "table" },
    rules = { opts.rules, function(v) return v == nil or type(v) == "string" or list_of_strings(v) end,
              "a path or a list of paths" },
    types = { opts.types, function(v) return v == nil or list_of_strings(v) end, "a list of type names" },
    highlights = { opts.highlights, "table", true },
    auto = { opts.auto, function(v) return v == nil or type(v) == "boolean" or type(v) == "table" end,
             "a table { filetypes, patterns, debounce_ms } or a boolean" },
    virtual_text = { opts.virtual_text, "boolean", true },
    loclist = { opts.loclist, "boolean", true },
  }
  local c = vim.tbl_deep_extend("force", M.defaults(), opts)
  if type(c.rules) == "string" then c.rules = { c.rules } end
  if c.rules then
    for i, p in ipairs(c.rules) do c.rules[i] = M.abspath(p) end
  end
  for t, g in pairs(c.highlights) do
    if type(t) ~= "string" or type(g) ~= "string" then
      error("trawl: highlights maps a type name to a highlight group name", 0)
    end
  end
  if c.auto == true then c.auto = { filetypes = { "text" } } end
  if c.auto == false then c.auto = nil end
  if c.auto then
    local a = c.auto
    vim.validate {
      ["auto.filetypes"] = { a.filetypes, function(v) return v == nil or list_of_strings(v) end, "a list" },
      ["auto.patterns"] = { a.patterns, function(v) return v == nil or list_of_strings(v) end, "a list" },
      ["auto.debounce_ms"] = { a.debounce_ms, "number", true },
    }
    a.filetypes = a.filetypes or {}
    a.patterns = a.patterns or {}
    a.debounce_ms = a.debounce_ms or M.DEBOUNCE_MS
  end
  return c
end

return M
