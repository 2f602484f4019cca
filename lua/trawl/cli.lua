--- The trawl command: options, the run over every input document, and the
-- `test` subcommand. Exit status: 0 success, 1 some documents failed
-- (reported, the run continued), 2 usage or rule-load error.
local trawl = require "trawl"
local input = require "trawl.input"
local output = require "trawl.output"
local explain = require "trawl.explain"
local eval = require "trawl.eval"
local json = require "trawl.json"

local cli = {}

local USAGE = [[
usage: trawl [options] [FILE|DIR|-]...
       trawl test [--rules PATH]... [RULES]...
       trawl explain [--rules PATH]... [--rule NAME] TEXT|FILE|-
       trawl eval --gold GOLD.jsonl [--rules PATH]... [--show-errors N] [FILE|DIR]...

Extract sources and military figures from news text with Lua rules.
Reads text files (doc id: the file name without extension), folders
(recursively, *.txt), standard input (- or no FILE) and JSON Lines
({"id": ..., "text": ...}, by the .jsonl extension or --input jsonl).

options:
  -r, --rules PATH      rule file or folder; repeatable (default: the rule
                        packs shipped with trawl)
  -f, --format FMT      jsonl (default), tsv or pretty
      --input KIND      text or jsonl (default: by file extension)
      --ext EXT         file extension read in folders (default: txt)
      --id-field NAME   JSON Lines field with the doc id (default: id)
      --text-field NAME JSON Lines field with the text (default: text)
      --types LIST      only these types, comma-separated (figure,source)
      --color WHEN      pretty colours: auto (default), always, never
      --profile         print per-rule time, tries and matches to stderr
      --trace RULE      print what RULE matched in each document to stderr
  -h, --help            this help
  -V, --version         version

trawl test runs the examples carried by the rules (default: the shipped
packs) and prints a diff for each failure; exit status 1 when any fails.
trawl explain runs the rules on one text and shows, per rule (or only
--rule NAME), every match and what became of it, and for a pattern that
matched nowhere its longest partial match and the atom that failed.
trawl eval runs the rules over the documents and scores the extractions
against gold annotations (JSON Lines with doc, type, start, end): precision,
recall and F1 per type with partial and exact span matching, attribute
accuracy, and the first N misses and spurious hits per type (default 10).

Each JSON line has doc, type, start, end (UTF-8 byte offsets, 0-based,
end-exclusive), text (exactly the bytes [start, end) of the document), rule,
and the fields of the type.
]]

local function err(fmt, ...)
  io.stderr:write("trawl: ", string.format(fmt, ...), "\n")
end

-- options that take a value, by long name; short aliases
local VALUED = { rules = true, format = true, input = true, ext = true,
                 ["id-field"] = true, ["text-field"] = true, types = true,
                 color = true, trace = true, rule = true, gold = true,
                 ["show-errors"] = true }
local FLAGS = { help = true, version = true, profile = true }
local SHORT = { r = "rules", f = "format", h = "help", V = "version" }

--- Parse argv into options and operands; returns opts or nil, message.
function cli.parse(argv)
  local opts = { rules = {}, files = {} }
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local name, value
    if a == "--" then
      for j = i + 1, #argv do opts.files[#opts.files + 1] = argv[j] end
      break
    elseif a:find("^%-%-") then
      name, value = a:match("^%-%-([^=]+)=(.*)$")
      name = name or a:sub(3)
    elseif a:find("^%-.") then
      name = SHORT[a:sub(2)]
      if not name then return nil, "unknown option '" .. a .. "'" end
    else
      opts.files[#opts.files + 1] = a
    end
    if name then
      if VALUED[name] then
        if not value then
          i = i + 1
          value = argv[i]
          if not value then return nil, "option --" .. name .. " needs a value" end
        end
        if name == "rules" then opts.rules[#opts.rules + 1] = value
        else opts[(name:gsub("%-", "_"))] = value end
      elseif FLAGS[name] then
        if value then return nil, "option --" .. name .. " takes no value" end
        opts[name] = true
      else
        return nil, "unknown option '--" .. name .. "'"
      end
    end
    i = i + 1
  end
  return opts
end

local function check_choice(value, choices, what)
  for _, c in ipairs(choices) do if c == value then return true end end
  return nil, string.format("%s must be one of %s, not '%s'", what,
    table.concat(choices, ", "), tostring(value))
end

local function load_rules(opts, env)
  local paths = opts.rules
  if #paths == 0 then
    local dir = env.have_rules and env.rules_dir or trawl.default_rules()
    if not dir then return nil, "no rules: the default rule packs were not found; use --rules" end
    paths = { dir }
  end
  return trawl.load(paths)
end

local function type_filter(list)
  if not list then return nil end
  local set = {}
  for t in list:gmatch("[^,%s]+") do set[t] = true end
  return set
end

local function run_test(opts, env)
  for _, f in ipairs(opts.files) do opts.rules[#opts.rules + 1] = f end
  local rs, lerr = load_rules(opts, env)
  if not rs then err("%s", lerr); return 2 end
  local passed, failed, failures = rs:test()
  for _, f in ipairs(failures) do
    io.stdout:write(string.format("FAIL %s: rule '%s', example %d\n", f.where, f.rule, f.index))
    for _, line in ipairs(f.lines) do io.stdout:write("  ", line, "\n") end
  end
  io.stdout:write(string.format("%d passed, %d failed\n", passed, failed))
  return failed > 0 and 1 or 0
end

local function print_profile(rs, collected)
  for _, line in ipairs(explain.profile_lines(rs:profile(collected))) do
    io.stderr:write(line, "\n")
  end
end

local function run_explain(opts, env)
  if #opts.files ~= 1 then
    err("explain takes one TEXT, FILE or - (see trawl --help)")
    return 2
  end
  local rs, lerr = load_rules(opts, env)
  if not rs then err("%s", lerr); return 2 end
  local arg, text = opts.files[1]
  if arg == "-" then text = io.stdin:read("*a")
  else
    local f = io.open(arg, "rb")
    if f and not trawl.core.isdir(arg) then text = f:read("*a"); f:close() else text = arg end
  end
  local lines, xerr = explain.lines(rs, text, opts.rule)
  if not lines then err("%s", xerr); return 2 end
  for _, line in ipairs(lines) do io.stdout:write(line, "\n") end
  return 0
end

local function read_gold(path)
  local f, ferr = io.open(path, "rb")
  if not f then return nil, ferr end
  local rows, n = {}, 0
  for line in f:lines() do
    n = n + 1
    if line:find("%S") then
      local obj, jerr = json.decode(line)
      if type(obj) ~= "table" or obj.start == nil or obj["end"] == nil or obj.doc == nil then
        f:close()
        return nil, string.format("%s:%d: not a gold annotation%s", path, n, jerr and (": " .. jerr) or "")
      end
      rows[#rows + 1] = obj
    end
  end
  f:close()
  return rows
end

local function run_eval(opts, env)
  if not opts.gold then err("eval needs --gold GOLD.jsonl (see trawl --help)"); return 2 end
  local show = tonumber(opts.show_errors or "10")
  if not show then err("--show-errors takes a number"); return 2 end
  local gold, gerr = read_gold(opts.gold)
  if not gold then err("%s", gerr); return 2 end
  local rs, lerr = load_rules(opts, env)
  if not rs then err("%s", lerr); return 2 end
  local pred, failed = {}, 0
  input.each(#opts.files > 0 and opts.files or { "-" }, opts, function(doc, rerr)
    if not doc then err("%s", rerr); failed = failed + 1; return end
    local xs, errors = rs:run(doc.text, doc.id)
    for _, e in ipairs(errors) do err("%s", e.message) end
    if #errors > 0 then failed = failed + 1 end
    for _, x in ipairs(xs) do pred[#pred + 1] = x end
  end)
  local report, errors = eval.score(gold, pred)
  for _, line in ipairs(eval.lines(report)) do io.stdout:write(line, "\n") end
  for _, t in ipairs(eval.TYPES) do
    local list = errors[t]
    if show > 0 and #list > 0 then
      io.stdout:write("\n", t, ": ", #list, " errors", #list > show and (", first " .. show) or "", "\n")
      for i = 1, math.min(show, #list) do io.stdout:write("  ", eval.error_line(list[i]), "\n") end
    end
  end
  return failed > 0 and 1 or 0
end

local function run_extract(opts, env)
  local ok, cerr = check_choice(opts.format or "jsonl", { "jsonl", "tsv", "pretty" }, "--format")
  if ok and opts.input then ok, cerr = check_choice(opts.input, { "text", "jsonl" }, "--input") end
  if ok and opts.color then ok, cerr = check_choice(opts.color, { "auto", "always", "never" }, "--color") end
  if not ok then err("%s", cerr); return 2 end
  local rs, lerr = load_rules(opts, env)
  if not rs then err("%s", lerr); return 2 end
  local color = opts.color == "always" or ((opts.color or "auto") == "auto" and env.tty)
  local writer = output.writer(opts.format or "jsonl", io.stdout, { color = color })
  local only = type_filter(opts.types)
  local files = #opts.files > 0 and opts.files or { "-" }
  local failed = 0
  local profile = opts.profile and {} or nil
  if opts.trace and not rs.by_name[opts.trace] then
    err("--trace: no rule named '%s'", opts.trace)
    return 2
  end
  input.each(files, opts, function(doc, rerr)
    if not doc then
      err("%s", rerr)
      failed = failed + 1
      return
    end
    if opts.trace then
      io.stderr:write("== ", doc.id, "\n")
      for _, line in ipairs(explain.lines(rs, doc.text, opts.trace)) do
        io.stderr:write(line, "\n")
      end
    end
    local xs, errors = rs:run(doc.text, doc.id, { profile = profile })
    for _, e in ipairs(errors) do err("%s", e.message) end
    if #errors > 0 then failed = failed + 1 end
    if only then
      local kept = {}
      for _, x in ipairs(xs) do if only[x.type] then kept[#kept + 1] = x end end
      xs = kept
    end
    writer:doc(xs, doc)
  end)
  writer:finish()
  io.stdout:flush()
  if profile then print_profile(rs, profile) end
  return failed > 0 and 1 or 0
end

--- Entry point: argv without the program name, env from the C host
-- ({ rules_dir =, have_rules =, tty = }). Returns the exit status.
function cli.main(argv, env)
  env = env or {}
  local command = "extract"
  if argv[1] == "test" or argv[1] == "explain" or argv[1] == "eval" then
    command = table.remove(argv, 1)
  end
  local opts, perr = cli.parse(argv)
  if not opts then
    err("%s (see trawl --help)", perr)
    return 2
  end
  if opts.help then io.stdout:write(USAGE); return 0 end
  if opts.version then io.stdout:write("trawl ", trawl.version, "\n"); return 0 end
  if command == "test" then return run_test(opts, env) end
  if command == "explain" then return run_explain(opts, env) end
  if command == "eval" then return run_eval(opts, env) end
  return run_extract(opts, env)
end

return cli
