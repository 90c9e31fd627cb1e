/**
 * Fuzzing the de-framers with fast-check: random byte and character streams, random chunkings and random
 * corruptions of valid streams. Each property checks the component against a small independent model of
 * its wire format, so it asserts more than "no crash": never an uncaught exception, every failure a
 * typed error on signal (the right kind, at the right offset), valid streams always round-trip, and the
 * chunking never changes the outcome. RUNS below is the number of random inputs per property; the suite
 * prints the total and the time taken.
 */
import fc from "fast-check";
import {
  DataChunker,
  DataDeChunker,
  DeFramer,
  FramingError,
  LengthPrefixDeFramer,
  ProducerFinished,
  SimpleFrame,
  producerFinished,
} from "../../../src/index";
import type { Scheduler } from "../../../src/index";
import { lengthPrefixFrame } from "../../../src/components/protocol/length-prefix-framer";
import { unescapeSync, syncTable } from "../../../src/components/protocol/sync-escape";
import { testScheduler } from "../../helpers/test-scheduler";
import { concat, cutAt, feed, text } from "./protocol-harness";
import type { Outcome } from "./protocol-harness";

/** Random inputs per property; they add up to the total reported below. */
const RUNS = {
  lengthPrefixRoundTrip: 20000,
  lengthPrefixRandomBytes: 25000,
  lengthPrefixCorrupted: 15000,
  deFramerMessages: 15000,
  chunkerRoundTrip: 15000,
  deChunkerRandomText: 12000,
};

let inputs = 0;
let started = 0;

/**
 * Cheap checks for the hot path: chai's chained assertions cost more than a whole de-framer run, so the
 * properties compare JSON texts and throw plain errors (fast-check reports and shrinks on any throw).
 */
function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(what + ": expected " + e + ", got " + a);
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** What a de-framer did, in a form two runs (or a run and a model) can be compared by. */
interface Summary {
  frames: string[];
  /** The error kind and offset it ended with ("" if it ended cleanly), e.g. "CorruptFrame@12". */
  end: string;
}

/** The summary of a stream de-framer's run, after checking it kept the rules whatever the input. */
function summarise(r: Outcome, frameText: (f: unknown) => string): Summary {
  check(!r.crashed, "no uncaught exception");
  check(r.ended, "ended after producerFinished");
  check(r.signal.length === 1 && r.signal[0] instanceof ProducerFinished, "one producerFinished on signal");
  const error = (r.signal[0] as ProducerFinished).message;
  if (error !== undefined) {
    check(error instanceof FramingError, "a failure is a typed error");
    check(typeof (error as FramingError).message === "string" && (error as FramingError).message !== "", "the error says what");
  }
  return {
    frames: r.out.map(frameText),
    end: error === undefined ? "" : (error as FramingError).name + "@" + (error as FramingError).offset,
  };
}

/** Sorted cut points within [0, length] from random numbers. */
function cuts(seeds: number[], length: number): number[] {
  return seeds.map((n) => n % (length + 1)).sort((a, b) => a - b);
}

/** Model of "<decimal byte count>\n<bytes>" framing over a whole stream, ended by producerFinished. */
function lengthPrefixModel(stream: Uint8Array, limit: number): Summary {
  const most = String(limit).length;
  const frames: string[] = [];
  let pos = 0;
  while (pos < stream.length) {
    const start = pos;
    let digits = 0;
    let value = 0;
    for (;;) {
      if (pos >= stream.length) return { frames, end: digits > 0 ? "CorruptFrame@" + start : "" };
      const b = stream[pos];
      if (b >= 48 && b <= 57 && digits < most) {
        value = value * 10 + b - 48;
        digits++;
        pos++;
      } else if (b === 10 && digits > 0) {
        pos++;
        break;
      } else return { frames, end: "CorruptFrame@" + start };
    }
    if (value > limit) return { frames, end: "FrameTooLarge@" + start };
    if (pos + value > stream.length) return { frames, end: "ShortFrame@" + start };
    frames.push(text(stream.subarray(pos, pos + value)));
    pos += value;
  }
  return { frames, end: "" };
}

/** Header bytes: digits, newline and minus. */
const HEADERISH = [48, 49, 50, 51, 57, 10, 10, 45];

/** A byte as random, or (three times in five) one of the header bytes, so random streams reach every header state. */
function headerish(b: number): number {
  return b < 154 ? HEADERISH[b % HEADERISH.length] : b;
}

/** Random bytes biased towards what headers are made of. */
const headerishBytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((a) => a.map(headerish));

/**
 * Random text of up to `maxLength` UTF-16 units, about five in eight drawn from `alphabet` and the rest any
 * unit at all (lone surrogates included). Built from integers rather than fc.string's units, which cost
 * far more per input.
 */
function biasedText(alphabet: string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((codes) => {
    let out = "";
    for (const c of codes) out += c < 0xa000 ? alphabet[c % alphabet.length] : String.fromCharCode(c);
    return out;
  });
}

function runLengthPrefix(s: Scheduler, stream: Uint8Array, seeds: number[], limit: number): Summary {
  const r = feed(new LengthPrefixDeFramer({ maxFrameSize: limit }), cutAt(stream, cuts(seeds, stream.length)), producerFinished(), s);
  return summarise(r, (f) => text(f as Uint8Array));
}

describe("protocol fuzzing", function () {
  before(() => {
    started = Date.now();
  });

  after(() => {
    const total = Object.keys(RUNS).reduce((sum, k) => sum + RUNS[k as keyof typeof RUNS], 0);
    // The brief asks for the count and the time; mocha's reporter shows only pass/fail.
    process.stdout.write(
      "      fuzz: " + inputs + " random inputs (" + total + " planned) in " + (Date.now() - started) + " ms\n",
    );
  });

  it("LengthPrefixDeFramer — valid streams cut at random points — round-trip every frame", () => {
    const s = testScheduler();
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 24 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (frames, seeds) => {
          inputs++;
          const stream = concat(frames.map(lengthPrefixFrame));
          same(runLengthPrefix(s, stream, seeds, 1048576), { frames: frames.map(text), end: "" }, "round trip");
        },
      ),
      { numRuns: RUNS.lengthPrefixRoundTrip },
    );
  });

  it("LengthPrefixDeFramer — random bytes, random cuts, random limits — behaves as the model, whatever the chunking", () => {
    const s = testScheduler();
    fc.assert(
      fc.property(
        headerishBytes(48),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(1048576)),
        (stream, seeds, limit) => {
          inputs++;
          same(runLengthPrefix(s, stream, seeds, limit), lengthPrefixModel(stream, limit), "as the model");
        },
      ),
      { numRuns: RUNS.lengthPrefixRandomBytes },
    );
  });

  it("LengthPrefixDeFramer — valid streams with bytes changed, added or removed — behaves as the model", () => {
    const s = testScheduler();
    const edit = fc.tuple(fc.constantFrom("set", "insert", "delete"), fc.nat(), fc.integer({ min: 0, max: 255 }).map(headerish));
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 16 }), { minLength: 1, maxLength: 6 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(1048576)),
        (frames, edits, seeds, limit) => {
          inputs++;
          const bytesList = Array.from(concat(frames.map(lengthPrefixFrame)));
          for (const [kind, where, value] of edits) {
            const at = where % (bytesList.length + 1);
            if (kind === "set" && at < bytesList.length) bytesList[at] = value;
            else if (kind === "insert") bytesList.splice(at, 0, value);
            else bytesList.splice(at, 1);
          }
          const stream = new Uint8Array(bytesList);
          same(runLengthPrefix(s, stream, seeds, limit), lengthPrefixModel(stream, limit), "as the model");
        },
      ),
      { numRuns: RUNS.lengthPrefixCorrupted },
    );
  });

  it("DeFramer — random, valid and damaged frames — gives each frame or a typed error, and stops only over the limit", () => {
    const s = testScheduler();
    const validFrame = fc
      .tuple(fc.integer({ min: 0, max: 99999 }), biasedText(["a", " ", "\n", "7", "12"], 12))
      .map(([t, d]) => String(new SimpleFrame(t.toString(36), d)));
    const damaged = fc.tuple(validFrame, fc.nat(), fc.nat()).map(([f, a, b]) => f.slice(0, a % (f.length + 1)) + f.slice(a % (f.length + 1) + (b % 3)));
    const message = fc.oneof(validFrame, damaged, biasedText(["7", "12", " ", "\n", "-", "x", "\t", "0"], 12));
    fc.assert(
      fc.property(fc.array(message, { maxLength: 6 }), fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(1048576)), (messages, limit) => {
        inputs++;
        const r = feed(new DeFramer({ maxFrameSize: limit }), messages, producerFinished(), s);
        check(!r.crashed, "no uncaught exception");
        check(r.ended, "ended");
        // The model: each message is a frame, a recoverable error, or (over the limit) the end.
        const most = String(limit).length;
        const frames: string[] = [];
        const errors: string[] = [];
        let end = "";
        let offset = 0;
        for (const m of messages) {
          const newline = m.indexOf("\n");
          const header = /^(\S+) (\d+)$/.exec(newline < 0 ? "" : m.slice(0, newline));
          if (header === null || header[2].length > most) errors.push("CorruptFrame@" + offset);
          else if (Number(header[2]) > limit) {
            end = "FrameTooLarge@" + offset;
            break;
          } else if (m.length - newline - 1 < Number(header[2])) errors.push("ShortFrame@" + offset);
          else frames.push(header[1] + " " + m.substr(newline + 1, Number(header[2])));
          offset += m.length;
        }
        same(r.out.map((f) => (f as SimpleFrame).tag + " " + (f as SimpleFrame).data), frames, "frames");
        const last = r.signal[r.signal.length - 1];
        check(last instanceof ProducerFinished, "ends with producerFinished");
        const finalError = (last as ProducerFinished).message;
        same(finalError === undefined ? "" : (finalError as FramingError).name + "@" + (finalError as FramingError).offset, end, "the end");
        const reported = r.signal.slice(0, -1).map((e) => {
          check(e instanceof FramingError, "errors are typed");
          return (e as FramingError).name + "@" + (e as FramingError).offset;
        });
        same(reported, errors, "errors");
      }),
      { numRuns: RUNS.deFramerMessages },
    );
  });

  /** Text biased towards sync characters, escapes and their digits, with any other character mixed in. */
  const tricky = biasedText(["X", "%", "5", "8", "2", "!", "f", "a"], 16);
  const syncMessage = fc.oneof(
    fc.constant("XXXXXXXXXXXXXXXXXXXXXXXX"),
    fc
      .array(fc.constantFrom("X", "!", "%", "5", "a", "f"), { minLength: 1, maxLength: 5 })
      .map((chars) => chars.join(""))
      .filter((sync) => /[^%0-9a-f]/.test(sync)),
  );

  it("DataChunker then DataDeChunker — random messages, syncs and cuts — round-trip every message", () => {
    const s = testScheduler();
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 6 }), syncMessage, fc.array(fc.nat(), { maxLength: 6 }), (messages, sync, seeds) => {
        inputs++;
        const chunker = new DataChunker({ syncmessage: sync });
        const stream = messages.map((m) => chunker.encodeChunk(m)).join("");
        const r = feed(new DataDeChunker({ syncmessage: sync }), cutAt(stream, cuts(seeds, stream.length)), producerFinished(), s);
        check(!r.crashed, "no uncaught exception");
        same(r.out, messages, "round trip");
        check((r.signal[0] as ProducerFinished).message === undefined, "no error");
      }),
      { numRuns: RUNS.chunkerRoundTrip },
    );
  });

  it("DataDeChunker — random text, random cuts, random limits — behaves as the model, whatever the chunking", () => {
    const s = testScheduler();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("XX", "XXX", "%58", "%25", "!"), tricky), { maxLength: 6 }).map((parts) => parts.join("")),
        fc.constantFrom("XXX", "X!"),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(1048576)),
        (stream, sync, seeds, limit) => {
          inputs++;
          const r = feed(new DataDeChunker({ syncmessage: sync, maxFrameSize: limit }), cutAt(stream, cuts(seeds, stream.length)), producerFinished(), s);
          const got = summarise(r, (f) => f as string);
          // The model: split the whole stream at each sync message, left to right; drop what comes before the
          // first; every chunk after it (the last one by the flush) goes out, unless one is over the limit.
          const table = syncTable(sync, "model");
          const model: Summary = { frames: [], end: "" };
          let at = stream.indexOf(sync);
          while (at >= 0) {
            const start = at + sync.length;
            const next = stream.indexOf(sync, start);
            const chunk = stream.slice(start, next < 0 ? undefined : next);
            if (chunk.length > limit) {
              model.end = "FrameTooLarge@" + start;
              break;
            }
            model.frames.push(unescapeSync(chunk, table));
            at = next;
          }
          same(got, model, "as the model");
        },
      ),
      { numRuns: RUNS.deChunkerRandomText },
    );
  });
});
