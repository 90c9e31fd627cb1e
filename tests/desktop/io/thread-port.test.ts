/**
 * NodeThreadPort (desktop target): messages both ways in order, bounded queues both ways (write refusing,
 * send blocking), the ends (closed, failed with what was thrown, not-found), close() ending a blocked
 * thread, pause(), plain .mjs modules, and the built bundle. Real worker threads: each test waits on
 * callbacks, never on the clock, and checks afterwards that no Worker is left running.
 */
import { expect } from "chai";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { BoxNotFound, decodeThreadMessage, encodeThreadMessage, producerFinished } from "../../../src/index";
import type { IOEnd, ThreadEnd, ThreadMessage, ThreadPortOptions } from "../../../src/index";
import { NodeThreadPort, liveThreadPorts } from "../../../targets/desktop/io/thread-port";

const fixtures = resolve(import.meta.dirname, "../../fixtures/threads");
const fixture = (file: string): string => resolve(fixtures, file);

/** The callbacks a port is given, recording each; `until` waits for a condition on the real event loop. */
class Recorder {
  readable = 0;
  writable = 0;
  ends: IOEnd[] = [];
  /** Callbacks made synchronously inside one of the owner's calls (the contract forbids them). */
  reentrant = 0;
  private inside = false;
  private waiters: Array<() => void> = [];
  readonly onReadable = (): void => this.record(() => this.readable++);
  readonly onWritable = (): void => this.record(() => this.writable++);
  readonly onError = (end: IOEnd): void => this.record(() => this.ends.push(end));

  /** Run one of the owner's calls, noting callbacks made inside it. */
  during<T>(call: () => T): T {
    this.inside = true;
    try {
      return call();
    } finally {
      this.inside = false;
    }
  }

  until(test: () => boolean, what: string, ms = 15000): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error("timed out waiting for " + what));
      }, ms);
      const check = (): boolean => {
        if (!test()) return false;
        clearTimeout(timer);
        clearInterval(poll);
        resolvePromise();
        return true;
      };
      // Polled too, for conditions only the thread's shared memory shows.
      const poll = setInterval(check, 2);
      if (!check()) this.waiters.push(() => void check());
    });
  }

  private record(effect: () => void): void {
    effect();
    if (this.inside) this.reentrant++;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

function open(recorder: Recorder, options: Omit<ThreadPortOptions, "onReadable" | "onWritable" | "onError">): NodeThreadPort {
  return new NodeThreadPort({ ...options, onReadable: recorder.onReadable, onWritable: recorder.onWritable, onError: recorder.onError });
}

/** Everything readable now, decoded. */
function readAll(port: NodeThreadPort, recorder: Recorder): ThreadMessage[] {
  const out: ThreadMessage[] = [];
  for (;;) {
    const m = recorder.during(() => port.read());
    if (m === undefined) return out;
    out.push({ box: m.box, message: decodeThreadMessage(m.message) });
  }
}

/** A shared cell array for the blocking fixtures (slot 1 says the thread has started blocking). */
function cell(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

describe("NodeThreadPort", function () {
  this.timeout(20000);
  const quiet = new Recorder();

  afterEach(async () => {
    await quiet.until(() => liveThreadPorts() === 0, "every thread Worker to exit");
  });

  it("write and read — 100 messages through an echo thread — come back in order, once each, never re-entrantly", async () => {
    const r = new Recorder();
    const port = open(r, { name: "Echo_1", module: fixture("echo.ts"), capacity: 4 });
    const back: ThreadMessage[] = [];
    let next = 0;
    const pump = (): void => {
      while (next < 100 && r.during(() => port.write("inbox", next))) next++;
      if (next === 100 && r.during(() => port.write("control", encodeThreadMessage(producerFinished({ name: "Test_1" }))))) next++;
    };
    pump();
    expect(next).to.equal(4); // the thread's inbox holds 4
    await r.until(() => {
      pump();
      back.push(...readAll(port, r));
      return r.ends.length > 0;
    }, "the echo thread to finish");
    back.push(...readAll(port, r));
    const numbers = back.filter((m) => m.box === "outbox").map((m) => m.message);
    expect(numbers).to.deep.equal(Array.from({ length: 100 }, (_, i) => i));
    expect(back[back.length - 1].box).to.equal("signal");
    expect(back[back.length - 1].message).to.deep.include({ caller: "Test_1" });
    expect(r.ends).to.deep.equal([{ code: "closed", message: "Echo_1's thread returned from its main" }]);
    expect(r.reentrant).to.equal(0);
    expect(() => port.write("elsewhere", 1)).to.throw(BoxNotFound);
    expect(port.write("inbox", 1)).to.equal(false); // ended: nothing taken
    port.close();
    port.close();
  });

  it("write — the thread's inbox holds capacity — returns false, and onWritable follows the thread's recv", async () => {
    const r = new Recorder();
    const gate = cell();
    const port = open(r, { name: "Gated_2", module: fixture("blocking.ts"), exportName: "gatedEcho", args: { cell: gate.buffer }, capacity: 3 });
    expect([port.write("inbox", "a"), port.write("inbox", "b"), port.write("inbox", "c"), port.write("inbox", "d")]).to.deep.equal([true, true, true, false]);
    await r.until(() => Atomics.load(gate, 1) === 1, "the thread to start waiting at its gate");
    expect(r.writable).to.equal(0);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await r.until(() => r.writable > 0, "onWritable");
    expect(port.write("inbox", "d")).to.equal(true);
    const back: unknown[] = [];
    await r.until(() => {
      back.push(...readAll(port, r).map((m) => m.message));
      return back.length === 4;
    }, "four echoes");
    expect(back).to.deep.equal(["a", "b", "c", "d"]);
    expect(port.write("control", "stop")).to.equal(true);
    await r.until(() => r.ends.length > 0, "the end");
    expect(r.ends[0].code).to.equal("closed");
  });

  it("send — a thread sends 1,000 to a slow reader — never more than capacity unread, and in order", async () => {
    const r = new Recorder();
    const sent = cell();
    const capacity = 8;
    const port = open(r, { name: "Flood_3", module: fixture("flood.ts"), args: { count: 1000, sent: sent.buffer }, capacity });
    await r.until(() => Atomics.load(sent, 0) === capacity, "the thread to fill its outbound queue");
    let read = 0;
    let most = 0;
    let inOrder = true;
    // One message per event-loop turn: far slower than the thread could send.
    while (read < 1000) {
      await new Promise((next) => setImmediate(next));
      const m = port.read();
      if (m === undefined) continue;
      if (m.message !== read) inOrder = false;
      read++;
      most = Math.max(most, Atomics.load(sent, 0) - read);
    }
    expect(inOrder).to.equal(true);
    expect(most).to.be.at.most(capacity);
    await r.until(() => r.ends.length > 0, "the end");
    expect(r.ends[0].code).to.equal("closed");
  });

  it("the thread's main returns — with messages unread — ends closed and what it sent stays readable", async () => {
    const r = new Recorder();
    const port = open(r, { name: "Flood_4", module: fixture("flood.ts"), args: { count: 3, sent: cell().buffer } });
    await r.until(() => r.ends.length > 0, "the end");
    expect(r.ends[0].code).to.equal("closed");
    expect(readAll(port, r).map((m) => m.message)).to.deep.equal([0, 1, 2]);
    expect(port.read()).to.equal(undefined);
  });

  it("the thread throws — onError failed, with the thrown name, message and stack", async () => {
    const r = new Recorder();
    const port = open(r, { name: "Failing_5", module: fixture("failing.ts") });
    await r.until(() => r.ends.length > 0, "the end");
    const end = r.ends[0] as ThreadEnd;
    expect(end.code).to.equal("failed");
    expect(end.message).to.contain("RangeError: bad frame 7");
    expect(end.thrown).to.deep.include({ name: "RangeError", message: "bad frame 7" });
    expect(end.thrown?.stack).to.contain("parseFrame").and.to.contain("failing.ts");
    expect(readAll(port, r).map((m) => m.message)).to.deep.equal(["before"]);
    expect(r.ends).to.have.length(1);
  });

  it("the thread fails otherwise — each end says how", async () => {
    const cases: Array<{ exportName?: string; module?: string; code: string; name: string; says: string }> = [
      { exportName: "throwsString", code: "failed", name: "thrown value", says: "plain words" },
      { exportName: "badBox", code: "failed", name: "BoxNotFound", says: "elsewhere" },
      { exportName: "sendsFunction", code: "failed", name: "DataCloneError", says: "could not be cloned" },
      { exportName: "notAFunction", code: "failed", name: "TypeError", says: 'no function export "notAFunction"' },
      { exportName: "exits", code: "failed", name: "", says: "exited (code 3)" },
      { module: fixture("no-such-module.ts"), code: "not-found", name: "Error", says: "no-such-module" },
    ];
    const runs = cases.map((c, i) => {
      const r = new Recorder();
      open(r, { name: "Failing_" + (10 + i), module: c.module || fixture("failing.ts"), exportName: c.exportName });
      return r.until(() => r.ends.length > 0, "the end of case " + i).then(() => r.ends[0] as ThreadEnd);
    });
    const ends = await Promise.all(runs);
    ends.forEach((end, i) => {
      const c = cases[i];
      expect(end.code, "case " + i).to.equal(c.code);
      expect(end.message, "case " + i).to.contain(c.says);
      if (c.name !== "") expect(end.thrown?.name, "case " + i).to.equal(c.name);
    });
  });

  it("close — the thread is blocked in Atomics.wait — no callbacks follow and its Worker exits", async () => {
    const r = new Recorder();
    const blocked = cell();
    const port = open(r, { name: "Blocked_6", module: fixture("blocking.ts"), exportName: "waitForever", args: { cell: blocked.buffer }, capacity: 2 });
    await r.until(() => Atomics.load(blocked, 1) === 1, "the thread to block");
    // Control messages are not counted against the inbox's capacity: they reach a thread that stopped reading.
    expect([port.write("inbox", 1), port.write("inbox", 2), port.write("inbox", 3), port.write("control", "stop")]).to.deep.equal([true, true, false, true]);
    expect(liveThreadPorts()).to.equal(1);
    r.during(() => port.close());
    await r.until(() => liveThreadPorts() === 0, "the Worker to exit");
    expect(r.ends).to.deep.equal([]);
    expect(r.readable + r.writable).to.equal(0);
    expect(port.write("inbox", 1)).to.equal(false);
    expect(port.read()).to.equal(undefined);
  });

  it("pause — a timeout with nothing waiting — false; a message arriving — wakes it, true", async () => {
    const r = new Recorder();
    const port = open(r, { name: "Pauses_7", module: fixture("blocking.ts"), exportName: "pauses" });
    const back: unknown[] = [];
    await r.until(() => {
      back.push(...readAll(port, r).map((m) => m.message));
      return back.length === 1;
    }, "the timed-out pause");
    expect(back).to.deep.equal([false]);
    port.write("inbox", "hello");
    await r.until(() => r.ends.length > 0, "the end");
    back.push(...readAll(port, r).map((m) => m.message));
    expect(back).to.deep.equal([false, true, "hello", 0]);
  });

  it("a plain .mjs thread module — loads with Node's own loader — and echoes", async () => {
    const r = new Recorder();
    const port = open(r, { name: "Plain_8", module: pathToFileURL(fixture("plain-echo.mjs")).href });
    port.write("inbox", { n: 1 });
    port.write("inbox", [2, "three"]);
    port.write("control", "stop");
    await r.until(() => r.ends.length > 0, "the end");
    expect(r.ends[0].code).to.equal("closed");
    expect(readAll(port, r).map((m) => m.message)).to.deep.equal([{ n: 1 }, [2, "three"]]);
  });

  it("the built desktop bundle — an .mjs thread module importing the built kamaelia — shutdown messages cross as its classes", async function () {
    const built = resolve(import.meta.dirname, "../../../dist/node/desktop.mjs");
    if (!existsSync(built)) this.skip(); // npm test builds first; a bare mocha run may not have
    const desktop = await import(built);
    const kamaelia = await import(resolve(import.meta.dirname, "../../../dist/node/kamaelia.mjs"));
    const r = new Recorder();
    const Port = desktop.nodeIO.ThreadPort as typeof NodeThreadPort;
    const port = new Port({ name: "Bundle_9", module: fixture("bundle-echo.mjs"), onReadable: r.onReadable, onWritable: r.onWritable, onError: r.onError });
    port.write("control", kamaelia.encodeThreadMessage(kamaelia.producerFinished({ name: "Source_1" })));
    await r.until(() => r.ends.length > 0, "the end");
    expect(r.ends[0].code).to.equal("closed");
    const first = port.read() as ThreadMessage;
    const second = port.read() as ThreadMessage;
    expect(first.message).to.deep.equal({ shutdown: true, caller: "Source_1" });
    const finished = kamaelia.decodeThreadMessage(second.message);
    expect(second.box).to.equal("signal");
    expect(finished).to.be.instanceOf(kamaelia.ProducerFinished);
    expect(finished.message).to.equal("done");
  });
});
