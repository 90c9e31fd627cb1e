/**
 * NodeSubprocess (desktop IO): stdin to stdout through a real child (Node itself, with -e scripts), stderr
 * kept apart, exit codes and onExit before the closed end, a missing program, no shell, bounded read-ahead
 * while the owner does not read, write() refusing at writeLimit, and close() killing (SIGTERM, then SIGKILL
 * for a child that ignores it).
 */
import { expect } from "chai";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeSubprocess } from "../../../targets/desktop/io/subprocess";
import type { OutputStream, SubprocessOptions } from "../../../src/index";
import { CallbackRecorder, turn } from "./callback-recorder";

const node = process.execPath;

function start(rec: CallbackRecorder, script: string, more?: Partial<SubprocessOptions>): NodeSubprocess {
  return new NodeSubprocess({
    command: node,
    args: ["-e", script],
    onReadable: rec.onReadable,
    onWritable: rec.onWritable,
    onError: rec.onError,
    onExit: rec.onExit,
    ...more,
  });
}

/** Everything on both streams until the end, reading as callbacks come. */
async function collect(child: NodeSubprocess, rec: CallbackRecorder): Promise<{ stdout: string; stderr: string }> {
  const got: { [s in OutputStream]: Buffer[] } = { stdout: [], stderr: [] };
  const drain = (): void => {
    for (const stream of ["stdout", "stderr"] as const) {
      let chunk: Uint8Array | undefined;
      while ((chunk = rec.during(() => child.read(stream))) !== undefined) got[stream].push(Buffer.from(chunk));
    }
  };
  while (rec.ends().length === 0) {
    drain();
    const seen = rec.calls.length;
    await rec.until(() => rec.calls.length > seen, "a callback from the child");
  }
  drain();
  return { stdout: Buffer.concat(got.stdout).toString(), stderr: Buffer.concat(got.stderr).toString() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("NodeSubprocess", function () {
  this.timeout(20000);

  it("NodeSubprocess — a child copying stdin to stdout — gets what was written, exits 0, onExit then closed", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdin.pipe(process.stdout)");
    expect(child.pid).to.be.greaterThan(0);
    expect(rec.during(() => child.write(Buffer.from("hello, ")))).to.equal(true);
    expect(rec.during(() => child.write(Buffer.from("child")))).to.equal(true);
    rec.during(() => child.end());
    const out = await collect(child, rec);
    expect(out).to.deep.equal({ stdout: "hello, child", stderr: "" });
    const kinds = rec.calls.map((c) => c.kind).filter((k) => k === "exit" || k === "error");
    expect(kinds).to.deep.equal(["exit", "error"]);
    expect(rec.calls.find((c) => c.kind === "exit")).to.deep.equal({ kind: "exit", status: { code: 0, signal: null } });
    expect(rec.ends()[0].code).to.equal("closed");
    expect(rec.reentrant).to.deep.equal([]);
    child.close();
  });

  it("NodeSubprocess — a child writing to both streams and exiting 3 — streams kept apart, code 3", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdout.write('out'); process.stderr.write('err'); process.exitCode = 3");
    const out = await collect(child, rec);
    expect(out).to.deep.equal({ stdout: "out", stderr: "err" });
    expect(rec.calls.find((c) => c.kind === "exit")).to.deep.equal({ kind: "exit", status: { code: 3, signal: null } });
    expect(rec.ends()[0].code).to.equal("closed");
    child.close();
  });

  it("NodeSubprocess — a program that does not exist — onError not-found, no onExit, pid 0", async () => {
    const rec = new CallbackRecorder();
    const child = new NodeSubprocess({ command: "kamaelia-no-such-program", onError: rec.onError, onExit: rec.onExit, onWritable: rec.onWritable });
    await rec.until(() => rec.ends().length > 0, "the end");
    for (let i = 0; i < 10; i++) await turn();
    expect(rec.calls).to.have.length(1);
    expect(rec.ends()[0].code).to.equal("not-found");
    expect(rec.ends()[0].message).to.contain("kamaelia-no-such-program");
    expect(child.pid).to.equal(0);
    expect(child.read("stdout")).to.equal(undefined);
    expect(child.write(Buffer.from("x"))).to.equal(false);
    child.close();
  });

  it("NodeSubprocess — a file that is not executable — onError denied, no onExit", async () => {
    const path = join(tmpdir(), "kamaelia-not-executable-" + process.pid);
    writeFileSync(path, "#!/bin/sh\necho never\n", { mode: 0o644 });
    chmodSync(path, 0o644);
    const rec = new CallbackRecorder();
    const child = new NodeSubprocess({ command: path, onError: rec.onError, onExit: rec.onExit });
    try {
      await rec.until(() => rec.ends().length > 0, "the end");
    } finally {
      rmSync(path, { force: true });
    }
    expect(rec.ends()[0].code).to.equal("denied");
    expect(rec.count("exit")).to.equal(0);
    child.close();
  });

  it("NodeSubprocess — write() after end() — throws, saying so", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdin.resume()");
    child.end();
    expect(() => child.write(Buffer.from("late"))).to.throw(/write\(\) after end\(\)/);
    await rec.until(() => rec.ends().length > 0, "the exit");
    child.close();
  });

  it("NodeSubprocess — arguments with shell characters, env and cwd — passed as they are, no shell", async () => {
    const rec = new CallbackRecorder();
    const script = "process.stdout.write(JSON.stringify([process.argv.slice(1), process.env.KAMAELIA_TEST, process.cwd()]))";
    const child = start(rec, script, {
      args: ["-e", script, "$HOME; echo hi", "*"],
      env: { KAMAELIA_TEST: "set" },
      cwd: tmpdir(),
    });
    const out = await collect(child, rec);
    expect(JSON.parse(out.stdout)).to.deep.equal([["$HOME; echo hi", "*"], "set", tmpdir()]);
    child.close();
  });

  it("NodeSubprocess — an owner not reading 4 MB of output — holds at most readLimit plus one pipe read, then gets it all", async () => {
    const rec = new CallbackRecorder();
    const readLimit = 65536;
    const child = start(rec, "const b = Buffer.alloc(65536, 120); let n = 64; (function w() { while (n > 0) { n--; if (!process.stdout.write(b)) return process.stdout.once('drain', w); } })()", { readLimit });
    await rec.until(() => child.bufferedBytes("stdout") >= readLimit, "the read-ahead to fill");
    for (let i = 0; i < 20; i++) await turn();
    let most = child.bufferedBytes("stdout");
    expect(rec.count("exit")).to.equal(0);
    let total = 0;
    while (rec.ends().length === 0 || child.bufferedBytes("stdout") > 0) {
      most = Math.max(most, child.bufferedBytes("stdout"));
      const chunk = child.read("stdout");
      if (chunk !== undefined) total += chunk.length;
      else await turn();
    }
    expect(total).to.equal(64 * 65536);
    expect(most).to.be.at.most(readLimit + 65536);
    child.close();
  });

  it("NodeSubprocess — writeLimit bytes unfed — write() refuses, onWritable follows once they are fed", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdin.resume()", { writeLimit: 16384 });
    const chunk = Buffer.alloc(8192, 1);
    let written = 0;
    while (rec.during(() => child.write(chunk))) written++;
    expect(written).to.equal(2);
    const seen = rec.count("writable");
    await rec.until(() => rec.count("writable") > seen, "onWritable after the refusal");
    expect(child.write(chunk)).to.equal(true);
    child.end();
    await rec.until(() => rec.ends().length > 0, "the exit");
    child.close();
  });

  it("NodeSubprocess — close() on a running child, twice — it is killed and no callback comes", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdout.write('ready'); setInterval(() => {}, 1000)");
    await rec.until(() => rec.count("readable") > 0, "the child to start");
    const seen = rec.calls.length;
    rec.during(() => child.close());
    rec.during(() => child.close());
    await rec.until(() => !alive(child.pid), "the child to die");
    await turn();
    expect(rec.calls.length).to.equal(seen);
  });

  it("NodeSubprocess — close() on a child that ignores SIGTERM — SIGKILL follows", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.on('SIGTERM', () => {}); process.stdout.write('ready'); setInterval(() => {}, 1000)");
    await rec.until(() => rec.count("readable") > 0, "the child to start");
    child.close();
    await rec.until(() => !alive(child.pid), "the child to be killed");
  });

  it("NodeSubprocess — kill() — the exit reports the signal", async () => {
    const rec = new CallbackRecorder();
    const child = start(rec, "process.stdout.write('ready'); setInterval(() => {}, 1000)");
    await rec.until(() => rec.count("readable") > 0, "the child to start");
    child.kill();
    await collect(child, rec);
    expect(rec.calls.find((c) => c.kind === "exit")).to.deep.equal({ kind: "exit", status: { code: null, signal: "SIGTERM" } });
    child.kill(); // harmless after exit
    child.close();
  });
});
