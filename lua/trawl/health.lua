-- luacheck: globals vim
--- :checkhealth trawl — is the C module there and built for Neovim's
-- LuaJIT, do the rules load, is the PCRE2 JIT available.
local M = {}

-- report functions: vim.health (0.8+; start/ok/… from 0.10) or the
-- "health" module of Neovim 0.7
local function reporter()
  local h = vim.health
  if type(h) == "table" and (h.start or h.report_start) then
    return {
      start = h.start or h.report_start, ok = h.ok or h.report_ok, info = h.info or h.report_info,
      warn = h.warn or h.report_warn, error = h.error or h.report_error,
    }
  end
  local old = require "health"
  return {
    start = old.report_start, ok = old.report_ok, info = old.report_info,
    warn = old.report_warn, error = old.report_error,
  }
end

-- the plugin's root: the folder above lua/trawl/
local function root()
  local here = debug.getinfo(1, "S").source:gsub("^@", "")
  return vim.fn.fnamemodify(here, ":p:h:h:h")
end

--- Where `require "trawl.core"` finds (or would find) the module: the
-- copies on 'runtimepath', then the one on package.cpath.
function M.module_paths()
  local found = vim.api.nvim_get_runtime_file("lua/trawl/core.so", true)
  local cp = package.searchpath and package.searchpath("trawl.core", package.cpath)
  if cp then found[#found + 1] = cp end
  return found
end

local BUILD = "make nvim"

--- What a failure to load trawl.core means, and what to do: a message and
-- a list of advice.
function M.explain_load_error(err, paths)
  err = tostring(err)
  local where = paths[1] and (" (" .. paths[1] .. ")") or ""
  local build = ("Build it for Neovim: `%s` in %s (the LuaJIT build of the module, copied to lua/trawl/core.so)")
    :format(BUILD, root())
  local symbol = err:match("undefined symbol: ([%w_]+)")
  if symbol and symbol:find("^lua") then
    return ("trawl.core%s is built for another Lua: undefined symbol %s. Neovim runs LuaJIT (the Lua 5.1 C API);"
      .. " a module built for Lua 5.4 (`make`, build/lua54/) does not load in it"):format(where, symbol),
      { build }
  elseif symbol then
    return ("trawl.core%s does not link: undefined symbol %s"):format(where, symbol),
      { "Rebuild it from a clean tree: `make clean && " .. BUILD .. "`" }
  elseif err:find("cannot open shared object file", 1, true) then
    local lib = err:match("([%w%._%-]+%.so[%.%d]*): cannot open shared object file") or "a library"
    return ("trawl.core%s needs %s, which is not installed"):format(where, lib),
      { "Install the run-time libraries: `apt-get install libpcre2-8-0 libutf8proc2` (or run tools/deps)" }
  elseif err:find("wrong ELF class", 1, true) or err:find("invalid ELF header", 1, true) then
    return ("trawl.core%s is not a library for this machine: %s"):format(where, err), { build }
  elseif err:find("module 'trawl.core' not found", 1, true) then
    return "trawl.core is not built: no lua/trawl/core.so on 'runtimepath' and none on package.cpath",
      { build }
  end
  return "trawl.core does not load: " .. err, { build }
end

local function check_module(r)
  r.start("trawl: the C module")
  if vim.fn.has("nvim-0.7") == 1 then
    r.ok("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
      .. "." .. tostring(vim.version().patch) .. ", " .. (jit and jit.version or _VERSION))
  else
    r.error("trawl needs Neovim 0.7 or newer")
  end
  local paths = M.module_paths()
  local ok, core = pcall(require, "trawl.core")
  if not ok then
    local msg, advice = M.explain_load_error(core, paths)
    r.error(msg, advice)
    return nil
  end
  r.ok(("trawl.core %s loaded%s"):format(tostring(core.version),
    paths[1] and (" from " .. paths[1]) or ""))
  if #paths > 1 then
    r.info("other copies (not used): " .. table.concat(paths, ", ", 2))
  end
  return core
end

local function check_engine(r, core)
  r.start("trawl: the engine")
  local ok, trawl = pcall(require, "trawl")
  if not ok then
    r.error("the trawl Lua modules do not load: " .. tostring(trawl))
    return nil
  end
  if trawl.version ~= core.version then
    r.warn(("trawl %s with trawl.core %s"):format(tostring(trawl.version), tostring(core.version)),
      { "Rebuild the module: `" .. BUILD .. "`" })
  else
    r.ok("trawl " .. tostring(trawl.version))
  end
  return trawl
end

local function check_rules(r, trawl)
  r.start("trawl: rules")
  local main = require "trawl.nvim"
  local paths = main.rule_paths()
  if #paths == 0 then
    r.error("no rule paths: the default packs were not found",
      { "Set them: require('trawl.nvim').setup{ rules = { 'path/to/rules' } } or :TrawlRules {path}" })
    return
  end
  local missing = false
  for _, p in ipairs(paths) do
    local st = vim.loop.fs_stat(p)
    if st then
      r.ok(("%s (%s)"):format(p, st.type == "directory" and "folder" or "file"))
    else
      r.error(p .. " does not exist", { "Fix the `rules` option of setup{} or run :TrawlRules {path}" })
      missing = true
    end
  end
  if missing then return end
  local rs, err = trawl.load(paths)
  if not rs then
    r.error("the rules do not load: " .. tostring(err))
    return
  end
  local files = {}
  for _, f in ipairs(rs.files or {}) do files[#files + 1] = f end
  r.ok(("%d rules from %d files load"):format(#rs:rules(), #files))
  local tok, passed, failed = pcall(rs.test, rs)
  if not tok then
    r.warn("the rules' examples do not run: " .. tostring(passed))
  elseif failed > 0 then
    r.warn(("examples: %d passed, %d failed"):format(passed, failed),
      { "See them with `trawl test` or :TrawlTest in the rule file" })
  else
    r.ok(("examples: %d passed"):format(passed))
  end
end

local function check_jit(r, core)
  r.start("trawl: regexes")
  local ok, re = pcall(core.regex, "a")
  if not ok or not re then
    r.error("core.regex does not work: " .. tostring(re))
    return
  end
  if type(re.jitted) ~= "function" then
    r.warn("this trawl.core cannot tell whether PCRE2 JIT is used (no jitted())",
      { "Rebuild the module: `" .. BUILD .. "`" })
  elseif re:jitted() then
    r.ok("PCRE2 JIT is available")
  else
    r.warn("PCRE2 JIT is not available: regexes run in PCRE2's interpreter (slower)",
      { "Use a libpcre2-8 built with JIT support (Debian's is)" })
  end
end

function M.check()
  local r = reporter()
  local core = check_module(r)
  if not core then return end
  local trawl = check_engine(r, core)
  check_jit(r, core)
  if trawl then check_rules(r, trawl) end
  local main = require "trawl.nvim"
  r.start("trawl: configuration")
  local auto = main.config.auto
  if auto then
    r.info(("automatic runs: filetypes %s, patterns %s, debounce %d ms"):format(
      table.concat(auto.filetypes, ","), table.concat(auto.patterns, ","), auto.debounce_ms))
  else
    r.info("automatic runs: off (setup{ auto = { filetypes = { 'text' } } } turns them on)")
  end
  r.info("types shown: " .. (main.config.types and table.concat(main.config.types, ", ") or "all"))
end

return M
