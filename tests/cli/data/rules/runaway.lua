-- an endless loop in an action is stopped by the instruction budget
rule {
  name = "spin",
  type = "x",
  regex = [[tanks]],
  action = function()
    local n = 0
    while true do n = n + 1 end
  end,
}
