/**
 * NodeFileWriter (desktop IO): bytes in order then `closed` meaning they are in the file, append mode,
 * write() refusing at writeLimit with onWritable after, the ends a missing folder brings, misuse after
 * end(), and close() silencing it. Real files in a temporary folder.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeFileWriter } from "../../../targets/desktop/io/file-writer";
import { CallbackRecorder } from "./callback-recorder";

function open(path: string, rec: CallbackRecorder, more?: { append?: boolean; writeLimit?: number }): NodeFileWriter {
  return new NodeFileWriter({ path, onReadable: rec.onReadable, onWritable: rec.onWritable, onError: rec.onError, ...more });
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

describe("NodeFileWriter", function () {
  this.timeout(20000);
  let dir = "";
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-writer-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("NodeFileWriter — writes then end() — onWritable says open, closed comes once every byte is in the file", async () => {
    const path = join(dir, "out.txt");
    const rec = new CallbackRecorder();
    const writer = open(path, rec);
    expect(rec.during(() => writer.write(bytes("hello ")))).to.equal(true);
    expect(rec.during(() => writer.write(bytes("world\n")))).to.equal(true);
    rec.during(() => writer.end());
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.calls[0].kind).to.equal("writable");
    expect(rec.ends()).to.have.length(1);
    expect(rec.ends()[0].code).to.equal("closed");
    expect(readFileSync(path, "utf8")).to.equal("hello world\n");
    expect(rec.reentrant).to.deep.equal([]);
    writer.close();
  });

  it("NodeFileWriter — an existing file — is truncated, or appended to with append", async () => {
    const path = join(dir, "existing.txt");
    writeFileSync(path, "old content\n");
    const rec = new CallbackRecorder();
    const writer = open(path, rec, { append: true });
    writer.write(bytes("more\n"));
    writer.end();
    await rec.until(() => rec.ends().length > 0, "the append to end");
    expect(readFileSync(path, "utf8")).to.equal("old content\nmore\n");
    const rec2 = new CallbackRecorder();
    const again = open(path, rec2);
    again.write(bytes("new\n"));
    again.end();
    await rec2.until(() => rec2.ends().length > 0, "the rewrite to end");
    expect(readFileSync(path, "utf8")).to.equal("new\n");
  });

  it("NodeFileWriter — writeLimit bytes unwritten — write() refuses, onWritable follows, nothing is lost", async () => {
    const path = join(dir, "limited.bin");
    const rec = new CallbackRecorder();
    const writer = open(path, rec, { writeLimit: 8192 });
    const chunk = new Uint8Array(4096);
    const expected: Buffer[] = [];
    let refused = 0;
    for (let i = 0; i < 64; ) {
      chunk.fill(i & 0xff);
      if (rec.during(() => writer.write(chunk))) {
        expected.push(Buffer.from(chunk));
        i++;
      } else {
        refused++;
        const seen = rec.count("writable");
        await rec.until(() => rec.count("writable") > seen, "onWritable");
      }
    }
    writer.end();
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(refused).to.be.greaterThan(0);
    expect(readFileSync(path).equals(Buffer.concat(expected))).to.equal(true);
  });

  it("NodeFileWriter — the caller reuses its array after write() — the file has what was written", async () => {
    const path = join(dir, "copied.bin");
    const rec = new CallbackRecorder();
    const writer = open(path, rec);
    const reused = bytes("first");
    writer.write(reused);
    reused.set(bytes("XXXXX"));
    writer.end();
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(readFileSync(path, "utf8")).to.equal("first");
  });

  it("NodeFileWriter — a folder that does not exist — ends not-found", async () => {
    const rec = new CallbackRecorder();
    const writer = open(join(dir, "missing", "out.txt"), rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("not-found");
    expect(writer.write(bytes("x"))).to.equal(false);
    writer.close();
  });

  it("NodeFileWriter — write() after end() — throws, saying so", () => {
    const writer = open(join(dir, "ended.txt"), new CallbackRecorder());
    writer.end();
    expect(() => writer.write(bytes("late"))).to.throw(/write\(\) after end\(\)/);
    writer.close();
  });

  it("NodeFileWriter — closed with writes queued, twice — no callback comes", async () => {
    const path = join(dir, "closed.txt");
    const rec = new CallbackRecorder();
    const writer = open(path, rec);
    writer.write(bytes("maybe lost"));
    rec.during(() => writer.close());
    rec.during(() => writer.close());
    const control = new CallbackRecorder();
    const other = open(join(dir, "control.txt"), control);
    other.write(bytes("x"));
    other.end();
    await control.until(() => control.ends().length > 0, "the control writer to end");
    expect(rec.calls).to.deep.equal([]);
  });
});
