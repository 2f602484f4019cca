-- trawl.cli: parsing the command line into options and operands.
local cli = require "trawl.cli"

-- helpers --------------------------------------------------------------

-- parse argv, which must succeed
local function parse(argv)
  local opts, err = cli.parse(argv)
  assert.is_table(opts, err)
  return opts
end

-- parse argv, which must fail; returns the message
local function parse_error(argv)
  local opts, err = cli.parse(argv)
  assert.is_nil(opts)
  assert.are.equal("string", type(err))
  return err
end

describe("cli.parse", function()
  it("gives empty rules and files for no arguments", function()
    assert.are.same({ rules = {}, files = {} }, parse({}))
  end)

  it("collects --rules every time it is given, in order", function()
    assert.are.same({ "a", "b", "c", "d" },
      parse({ "--rules", "a", "-r", "b", "--rules=c", "-r", "d" }).rules)
  end)

  it("reads --format=pretty and --format pretty alike", function()
    assert.are.equal("pretty", parse({ "--format=pretty" }).format)
    assert.are.equal("pretty", parse({ "--format", "pretty" }).format)
    assert.are.equal("tsv", parse({ "-f", "tsv" }).format)
  end)

  it("keeps everything after = as the value", function()
    assert.are.equal("a=b", parse({ "--rules=a=b" }).rules[1])
    assert.are.equal("", parse({ "--types=" }).types)
  end)

  it("stores the other valued options with - in their names made _", function()
    assert.are.same({
      rules = {}, files = { "in.jsonl" }, input = "jsonl", ext = "md",
      id_field = "uid", text_field = "body", types = "figure,source", color = "never",
    }, parse({ "--input", "jsonl", "--ext=md", "--id-field", "uid", "--text-field=body",
               "--types", "figure,source", "--color", "never", "in.jsonl" }))
  end)

  it("takes files and '-' as operands between options", function()
    local opts = parse({ "a.txt", "-r", "rules/", "-", "b.txt" })
    assert.are.same({ "a.txt", "-", "b.txt" }, opts.files)
    assert.are.same({ "rules/" }, opts.rules)
  end)

  it("reads the flags -h, --help, -V and --version", function()
    assert.is_true(parse({ "-h" }).help)
    assert.is_true(parse({ "--help" }).help)
    assert.is_true(parse({ "-V" }).version)
    assert.is_true(parse({ "--version" }).version)
  end)

  it("reads --profile as a flag, --trace and --rule with a rule name", function()
    assert.are.same({ rules = {}, files = { "a.txt" }, profile = true, trace = "figure.count" },
      parse({ "--profile", "--trace", "figure.count", "a.txt" }))
    assert.are.same({ rules = { "rules/" }, files = { "Some text." }, rule = "source.verb" },
      parse({ "--rules", "rules/", "--rule=source.verb", "Some text." }))
  end)

  it("ends options at --", function()
    local opts = parse({ "-f", "tsv", "--", "-r", "--format=x", "--" })
    assert.are.same({ "-r", "--format=x", "--" }, opts.files)
    assert.are.same({}, opts.rules)
    assert.are.equal("tsv", opts.format)
  end)

  describe("errors", function()
    it("refuse an unknown long option", function()
      assert.are.equal("unknown option '--bogus'", parse_error({ "--bogus" }))
      assert.are.equal("unknown option '--bogus'", parse_error({ "--bogus=1" }))
    end)

    it("refuse an unknown short option", function()
      assert.are.equal("unknown option '-x'", parse_error({ "-x" }))
      assert.are.equal("unknown option '-rfoo'", parse_error({ "-rfoo" }))
    end)

    it("ask for the value of a valued option given last", function()
      assert.are.equal("option --rules needs a value", parse_error({ "--rules" }))
      assert.are.equal("option --rules needs a value", parse_error({ "a.txt", "-r" }))
      assert.are.equal("option --format needs a value", parse_error({ "-f" }))
    end)

    it("refuse a value for a flag", function()
      assert.are.equal("option --help takes no value", parse_error({ "--help=yes" }))
      assert.are.equal("option --version takes no value", parse_error({ "--version=1" }))
      assert.are.equal("option --profile takes no value", parse_error({ "--profile=yes" }))
      assert.are.equal("option --trace needs a value", parse_error({ "--trace" }))
    end)
  end)
end)
