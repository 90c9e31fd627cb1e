/**
 * The text helpers of the file family, checked against Node's own UTF-8 with fast-check: encodeUtf8 and
 * decodeUtf8 (valid text round-trips, malformed bytes become U+FFFD and never throw), and LineSplitter
 * (any chunking of a text gives the same lines as splitting it whole).
 */
import { expect } from "chai";
import fc from "fast-check";
import { LineSplitter } from "../../../src/components/file/line-splitter";
import { decodeUtf8, encodeUtf8 } from "../../../src/components/file/utf8";

/** Lines the way LineSplitter defines them, from the whole text at once. */
function modelLines(text: string): string[] {
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts.map((p) => (p.endsWith("\r") ? p.slice(0, -1) : p));
}

describe("utf8 and LineSplitter", () => {
  it("encodeUtf8 — any string — the same bytes as Node's UTF-8 encoder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(Buffer.from(encodeUtf8(text)).equals(Buffer.from(text, "utf8"))).to.equal(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("decodeUtf8 — the bytes of any well-formed string — that string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const bytes = Buffer.from(text, "utf8");
        expect(decodeUtf8(bytes, 0, bytes.length)).to.equal(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("decodeUtf8 — malformed sequences — U+FFFD for each, the rest intact", () => {
    const bytes = new Uint8Array([0x61, 0x80, 0x62, 0xc3, 0x63, 0xe2, 0x82, 0x64, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x65, 0xe2]);
    expect(decodeUtf8(bytes, 0, bytes.length)).to.equal("a\ufffdb\ufffdc\ufffdd\ufffd\ufffd\ufffd\ufffde\ufffd");
  });

  it("decodeUtf8 — random bytes — never throws, and agrees with Node wherever Node finds no error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = decodeUtf8(bytes, 0, bytes.length);
        const node = Buffer.from(bytes).toString("utf8");
        if (node.indexOf("\ufffd") < 0 && bytes.indexOf(0xef) < 0) expect(text).to.equal(node);
      }),
      { numRuns: 3000 },
    );
  });

  it("LineSplitter — any text cut into any chunks — the same lines as splitting it whole", () => {
    const textArb = fc.array(fc.oneof(fc.constantFrom("\n", "\r\n", "\r", "é", "😀", "✓"), fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(40), { maxLength: 10 }), (text, cuts) => {
        const bytes = Buffer.from(text, "utf8");
        const points = cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
        const splitter = new LineSplitter();
        const lines: string[] = [];
        let from = 0;
        for (const at of points.concat([bytes.length])) {
          lines.push(...splitter.push(bytes.subarray(from, at)));
          from = at;
        }
        lines.push(...splitter.finish());
        expect(lines).to.deep.equal(modelLines(text));
      }),
      { numRuns: 3000 },
    );
  });
});
