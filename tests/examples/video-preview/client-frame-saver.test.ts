/**
 * FrameSaver (`--save DIR`) on real files (desktop EventLoopDriver): each frame in its own numbered file
 * with exactly its bytes, every file complete before the shutdown message is passed on, a folder that
 * cannot be written counted and warned about without stopping, and shutdownMicroprocess passed on at once.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource, Pipeline, ProducerFinished, ShutdownMicroprocess } from "../../../src/index";
import type { LogLevel } from "../../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { FrameSaver, frameFileName } from "../../../examples/video-preview/client/frame-saver";
import { Recorder } from "../../components/internet/tcp-helpers";

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 255;
  return b;
}

describe("FrameSaver", function () {
  this.timeout(20000);
  let dir = "";
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-saver-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("frameFileName — frame numbers — frame-000001.jpg, six digits, more when needed", () => {
    expect([frameFileName(1), frameFileName(42), frameFileName(999999), frameFileName(1234567)]).to.deep.equal([
      "frame-000001.jpg",
      "frame-000042.jpg",
      "frame-999999.jpg",
      "frame-1234567.jpg",
    ]);
  });

  it("FrameSaver — three frames then producerFinished — three files with exactly their bytes, then the message passed on", async () => {
    const frames = [bytes(4500, 1), bytes(1, 2), bytes(70000, 3)];
    const saver = new FrameSaver(dir);
    const recorder = new Recorder();
    await new EventLoopDriver({ log: () => undefined }).run(new Pipeline(new DataSource(frames), saver, recorder));
    expect(readdirSync(dir).sort()).to.deep.equal(["frame-000001.jpg", "frame-000002.jpg", "frame-000003.jpg"]);
    frames.forEach((f, i) => expect(Buffer.from(readFileSync(join(dir, frameFileName(i + 1)))).equals(Buffer.from(f))).to.equal(true, "frame " + (i + 1)));
    expect([saver.received, saver.saved, saver.failed]).to.deep.equal([3, 3, 0]);
    expect(recorder.ending).to.be.instanceOf(ProducerFinished);
    expect(saver.childComponents()).to.deep.equal([]);
  });

  it("FrameSaver — a folder that does not exist — each frame counted as failed with a warning naming the file, and it still ends", async () => {
    const logged: string[] = [];
    const saver = new FrameSaver(join(dir, "missing"));
    const recorder = new Recorder();
    const log = (level: LogLevel, text: string): void => void logged.push(level + ": " + text);
    await new EventLoopDriver({ log }).run(new Pipeline(new DataSource([bytes(10, 1), bytes(10, 2)]), saver, recorder));
    expect([saver.received, saver.saved, saver.failed]).to.deep.equal([2, 0, 2]);
    expect(logged).to.have.length(2);
    expect(logged[0]).to.match(/^warn: .*frame-000001\.jpg/);
    expect(recorder.ending).to.be.instanceOf(ProducerFinished);
  });

  it("FrameSaver — shutdownMicroprocess — passed on at once, and nothing is left running", async () => {
    const saver = new FrameSaver(dir);
    const driver = new EventLoopDriver({ log: () => undefined });
    const handle = new AsyncHandle(saver, driver);
    const signal = handle.get("signal");
    await handle.shutdown();
    expect(await signal).to.be.instanceOf(ShutdownMicroprocess);
    await driver.run();
    handle.close();
    expect(readdirSync(dir)).to.deep.equal([]);
  });
});
