/**
 * NodeThreadPort: the desktop's ThreadPort (src/core/io/thread-port.ts) on Node's worker_threads. The
 * thread's `main` runs in a Worker and may block there; the scheduler's side never blocks.
 *
 * Example:
 *   const port = new NodeThreadPort({ name: "Hasher_3", module: "/app/hash-job.mjs", capacity: 4,
 *     onReadable: () => drain(), onWritable: () => refill(), onError: (end) => finished(end) });
 *   port.write("inbox", "/data/clip.mpg");
 *
 * Behaviour (beyond the contract):
 * - `module` is an absolute path, a file URL, a path from the working directory, or `kamaelia:<name>` for
 *   a thread module the desktop provides (threads/: `kamaelia:blocking-tcp-client`). Plain JavaScript
 *   (.js, .mjs, .cjs) loads with Node's own loader. TypeScript (.ts, .mts, .cts) loads through tsx's
 *   CommonJS hook, registered inside the worker, so tsx must be installed (it is a devDependency here):
 *   on Node 20 module hooks given with `--import tsx` do not reach worker threads, so the worker cannot
 *   simply inherit them.
 * - A thread module that imports kamaelia must get the same copy the worker side uses, or `instanceof`
 *   fails on rebuilt shutdown messages: from a source checkout (this file run through tsx) import
 *   `src/index`; with the built package import "kamaelia" — .ts thread modules then load the CommonJS
 *   build, .js/.mjs ones the ES module build, and the worker side follows.
 * - `onReadable` follows each message from the thread; `onWritable` follows a refused `write` once the
 *   thread has taken a message from its inbox; `onError` follows the end, then the Worker is terminated.
 *   A Worker that dies without reporting (process.exit, out of memory) ends the port as `failed`.
 * - `close()` terminates the Worker, which stops it even inside `Atomics.wait` or a busy loop.
 * - `liveThreadPorts()` counts Workers started and not yet exited, for leak checks.
 *
 * How it works inside: three channels. The thread's inbox is a MessageChannel the worker drains
 * synchronously (thread-worker.ts); the thread's outbox is the Worker's own message stream; and one small
 * SharedArrayBuffer holds the counters both sides use to bound the queues and to wake a blocked thread
 * (slot meanings in thread-worker.ts). The Worker runs a tiny CommonJS bootstrap (`eval`) that registers
 * tsx when needed and then loads the worker side: thread-worker.ts from a source checkout, or the desktop
 * bundle itself once built, which starts the thread because of the workerData mark.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { BoxNotFound } from "../../../src/index";
import type { IOCallbacks, ThreadEnd, ThreadMessage, ThreadPort, ThreadPortOptions } from "../../../src/index";
import { SLOT_COUNT, SLOT_QUEUED, SLOT_SIGNAL, SLOT_UNREAD, SLOT_WANT_ROOM } from "./thread-worker";
import type { ThreadWorkerData, WorkerReport } from "./thread-worker";

/** Messages queued each way when the owner does not say. */
const DEFAULT_CAPACITY = 16;

/** Where this code is: thread-port.ts in a source checkout, or the desktop bundle once built. */
const HERE = import.meta.url;

/** Runs first in every Worker: register tsx if asked, then load the worker side, which starts the thread. */
const BOOTSTRAP = [
  'var boot = require("node:worker_threads").workerData.kamaeliaBoot;',
  "if (boot.tsx) require(boot.tsx).register();",
  // A failed import() is an unhandled rejection, which ends the Worker with an "error" event.
  "if (boot.require) require(boot.entry); else import(boot.entry);",
].join("\n");

const TYPESCRIPT = /\.[cm]?tsx?$/;

let live = 0;

/** How many thread Workers are running now (started and not yet exited). */
export function liveThreadPorts(): number {
  return live;
}

let tsxHook: string | null = null;

/** tsx's CommonJS hook, found from here or from the working directory; null if tsx is not installed. */
function findTsx(): string | null {
  if (tsxHook !== null) return tsxHook;
  for (const from of [fileURLToPath(HERE), resolve("package.json")]) {
    try {
      tsxHook = createRequire(from).resolve("tsx/cjs/api");
      return tsxHook;
    } catch {
      // try the next place
    }
  }
  return null;
}

/** Thread modules the desktop provides by name (`kamaelia:<name>`, src/core/io/blocking-socket.ts). */
const PLATFORM_MODULES = ["blocking-tcp-client"];

/** The file of a platform-provided thread module: targets/desktop/threads/, or dist/node/threads/ once built. */
function platformModule(name: string): string {
  if (PLATFORM_MODULES.indexOf(name) < 0) {
    throw new Error("no thread module kamaelia:" + name + " on the desktop (it provides kamaelia:" + PLATFORM_MODULES.join(", kamaelia:") + ")");
  }
  const here = fileURLToPath(HERE);
  if (TYPESCRIPT.test(here)) return fileURLToPath(new URL("../threads/" + name + ".ts", HERE));
  return fileURLToPath(new URL("./threads/" + name + (here.endsWith(".cjs") ? ".cjs" : ".mjs"), HERE));
}

/** The module's file URL and path, from an absolute path, a file URL, a path from the working directory, or a platform module's name. */
function locate(module: string): { url: string; path: string } {
  if (module.startsWith("kamaelia:")) module = platformModule(module.slice("kamaelia:".length));
  if (module.startsWith("file:")) return { url: module, path: fileURLToPath(module) };
  const path = resolve(module);
  return { url: pathToFileURL(path).href, path };
}

/** How the bootstrap loads the worker side, given how the thread's module will be loaded. */
function workerSide(name: string, requireModule: boolean): { tsx: string | null; entry: string; require: boolean } {
  const here = fileURLToPath(HERE);
  const needTsx = requireModule || TYPESCRIPT.test(here);
  const tsx = needTsx ? findTsx() : null;
  if (needTsx && tsx === null) {
    throw new Error(name + ": a TypeScript thread module loads through tsx, which is not installed: npm install --save-dev tsx, or give a .js/.mjs module");
  }
  if (TYPESCRIPT.test(here)) return { tsx, entry: fileURLToPath(new URL("./thread-worker.ts", HERE)), require: true };
  // The built package: a required (TypeScript) thread module shares kamaelia's CommonJS build, so the
  // worker side must be the CommonJS desktop bundle too.
  if (requireModule && here.endsWith(".mjs")) {
    const cjs = here.slice(0, -4) + ".cjs";
    if (existsSync(cjs)) return { tsx, entry: cjs, require: true };
  }
  if (here.endsWith(".cjs") || here.endsWith(".js")) return { tsx, entry: here, require: true };
  return { tsx, entry: HERE, require: false };
}

export class NodeThreadPort implements ThreadPort {
  private callbacks: IOCallbacks | null;
  private readonly name: string;
  private readonly capacity: number;
  private readonly shared: Int32Array;
  private readonly worker: Worker;
  private readonly toThread: MessagePort;
  private readonly queue: ThreadMessage[] = [];
  private head = 0;
  private ended = false;

  constructor(options: ThreadPortOptions) {
    const name = options.name;
    if (typeof options.module !== "string" || options.module === "") throw new TypeError(name + ": a thread needs a module to run (a path or a file URL)");
    const capacity = options.capacity === undefined ? DEFAULT_CAPACITY : options.capacity;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(name + ": a thread port's capacity must be a whole number, 1 or more, not " + String(capacity));
    const where = locate(options.module);
    const requireModule = TYPESCRIPT.test(where.path);
    const boot = workerSide(name, requireModule);
    this.callbacks = options;
    this.name = name;
    this.capacity = capacity;
    this.shared = new Int32Array(new SharedArrayBuffer(SLOT_COUNT * 4));
    const channel = new MessageChannel();
    this.toThread = channel.port1;
    const data: ThreadWorkerData = {
      kamaeliaThread: true,
      kamaeliaBoot: boot,
      name,
      module: options.module,
      moduleURL: where.url,
      modulePath: where.path,
      requireModule,
      exportName: options.exportName || "main",
      args: options.args,
      capacity,
      shared: this.shared.buffer as SharedArrayBuffer,
      inbox: channel.port2,
    };
    // Cloning `args` may throw (DataCloneError); nothing has started then.
    this.worker = new Worker(BOOTSTRAP, { eval: true, name, workerData: data, transferList: [channel.port2] });
    live++;
    this.worker.on("message", (report: WorkerReport) => this.arrived(report));
    this.worker.on("error", (error: Error) => this.end({ code: "failed", message: error.name + ": " + error.message + "\n" + (error.stack || ""), thrown: { name: error.name, message: error.message, stack: error.stack || "" } }));
    this.worker.on("messageerror", (error: Error) => this.end({ code: "failed", message: "a message from the thread could not be received: " + error.message }));
    this.worker.on("exit", (code: number) => {
      live--;
      this.end({ code: "failed", message: "the thread's worker exited (code " + code + ") before its main returned" });
    });
  }

  read(): ThreadMessage | undefined {
    if (this.head >= this.queue.length) return undefined;
    const message = this.queue[this.head];
    this.queue[this.head++] = undefined as unknown as ThreadMessage;
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
    // One fewer unread: a thread blocked in send may go on.
    Atomics.sub(this.shared, SLOT_UNREAD, 1);
    Atomics.notify(this.shared, SLOT_UNREAD);
    return message;
  }

  write(box: string, message: unknown): boolean {
    if (box !== "inbox" && box !== "control") throw new BoxNotFound(this.name + " (thread)", "inbox", box);
    if (this.ended) return false;
    const shared = this.shared;
    if (box === "inbox" && Atomics.load(shared, SLOT_QUEUED) >= this.capacity) {
      // Ask for room first, then look again: a recv between the two looks sees the request and answers.
      Atomics.store(shared, SLOT_WANT_ROOM, 1);
      if (Atomics.load(shared, SLOT_QUEUED) >= this.capacity) return false;
    }
    this.toThread.postMessage({ box, message }); // throws DataCloneError for data that cannot cross
    if (box === "inbox") Atomics.add(shared, SLOT_QUEUED, 1);
    Atomics.add(shared, SLOT_SIGNAL, 1);
    Atomics.notify(shared, SLOT_SIGNAL);
    return true;
  }

  close(): void {
    this.callbacks = null;
    if (!this.ended) this.release();
  }

  private arrived(report: WorkerReport): void {
    if (this.ended) return;
    if (report.t === "m") {
      this.queue.push({ box: report.box, message: report.message });
      const cb = this.callbacks;
      if (cb !== null && cb.onReadable) cb.onReadable(this.queue.length - this.head);
    } else if (report.t === "room") {
      const cb = this.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(Math.max(0, this.capacity - Atomics.load(this.shared, SLOT_QUEUED)));
    } else {
      const thrown = report.thrown;
      if (thrown === null) this.end({ code: "closed", message: this.name + "'s thread returned from its main" });
      else this.end({ code: report.notFound ? "not-found" : "failed", message: thrown.name + ": " + thrown.message + (thrown.stack ? "\n" + thrown.stack : ""), thrown });
    }
  }

  /** The thread is over: release the Worker, then report `end` once (unless closed). */
  private end(end: ThreadEnd): void {
    if (this.ended) return;
    const cb = this.callbacks;
    this.callbacks = null;
    this.release();
    if (cb !== null && cb.onError) cb.onError(end);
  }

  private release(): void {
    this.ended = true;
    this.toThread.close();
    // Messages the thread sent before it ended are already queued here; terminate is safe and idempotent.
    this.worker.terminate().catch(() => undefined);
  }
}
