--- Reading documents: text files, folders of them, standard input and
-- JSON Lines. Documents are handed over one at a time, so memory is bounded
-- by the largest document, not by the input.
local core = require "trawl.core"
local json = require "trawl.json"

local input = {}

local function basename(path)
  return path:match("([^/]*)$")
end

--- The doc id of a file: its name without folder and extension.
function input.doc_id(path)
  local name = basename(path)
  return name:match("^(.+)%.[^.]*$") or name
end

local function read_all(path)
  local f, err
  if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
  if not f then return nil, err end
  local text, rerr = f:read("*a")
  if f ~= io.stdin then f:close() end
  if not text then return nil, path .. ": " .. tostring(rerr) end
  return text
end

-- every line of a JSON Lines source as a document; bad lines are errors
-- that name the file and line, and reading goes on
local function each_jsonl(path, opts, emit)
  local f, err
  if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
  if not f then return emit(nil, err) end
  local name = path == "-" and "<stdin>" or path
  local n = 0
  for line in f:lines() do
    n = n + 1
    if line:find("[^ \t\r]") then
      local obj, jerr = json.decode(line)
      local where = name .. ":" .. n
      if type(obj) ~= "table" then
        emit(nil, where .. ": not a JSON object" .. (jerr and ": " .. jerr or ""))
      else
        local text, id = obj[opts.text_field], obj[opts.id_field]
        if type(text) ~= "string" then
          emit(nil, string.format("%s: no string field '%s'", where, opts.text_field))
        else
          if id == nil then id = input.doc_id(name) .. ":" .. n end
          emit({ id = tostring(id), text = text, where = where })
        end
      end
    end
  end
  if f ~= io.stdin then f:close() end
end

local function is_jsonl(path, opts)
  return opts.input == "jsonl" or (opts.input == nil and path:find("%.jsonl$"))
end

local function each_file(path, opts, emit)
  if is_jsonl(path, opts) then return each_jsonl(path, opts, emit) end
  local text, err = read_all(path)
  if not text then return emit(nil, err) end
  emit({ id = path == "-" and "stdin" or input.doc_id(path), text = text,
         where = path == "-" and "<stdin>" or path })
end

-- a folder, recursively, in sorted order: files ending in .EXT, and
-- .jsonl files when reading JSON Lines
local function each_dir(path, opts, emit)
  local entries, err = core.listdir(path)
  if not entries then return emit(nil, err) end
  local suffix = "." .. opts.ext
  for _, e in ipairs(entries) do
    local full = path:gsub("/$", "") .. "/" .. e.name
    if e.dir then
      each_dir(full, opts, emit)
    elseif e.name:sub(-#suffix) == suffix or (opts.input == "jsonl" and e.name:find("%.jsonl$")) then
      each_file(full, opts, emit)
    end
  end
end

--- Call emit(doc) for each document named by `paths` (files, folders or
-- "-"), or emit(nil, message) for each one that cannot be read.
-- doc = { id =, text =, where = }. opts: input ("text"|"jsonl"|nil for by
-- extension), ext (folder file extension), id_field, text_field.
function input.each(paths, opts, emit)
  opts.ext = opts.ext or "txt"
  opts.id_field = opts.id_field or "id"
  opts.text_field = opts.text_field or "text"
  for _, p in ipairs(paths) do
    if p ~= "-" and core.isdir(p) then each_dir(p, opts, emit)
    else each_file(p, opts, emit) end
  end
end

return input
