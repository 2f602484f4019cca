rule {
  name = "broken",
  type = = "x",
}
