/**
 * Helpers for the preview server's tests: the server on its own EventLoopDriver (its scheduler checked by
 * the leak check), a raw `net` client that parses `"<n>\n<jpeg>"` frames, JPEG sizes, and a count of this
 * process's ffmpeg children read from /proc.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as net from "node:net";
import jpeg from "jpeg-js";
import { PreviewServer } from "../../../examples/video-preview/server/preview-server";
import type { PreviewServerOptions, PreviewServerReady } from "../../../examples/video-preview/server/preview-server";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { schedulersInUse } from "../../helpers/test-scheduler";

/** A running server and how to stop it. */
export interface RunningServer {
  readonly server: PreviewServer;
  readonly driver: EventLoopDriver;
  readonly ports: PreviewServerReady;
  /** Log lines the kernel and components wrote. */
  readonly log: string[];
  /** Shut the server down; resolves once it has ended. */
  stop(): Promise<void>;
}

/** A PreviewServer on loopback, OS-chosen ports, a 0.25 s default interval and a short grace. */
export async function startServer(options?: PreviewServerOptions): Promise<RunningServer> {
  const log: string[] = [];
  const driver = new EventLoopDriver({ log: (level, message) => log.push(level + ": " + message) });
  schedulersInUse.push(driver.scheduler);
  const server = new PreviewServer({ port: 0, httpPort: 0, address: "127.0.0.1", interval: 0.25, graceMs: 300, ...options });
  const handle = new AsyncHandle(server, driver);
  const running = driver.run();
  const ports = (await handle.get("ready")) as PreviewServerReady;
  if (ports === undefined) throw new Error("the server did not start: " + log.join("\n"));
  return {
    server,
    driver,
    ports,
    log,
    stop: async () => {
      await handle.shutdown();
      handle.close();
      await running;
    },
  };
}

/** A raw TCP client: sends an optional request, then collects frames (or, for a refusal, text). */
export class FrameClient {
  readonly socket: net.Socket;
  /** Complete frames, in order, with the time each arrived (ms, performance.now()). */
  readonly frames: Buffer[] = [];
  readonly times: number[] = [];
  /** Every byte received. */
  raw = Buffer.alloc(0);
  /** Resolves when the server closes the connection (or it fails). */
  readonly closed: Promise<void>;
  private pending = Buffer.alloc(0);
  private broken = false;

  constructor(port: number, request?: string | Buffer, options?: { stalled?: boolean }) {
    this.socket = net.connect({ port, host: "127.0.0.1" });
    if (options && options.stalled) this.socket.pause();
    this.socket.on("connect", () => {
      if (request !== undefined) this.socket.write(request);
    });
    this.socket.on("data", (data: Buffer) => this.take(data));
    this.closed = new Promise((resolve) => {
      this.socket.on("close", () => resolve());
      this.socket.on("error", () => undefined);
    });
  }

  /** Resolves once `n` frames have arrived; rejects after `ms`. */
  async waitFrames(n: number, ms = 15000): Promise<void> {
    const started = Date.now();
    while (this.frames.length < n) {
      if (Date.now() - started > ms) throw new Error("only " + this.frames.length + " of " + n + " frames arrived in " + ms + " ms; received " + JSON.stringify(this.raw.subarray(0, 80).toString("latin1")));
      await sleep(20);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private take(data: Buffer): void {
    this.raw = Buffer.concat([this.raw, data]);
    if (this.broken) return;
    this.pending = Buffer.concat([this.pending, data]);
    for (;;) {
      const newline = this.pending.indexOf(10);
      if (newline < 0) return;
      const header = this.pending.subarray(0, newline).toString("latin1");
      if (!/^\d{1,7}$/.test(header)) {
        this.broken = true; // not a frame header: keep only the raw bytes
        return;
      }
      const n = Number(header);
      if (this.pending.length < newline + 1 + n) return;
      this.frames.push(Buffer.from(this.pending.subarray(newline + 1, newline + 1 + n)));
      this.times.push(performance.now());
      this.pending = this.pending.subarray(newline + 1 + n);
    }
  }
}

/** A JPEG's size (it must decode). */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
  return { width: image.width, height: image.height };
}

/** This process's ffmpeg children, by pid (Linux /proc), leaving out those in `except` (started by others). */
export function ffmpegChildren(except: number[] = []): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync("/proc/" + name + "/stat", "latin1");
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    if (ppid === process.pid && comm === "ffmpeg" && except.indexOf(Number(name)) < 0) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
}

/** Resolves once `test()` holds, polling every 20 ms; rejects after `ms`. */
export async function eventually(test: () => boolean, what: string, ms = 15000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error("timed out waiting for " + what);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
