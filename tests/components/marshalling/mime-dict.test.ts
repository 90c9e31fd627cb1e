import { expect } from "chai";
import { AxonError, MarshallingError, MimeDict } from "../../../src/index";

const CRLF = "\r\n";

describe("MimeDict", () => {
  describe("parsing", () => {
    it("fromString — headers, an empty line and a body — keeps headers in order and the body apart", () => {
      const d = MimeDict.fromString("Subject: hello\r\nFrom: me\r\n\r\nthe body\r\nline two");
      expect(d.invalid).to.equal(false);
      expect(d.entries()).to.deep.equal([
        ["Subject", "hello"],
        ["From", "me"],
      ]);
      expect(d.body).to.equal("the body\r\nline two");
    });

    it("fromString — a repeated header — keeps every value in its place among the others", () => {
      const d = MimeDict.fromString("To: a\r\nCc: c\r\nTo: b\r\n\r\n");
      expect(d.getAll("To")).to.deep.equal(["a", "b"]);
      expect(d.get("To")).to.equal("a");
      expect(d.names()).to.deep.equal(["To", "Cc"]);
      expect(d.entries().map((e) => e[0])).to.deep.equal(["To", "Cc", "To"]);
    });

    it("fromString — a folded header — keeps the fold in the value, and unfold joins it", () => {
      const d = MimeDict.fromString("Subject: a long\r\n  subject\r\n\tline\r\nX: y\r\n\r\n");
      expect(d.get("Subject")).to.equal("a long\r\n  subject\r\n\tline");
      expect(MimeDict.unfold(d.get("Subject") as string)).to.equal("a long  subject\tline");
      expect(d.get("X")).to.equal("y");
    });

    it("fromString — names in another case — are found case-insensitively and keep their spelling", () => {
      const d = MimeDict.fromString("Content-Type: text/plain\r\ncontent-type: again\r\n\r\n");
      expect(d.get("CONTENT-TYPE")).to.equal("text/plain");
      expect(d.getAll("content-TYPE")).to.deep.equal(["text/plain", "again"]);
      expect(d.has("Content-type")).to.equal(true);
      expect(d.toString()).to.equal("Content-Type: text/plain\r\ncontent-type: again\r\n\r\n");
    });

    it("fromString — no space, no value, or two spaces after the colon — round-trips each exactly", () => {
      const text = "A:tight\r\nB:\r\nC: \r\nD:  two\r\nE:\tt\r\n\r\n";
      const d = MimeDict.fromString(text);
      expect(d.entries()).to.deep.equal([
        ["A", "tight"],
        ["B", ""],
        ["C", ""],
        ["D", " two"],
        ["E", "\tt"],
      ]);
      expect(d.toString()).to.equal(text);
    });

    it("fromString — only an empty line — is a valid block with no headers", () => {
      const d = MimeDict.fromString("\r\nbody only");
      expect(d.invalid).to.equal(false);
      expect(d.entries()).to.deep.equal([]);
      expect(d.body).to.equal("body only");
      expect(d.toString()).to.equal("\r\nbody only");
    });

    it("fromString — bare CR or LF inside lines — are part of values and round-trip", () => {
      const text = "A: x\ny\r\nB: z\r\r\nC: \r\r\n\r\n\rbody\n";
      const d = MimeDict.fromString(text);
      expect(d.invalid).to.equal(false);
      expect(d.getAll("A")).to.deep.equal(["x\ny"]);
      expect(d.get("B")).to.equal("z\r");
      expect(d.get("C")).to.equal("\r");
      expect(d.toString()).to.equal(text);
    });

    it("fromString — a non-string — throws a MarshallingError", () => {
      expect(() => MimeDict.fromString(42 as unknown as string)).to.throw(MarshallingError);
      expect(() => MimeDict.fromString(null as unknown as string)).to.throw(AxonError);
    });
  });

  describe("invalid blocks", () => {
    const invalid: [string, string][] = [
      ["the empty string", ""],
      ["no line break at all", "Subject: hi"],
      ["headers with no empty line after them", "Subject: hi\r\nTo: you\r\n"],
      ["LF-only line ends", "Subject: hi\n\nbody"],
      ["a line with no colon", "Subject: hi\r\nnot a header\r\n\r\nbody"],
      ["an empty name", ": value\r\n\r\n"],
      ["a space in a name", "Bad Name: v\r\n\r\n"],
      ["a space before the colon", "Name : v\r\n\r\n"],
      ["a non-ASCII name", "Caf\u00e9: v\r\n\r\n"],
      ["a control character in a name", "A\u0001: v\r\n\r\n"],
      ["a fold with nothing to continue", " folded: v\r\n\r\n"],
      ["a tab fold first", "\tx\r\nA: b\r\n\r\n"],
      ["lone surrogates", "\ud800: \udc00\r\n"],
    ];
    for (const [what, text] of invalid) {
      it("fromString — " + what + " — is invalid, keeps the text as its body and gives it back exactly", () => {
        const d = MimeDict.fromString(text);
        expect(d.invalid).to.equal(true);
        expect(d.entries()).to.deep.equal([]);
        expect(d.body).to.equal(text);
        expect(d.toString()).to.equal(text);
      });
    }

    it("an invalid dict — a header added — is no longer invalid and writes a block around the old text", () => {
      const d = MimeDict.fromString("garbage");
      d.add("X-Note", "was invalid");
      expect(d.invalid).to.equal(false);
      expect(d.toString()).to.equal("X-Note: was invalid\r\n\r\ngarbage");
    });
  });

  describe("prototype safety", () => {
    const nasty = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"];

    it("fromString — headers named after Object.prototype members — are plain headers and pollute nothing", () => {
      const text = nasty.map((n) => n + ': {"polluted": true}').join(CRLF) + CRLF + CRLF + "body";
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const d = MimeDict.fromString(text);
      expect(d.invalid).to.equal(false);
      for (const n of nasty) expect(d.get(n)).to.equal('{"polluted": true}');
      expect(d.names()).to.deep.equal(nasty);
      const view = d.toObject();
      expect(Object.getPrototypeOf(view)).to.equal(null);
      for (const n of nasty) expect(Object.prototype.hasOwnProperty.call(view, n)).to.equal(true);
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
      expect(d.toString()).to.equal(text);
    });

    it("get — a name that is only on Object.prototype — finds nothing", () => {
      const d = MimeDict.fromString("A: b\r\n\r\n");
      expect(d.get("toString")).to.equal(undefined);
      expect(d.get("__proto__")).to.equal(undefined);
      expect(d.has("constructor")).to.equal(false);
    });
  });

  describe("editing", () => {
    it("constructor — pairs and a body — writes them in the order given", () => {
      const d = new MimeDict(
        [
          ["Z", "last letter"],
          ["A", "first letter"],
        ],
        "b",
      );
      expect(d.toString()).to.equal("Z: last letter\r\nA: first letter\r\n\r\nb");
      expect(new MimeDict().toString()).to.equal("\r\n");
    });

    it("set — a header present twice — replaces both at the first one's place", () => {
      const d = MimeDict.fromString("A: 1\r\nB: 2\r\na: 3\r\n\r\n");
      d.set("A", "new");
      expect(d.entries()).to.deep.equal([
        ["A", "new"],
        ["B", "2"],
      ]);
      d.set("B", ["x", "y"]);
      expect(d.entries()).to.deep.equal([
        ["A", "new"],
        ["B", "x"],
        ["B", "y"],
      ]);
      d.set("C", "added");
      expect(d.names()).to.deep.equal(["A", "B", "C"]);
      d.set("b", []);
      expect(d.names()).to.deep.equal(["A", "C"]);
    });

    it("remove — present and absent names — removes every occurrence and says whether any was there", () => {
      const d = MimeDict.fromString("A: 1\r\nB: 2\r\nA: 3\r\n\r\n");
      expect(d.remove("a")).to.equal(true);
      expect(d.remove("a")).to.equal(false);
      expect(d.toString()).to.equal("B: 2\r\n\r\n");
    });

    it("toObject — repeated and single headers — maps names to values and lists", () => {
      const view = MimeDict.fromString("To: a\r\nSubject: s\r\nto: b\r\n\r\n").toObject();
      expect(view["To"]).to.deep.equal(["a", "b"]);
      expect(view["Subject"]).to.equal("s");
    });

    it("add — a name that is not a header name — throws MarshallingError at once", () => {
      const d = new MimeDict();
      for (const bad of ["", "Bad Name", "a:b", "tab\tname", "caf\u00e9", "line\r\nbreak"]) {
        expect(() => d.add(bad, "v"), JSON.stringify(bad)).to.throw(MarshallingError);
      }
      expect(() => d.add(42 as unknown as string, "v")).to.throw(MarshallingError);
      expect(d.entries()).to.deep.equal([]);
    });

    it("add — a value with a CRLF not starting a fold — throws, since it would not read back", () => {
      const d = new MimeDict();
      expect(() => d.add("A", "one\r\ntwo")).to.throw(MarshallingError, /CRLF/);
      expect(() => d.add("A", "ends\r\n")).to.throw(MarshallingError);
      expect(() => d.set("A", ["ok", "bad\r\n"])).to.throw(MarshallingError);
      expect(() => d.add("A", 7 as unknown as string)).to.throw(MarshallingError);
      d.add("A", "folded\r\n fine");
      expect(MimeDict.fromString(d.toString()).get("A")).to.equal("folded\r\n fine");
    });

    it("MarshallingError — thrown — is an AxonError with a name and the input", () => {
      try {
        new MimeDict().add("Bad Name", "v");
        expect.fail("did not throw");
      } catch (e) {
        expect(e).to.be.instanceOf(AxonError);
        expect((e as Error).name).to.equal("MarshallingError");
        expect((e as { input: unknown }).input).to.equal("Bad Name");
      }
    });
  });

  describe("as a codec", () => {
    it("MimeDict.marshall and demarshall — a dict — round-trip through text", () => {
      const d = new MimeDict([["Subject", "hi"]], "text");
      const text = MimeDict.marshall(d);
      expect(text).to.equal("Subject: hi\r\n\r\ntext");
      expect(MimeDict.demarshall(text).entries()).to.deep.equal(d.entries());
    });

    it("MimeDict.marshall — not a MimeDict — throws MarshallingError", () => {
      expect(() => MimeDict.marshall("text" as unknown as MimeDict)).to.throw(MarshallingError);
    });
  });
});
