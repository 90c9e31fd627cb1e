/**
 * WriteFileAdaptor: bytes and strings into a real file, producerFinished passed on only once the file is
 * complete, append mode, a 1 MB copy from ReadFileAdaptor through a bounded inbox and a small write
 * limit, the failures (IOFailed, logged), shutdown, and a message that is neither bytes nor text.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxonError, DataSource, IOFailed, Pipeline, ProducerFinished, ReadFileAdaptor, ShutdownMicroprocess, WriteFileAdaptor, shutdownMicroprocess } from "../../../src/index";
import { RecordingSink, quietDriver, stopDrivers, waitFor } from "./io-test-kit";

describe("WriteFileAdaptor", function () {
  this.timeout(20000);
  afterEach(stopDrivers);
  let dir = "";
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-wfa-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("WriteFileAdaptor — bytes and strings then producerFinished — the file is complete when the message is passed on", async () => {
    const path = join(dir, "out.txt");
    const { driver } = quietDriver();
    let seenAtEnd = "";
    const sink = new RecordingSink({ onEnd: () => (seenAtEnd = readFileSync(path, "utf8")) });
    await driver.run(new Pipeline(new DataSource<Uint8Array | string>(["héllo ", new Uint8Array(Buffer.from("bytes ")), "wörld ✓\n"]), new WriteFileAdaptor(path), sink));
    expect(seenAtEnd).to.equal("héllo bytes wörld ✓\n");
    expect(sink.end).to.be.instanceOf(ProducerFinished);
  });

  it("WriteFileAdaptor — append — adds to the end of the file", async () => {
    const path = join(dir, "log.txt");
    writeFileSync(path, "one\n");
    const { driver } = quietDriver();
    await driver.run(new Pipeline(new DataSource(["two\n"]), new WriteFileAdaptor(path, { append: true })));
    expect(readFileSync(path, "utf8")).to.equal("one\ntwo\n");
  });

  it("WriteFileAdaptor — a 1 MB copy through a 2-message inbox and an 8 KiB write limit — identical bytes", async () => {
    const from = join(dir, "source.bin");
    const to = join(dir, "copy.bin");
    const content = Buffer.alloc(1 << 20);
    for (let i = 0; i < content.length; i++) content[i] = (i * 13 + (i >> 10)) & 0xff;
    writeFileSync(from, content);
    const { driver } = quietDriver();
    const writer = new WriteFileAdaptor(to, { writeLimit: 8192 });
    writer.inboxes.inbox.setSize(2);
    await driver.run(new Pipeline(new ReadFileAdaptor(from, { chunkSize: 4096 }), writer));
    expect(readFileSync(to).equals(content)).to.equal(true);
  });

  it("WriteFileAdaptor — a folder that does not exist — producerFinished with IOFailed not-found, and a log line naming the path", async () => {
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    const path = join(dir, "missing", "out.txt");
    await driver.run(new Pipeline(new DataSource(["lost"]), new WriteFileAdaptor(path), sink));
    const failure = (sink.end as ProducerFinished).message;
    expect(failure).to.be.instanceOf(IOFailed);
    expect(failure).to.include({ code: "not-found" });
    expect(lines.join("\n")).to.contain(path);
  });

  it("WriteFileAdaptor — shutdownMicroprocess — forwarded at once, and it ends", async () => {
    const { driver } = quietDriver();
    const writer = new WriteFileAdaptor(join(dir, "stopped.txt"));
    const sink = new RecordingSink();
    const done = driver.run(new Pipeline(writer, sink));
    await waitFor(() => writer.isPaused(), "the writer to wait for data");
    writer.inboxes.control.push(shutdownMicroprocess());
    await done;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
  });

  it("WriteFileAdaptor — a message that is neither bytes nor a string — crashes with an AxonError saying what it got", async () => {
    const errors: unknown[] = [];
    const { driver } = quietDriver();
    driver.scheduler.hooks.onError = (error: unknown) => errors.push(error);
    const writer = new WriteFileAdaptor(join(dir, "wrong.txt"));
    await driver.run(new Pipeline(new DataSource([42 as unknown as string]), writer));
    expect(writer.crashed).to.equal(true);
    expect(errors[0]).to.be.instanceOf(AxonError);
    expect(String((errors[0] as Error).message)).to.match(/WriteFileAdaptor.*number/);
  });
});
