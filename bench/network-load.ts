/**
 * Network load (`npm run bench:network`): Kamaelia's ServerCore with an Echo per connection, on loopback,
 * against a hand-written Node `net` echo server measured in the same run as the baseline.
 *
 * Usage: node --expose-gc --import tsx bench/network-load.ts [--clients=1000] [--messages=20] [--cycles=10000]
 *
 * What it does, for each server:
 * 1. Concurrent clients: `clients` plain Node sockets connect at once; each sends `messages` 64-byte
 *    messages one at a time, waiting for each echo (a round trip), checks every byte, then disconnects.
 * 2. Cycles: `cycles` connect/send 16 bytes/receive the echo/disconnect cycles, 100 at a time.
 * It reports round trips per second, cycles per second, RSS and heap before and after (after a GC when
 * run with --expose-gc), Node's live handles by kind, and — for Kamaelia — live components, linkages and
 * connections. PASS needs every echo right and, after each phase, components, linkages, connections and
 * TCP handles back at their starting values, and heap growth under 16 MB; otherwise it prints FAIL and
 * exits 1. The clients are plain sockets in this same process for both servers, so the ratio compares the
 * servers under the same load generator.
 */
import * as net from "node:net";
import { cpus } from "node:os";
import { ServerCore, liveLinkageCount } from "../src/index";
import type { MainLoop } from "../src/index";
import { Component } from "../src/index";
import { AsyncHandle, EventLoopDriver } from "../targets/desktop/index";

function option(name: string, fallback: number): number {
  const prefix = "--" + name + "=";
  for (const a of process.argv.slice(2)) if (a.startsWith(prefix)) return Number(a.slice(prefix.length));
  return fallback;
}

const CLIENTS = option("clients", 1000);
const MESSAGES = option("messages", 20);
const CYCLES = option("cycles", 10000);
const CYCLE_CONCURRENCY = 100;
const HEAP_GROWTH_LIMIT = 16 << 20;

/** The paper's Echo protocol. */
class Echo extends Component {
  static override Name = "Echo";
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.send(this.recv());
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }
}

/** A server under test: where it listens, what it counts, and how to stop it. */
interface Subject {
  name: string;
  port: number;
  counts(): { [what: string]: number };
  stop(): Promise<void>;
}

async function kamaeliaServer(): Promise<Subject> {
  const driver = new EventLoopDriver({ log: () => undefined });
  const server = new ServerCore(() => new Echo(), 0, { address: "127.0.0.1", backlog: 2048 });
  const handle = new AsyncHandle(server, driver);
  const port = (await handle.get("serverPort")) as number;
  return {
    name: "kamaelia ServerCore",
    port,
    counts: () => ({
      components: driver.scheduler.listAllThreads().length,
      linkages: liveLinkageCount(),
      connections: server.connectionCount(),
      tcpHandles: tcpHandles(),
    }),
    stop: async () => {
      await handle.shutdown();
      handle.close();
    },
  };
}

async function plainServer(): Promise<Subject> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.pipe(socket);
  });
  server.listen({ port: 0, host: "127.0.0.1", backlog: 2048 });
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    name: "hand-written net echo",
    port: (server.address() as net.AddressInfo).port,
    counts: () => ({ connections: sockets.size, tcpHandles: tcpHandles() }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "TCPServerWrap").length;
}

function handleKinds(): string {
  const kinds: { [kind: string]: number } = {};
  for (const r of process.getActiveResourcesInfo()) kinds[r] = (kinds[r] || 0) + 1;
  return Object.keys(kinds)
    .sort()
    .map((k) => k + " " + kinds[k])
    .join(", ");
}

function memory(): { rss: number; heap: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1) + " MB";

/** One client: connect, `count` round trips of `size` bytes, disconnect. Resolves false on a wrong echo. */
function client(port: number, count: number, size: number, seed: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const message = Buffer.alloc(size, seed & 0xff);
    let sent = 0;
    let got = 0;
    let ok = true;
    socket.on("error", reject);
    socket.on("connect", () => {
      sent++;
      socket.write(message);
    });
    socket.on("data", (d: Buffer) => {
      for (let i = 0; i < d.length; i++) if (d[i] !== (seed & 0xff)) ok = false;
      got += d.length;
      if (got === sent * size) {
        if (sent < count) {
          sent++;
          socket.write(message);
        } else socket.end();
      }
    });
    socket.on("close", () => resolve(ok && got === count * size));
  });
}

/** Waits (up to 10 s) for the counts to return to `before`; returns what they were at the end. */
async function settle(subject: Subject, before: { [what: string]: number }): Promise<{ [what: string]: number }> {
  const started = Date.now();
  let now = subject.counts();
  while (JSON.stringify(now) !== JSON.stringify(before) && Date.now() - started < 10000) {
    await new Promise((r) => setTimeout(r, 20));
    now = subject.counts();
  }
  return now;
}

interface PhaseResult {
  rate: number;
  pass: boolean;
  notes: string[];
}

/** Waits until the counts have not changed for 200 ms (sockets from the last phase finish closing). */
async function quiet(subject: Subject): Promise<{ [what: string]: number }> {
  let last = JSON.stringify(subject.counts());
  let steadySince = Date.now();
  while (Date.now() - steadySince < 200) {
    await new Promise((r) => setTimeout(r, 20));
    const now = JSON.stringify(subject.counts());
    if (now !== last) {
      last = now;
      steadySince = Date.now();
    }
  }
  return subject.counts();
}

async function phase(subject: Subject, label: string, run: () => Promise<{ units: number; allRight: boolean }>, unit: string): Promise<PhaseResult> {
  const before = await quiet(subject);
  const memBefore = memory();
  const started = performance.now();
  const { units, allRight } = await run();
  const seconds = (performance.now() - started) / 1000;
  const after = await settle(subject, before);
  const memAfter = memory();
  const leaks = Object.keys(before).filter((k) => after[k] !== before[k]);
  const heapGrowth = memAfter.heap - memBefore.heap;
  const notes: string[] = [];
  if (!allRight) notes.push("a client got a wrong or short echo");
  for (const k of leaks) notes.push(k + " " + before[k] + " -> " + after[k]);
  if (heapGrowth > HEAP_GROWTH_LIMIT) notes.push("heap grew " + mb(heapGrowth));
  const rate = units / seconds;
  console.log(
    "  " + label.padEnd(30) + (Math.round(rate) + " " + unit + "/s").padStart(18) + "   " + seconds.toFixed(2) + " s" +
      "   rss " + mb(memBefore.rss) + " -> " + mb(memAfter.rss) + "   heap " + mb(memBefore.heap) + " -> " + mb(memAfter.heap),
  );
  console.log("  " + " ".repeat(30) + "counts " + JSON.stringify(before) + " -> " + JSON.stringify(after));
  console.log("  " + " ".repeat(30) + (notes.length === 0 ? "PASS" : "FAIL: " + notes.join("; ")));
  return { rate, pass: notes.length === 0, notes };
}

async function measure(subject: Subject): Promise<PhaseResult[]> {
  console.log(subject.name + " on 127.0.0.1:" + subject.port);
  const concurrent = await phase(
    subject,
    CLIENTS + " clients x " + MESSAGES + " echoes",
    async () => {
      const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(subject.port, MESSAGES, 64, i)));
      return { units: CLIENTS * MESSAGES, allRight: results.every((r) => r) };
    },
    "round trips",
  );
  const cycles = await phase(
    subject,
    CYCLES + " connect/disconnects",
    async () => {
      let allRight = true;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < CYCLES) {
          const i = next++;
          if (!(await client(subject.port, 1, 16, i))) allRight = false;
        }
      };
      await Promise.all(Array.from({ length: CYCLE_CONCURRENCY }, worker));
      return { units: CYCLES, allRight };
    },
    "cycles",
  );
  console.log("  handles now: " + handleKinds());
  await subject.stop();
  return [concurrent, cycles];
}

async function main(): Promise<void> {
  console.log(
    "network load: node " + process.version + ", " + cpus().length + " x " + (cpus()[0]?.model || "?") +
      (typeof (globalThis as { gc?: unknown }).gc === "function" ? "" : " (no --expose-gc: memory figures include garbage)"),
  );
  console.log("handles at start: " + handleKinds());
  const kamaelia = await measure(await kamaeliaServer());
  const plain = await measure(await plainServer());
  console.log("ratios (kamaelia / hand-written): round trips " + (kamaelia[0].rate / plain[0].rate).toFixed(2) + "x, cycles " + (kamaelia[1].rate / plain[1].rate).toFixed(2) + "x");
  const pass = kamaelia.every((r) => r.pass) && plain.every((r) => r.pass);
  console.log(pass ? "PASS: no leaks" : "FAIL");
  process.exitCode = pass ? 0 : 1;
}

await main();
