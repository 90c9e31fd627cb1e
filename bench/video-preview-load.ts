/**
 * The video preview server under load (issue 8's evidence): 1,000 TCP clients and 100 WebSocket clients
 * on loopback watch one shared extraction at one frame a second; then 10 clients that never read join them.
 *
 * Run: npm run bench:streamer        (node --import tsx bench/video-preview-load.ts; needs `npm run build`
 *                                     for the viewer bundle, and `ulimit -n` of at least 4096)
 *
 * What it does:
 * - The server (examples/video-preview/server/PreviewServer, default video, 176×144, interval 1 s) runs in a
 *   child process, so its CPU (process.cpuUsage) and memory (RSS, heap) are its own. A tally there joins
 *   the channel like a client and records every frame published: its time, size and SHA-1.
 * - This process opens the clients in batches of 100 (plain `net` sockets that send no request line, and
 *   `ws` WebSockets on /frames) and waits until every one has a frame.
 * - After 3 s of settling, phase A (10 s): all 1,100 clients read. Phase B (10 s): 10 more TCP clients connect and never read a
 *   byte. For each phase it reports frame latency (publish → arrival), inter-frame gaps, and the largest
 *   change of any client's mean inter-frame gap from A to B (target: no more than one interval).
 * - Every client must have received every frame published from its first frame to the end, in order, byte
 *   for byte (matched by SHA-1 against the tally; a frame still in flight at the end is allowed).
 * - Prints the results, writes bench/results/video-preview-load.json, and rewrites the block between
 *   `<!-- BEGIN streamer-load -->` and `<!-- END streamer-load -->` in bench/README.md.
 * - Exit status 1 if a client missed a frame or a connection failed (the targets are reported, not
 *   enforced: they depend on the machine).
 *
 * How it works inside: one file, two roles — run with `--server` (by fork) it is the server child, taking
 * `stats` and `stop` over IPC; otherwise it is the load generator.
 */
import { execFileSync, fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { join } from "node:path";
import { WebSocket } from "ws";
import { root } from "./kamaelia-builds";
import { machineInfo, currentLoad } from "./machine";

const TCP_CLIENTS = 1000;
const WS_CLIENTS = 100;
const STALLED_CLIENTS = 10;
const INTERVAL_S = 1;
const PHASE_MS = 10000;
/** Settling time after every client has its first frame, before phase A. */
const WARM_UP_MS = 3000;
const BATCH = 100;
const NEEDED_FDS = 4096;
const RESULTS = join(root, "bench", "results", "video-preview-load.json");
const README = join(root, "bench", "README.md");

/** One frame as the tally saw it published. */
interface Published {
  readonly sha: string;
  readonly at: number;
  readonly size: number;
}

/** What the server child reports. */
interface ServerStats {
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly tcpConnections: number;
  readonly webSockets: number;
  readonly ffmpeg: number;
  readonly dropped: number;
  /** Bytes the server's connection adapters hold that their sockets have not taken, all together. */
  readonly backlogBytes: number;
  readonly published: Published[];
}

/** Wall-clock milliseconds with sub-ms resolution, comparable across processes on one machine. */
function clock(): number {
  return performance.timeOrigin + performance.now();
}

function sha1(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

// ---------------------------------------------------------------------------------------------------------
// The server child

async function serverChild(): Promise<void> {
  const { PreviewServer } = await import("../examples/video-preview/server/preview-server");
  const { PreviewProtocol } = await import("../examples/video-preview/server/preview-protocol");
  const { FrameFeed } = await import("../examples/video-preview/server/frame-feed");
  const { AsyncHandle, EventLoopDriver } = await import("../targets/desktop/index");
  const { ConnectedSocketAdapter } = await import("../src/index");
  const send = (message: unknown): void => void process.send!(message);
  const driver = new EventLoopDriver({ log: (level, text) => (level === "error" || level === "warn" ? console.error(level + ": " + text) : undefined) });
  const server = new PreviewServer({ port: 0, httpPort: 0, address: "127.0.0.1", interval: INTERVAL_S, maxConnections: 5000 });
  const handle = new AsyncHandle(server, driver);
  const running = driver.run();
  const ports = await handle.get("ready");
  const published: Published[] = [];
  const tally = new AsyncHandle(new FrameFeed(server.channels, server.defaults, { queueLength: 10000 }), driver);
  void (async () => {
    for (;;) {
      const frame = (await tally.get()) as Uint8Array | undefined;
      if (frame === undefined) return;
      published.push({ sha: sha1(frame), at: clock(), size: frame.length });
    }
  })();
  const start = process.cpuUsage();
  process.on("message", async (message: { cmd: string }) => {
    if (message.cmd === "stats") {
      const cpu = process.cpuUsage(start);
      const memory = process.memoryUsage();
      let dropped = 0;
      let tcp = 0;
      let backlogBytes = 0;
      for (const child of server.core.childComponents()) {
        if (child instanceof ConnectedSocketAdapter) backlogBytes += child.bufferedBytes();
        if (child instanceof PreviewProtocol) {
          tcp++;
          if (child.feed !== null) dropped += child.feed.queue.dropped;
        }
      }
      for (const sender of server.gateway.socketSenders()) dropped += sender.feed.queue.dropped;
      const stats: ServerStats = {
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
        rssMiB: memory.rss / 2 ** 20,
        heapUsedMiB: memory.heapUsed / 2 ** 20,
        tcpConnections: tcp,
        webSockets: server.gateway.socketCount(),
        ffmpeg: server.channels.grabberCount(),
        dropped,
        backlogBytes,
        published,
      };
      send({ stats });
    } else if (message.cmd === "stop") {
      await tally.shutdown();
      await handle.shutdown();
      await running;
      send({ stopped: true });
      process.exit(0);
    }
  });
  send({ ports });
}

// ---------------------------------------------------------------------------------------------------------
// The load generator

/** One client's view: each frame's SHA-1, size and arrival time. */
class Client {
  readonly shas: string[] = [];
  readonly times: number[] = [];
  readonly sizes: number[] = [];
  failed: string | null = null;

  frame(bytes: Uint8Array): void {
    this.shas.push(sha1(bytes));
    this.times.push(clock());
    this.sizes.push(bytes.length);
  }
}

/** A TCP client parsing "<n>\n<jpeg>" frames. */
function tcpClient(port: number, stalled: boolean): Promise<{ client: Client; close: () => void }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const socket = net.connect({ port, host: "127.0.0.1" });
    if (stalled) socket.pause();
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (data: Buffer) => {
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      for (;;) {
        const newline = pending.indexOf(10);
        if (newline < 0) break;
        const n = Number(pending.subarray(0, newline).toString("latin1"));
        if (pending.length < newline + 1 + n) break;
        client.frame(pending.subarray(newline + 1, newline + 1 + n));
        pending = pending.subarray(newline + 1 + n);
      }
    });
    socket.on("error", (error) => {
      client.failed = error.message;
      reject(error);
    });
    socket.on("close", () => {
      if (client.failed === null) client.failed = "closed by the server";
    });
    socket.on("connect", () => resolve({ client, close: () => socket.destroy() }));
  });
}

/** A WebSocket client on /frames. */
function wsClient(port: number): Promise<{ client: Client; close: () => void }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const ws = new WebSocket("ws://127.0.0.1:" + port + "/frames");
    ws.on("message", (data: Buffer) => client.frame(data));
    ws.on("error", (error) => {
      client.failed = error.message;
      reject(error);
    });
    ws.on("close", () => {
      if (client.failed === null) client.failed = "closed by the server";
    });
    ws.on("open", () => resolve({ client, close: () => ws.terminate() }));
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Each frame's latency (arrival − publish) and each gap between a client's frames, within [from, to). */
function timings(clients: Client[], published: Published[], from: number, to: number): { latency: number[]; gaps: number[]; meanGap: number[] } {
  const latency: number[] = [];
  const gaps: number[] = [];
  const meanGap: number[] = [];
  const publishedAt = new Map<string, number[]>();
  for (const p of published) {
    const list = publishedAt.get(p.sha) || [];
    list.push(p.at);
    publishedAt.set(p.sha, list);
  }
  for (const c of clients) {
    const own: number[] = [];
    for (let i = 0; i < c.times.length; i++) {
      const t = c.times[i];
      if (t < from || t >= to) continue;
      // The publication of this frame's bytes nearest its arrival (the clip repeats every 12 s, and the
      // tally may note a frame a little after a client has it: it is one subscriber among the others).
      let at = NaN;
      for (const p of publishedAt.get(c.shas[i]) || []) if (isNaN(at) || Math.abs(t - p) < Math.abs(t - at)) at = p;
      if (!isNaN(at)) latency.push(t - at);
      if (i > 0 && c.times[i - 1] >= from) {
        gaps.push(t - c.times[i - 1]);
        own.push(t - c.times[i - 1]);
      }
    }
    meanGap.push(mean(own));
  }
  return { latency, gaps, meanGap };
}

/** Did the client get every frame published from its first one on, in order, byte for byte? */
function missedFrames(c: Client, published: string[]): string | null {
  if (c.shas.length === 0) return "no frame at all";
  for (let start = 0; start < published.length; start++) {
    let ok = true;
    for (let i = 0; i < c.shas.length && ok; i++) ok = published[start + i] === c.shas[i];
    // Its frames are a run of the published ones, and at most one published at the very end is still in flight.
    if (ok && start + c.shas.length >= published.length - 1) return null;
  }
  return "got " + c.shas.length + " frames that are not every frame published since its first (" + published.length + " published)";
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function ask(child: ChildProcess, cmd: string): Promise<{ stats?: ServerStats; stopped?: boolean }> {
  return new Promise((resolve) => {
    child.once("message", (message: { stats?: ServerStats; stopped?: boolean }) => resolve(message));
    child.send({ cmd });
  });
}

function fdLimit(): number {
  try {
    const text = execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim();
    return text === "unlimited" ? Infinity : Number(text);
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const limit = fdLimit();
  if (!(limit >= NEEDED_FDS)) {
    console.error(
      "video-preview-load: `ulimit -n` is " + limit + ", but this needs at least " + NEEDED_FDS + " open files per process (" +
        (TCP_CLIENTS + WS_CLIENTS + STALLED_CLIENTS) + " client sockets here, as many in the server). Raise it first: `ulimit -n " + NEEDED_FDS + "` (or more), then run again.",
    );
    process.exit(1);
  }
  const machine = machineInfo();
  const child = fork(import.meta.filename, ["--server"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ports = await new Promise<{ tcpPort: number; httpPort: number }>((resolve, reject) => {
    child.once("message", (m: { ports: { tcpPort: number; httpPort: number } }) => resolve(m.ports));
    child.once("exit", (code) => reject(new Error("the server child exited (" + code + ") before listening")));
  });
  console.log("server on tcp " + ports.tcpPort + ", http " + ports.httpPort + "; connecting " + TCP_CLIENTS + " TCP + " + WS_CLIENTS + " WebSocket clients");
  const idle = (await ask(child, "stats")).stats!;
  const connectStart = clock();
  const clients: { client: Client; close: () => void }[] = [];
  for (let i = 0; i < TCP_CLIENTS; i += BATCH) clients.push(...(await Promise.all(Array.from({ length: BATCH }, () => tcpClient(ports.tcpPort, false)))));
  for (let i = 0; i < WS_CLIENTS; i += BATCH) clients.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, WS_CLIENTS - i) }, () => wsClient(ports.httpPort)))));
  const connectedMs = clock() - connectStart;
  const deadline = clock() + 15000;
  while (clients.some((c) => c.client.shas.length === 0) && clock() < deadline) await new Promise((r) => setTimeout(r, 50));
  const firstFrameMs = clock() - connectStart;
  const watchers = clients.map((c) => c.client);
  console.log("connected in " + round(connectedMs / 1000, 2) + " s; every client had a frame after " + round(firstFrameMs / 1000, 2) + " s");
  await new Promise((r) => setTimeout(r, WARM_UP_MS)); // ffmpeg's first frames come unevenly

  const a0 = clock();
  const beforeA = (await ask(child, "stats")).stats!;
  await new Promise((r) => setTimeout(r, PHASE_MS));
  const afterA = (await ask(child, "stats")).stats!;
  const a1 = clock();
  console.log("phase A done; connecting " + STALLED_CLIENTS + " clients that never read");
  const stalled = await Promise.all(Array.from({ length: STALLED_CLIENTS }, () => tcpClient(ports.tcpPort, true)));
  const b0 = clock();
  await new Promise((r) => setTimeout(r, PHASE_MS));
  const afterB = (await ask(child, "stats")).stats!;
  const b1 = clock();

  const published = afterB.published;
  const shas = published.map((p) => p.sha);
  const failures: string[] = [];
  clients.forEach((c, i) => {
    const kind = i < TCP_CLIENTS ? "tcp " + i : "ws " + (i - TCP_CLIENTS);
    const missed = c.client.failed !== null ? c.client.failed : missedFrames(c.client, shas);
    if (missed !== null) failures.push(kind + ": " + missed);
  });
  const A = timings(watchers, published, a0, a1);
  const B = timings(watchers, published, b0, b1);
  const gapChange = watchers.map((_, i) => Math.abs(B.meanGap[i] - A.meanGap[i])).filter((x) => !isNaN(x));
  const frameBytes = mean(published.map((p) => p.size));
  const watchSeconds = (b1 - a0) / 1000;
  const kbits = watchers.map((c) => {
    let bytes = 0;
    for (let i = 0; i < c.times.length; i++) if (c.times[i] >= a0 && c.times[i] < b1) bytes += c.sizes[i];
    return (bytes * 8) / 1000 / watchSeconds;
  });
  const cpuMs = (s: ServerStats): number => s.cpuUserMs + s.cpuSystemMs;
  const results = {
    machine: { ...machine, loadAfter: currentLoad() },
    setup: {
      tcpClients: TCP_CLIENTS,
      webSocketClients: WS_CLIENTS,
      stalledClients: STALLED_CLIENTS,
      intervalSeconds: INTERVAL_S,
      size: "176x144",
      phaseSeconds: PHASE_MS / 1000,
    },
    connect: { seconds: round(connectedMs / 1000, 2), everyClientHadAFrameAfterSeconds: round(firstFrameMs / 1000, 2) },
    server: {
      idle: { rssMiB: round(idle.rssMiB), heapUsedMiB: round(idle.heapUsedMiB) },
      phaseA: { cpuPercentOfOneCore: round((100 * (cpuMs(afterA) - cpuMs(beforeA))) / (a1 - a0)), rssMiB: round(afterA.rssMiB), heapUsedMiB: round(afterA.heapUsedMiB) },
      phaseB: { cpuPercentOfOneCore: round((100 * (cpuMs(afterB) - cpuMs(afterA))) / (b1 - a1)), rssMiB: round(afterB.rssMiB), heapUsedMiB: round(afterB.heapUsedMiB) },
      tcpConnections: afterB.tcpConnections,
      webSockets: afterB.webSockets,
      ffmpegProcesses: afterB.ffmpeg,
      framesDroppedForSlowClients: afterB.dropped,
      backlogBytesAtEnd: afterB.backlogBytes,
    },
    frames: {
      published: published.length,
      averageBytes: Math.round(frameBytes),
      largestBytes: Math.max(...published.map((p) => p.size)),
      targetAverageBytes: 6144,
    },
    perClient: {
      kbitPerSecondMedian: round(percentile(kbits, 50), 1),
      kbitPerSecondMin: round(Math.min(...kbits), 1),
    },
    delivery: {
      clientsChecked: clients.length,
      clientsMissingFrames: failures.length,
      examples: failures.slice(0, 5),
    },
    timing: {
      phaseA: { latencyMsP50: round(percentile(A.latency, 50), 2), latencyMsP99: round(percentile(A.latency, 99), 2), gapMsP1: round(percentile(A.gaps, 1)), gapMsP50: round(percentile(A.gaps, 50)), gapMsP99: round(percentile(A.gaps, 99)) },
      phaseB: { latencyMsP50: round(percentile(B.latency, 50), 2), latencyMsP99: round(percentile(B.latency, 99), 2), gapMsP1: round(percentile(B.gaps, 1)), gapMsP50: round(percentile(B.gaps, 50)), gapMsP99: round(percentile(B.gaps, 99)) },
      largestChangeOfAClientsMeanGapMs: round(Math.max(...gapChange)),
      targetChangeMs: INTERVAL_S * 1000,
    },
  };
  for (const s of stalled) s.close();
  for (const c of clients) c.close();
  await ask(child, "stop");
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
  writeReadme(results);
  console.log(readmeLines(results).join("\n"));
  console.log("wrote " + RESULTS + " and the streamer-load block of bench/README.md");
  if (failures.length > 0) {
    console.error("FAILED: " + failures.length + " client(s) missed frames, e.g. " + failures.slice(0, 3).join("; "));
    process.exit(1);
  }
  process.exit(0);
}

type Results = {
  machine: { date: string; cpu: string; cores: number; node: string; loadBefore: number; loadAfter: number; commit: string };
  setup: { tcpClients: number; webSocketClients: number; stalledClients: number; intervalSeconds: number };
  connect: { seconds: number; everyClientHadAFrameAfterSeconds: number };
  server: {
    idle: { rssMiB: number; heapUsedMiB: number };
    phaseA: { cpuPercentOfOneCore: number; rssMiB: number; heapUsedMiB: number };
    phaseB: { cpuPercentOfOneCore: number; rssMiB: number; heapUsedMiB: number };
    ffmpegProcesses: number;
    framesDroppedForSlowClients: number;
    backlogBytesAtEnd: number;
  };
  frames: { published: number; averageBytes: number; largestBytes: number };
  perClient: { kbitPerSecondMedian: number; kbitPerSecondMin: number };
  delivery: { clientsChecked: number; clientsMissingFrames: number };
  timing: {
    phaseA: { latencyMsP50: number; latencyMsP99: number; gapMsP1: number; gapMsP50: number; gapMsP99: number };
    phaseB: { latencyMsP50: number; latencyMsP99: number; gapMsP1: number; gapMsP50: number; gapMsP99: number };
    largestChangeOfAClientsMeanGapMs: number;
    targetChangeMs: number;
  };
};

/** Rewrite the streamer-load block of bench/README.md from `r`. */
function writeReadme(r: Results): void {
  const block = "<!-- BEGIN streamer-load -->\n" + readmeLines(r).join("\n") + "\n<!-- END streamer-load -->";
  const text = readFileSync(README, "utf8");
  const at = text.indexOf("<!-- BEGIN streamer-load -->");
  const end = text.indexOf("<!-- END streamer-load -->");
  if (at < 0 || end < 0) throw new Error("bench/README.md has no streamer-load markers");
  writeFileSync(README, text.slice(0, at) + block + text.slice(end + "<!-- END streamer-load -->".length));
}

/** The results as the README's lines: a sentence on the machine, then a table. */
function readmeLines(r: Results): string[] {
  const s = r.server;
  const t = r.timing;
  const lines = [
    "Measured " + r.machine.date.slice(0, 10) + " on " + r.machine.cpu + " (" + r.machine.cores + " cores, Node " + r.machine.node + ", load " + round(r.machine.loadBefore) + "→" + round(r.machine.loadAfter) + ", commit " + r.machine.commit + "); `npm run bench:streamer`, results in `bench/results/video-preview-load.json`.",
    "",
    "| what | result | target |",
    "| --- | --- | --- |",
    "| clients | " + r.setup.tcpClients + " TCP + " + r.setup.webSocketClients + " WebSocket on loopback, one shared ffmpeg (" + s.ffmpegProcesses + " running), a frame every " + r.setup.intervalSeconds + " s; connected in " + r.connect.seconds + " s | |",
    "| every client got every frame of its window, in order, byte for byte | " + (r.delivery.clientsChecked - r.delivery.clientsMissingFrames) + " of " + r.delivery.clientsChecked + " | all |",
    "| average frame (176×144, `-q:v 5`) | " + (r.frames.averageBytes / 1024).toFixed(2) + " KB (largest " + (r.frames.largestBytes / 1024).toFixed(2) + " KB, " + r.frames.published + " published) | ≤ 6 KB |",
    "| per-client rate | " + r.perClient.kbitPerSecondMedian + " kbit/s median (lowest " + r.perClient.kbitPerSecondMin + ") | |",
    "| server CPU | " + s.phaseA.cpuPercentOfOneCore + "% of one core with 1,100 clients; " + s.phaseB.cpuPercentOfOneCore + "% with 10 stalled ones too (ffmpeg not included) | |",
    "| server memory | RSS " + s.idle.rssMiB + " MiB idle → " + s.phaseA.rssMiB + " MiB with 1,100 clients → " + s.phaseB.rssMiB + " MiB with the stalled ones; heap " + s.idle.heapUsedMiB + " → " + s.phaseA.heapUsedMiB + " → " + s.phaseB.heapUsedMiB + " MiB | bounded |",
    "| frame latency, publish → client (p50 / p99) | " + t.phaseA.latencyMsP50 + " / " + t.phaseA.latencyMsP99 + " ms; with 10 stalled clients " + t.phaseB.latencyMsP50 + " / " + t.phaseB.latencyMsP99 + " ms | |",
    "| inter-frame gap (p1 / p50 / p99) | " + t.phaseA.gapMsP1 + " / " + t.phaseA.gapMsP50 + " / " + t.phaseA.gapMsP99 + " ms; with 10 stalled clients " + t.phaseB.gapMsP1 + " / " + t.phaseB.gapMsP50 + " / " + t.phaseB.gapMsP99 + " ms | |",
    "| largest change of any client's mean inter-frame gap when 10 clients stall | " + t.largestChangeOfAClientsMeanGapMs + " ms | ≤ " + t.targetChangeMs + " ms (one interval) |",
    "| frames dropped for slow clients (drop-oldest); bytes held in the server for unsent writes at the end | " + s.framesDroppedForSlowClients + "; " + s.backlogBytesAtEnd + " | bounded |",
  ];
  return lines;
}

if (process.argv.includes("--server")) await serverChild();
else await main();
