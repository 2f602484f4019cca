-- rules see no io, os, debug or package
rule {
  name = "escape",
  type = "x",
  regex = [[tanks]],
  action = function() return { f = io.open("/etc/passwd") } end,
}
