/**
 * ReadFileAdaptor: bytes, lines and bit-rate modes on real files through the desktop driver; lines split
 * across chunks and inside characters; backpressure from a slow, bounded consumer with the read-ahead
 * bounded; the end (closed) and the failures (IOFailed, logged); shutdown; option checks; no IO.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxonError, IOFailed, IONotAvailable, Pipeline, ProducerFinished, ReadFileAdaptor, ShutdownMicroprocess, shutdownMicroprocess } from "../../../src/index";
import type { FileReaderOptions } from "../../../src/index";
import { nodeIO } from "../../../targets/desktop/index";
import { NodeFileReader } from "../../../targets/desktop/io/file-reader";
import { testScheduler } from "../../helpers/test-scheduler";
import { RecordingSink, quietDriver, stopDrivers, waitFor } from "./io-test-kit";

function pattern(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
  return bytes;
}

describe("ReadFileAdaptor", function () {
  this.timeout(20000);
  afterEach(stopDrivers);
  let dir = "";
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-rfa-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("ReadFileAdaptor — bytes mode — the file in chunkSize chunks, then producerFinished carrying the closed end", async () => {
    const path = join(dir, "bytes.bin");
    const content = pattern(10500);
    writeFileSync(path, content);
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new ReadFileAdaptor(path, { chunkSize: 1000 }), sink));
    const chunks = sink.items as Uint8Array[];
    expect(chunks.map((c) => c.length)).to.deep.equal([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 500]);
    expect(Buffer.concat(chunks).equals(content)).to.equal(true);
    expect(sink.end).to.be.instanceOf(ProducerFinished);
    expect((sink.end as ProducerFinished).message).to.include({ code: "closed" });
  });

  it("ReadFileAdaptor — lines mode, 3-byte chunks — whole lines, UTF-8 decoded, \\r\\n stripped, last line without newline kept", async () => {
    const path = join(dir, "lines.txt");
    writeFileSync(path, "first line\r\nsecond: héllo wörld ✓ 😀\n\nfourth after an empty one\nlast, no newline");
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new ReadFileAdaptor(path, { mode: "lines", chunkSize: 3 }), sink));
    expect(sink.items).to.deep.equal(["first line", "second: héllo wörld ✓ 😀", "", "fourth after an empty one", "last, no newline"]);
  });

  it("ReadFileAdaptor — lines mode, a file ending in a newline — no empty line after the last", async () => {
    const path = join(dir, "ending.txt");
    writeFileSync(path, "a\nb\n");
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new ReadFileAdaptor(path, { mode: "lines" }), sink));
    expect(sink.items).to.deep.equal(["a", "b"]);
  });

  it("ReadFileAdaptor — bitrate mode — every chunk, in order, then producerFinished", async () => {
    const path = join(dir, "paced.bin");
    const content = pattern(8000);
    writeFileSync(path, content);
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    // 1000-byte chunks at 800 kbit/s: one every 10 ms, some 70 ms in all (timing is not asserted).
    await driver.run(new Pipeline(new ReadFileAdaptor(path, { mode: "bitrate", bitsPerSecond: 800000, chunkSize: 1000 }), sink));
    expect(sink.items).to.have.length(8);
    expect(Buffer.concat(sink.items as Uint8Array[]).equals(content)).to.equal(true);
    expect(sink.end).to.be.instanceOf(ProducerFinished);
  });

  it("ReadFileAdaptor — a slow consumer with a 2-message inbox — all of 1 MB arrives, read-ahead stays within readLimit", async () => {
    const path = join(dir, "big.bin");
    const content = pattern(1 << 20);
    writeFileSync(path, content);
    const { driver } = quietDriver();
    let most = 0;
    class MeasuredReader extends NodeFileReader {
      constructor(options: FileReaderOptions) {
        super(options);
      }
      override read(): Uint8Array | undefined {
        most = Math.max(most, this.bufferedBytes);
        return super.read();
      }
    }
    driver.host.io = { ...nodeIO, FileReader: MeasuredReader };
    const received: Buffer[] = [];
    const sink = new RecordingSink({ inboxSize: 2, msPerMessage: 0.5, keep: false, onMessage: (m) => received.push(Buffer.from(m as Uint8Array)) });
    await driver.run(new Pipeline(new ReadFileAdaptor(path, { chunkSize: 8192, readLimit: 32768 }), sink));
    expect(Buffer.concat(received).equals(content)).to.equal(true);
    expect(most).to.be.greaterThan(0);
    expect(most).to.be.at.most(32768);
  });

  it("ReadFileAdaptor — a missing file — producerFinished with IOFailed not-found, and a log line naming the path", async () => {
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    const path = join(dir, "not-there.txt");
    await driver.run(new Pipeline(new ReadFileAdaptor(path), sink));
    const failure = (sink.end as ProducerFinished).message;
    expect(failure).to.be.instanceOf(IOFailed);
    expect(failure).to.include({ code: "not-found" });
    expect(lines.join("\n")).to.contain("not-there.txt");
    expect(sink.items).to.deep.equal([]);
  });

  it("ReadFileAdaptor — shutdownMicroprocess while reading slowly — forwarded at once, and it ends", async () => {
    const path = join(dir, "stopped.bin");
    writeFileSync(path, pattern(100000));
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    const reader = new ReadFileAdaptor(path, { mode: "bitrate", bitsPerSecond: 8000, chunkSize: 100 }); // 100 ms a chunk
    const done = driver.run(new Pipeline(reader, sink));
    await waitFor(() => sink.count > 0, "the first chunk");
    reader.inboxes.control.push(shutdownMicroprocess());
    await done;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
    expect(sink.count).to.be.lessThan(1000);
  });

  it("ReadFileAdaptor — options that make no sense — AxonError at construction, saying which", () => {
    expect(() => new ReadFileAdaptor("")).to.throw(AxonError, /path/);
    expect(() => new ReadFileAdaptor("x", { mode: "words" as "lines" })).to.throw(AxonError, /mode/);
    expect(() => new ReadFileAdaptor("x", { chunkSize: 0 })).to.throw(AxonError, /chunkSize/);
    expect(() => new ReadFileAdaptor("x", { mode: "bitrate" })).to.throw(AxonError, /bitsPerSecond/);
  });

  it("ReadFileAdaptor — a host without io — crashes with IONotAvailable", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (error) => errors.push(error) });
    const reader = new ReadFileAdaptor("x").activate(s);
    s.runThreads();
    expect(reader.crashed).to.equal(true);
    expect(errors[0]).to.be.instanceOf(IONotAvailable);
  });
});
