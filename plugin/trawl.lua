-- luacheck: globals vim
-- trawl: extract military figures and sources from news text (:help trawl).
-- Defines the commands only; the rest loads on first use.
if vim.g.loaded_trawl then return end
vim.g.loaded_trawl = 1

if vim.fn.has("nvim-0.7") == 0 then
  vim.api.nvim_err_writeln("trawl: needs Neovim 0.7 or newer")
  return
end

local function command(name, action, opts, desc)
  opts.desc = desc
  vim.api.nvim_create_user_command(name, function(o)
    require("trawl.nvim").command(action, o)
  end, opts)
end

command("Trawl", "run", { range = "%" },
  "trawl: run the rules on the buffer (or the range) and show the extractions")
command("TrawlClear", "clear", {}, "trawl: remove the extractions shown in the buffer")
command("TrawlRules", "rules", { nargs = "*", complete = "file" },
  "trawl: set the rule files or folders and reload them (no argument: show them)")
command("TrawlTest", "test", { bang = true },
  "trawl: check the examples of the rule file in the buffer (!: with the rule paths)")
command("TrawlExport", "export", { nargs = 1, complete = "file" },
  "trawl: write the buffer's extractions to a file as JSON Lines")
