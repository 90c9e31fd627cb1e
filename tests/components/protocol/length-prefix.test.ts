/**
 * LengthPrefixFramer and LengthPrefixDeFramer: the video streamer's "<decimal byte count>\n<bytes>" frames
 * on Uint8Array — exact bytes, reassembly across every cut, the size limit, malformed headers, a stream
 * ending inside a frame, shutdown, and a failing de-framer inside a running system.
 */
import { expect } from "chai";
import {
  Component,
  CorruptFrame,
  FrameTooLarge,
  FramingError,
  LengthPrefixDeFramer,
  LengthPrefixFramer,
  Microprocess,
  Pipeline,
  ProducerFinished,
  ShortFrame,
  ShutdownMicroprocess,
  isShutdownMessage,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import type { MainLoop } from "../../../src/index";
import { lengthPrefixFrame } from "../../../src/components/protocol/length-prefix-framer";
import { ListSink, ListSource } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";
import { bytes, concat, cutAt, endError, feed, text } from "./protocol-harness";

const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

describe("LengthPrefixFramer", () => {
  it("byte arrays — framed — are the ASCII decimal length, a newline, then the bytes, exactly", () => {
    expect(Array.from(lengthPrefixFrame(new Uint8Array([0xff, 0xd8, 0xff])))).to.deep.equal([0x33, 0x0a, 0xff, 0xd8, 0xff]);
    expect(text(lengthPrefixFrame(new Uint8Array(0)))).to.equal("0\n");
    expect(text(lengthPrefixFrame(JPEG_START))).to.equal("11\n\xff\xd8\xff\xe0\x00\x10JFIF\x00");
    const big = lengthPrefixFrame(new Uint8Array(123456));
    expect(text(big.subarray(0, 7))).to.equal("123456\n");
    expect(big.length).to.equal(123463);
  });

  it("frames — sent through the component — come out one per input, in order, as new arrays", () => {
    const input = bytes("abc");
    const r = feed(new LengthPrefixFramer(), [input, new Uint8Array(0)]);
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(["3\nabc", "0\n"]);
    expect(r.out[0]).to.not.equal(input);
  });

  it("a message that is not a Uint8Array — framed — is a FramingError on signal, and the framer carries on", () => {
    const r = feed(new LengthPrefixFramer(), ["abc", bytes("x")], producerFinished());
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(["1\nx"]);
    expect(r.signal[0]).to.be.instanceOf(FramingError);
    expect((r.signal[0] as Error).message).to.equal("LengthPrefixFramer takes Uint8Array frames, not string");
    expect(r.signal[1]).to.be.instanceOf(ProducerFinished);
  });

  it("producerFinished — on control — frames what waits, passes the same message on, and ends", () => {
    const finish = producerFinished();
    const r = feed(new LengthPrefixFramer(), [bytes("a")], finish);
    expect(r.out).to.have.length(1);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — on control — frames what waits, passes it on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new LengthPrefixFramer(), [bytes("a")], stop);
    expect(r.out).to.have.length(1);
    expect(r.signal[0]).to.equal(stop);
    expect(r.ended).to.equal(true);
  });
});

describe("LengthPrefixDeFramer", () => {
  const frames = [JPEG_START, new Uint8Array(0), bytes("0123456789\n"), bytes("x")];
  const stream = concat(frames.map(lengthPrefixFrame));
  const expected = frames.map(text);

  it("a stream of frames — in one chunk — gives every frame, each exactly its bytes", () => {
    const r = feed(new LengthPrefixDeFramer(), [stream], producerFinished());
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(expected);
    for (const f of r.out) expect(f).to.be.instanceOf(Uint8Array);
    expect(r.signal[0]).to.be.instanceOf(ProducerFinished);
    expect((r.signal[0] as ProducerFinished).message).to.equal(undefined);
  });

  it("a stream of frames — cut at every single point — gives the same frames", () => {
    const s = testScheduler();
    for (let cut = 0; cut <= stream.length; cut++) {
      const r = feed(new LengthPrefixDeFramer(), cutAt(stream, [cut]), producerFinished(), s);
      expect(r.out.map((f) => text(f as Uint8Array)), "cut at " + cut).to.deep.equal(expected);
      expect(endError(r), "cut at " + cut).to.equal(null);
    }
  });

  it("a stream of frames — cut at every pair of points — gives the same frames", () => {
    const s = testScheduler();
    for (let a = 0; a <= stream.length; a++) {
      for (let b = a; b <= stream.length; b++) {
        const r = feed(new LengthPrefixDeFramer(), cutAt(stream, [a, b]), producerFinished(), s);
        expect(r.out.map((f) => text(f as Uint8Array)), "cuts at " + a + ", " + b).to.deep.equal(expected);
      }
    }
  });

  it("a stream of frames — one byte per chunk — gives the same frames", () => {
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < stream.length; i++) chunks.push(stream.subarray(i, i + 1));
    const r = feed(new LengthPrefixDeFramer(), chunks, producerFinished());
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(expected);
  });

  it("a frame — whole in one chunk or in pieces — is a copy the consumer owns, not a view of the chunk", () => {
    const chunk = bytes("3\nabc");
    const r = feed(new LengthPrefixDeFramer(), [chunk, bytes("2\nx"), bytes("y")]);
    chunk[2] = 0x5a;
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(["abc", "xy"]);
    expect((r.out[0] as Uint8Array).buffer).to.not.equal(chunk.buffer);
  });

  it("a frame of exactly maxFrameSize bytes — de-framed — is accepted", () => {
    const r = feed(new LengthPrefixDeFramer({ maxFrameSize: 5 }), [bytes("5\nabcde0\n")]);
    expect(r.out.map((f) => text(f as Uint8Array))).to.deep.equal(["abcde", ""]);
    expect(r.ended).to.equal(false);
  });

  it("a maxFrameSize of 0 — de-framing — accepts only empty frames", () => {
    const r = feed(new LengthPrefixDeFramer({ maxFrameSize: 0 }), [bytes("0\n0\n1\nx")]);
    expect(r.out).to.have.length(2);
    expect(endError(r)).to.be.instanceOf(FrameTooLarge);
  });

  it("malformed headers — each — end it with producerFinished(this, error) saying what, where and the limit", () => {
    const cases: [string, unknown, string][] = [
      ["1\na\nabc", CorruptFrame, "corrupt frame at byte offset 3: header '\\x0a' is empty: a frame starts '<decimal byte count>\\n'"],
      ["1\na-5\nabcde", CorruptFrame, "corrupt frame at byte offset 3: header '-' has a negative length"],
      ["1\na12x\n", CorruptFrame, "corrupt frame at byte offset 3: header '12x' has byte 0x78 at byte offset 5, which is not a decimal digit"],
      ["1\na 5\n", CorruptFrame, "corrupt frame at byte offset 3: header ' ' has byte 0x20 at byte offset 3, which is not a decimal digit"],
      ["1\na5\r\nabcde", CorruptFrame, "corrupt frame at byte offset 3: header '5\\x0d' has byte 0x0d at byte offset 4, which is not a decimal digit"],
      ["1\na\xff\xd8", CorruptFrame, "corrupt frame at byte offset 3: header '\\xff' has byte 0xff at byte offset 3, which is not a decimal digit"],
      ["1\na00000001\nx", CorruptFrame, "corrupt frame at byte offset 3: header '00000001' is longer than any valid length (maxFrameSize 1048576 has 7 digits)"],
      ["1\na99999999999999999999", CorruptFrame, "corrupt frame at byte offset 3: header '99999999' is longer than any valid length (maxFrameSize 1048576 has 7 digits)"],
      ["1\na1048577\n", FrameTooLarge, "frame too large at byte offset 3: header '1048577' asks for 1048577, over the limit of 1048576 (maxFrameSize)"],
      ["1\na9999999\n", FrameTooLarge, "frame too large at byte offset 3: header '9999999' asks for 9999999, over the limit of 1048576 (maxFrameSize)"],
    ];
    const s = testScheduler();
    for (const [input, kind, message] of cases) {
      const deframer = new LengthPrefixDeFramer();
      const r = feed(deframer, [bytes(input), bytes("1\nz")], undefined, s);
      expect(r.out.map((f) => text(f as Uint8Array)), input).to.deep.equal(["a"]);
      expect(r.signal, input).to.have.length(1);
      expect((r.signal[0] as ProducerFinished).caller, input).to.equal(deframer);
      const error = endError(r);
      expect(error, input).to.be.instanceOf(kind as never);
      expect(error!.message, input).to.equal(message);
      expect(error!.offset, input).to.equal(3);
      expect(r.ended, input).to.equal(true);
      expect(r.crashed, input).to.equal(false);
    }
  });

  it("a too-large frame error — read — carries the offset, header, length and limit as fields", () => {
    const r = feed(new LengthPrefixDeFramer({ maxFrameSize: 100 }), [bytes("2\nab101\n")]);
    const error = endError(r) as FrameTooLarge;
    expect([error.name, error.offset, error.header, error.length, error.limit]).to.deep.equal(["FrameTooLarge", 4, "101", 101, 100]);
  });

  it("an over-long header — with a small limit — is caught at the first digit too many, not at its newline", () => {
    const r = feed(new LengthPrefixDeFramer({ maxFrameSize: 99 }), [bytes("12"), bytes("3")]);
    expect(endError(r)!.message).to.equal(
      "corrupt frame at byte offset 0: header '123' is longer than any valid length (maxFrameSize 99 has 2 digits)",
    );
  });

  it("a stream ending inside a frame's data — producerFinished — ends it with a ShortFrame", () => {
    const r = feed(new LengthPrefixDeFramer(), [bytes("1\na10\nabc")], producerFinished("upstream done"));
    expect(r.out).to.have.length(1);
    const error = endError(r) as ShortFrame;
    expect(error).to.be.instanceOf(ShortFrame);
    expect(error.message).to.equal("short frame at byte offset 3: header '10' says 10 but only 3 arrived");
    expect(r.ended).to.equal(true);
  });

  it("a stream ending inside a header — producerFinished — ends it with a CorruptFrame", () => {
    const r = feed(new LengthPrefixDeFramer(), [bytes("1\na12")], producerFinished());
    expect(endError(r)!.message).to.equal("corrupt frame at byte offset 3: header '12' is cut off: the stream ended before its newline");
  });

  it("producerFinished — between frames — passes the same message on, and ends", () => {
    const finish = producerFinished(null, "connection closed");
    const r = feed(new LengthPrefixDeFramer(), [bytes("1\na")], finish);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — inside a frame — drops the partial frame, passes the message on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new LengthPrefixDeFramer(), [bytes("1\na5\nab")], stop);
    expect(r.out).to.have.length(1);
    expect(r.signal[0]).to.equal(stop);
    expect(r.signal[0]).to.be.instanceOf(ShutdownMicroprocess);
    expect(r.ended).to.equal(true);
  });

  it("a chunk that is not a Uint8Array — de-framed — ends it with producerFinished(this, FramingError)", () => {
    const r = feed(new LengthPrefixDeFramer(), [bytes("1\na"), "2\nbc"]);
    expect(endError(r)!.message).to.equal("LengthPrefixDeFramer takes Uint8Array chunks, not string (at byte offset 3)");
    expect(r.ended).to.equal(true);
  });

  it("Framer then DeFramer — in a pipeline — round-trip JPEG-sized frames and end in order", () => {
    const s = testScheduler();
    const big = new Uint8Array(200000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    const sink = new ListSink<Uint8Array>();
    new Pipeline(new ListSource([big, JPEG_START]), new LengthPrefixFramer(), new LengthPrefixDeFramer(), sink).run(s);
    expect(sink.items).to.have.length(2);
    expect(sink.items[0]).to.deep.equal(big);
    expect(sink.items[1]).to.deep.equal(JPEG_START);
  });

  it("a de-framer failing — in a pipeline — ends the components after it cleanly while another component keeps running", () => {
    const s = testScheduler();
    const errors: unknown[] = [];
    s.hooks.onError = (error) => errors.push(error);

    let ticks = 0;
    class Ticker extends Microprocess {
      static override Name = "Ticker";
      override *main(): MainLoop {
        for (;;) {
          ticks++;
          yield 1;
        }
      }
    }
    /** Keeps what reaches its control inbox, then ends as the convention says. */
    class Watcher extends Component {
      static override Name = "Watcher";
      readonly frames: string[] = [];
      finish: unknown = null;
      override *main(): MainLoop {
        for (;;) {
          while (this.dataReady()) this.frames.push(text(this.recv()));
          while (this.dataReady("control")) {
            const m = this.recv("control");
            if (isShutdownMessage(m)) {
              this.finish = m;
              this.send(m, "signal");
              return;
            }
          }
          this.pause();
          yield 1;
        }
      }
    }

    const ticker = new Ticker().activate(s);
    const source = new ListSource([bytes("2\nok"), bytes("1\n"), bytes("x-3\nbad"), bytes("2\nno"), bytes("1\nz")]);
    const deframer = new LengthPrefixDeFramer();
    const watcher = new Watcher();
    const pipeline = new Pipeline(source, deframer, watcher).activate(s);
    let slices = 0;
    while (!pipeline.isStopped() && slices++ < 1000) s.runSlice(10);

    expect(pipeline.isStopped(), "the pipeline ended").to.equal(true);
    for (const c of [source, deframer, watcher]) {
      expect(c.isStopped(), c.name + " ended").to.equal(true);
      expect(c.crashed, c.name + " did not crash").to.equal(false);
    }
    expect(watcher.frames).to.deep.equal(["ok", "x"]);
    const finish = watcher.finish as ProducerFinished;
    expect(finish).to.be.instanceOf(ProducerFinished);
    expect(finish.caller).to.equal(deframer);
    expect(finish.message).to.be.instanceOf(CorruptFrame);
    expect((finish.message as Error).message).to.equal("corrupt frame at byte offset 7: header '-' has a negative length");
    expect(errors).to.deep.equal([]);

    const before = ticks;
    s.runSlice(10);
    expect(ticker.isRunning(), "the unrelated component still runs").to.equal(true);
    expect(ticks).to.be.greaterThan(before);
    ticker.stop();
  });
});
