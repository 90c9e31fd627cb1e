/**
 * NodeFileReader (desktop IO): chunks in order then `closed`, bounded read-ahead for a slow owner, the
 * ends a missing file or a directory bring, and close() silencing it. Real files in a temporary folder.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeFileReader } from "../../../targets/desktop/io/file-reader";
import { CallbackRecorder, turn } from "./callback-recorder";

function pattern(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  return bytes;
}

function open(path: string, rec: CallbackRecorder, more?: { chunkSize?: number; readLimit?: number }): NodeFileReader {
  return new NodeFileReader({ path, onReadable: rec.onReadable, onWritable: rec.onWritable, onError: rec.onError, ...more });
}

/** Reads everything, as an owner woken by callbacks would; resolves with the chunks once `closed`. */
async function readAll(reader: NodeFileReader, rec: CallbackRecorder): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for (;;) {
    let chunk: Uint8Array | undefined;
    while ((chunk = rec.during(() => reader.read())) !== undefined) chunks.push(Buffer.from(chunk));
    if (rec.ends().length > 0) {
      while ((chunk = reader.read()) !== undefined) chunks.push(Buffer.from(chunk));
      return chunks;
    }
    const seen = rec.calls.length;
    await rec.until(() => rec.calls.length > seen, "a callback");
  }
}

describe("NodeFileReader", function () {
  this.timeout(20000);
  let dir = "";
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-reader-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("NodeFileReader — a 100,000-byte file — chunks of chunkSize in order, the last shorter, then closed", async () => {
    const path = join(dir, "data.bin");
    const content = pattern(100000);
    writeFileSync(path, content);
    const rec = new CallbackRecorder();
    const reader = open(path, rec, { chunkSize: 4096 });
    const chunks = await readAll(reader, rec);
    expect(Buffer.concat(chunks).equals(content)).to.equal(true);
    expect(chunks.slice(0, -1).every((c) => c.length === 4096)).to.equal(true);
    expect(chunks[chunks.length - 1].length).to.equal(100000 % 4096);
    expect(rec.ends()).to.have.length(1);
    expect(rec.ends()[0].code).to.equal("closed");
    expect(rec.reentrant).to.deep.equal([]);
    reader.close();
  });

  it("NodeFileReader — an empty file — ends closed with nothing to read", async () => {
    const path = join(dir, "empty.bin");
    writeFileSync(path, "");
    const rec = new CallbackRecorder();
    const reader = open(path, rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("closed");
    expect(reader.read()).to.equal(undefined);
    expect(rec.count("readable")).to.equal(0);
    reader.close();
  });

  it("NodeFileReader — an owner that does not read — read-ahead stops at readLimit, then resumes as it reads", async () => {
    const path = join(dir, "big.bin");
    const content = pattern(1 << 20);
    writeFileSync(path, content);
    const rec = new CallbackRecorder();
    const reader = open(path, rec, { chunkSize: 4096, readLimit: 16384 });
    await rec.until(() => reader.bufferedBytes >= 16384, "read-ahead to fill");
    for (let i = 0; i < 20; i++) await turn();
    expect(reader.bufferedBytes).to.equal(16384);
    expect(rec.ends()).to.deep.equal([]);
    let most = 0;
    const chunks: Buffer[] = [];
    while (rec.ends().length === 0 || reader.bufferedBytes > 0) {
      most = Math.max(most, reader.bufferedBytes);
      const chunk = reader.read();
      if (chunk !== undefined) chunks.push(Buffer.from(chunk));
      else await turn();
    }
    expect(most).to.be.at.most(16384);
    expect(Buffer.concat(chunks).equals(content)).to.equal(true);
    reader.close();
  });

  it("NodeFileReader — a missing file — ends not-found, naming the path", async () => {
    const rec = new CallbackRecorder();
    const reader = open(join(dir, "no-such-file"), rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("not-found");
    expect(rec.ends()[0].message).to.contain("no-such-file");
    expect(reader.read()).to.equal(undefined);
    reader.close();
  });

  it("NodeFileReader — a directory — ends failed", async () => {
    const rec = new CallbackRecorder();
    const reader = open(dir, rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("failed");
    reader.close();
  });

  it("NodeFileReader — closed at once, twice — no callback ever comes", async () => {
    const path = join(dir, "closed.bin");
    writeFileSync(path, pattern(50000));
    const rec = new CallbackRecorder();
    const reader = open(path, rec);
    rec.during(() => reader.close());
    rec.during(() => reader.close());
    // A second reader of the same file, read to its end, shows the first had all the time it needed.
    const control = new CallbackRecorder();
    await readAll(open(path, control), control);
    expect(rec.calls).to.deep.equal([]);
  });
});
