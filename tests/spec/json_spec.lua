-- trawl.json: encoding extractions, decoding JSON Lines documents.
local json = require "trawl.json"
local output = require "trawl.output"

-- helpers --------------------------------------------------------------

-- decode s, which must fail; returns the message
local function decode_error(s)
  local v, err = json.decode(s)
  assert.is_nil(v, "expected a decoding error for " .. s)
  assert.are.equal("string", type(err))
  return err
end

local function array(...)
  return setmetatable({ ... }, json.array_mt)
end

describe("json.encode", function()
  describe("scalars", function()
    it("writes integers without a fraction, also when they are floats", function()
      assert.are.equal("50000", json.encode(50000))
      assert.are.equal("50000", json.encode(50000.0))
      assert.are.equal("-3", json.encode(-3))
      assert.are.equal("0", json.encode(0))
      assert.are.equal("9007199254740992", json.encode(2 ^ 53))
    end)

    it("writes fractions and huge numbers in full precision", function()
      assert.are.equal("0.5", json.encode(0.5))
      assert.are.equal("1.25", json.encode(1.25))
      assert.are.equal("1e+20", json.encode(1e20))
      assert.are.equal(0.1, tonumber(json.encode(0.1)))
    end)

    it("writes NaN and infinities as null", function()
      assert.are.equal("null", json.encode(0 / 0))
      assert.are.equal("null", json.encode(math.huge))
      assert.are.equal("null", json.encode(-math.huge))
    end)

    it("writes booleans and nil", function()
      assert.are.equal("true", json.encode(true))
      assert.are.equal("false", json.encode(false))
      assert.are.equal("null", json.encode(nil))
    end)

    it("refuses functions", function()
      local ok, err = pcall(json.encode, print)
      assert.is_false(ok)
      assert.are.equal("json: cannot encode a function", err)
    end)
  end)

  describe("strings", function()
    it("escapes quotes, backslashes and control characters", function()
      assert.are.equal([["say \"hi\"\\ \n\t\r\b\f\u0000\u001f/"]],
        json.encode('say "hi"\\ \n\t\r\b\f\0\31/'))
    end)

    it("keeps valid UTF-8 and writes each invalid byte as \\ufffd", function()
      assert.are.equal('"\208\154\208\184\209\151\208\178"', json.encode("\208\154\208\184\209\151\208\178"))
      assert.are.equal([["a\ufffd\ufffdb"]], json.encode("a\255\254b"))
      assert.are.equal([["\ufffd\ufffd"]], json.encode("\192\128"))   -- overlong
    end)
  end)

  describe("tables", function()
    it("writes sequences as arrays", function()
      assert.are.equal("[1,2,3]", json.encode({ 1, 2, 3 }))
      assert.are.equal('[["a"],{"b":1}]', json.encode({ { "a" }, { b = 1 } }))
    end)

    it("writes an empty table as an object", function()
      assert.are.equal("{}", json.encode({}))
      assert.are.equal('{"a":{}}', json.encode({ a = {} }))
      assert.are.equal("[1]", json.encode(array(1)))
    end)

    it("writes objects with their keys sorted", function()
      assert.are.equal('{"a":1,"b":2,"c":{"x":true,"y":false}}',
        json.encode({ c = { y = false, x = true }, b = 2, a = 1 }))
      assert.are.equal('{"10":1,"9":2,"B":3,"a":4}',
        json.encode({ a = 4, B = 3, ["9"] = 2, ["10"] = 1 }))
    end)

    it("puts the keys of an order list first, in that order, at the top level only", function()
      assert.are.equal('{"z":1,"a":2,"m":3,"b":4}',
        json.encode({ a = 2, b = 4, m = 3, z = 1 }, { "z", "a", "m", "missing" }))
      assert.are.equal('{"b":1,"x":{"a":2,"b":3}}',
        json.encode({ x = { b = 3, a = 2 }, b = 1 }, { "b" }))
      assert.are.equal("[1,2]", json.encode({ 1, 2 }, { "x" }))
    end)

    it("keeps the values of a table with number keys that is not a sequence", function()
      assert.are.equal('{"2":"b"}', json.encode({ [2] = "b" }))
      assert.are.equal('{"1":"a","x":1}', json.encode({ "a", x = 1 }))
      assert.are.equal('{"1":"a","2":"b","2.5":"h"}', json.encode({ "a", "b", [2.5] = "h" }))
    end)

    it("keeps every key of a table with holes and other number keys", function()
      -- its length may be 3, and it has 3 number keys: it is not [1..3]
      assert.are.equal('{"1":"a","1.5":"h","3":"c"}', json.encode({ "a", nil, "c", [1.5] = "h" }))
      assert.are.equal('{"0":"z","1":"a","3":"c"}', json.encode({ "a", nil, "c", [0] = "z" }))
    end)

    it("refuses nesting deeper than 100", function()
      local t = {}
      local inner = t
      for _ = 1, 110 do inner.k = {}; inner = inner.k end
      local ok, err = pcall(json.encode, t)
      assert.is_false(ok)
      assert.are.equal("json: nesting too deep", err)
    end)
  end)

  describe("extractions (trawl.output)", function()
    it("writes doc, type, start, end, text and rule first, then sorted fields", function()
      local x = { value = 50000, text = "50,000 troops", rule = "figure.count",
                  ["end"] = 18, start = 5, type = "figure", doc = "d1",
                  category = "personnel" }
      assert.are.equal('{"doc":"d1","type":"figure","start":5,"end":18,'
        .. '"text":"50,000 troops","rule":"figure.count","category":"personnel",'
        .. '"value":50000}', output.encode(x))
    end)
  end)
end)

describe("json.decode", function()
  describe("values", function()
    it("reads objects, arrays and literals", function()
      assert.are.same({ id = "d1", text = "Hi", n = 3, ok = true, no = false, list = { 1, "two", { 3 } } },
        json.decode(' { "id" : "d1", "text":"Hi", "n":3, "ok":true, "no":false,'
          .. ' "list":[1,"two",[3]], "gone":null }\r\n'))
    end)

    it("reads numbers", function()
      assert.are.same({ 0, -12, 1.5, -0.25, 1500, 0.02, 100 },
        json.decode("[0,-12,1.5,-0.25,1.5e3,2E-2,1e+2]"))
      assert.are.equal(50000, json.decode("50000"))
    end)

    it("marks arrays with json.array_mt", function()
      assert.are.equal(json.array_mt, getmetatable(json.decode("[]")))
      assert.are.equal(json.array_mt, getmetatable(json.decode("[1]")))
      assert.is_nil(getmetatable(json.decode("{}")))
      assert.are.equal("[[1],{}]", json.encode(json.decode("[ [ 1 ], { } ]")))
    end)

    it("round-trips what encode writes", function()
      local v = { doc = "d", start = 5, text = "a\"b\\c\n\226\128\156q\226\128\157", list = { 1, 2.5 } }
      assert.are.same(v, json.decode(json.encode(v)))
    end)
  end)

  describe("string escapes", function()
    it("reads the simple escapes", function()
      assert.are.equal('"\\/\b\f\n\r\t', json.decode([["\"\\\/\b\f\n\r\t"]]))
    end)

    it("reads \\u escapes as UTF-8", function()
      assert.are.equal("A\195\169\226\130\172\0", json.decode([["\u0041\u00e9\u20AC\u0000"]]))
    end)

    it("joins surrogate pairs", function()
      assert.are.equal("\240\159\152\128", json.decode([["\ud83d\ude00"]]))       -- U+1F600
      assert.are.equal("x\240\144\128\128y", json.decode([["x\uD800\uDC00y"]]))  -- U+10000
    end)

    it("replaces lone surrogates with U+FFFD", function()
      assert.are.equal("\239\191\189A", json.decode([["\ud83d\u0041"]]))
      assert.are.equal("\239\191\189", json.decode([["\ude00"]]))
    end)

    it("keeps raw UTF-8 and the letter z", function()
      assert.are.equal("zaz \208\154\208\184\209\151\208\178", json.decode('"zaz \208\154\208\184\209\151\208\178"'))
    end)
  end)

  describe("errors", function()
    it("return nil and a message with the 0-based byte offset", function()
      assert.are.equal("unexpected character at byte 5", decode_error('{"a":}'))
      assert.are.equal("expected ',' or ']' at byte 4", decode_error("[1,2"))
      assert.are.equal("expected ':' at byte 5", decode_error('{"a" 1}'))
      assert.are.equal("expected a key at byte 1", decode_error("{1:2}"))
      assert.are.equal("expected ',' or '}' at byte 7", decode_error('{"a":1 "b":2}'))
      assert.are.equal("unterminated string at byte 4", decode_error('"abc'))
      assert.are.equal("control character in string at byte 2", decode_error('"a\1"'))
      assert.are.equal("bad escape at byte 1", decode_error([["\x"]]))
      assert.are.equal("bad \\u escape at byte 2", decode_error([["a\u12"]]))
      assert.are.equal("bad literal at byte 0", decode_error("tru"))
      assert.are.equal("unexpected end at byte 0", decode_error(""))
      assert.are.equal("unexpected end at byte 2", decode_error("  "))
      assert.are.equal("trailing characters at byte 3", decode_error("{} x"))
    end)

    it("refuses nesting deeper than 200", function()
      assert.matches("nesting too deep at byte", decode_error(("["):rep(300)), nil, true)
    end)
  end)
end)
