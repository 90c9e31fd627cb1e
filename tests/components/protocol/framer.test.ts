/**
 * SimpleFrame, Framer and DeFramer: the "<tag> <length>\n<data>" wire format exactly, round trips, the
 * typed errors for bad frames (the DeFramer carries on), the size limit (it ends), and shutdown.
 */
import { expect } from "chai";
import {
  AxonError,
  CorruptFrame,
  DeFramer,
  FrameTooLarge,
  Framer,
  FramingError,
  Pipeline,
  ProducerFinished,
  ShortFrame,
  ShutdownMicroprocess,
  SimpleFrame,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import { ListSink, ListSource } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";
import { endError, feed } from "./protocol-harness";

describe("SimpleFrame", () => {
  it("a frame — written — is '<tag> <length>\\n<data>' exactly", () => {
    expect(String(new SimpleFrame(7, "hello"))).to.equal("7 5\nhello");
    expect(new SimpleFrame("seq-12", "").toString()).to.equal("seq-12 0\n");
    expect(new SimpleFrame(0, "a\nb c").toString()).to.equal("0 5\na\nb c");
    expect(new SimpleFrame("t", "\u00ff\u0000x").toString()).to.equal("t 3\n\u00ff\u0000x");
  });

  it("a numeric tag — given to SimpleFrame — is kept as its decimal string", () => {
    const frame = new SimpleFrame(42, "x");
    expect(frame.tag).to.equal("42");
    expect(frame.data).to.equal("x");
  });

  it("fromString — of a written frame — gives the tag and data back", () => {
    const frame = SimpleFrame.fromString("7 5\nhello");
    expect(frame).to.be.instanceOf(SimpleFrame);
    expect([frame.tag, frame.data]).to.deep.equal(["7", "hello"]);
    expect(SimpleFrame.fromString("abc 0\n").data).to.equal("");
  });

  it("fromString — with characters after the data — ignores them, as Kamaelia does", () => {
    expect(SimpleFrame.fromString("1 3\nabcdef").data).to.equal("abc");
  });

  it("a tag — empty or with whitespace — throws a FramingError at once", () => {
    for (const tag of ["", "a b", "a\nb", "\t"]) {
      expect(() => new SimpleFrame(tag, "x"), JSON.stringify(tag)).to.throw(FramingError, /tag must be non-empty/);
    }
    expect(() => new SimpleFrame("t", 5 as unknown as string)).to.throw(FramingError, /data must be a string/);
  });

  it("fromString — of bad frames — throws the typed error naming the problem", () => {
    const cases: [string, unknown, RegExp][] = [
      ["no newline", CorruptFrame, /header 'no newline' has no newline/],
      ["7\nabc", CorruptFrame, /header '7' is not '<tag> <length>'/],
      [" 3\nabc", CorruptFrame, /is not '<tag> <length>'/],
      ["7 \nabc", CorruptFrame, /header '7 ' has no length/],
      ["7 x\nabc", CorruptFrame, /has a length that is not a decimal number/],
      ["7 3 4\nabc", CorruptFrame, /has a length that is not a decimal number/],
      ["7 -3\nabc", CorruptFrame, /has a negative length/],
      ["7 00000003\nabc", CorruptFrame, /longer than any valid one \(maxFrameSize 1048576 has 7 digits\)/],
      ["7 5\nabc", ShortFrame, /header '7 5' says 5 but only 3 arrived/],
      ["7 1048577\nabc", FrameTooLarge, /asks for 1048577, over the limit of 1048576/],
    ];
    for (const [frame, kind, message] of cases) {
      expect(() => SimpleFrame.fromString(frame), frame).to.throw(kind as never, message);
    }
  });

  it("fromString — with a maxFrameSize — applies that limit", () => {
    expect(SimpleFrame.fromString("t 4\nabcd", 4).data).to.equal("abcd");
    expect(() => SimpleFrame.fromString("t 5\nabcde", 4)).to.throw(FrameTooLarge, /over the limit of 4/);
  });
});

describe("Framer", () => {
  it("SimpleFrame values — framed — come out as the exact strings, in order", () => {
    const r = feed(new Framer(), [new SimpleFrame(1, "one"), new SimpleFrame(2, ""), new SimpleFrame("x", "a b\n")]);
    expect(r.out).to.deep.equal(["1 3\none", "2 0\n", "x 4\na b\n"]);
    expect(r.signal).to.deep.equal([]);
  });

  it("a message that is not a SimpleFrame — framed — is a FramingError on signal, and the Framer carries on", () => {
    const r = feed(new Framer(), ["7 5\nhello", new SimpleFrame(1, "ok")], producerFinished());
    expect(r.out).to.deep.equal(["1 2\nok"]);
    expect(r.signal[0]).to.be.instanceOf(FramingError);
    expect((r.signal[0] as Error).message).to.match(/Framer takes SimpleFrame values, not string/);
    expect(r.signal[1]).to.be.instanceOf(ProducerFinished);
    expect(r.crashed).to.equal(false);
  });

  it("producerFinished — on control — frames what waits, passes the same message on, and ends", () => {
    const finish = producerFinished();
    const r = feed(new Framer(), [new SimpleFrame(1, "a")], finish);
    expect(r.out).to.deep.equal(["1 1\na"]);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — on control — frames what waits, passes it on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new Framer(), [new SimpleFrame(1, "a")], stop);
    expect(r.out).to.deep.equal(["1 1\na"]);
    expect(r.signal[0]).to.equal(stop);
    expect(r.ended).to.equal(true);
  });
});

describe("DeFramer", () => {
  it("framed strings — one per message — come out as SimpleFrame values", () => {
    const r = feed(new DeFramer(), ["7 5\nhello", "8 0\n", "x 3\na\nb"]);
    expect(r.out.map((f) => [(f as SimpleFrame).tag, (f as SimpleFrame).data])).to.deep.equal([
      ["7", "hello"],
      ["8", ""],
      ["x", "a\nb"],
    ]);
  });

  it("a short frame, a non-numeric length and a missing header — each — is a typed error on signal, and the DeFramer carries on", () => {
    const r = feed(new DeFramer(), ["1 9\nshort", "2 x\nabc", "no header at all", "3 2\nok"], producerFinished());
    expect(r.out.map((f) => (f as SimpleFrame).data)).to.deep.equal(["ok"]);
    const [short, bad, missing, finish] = r.signal as [ShortFrame, CorruptFrame, CorruptFrame, ProducerFinished];
    expect(short).to.be.instanceOf(ShortFrame);
    expect(short.message).to.equal("short frame in message 0 (character offset 0): header '1 9' says 9 but only 5 arrived");
    expect(short.offset).to.equal(0);
    expect(bad).to.be.instanceOf(CorruptFrame);
    expect(bad.message).to.equal("corrupt frame in message 1 (character offset 9): header '2 x' has a length that is not a decimal number");
    expect(bad.offset).to.equal(9);
    expect(missing).to.be.instanceOf(CorruptFrame);
    expect(missing.message).to.match(/^corrupt frame in message 2 \(character offset 16\): header 'no header at all' has no newline/);
    expect(finish).to.be.instanceOf(ProducerFinished);
    expect(r.ended).to.equal(true);
    expect(r.crashed).to.equal(false);
  });

  it("a message that is not a string — de-framed — is a FramingError on signal, and the DeFramer carries on", () => {
    const r = feed(new DeFramer(), [42, "1 1\na"]);
    expect(r.signal[0]).to.be.instanceOf(FramingError);
    expect((r.signal[0] as Error).message).to.match(/is not a string but number/);
    expect((r.out[0] as SimpleFrame).data).to.equal("a");
  });

  it("a length over maxFrameSize — de-framed — ends it with producerFinished(this, FrameTooLarge) after the frames before", () => {
    const deframer = new DeFramer({ maxFrameSize: 10 });
    const r = feed(deframer, ["1 10\n0123456789", "2 11\n0123456789a", "3 1\nz"]);
    expect(r.out.map((f) => (f as SimpleFrame).data)).to.deep.equal(["0123456789"]);
    expect(r.signal).to.have.length(1);
    const finish = r.signal[0] as ProducerFinished;
    expect(finish).to.be.instanceOf(ProducerFinished);
    expect(finish.caller).to.equal(deframer);
    const error = endError(r) as FrameTooLarge;
    expect(error).to.be.instanceOf(FrameTooLarge);
    expect(error.message).to.equal(
      "frame too large in message 1 (character offset 15): header '2 11' asks for 11, over the limit of 10 (maxFrameSize)",
    );
    expect([error.offset, error.length, error.limit, error.header]).to.deep.equal([15, 11, 10, "2 11"]);
    expect(r.ended).to.equal(true);
    expect(r.crashed).to.equal(false);
  });

  it("maxFrameSize — not a whole number >= 0 — throws at construction", () => {
    for (const bad of [-1, 1.5, NaN, Infinity, "10" as unknown as number]) {
      expect(() => new DeFramer({ maxFrameSize: bad }), String(bad)).to.throw(AxonError, /maxFrameSize must be a whole number/);
    }
    expect(new DeFramer().maxFrameSize).to.equal(1048576);
  });

  it("producerFinished — on control — de-frames what waits, passes the same message on, and ends", () => {
    const finish = producerFinished();
    const r = feed(new DeFramer(), ["1 1\na"], finish);
    expect(r.out).to.have.length(1);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — on control — de-frames what waits, passes it on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new DeFramer(), ["1 1\na"], stop);
    expect(r.out).to.have.length(1);
    expect(r.signal[0]).to.equal(stop);
    expect(r.signal[0]).to.be.instanceOf(ShutdownMicroprocess);
    expect(r.ended).to.equal(true);
  });

  it("Framer then DeFramer — in a pipeline — round-trip every frame and end in order", () => {
    const s = testScheduler();
    const frames = [new SimpleFrame(1, "one"), new SimpleFrame(2, "two\nlines"), new SimpleFrame("z", "")];
    const sink = new ListSink<SimpleFrame>();
    new Pipeline(new ListSource(frames), new Framer(), new DeFramer(), sink).run(s);
    expect(sink.items).to.deep.equal(frames);
  });
});
