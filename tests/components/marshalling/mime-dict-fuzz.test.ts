/**
 * Property tests for MimeDict's parser: 100,000 random inputs, a mix of arbitrary UTF-16 (lone surrogates
 * included), token soup made of the format's own pieces, and near-valid header blocks, so that both valid
 * and invalid blocks are well covered (the test checks the mix). Fixed seeds keep CI repeatable; set
 * MIMEDICT_FUZZ_SEED to explore other seeds locally.
 */
import { expect } from "chai";
import fc from "fast-check";
import { MimeDict } from "../../../src/index";

const RUNS = 100_000;
const SEED = process.env.MIMEDICT_FUZZ_SEED ? Number(process.env.MIMEDICT_FUZZ_SEED) : 20240611;

const NASTY_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineSetter__"];
const TOKENS = ["\r\n", "\r\n\r\n", "\r", "\n", ":", ": ", " ", "\t", "a", "Z", "-", "\u00e9", "\u0000", "\ud800", "\udfff", "X-Head"].concat(
  NASTY_NAMES,
);

const printableName = fc.string({ unit: fc.constantFrom(..."!#$%&'*+-.0123456789ABCXYZ^_`abcxyz|~\"(),;<=>?@[]{}\\/"), minLength: 1, maxLength: 8 });
const anyName = fc.oneof(
  { weight: 4, arbitrary: printableName },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NAMES, "Content-Type", "content-type", "To", "Subject") },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", " ", "\t", ":", "\u00e9", "\u0001", "\r", "\n"), maxLength: 4 }) },
);
// Values have bare CR and LF but no "\n" right after "\r" by design: the soup and binary inputs cover CRLFs.
const valueText = fc.string({ unit: fc.constantFrom("v", " ", "\t", ":", "\r", "\u00e9", "{", '"', "\ud800", "w", "x"), maxLength: 8 });
const fold = fc.tuple(fc.constantFrom(" ", "\t", " ", "\t", "  ", ""), valueText).map(([lead, text]) => lead + text);
const body = fc.string({ unit: fc.constantFrom("b", "\r\n", "\r", "\n", ":", " ", "\u0000"), maxLength: 12 });

/** Blocks that follow every rule: names, separators, folds and the divider are all well-formed. */
const cleanLine = fc
  .tuple(
    fc.oneof(printableName, fc.constantFrom(...NASTY_NAMES, "Content-Type", "content-type", "To")),
    fc.constantFrom(": ", ": ", ":", ":  "),
    valueText,
    fc.array(fc.tuple(fc.constantFrom(" ", "\t"), valueText), { maxLength: 2 }),
  )
  .map(([name, sep, value, folds]) => [name + sep + value].concat(folds.map(([ws, t]) => ws + t)).join("\r\n"));
const cleanBlock = fc
  .tuple(fc.array(cleanLine, { maxLength: 6 }), body)
  .map(([lines, text]) => (lines.length === 0 ? "\r\n" : lines.join("\r\n") + "\r\n\r\n") + text);

/** Blocks with a chance of a bad name, separator, fold or divider on any line. */
const separator = fc.constantFrom(": ", ": ", ": ", ": ", ":", ":", ":  ", " :", "");
const dirtyLine = fc
  .tuple(anyName, separator, valueText, fc.array(fold, { maxLength: 2 }))
  .map(([name, sep, value, folds]) => [name + sep + value].concat(folds).join("\r\n"));
const dirtyBlock = fc
  .tuple(fc.array(dirtyLine, { maxLength: 6 }), fc.constantFrom("\r\n\r\n", "\r\n\r\n", "\r\n", "\n\n", ""), body)
  .map(([lines, divider, text]) => (lines.length === 0 ? divider + text : lines.join("\r\n") + divider + text));

const input = fc.oneof(
  { weight: 3, arbitrary: cleanBlock },
  { weight: 3, arbitrary: dirtyBlock },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 32 }) },
);

function prototypeNames(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe("MimeDict fuzz", () => {
  it("fromString — 100,000 random inputs — never throws, toString gives each input back exactly, nothing polluted", function () {
    this.timeout(60_000);
    const prototypeBefore = prototypeNames();
    let valid = 0;
    let invalid = 0;
    let withHeaders = 0;
    fc.assert(
      fc.property(input, (text) => {
        const dict = MimeDict.fromString(text); // any throw fails the property
        if (dict.toString() !== text) return false;
        if (dict.invalid) {
          invalid++;
          if (dict.body !== text || dict.entries().length !== 0) return false;
        } else {
          valid++;
          if (dict.entries().length > 0) withHeaders++;
          // Idempotence of the structure: what was read is what reads back.
          const again = MimeDict.fromString(dict.toString());
          if (again.invalid || again.body !== dict.body) return false;
          if (JSON.stringify(again.entries()) !== JSON.stringify(dict.entries())) return false;
        }
        const view = dict.toObject();
        if (Object.getPrototypeOf(view) !== null) return false;
        return ({} as { polluted?: unknown }).polluted === undefined && Object.prototype.toString === Object.prototype.toString;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(prototypeNames()).to.deep.equal(prototypeBefore);
    expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    if (process.env.MIMEDICT_FUZZ_REPORT) console.log("valid", valid, "with headers", withHeaders, "invalid", invalid);
    // The mix covers both kinds well.
    expect(valid + invalid).to.equal(RUNS);
    expect(valid, "valid blocks").to.be.greaterThan(RUNS * 0.2);
    expect(withHeaders, "valid blocks with headers").to.be.greaterThan(RUNS * 0.1);
    expect(invalid, "invalid blocks").to.be.greaterThan(RUNS * 0.2);
  });

  it("a built dict — random valid names and values — reads back with the same headers and body", () => {
    const goodName = fc.oneof(printableName, fc.constantFrom(...NASTY_NAMES));
    const goodValue = fc
      .tuple(valueText, fc.array(fc.tuple(fc.constantFrom(" ", "\t"), valueText), { maxLength: 2 }))
      .map(([first, folds]) => [first].concat(folds.map(([ws, t]) => ws + t)).join("\r\n"))
      .filter((v) => !/\r\n(?![ \t])/.test(v)); // every CRLF starts a fold: the rule add() enforces
    fc.assert(
      fc.property(fc.array(fc.tuple(goodName, goodValue), { maxLength: 6 }), fc.string({ unit: "binary", maxLength: 16 }), (pairs, text) => {
        const dict = new MimeDict(pairs as [string, string][], text);
        const back = MimeDict.fromString(dict.toString());
        expect(back.invalid).to.equal(false);
        expect(back.entries()).to.deep.equal(pairs);
        expect(back.body).to.equal(text);
      }),
      { numRuns: 20_000, seed: SEED },
    );
  });
});
