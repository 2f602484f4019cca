-- luacheck: read globals list
-- A fixed rule pack for the Neovim tests (tests/nvim): the tests check
-- exact positions, so they do not use the default packs, which change.
list { name = "nvim_units", entries = {
  { "troops", category = "personnel" },
  { "aircraft", category = "equipment" },
  { "tanks", category = "equipment" },
} }
