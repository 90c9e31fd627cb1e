/**
 * MimeDict round trips: valid blocks (folded and repeated headers, no-space separators, an empty body) and
 * invalid ones come back byte for byte; names are case-insensitive; headers named after Object.prototype
 * members are plain headers and pollute nothing — on engines that enumerate keys in other orders too.
 */
DeviceTest.define("MimeDict round trips", (t) => {
  const MimeDict = Kamaelia.MimeDict;
  const valid = [
    "Subject: hello\r\nTo: a\r\nto: b\r\n\r\nthe body\r\nline two",
    "A:tight\r\nB:\r\nC: \r\nFolded: one\r\n two\r\n\tthree\r\n\r\n",
    "\r\nbody only",
    "Z: last\r\nA: first\r\n\r\n",
  ];
  for (let i = 0; i < valid.length; i++) {
    const d = MimeDict.fromString(valid[i]);
    t.equal(d.invalid, false, "valid block " + i);
    t.equal(d.toString(), valid[i], "valid block " + i + " round trip");
  }
  const d = MimeDict.fromString(valid[0]);
  t.deepEqual(d.getAll("TO"), ["a", "b"], "repeated, case-insensitive");
  t.deepEqual(d.names(), ["Subject", "To"], "names in order of appearance");
  t.equal(MimeDict.fromString(valid[1]).get("folded"), "one\r\n two\r\n\tthree", "folds kept");
  t.equal(MimeDict.unfold("one\r\n two"), "one two", "unfold");
  t.deepEqual(MimeDict.fromString(valid[3]).entries(), [["Z", "last"], ["A", "first"]], "order is line order, not key order");

  const invalid = ["", "Subject: hi\r\n", "not a header\r\n\r\nbody", "Bad Name: v\r\n\r\n", " fold: first\r\n\r\n", "x\u0000\ud800: y"];
  for (let i = 0; i < invalid.length; i++) {
    const bad = MimeDict.fromString(invalid[i]);
    t.equal(bad.invalid, true, "invalid block " + i);
    t.equal(bad.body, invalid[i], "invalid block " + i + " kept as the body");
    t.equal(bad.toString(), invalid[i], "invalid block " + i + " given back exactly");
  }

  const nasty = "__proto__: {\"polluted\": true}\r\nconstructor: c\r\ntoString: s\r\nhasOwnProperty: h\r\n\r\n";
  const n = MimeDict.fromString(nasty);
  t.equal(n.get("__proto__"), "{\"polluted\": true}", "__proto__ is a plain header");
  t.equal(n.get("hasOwnProperty"), "h", "hasOwnProperty is a plain header");
  t.equal(n.toString(), nasty, "round trip with nasty names");
  const view = n.toObject();
  t.ok(Object.prototype.hasOwnProperty.call(view, "__proto__"), "toObject keeps __proto__ as its own key");
  t.equal(view["constructor"], "c", "toObject constructor");
  t.equal(({} as { polluted?: unknown }).polluted, undefined, "Object.prototype not polluted");
  t.equal(typeof ({}).toString, "function", "Object.prototype.toString intact");
  t.equal(MimeDict.fromString("A: b\r\n\r\n").get("toString"), undefined, "inherited names are not headers");

  const built = new MimeDict([["X-One", "1"], ["X-Two", "2\r\n continued"]], "payload");
  t.equal(built.toString(), "X-One: 1\r\nX-Two: 2\r\n continued\r\n\r\npayload", "built dict");
  const err = t.throws(() => built.add("Bad Name", "v"), Kamaelia.MarshallingError, "a bad name throws");
  t.ok(err instanceof Kamaelia.AxonError, "MarshallingError is an AxonError");
  t.equal((err as Error).name, "MarshallingError", "error name");
});
