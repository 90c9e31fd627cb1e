/**
 * DataChunker and DataDeChunker: Kamaelia's sync-marker chunking with "%xx" escaping — the escape vectors
 * from Kamaelia's own tests, the chunk wire format, reassembly across every cut, flushing the final
 * chunk, the size limit, and shutdown.
 */
import { expect } from "chai";
import {
  AxonError,
  DEFAULT_SYNC_MESSAGE,
  DataChunker,
  DataDeChunker,
  FrameTooLarge,
  FramingError,
  Pipeline,
  ProducerFinished,
  ShutdownMicroprocess,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import { escapeSync, syncTable, unescapeSync } from "../../../src/components/protocol/sync-escape";
import { ListSink, ListSource } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";
import { cutAt, endError, feed } from "./protocol-harness";

const SYNC = "XXXXXXXXXXXXXXXXXXXXXXXX";

describe("sync escaping", () => {
  const hello = syncTable("hello", "test");

  it("Kamaelia's escape vectors — escaped with sync 'hello' — give Kamaelia's exact output", () => {
    expect(escapeSync("", hello)).to.equal("");
    expect(escapeSync("XXX%XXX", hello)).to.equal("XXX%25XXX");
    expect(escapeSync("XXXXhelloXXXX", hello)).to.equal("XXXX%68%65%6c%6c%6fXXXX");
    expect(escapeSync("X%X%X%XhelloX%X%X%X", hello)).to.equal("X%25X%25X%25X%68%65%6c%6c%6fX%25X%25X%25X");
    expect(escapeSync("X%X%helloX%XhelloX%X%X%X", hello)).to.equal("X%25X%25%68%65%6c%6c%6fX%25X%68%65%6c%6c%6fX%25X%25X%25X");
  });

  it("Kamaelia's unescape vectors — unescaped with sync 'hello' — give the original text", () => {
    expect(unescapeSync("XXX%25XXX", hello)).to.equal("XXX%XXX");
    expect(unescapeSync("XXXX%68%65%6c%6c%6fXXXX", hello)).to.equal("XXXXhelloXXXX");
    expect(unescapeSync("X%25X%25%68%65%6c%6c%6fX%25X%68%65%6c%6c%6fX%25X%25X%25X", hello)).to.equal("X%X%helloX%XhelloX%X%X%X");
  });

  it("Kamaelia's partial-match case — messages '   x' with sync 'xxxx' — cannot show the sync early", () => {
    const table = syncTable("xxxx", "test");
    const encoded = ["   x", "   x"].map((m) => escapeSync(m, table));
    const joined = "xxxx" + encoded.join("xxxx");
    expect(joined.indexOf("xxxx")).to.equal(0);
    expect(joined.indexOf("xxxx", 1)).to.be.greaterThan(7);
    expect(encoded.map((m) => unescapeSync(m, table))).to.deep.equal(["   x", "   x"]);
  });

  it("every character 0–255 — in the sync message — escapes as '%' and two lowercase hex digits", () => {
    let all = "";
    let expected = "";
    for (let c = 0; c < 256; c++) {
      all += String.fromCharCode(c);
      expected += "%" + (c < 16 ? "0" : "") + c.toString(16);
    }
    const table = syncTable(all, "test");
    expect(escapeSync(all, table)).to.equal(expected);
    expect(unescapeSync(expected, table)).to.equal(all);
  });

  it("a '%' sequence that escapes nothing — unescaped — is left as it is", () => {
    const table = syncTable(SYNC, "test");
    expect(unescapeSync("%zz %4 %41 %5 %", table)).to.equal("%zz %4 %41 %5 %");
    expect(unescapeSync("%2558", table)).to.equal("%58");
    expect(unescapeSync("%58%25%58", table)).to.equal("X%X");
  });

  it("a sync message — empty, beyond U+00FF, or only '%', 0–9 and a–f — throws AxonError", () => {
    for (const bad of ["", "%", "0123", "abcdef", "%25", "X\u0100"]) {
      expect(() => syncTable(bad, "DataChunker"), JSON.stringify(bad)).to.throw(AxonError, /sync message must be/);
    }
    expect(() => new DataChunker({ syncmessage: "beef" })).to.throw(AxonError, /DataChunker: the sync message/);
    expect(() => new DataDeChunker({ syncmessage: "" })).to.throw(AxonError, /DataDeChunker: the sync message/);
  });
});

describe("DataChunker", () => {
  it("messages — chunked with the default sync — are the sync message then the escaped message, exactly", () => {
    expect(DEFAULT_SYNC_MESSAGE).to.equal(SYNC);
    const r = feed(new DataChunker(), ["hello", "50% of X", "", "XX%58"]);
    expect(r.out).to.deep.equal([SYNC + "hello", SYNC + "50%25 of %58", SYNC, SYNC + "%58%58%2558"]);
  });

  it("a custom syncmessage — chunking — escapes its characters and prefixes it", () => {
    const chunker = new DataChunker({ syncmessage: "<>" });
    expect(chunker.encodeChunk("a<b>c%")).to.equal("<>a%3cb%3ec%25");
    chunker.stop();
  });

  it("a message that is not a string — chunked — is a FramingError on signal, and the chunker carries on", () => {
    const r = feed(new DataChunker(), [7, "ok"], producerFinished());
    expect(r.out).to.deep.equal([SYNC + "ok"]);
    expect(r.signal[0]).to.be.instanceOf(FramingError);
    expect(r.signal[1]).to.be.instanceOf(ProducerFinished);
  });

  it("producerFinished — on control — chunks what waits, passes the same message on, and ends", () => {
    const finish = producerFinished();
    const r = feed(new DataChunker(), ["a"], finish);
    expect(r.out).to.deep.equal([SYNC + "a"]);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — on control — chunks what waits, passes it on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new DataChunker(), ["a"], stop);
    expect(r.out).to.deep.equal([SYNC + "a"]);
    expect(r.signal[0]).to.equal(stop);
    expect(r.ended).to.equal(true);
  });
});

describe("DataDeChunker", () => {
  const messages = ["first", "50% of X", "", "XX%58 and %", "last"];
  const stream = messages.map((m) => new DataChunker().encodeChunk(m)).join("");

  it("a chunked stream — in one message — gives every message back, the last one on producerFinished", () => {
    const r = feed(new DataDeChunker(), [stream], producerFinished());
    expect(r.out).to.deep.equal(messages);
    expect(r.signal[0]).to.be.instanceOf(ProducerFinished);
    expect(r.ended).to.equal(true);
  });

  it("a chunked stream — cut at every single point — gives the same messages", () => {
    const s = testScheduler();
    for (let cut = 0; cut <= stream.length; cut++) {
      const r = feed(new DataDeChunker(), cutAt(stream, [cut]), producerFinished(), s);
      expect(r.out, "cut at " + cut).to.deep.equal(messages);
    }
  });

  it("a chunked stream — cut at every pair of points — gives the same messages", () => {
    const s = testScheduler();
    for (let a = 0; a <= stream.length; a += 3) {
      for (let b = a; b <= stream.length; b++) {
        const r = feed(new DataDeChunker(), cutAt(stream, [a, b]), producerFinished(), s);
        expect(r.out, "cuts at " + a + ", " + b).to.deep.equal(messages);
      }
    }
  });

  it("a chunked stream — one character per message — gives the same messages", () => {
    const r = feed(new DataDeChunker(), stream.split(""), producerFinished());
    expect(r.out).to.deep.equal(messages);
  });

  it("data before the first sync message — de-chunked — is dropped, as it cannot be known whole", () => {
    const r = feed(new DataDeChunker(), ["tail of an earlier chunk %58", SYNC + "whole"], producerFinished());
    expect(r.out).to.deep.equal(["whole"]);
  });

  it("a chunk — before the next sync message arrives — is held, and the flush inbox sends it", () => {
    const s = testScheduler();
    const dechunker = new DataDeChunker();
    const sink = new ListSink<string>();
    sink.link([dechunker, "outbox"], [sink, "inbox"]);
    sink.activate(s);
    dechunker.activate(s);
    dechunker.inboxes.inbox.push(SYNC + "one" + SYNC + "tw");
    s.runThreads();
    expect(sink.items).to.deep.equal(["one"]);
    dechunker.inboxes.flush.push("now");
    s.runThreads();
    expect(sink.items).to.deep.equal(["one", "tw"]);
    // After a flush it waits for a sync message again: "o" alone is dropped.
    dechunker.inboxes.inbox.push("o" + SYNC + "three");
    dechunker.inboxes.control.push(producerFinished());
    s.runThreads();
    expect(sink.items).to.deep.equal(["one", "tw", "three"]);
    expect(dechunker.isStopped()).to.equal(true);
    sink.stop();
  });

  it("a stream ending right after a sync message — flushed — gives an empty final message", () => {
    const r = feed(new DataDeChunker(), [SYNC + "a" + SYNC], producerFinished());
    expect(r.out).to.deep.equal(["a", ""]);
  });

  it("producerFinished — with nothing synchronised — sends nothing more, passes the same message on, and ends", () => {
    const finish = producerFinished();
    const r = feed(new DataDeChunker(), ["no sync here"], finish);
    expect(r.out).to.deep.equal([]);
    expect(r.signal).to.deep.equal([finish]);
    expect(r.ended).to.equal(true);
  });

  it("shutdownMicroprocess — on control — flushes the held chunk, passes the message on, and ends", () => {
    const stop = shutdownMicroprocess();
    const r = feed(new DataDeChunker(), [SYNC + "a" + SYNC + "held"], stop);
    expect(r.out).to.deep.equal(["a", "held"]);
    expect(r.signal[0]).to.equal(stop);
    expect(r.signal[0]).to.be.instanceOf(ShutdownMicroprocess);
    expect(r.ended).to.equal(true);
  });

  it("a custom syncmessage — de-chunking what a DataChunker with it made — round-trips", () => {
    const sync = "fade!";
    const chunker = new DataChunker({ syncmessage: sync });
    const texts = ["fade! in", "a%d", "!!!!", "f4d3"];
    const chunked = texts.map((t) => chunker.encodeChunk(t)).join("");
    expect(chunked.indexOf(sync, 1)).to.equal(chunker.encodeChunk(texts[0]).length);
    const r = feed(new DataDeChunker({ syncmessage: sync }), chunked.split(""), producerFinished());
    expect(r.out).to.deep.equal(texts);
  });

  it("a chunk — exactly maxFrameSize characters as sent — is accepted", () => {
    const r = feed(new DataDeChunker({ maxFrameSize: 6 }), [SYNC + "abc%25" + SYNC + "x"], producerFinished());
    expect(r.out).to.deep.equal(["abc%", "x"]);
  });

  it("a chunk — over maxFrameSize — ends it with producerFinished(this, FrameTooLarge), after the chunks before", () => {
    const dechunker = new DataDeChunker({ maxFrameSize: 6 });
    const r = feed(dechunker, [SYNC + "ok" + SYNC + "abcdefg" + SYNC + "never"]);
    expect(r.out).to.deep.equal(["ok"]);
    const error = endError(r) as FrameTooLarge;
    expect(error).to.be.instanceOf(FrameTooLarge);
    expect(error.message).to.equal("frame too large at character offset 50: it has grown to 7, over the limit of 6 (maxFrameSize)");
    expect([error.offset, error.limit]).to.deep.equal([50, 6]);
    expect((r.signal[0] as ProducerFinished).caller).to.equal(dechunker);
    expect(r.ended).to.equal(true);
    expect(r.crashed).to.equal(false);
  });

  it("a chunk that never ends — arriving in pieces — ends it once past the limit, without waiting for a sync", () => {
    const pieces = [SYNC];
    for (let i = 0; i < 100; i++) pieces.push("0123456789");
    const r = feed(new DataDeChunker({ maxFrameSize: 50 }), pieces);
    const error = endError(r);
    expect(error).to.be.instanceOf(FrameTooLarge);
    expect(error!.message).to.match(/it has grown to 5\d, over the limit of 50/);
    expect(r.ended).to.equal(true);
  });

  it("a message that is not a string — de-chunked — ends it with producerFinished(this, FramingError)", () => {
    const r = feed(new DataDeChunker(), [SYNC + "a", new Uint8Array(2)]);
    const error = endError(r);
    expect(error).to.be.instanceOf(FramingError);
    expect(error!.message).to.equal("DataDeChunker takes strings, not object");
    expect(r.ended).to.equal(true);
  });

  it("DataChunker then DataDeChunker — in a pipeline — round-trip every message and end in order", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    new Pipeline(new ListSource(messages), new DataChunker(), new DataDeChunker(), sink).run(s);
    expect(sink.items).to.deep.equal(messages);
  });
});
