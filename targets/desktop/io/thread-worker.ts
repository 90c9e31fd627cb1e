/**
 * Thread worker: the thread's side of the desktop ThreadPort. Inside a Node worker thread it loads the
 * thread's module, builds the ThreadContext and runs the module's `main`; what `main` does with it may
 * block this thread, and only this thread.
 *
 * Example: nobody calls this directly. NodeThreadPort starts a Worker whose bootstrap loads this module;
 * loading it inside such a worker starts the thread (see "How it works inside").
 *
 * Behaviour:
 * - `recv`/`dataReady` take messages synchronously from the port's channel (`receiveMessageOnPort`), so
 *   they work while `main` never returns to the worker's event loop.
 * - `pause(timeoutMs?)` sleeps in `Atomics.wait` on a shared counter the scheduler side bumps after every
 *   write: a blocked thread uses no CPU and wakes as soon as a message is there.
 * - `send` blocks (in `Atomics.wait`) while the scheduler side has `capacity` messages unread; its reads
 *   lower the shared count and wake the thread.
 * - A thread's boxes are Axon's: it receives on `inbox` and `control`, sends on `outbox` and `signal`;
 *   other names throw BoxNotFound, an empty box throws EmptyBox. Shutdown messages are rebuilt on arrival
 *   and encoded on sending (thread-messages.ts), so `isShutdownMessage` works here.
 * - When `main` returns (or the promise it returns settles) the scheduler side hears `end`; what it threw
 *   travels as name, message and stack. A module that cannot be found ends as `not-found`.
 *
 * How it works inside: the shared memory is one Int32Array with the slots below. TypeScript modules are
 * loaded with `require` through tsx's CommonJS hook (on Node 20, module hooks do not reach worker threads),
 * which the bootstrap registers before it loads this file; other modules are loaded with `import()`.
 * Loading this module starts the thread when the worker's data carries WORKER_MARK, once per worker: that
 * is how the built package (where this code sits inside the desktop bundle) starts it too.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { isMainThread, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { BoxNotFound, EmptyBox, decodeThreadMessage, encodeThreadMessage } from "../../../src/index";
import type { ThreadContext, ThreadThrown } from "../../../src/index";

/** Bumped by the scheduler side after each write; `pause` waits on it. */
export const SLOT_SIGNAL = 0;
/** The thread's messages not yet read by the scheduler side; `send` waits while it is at capacity. */
export const SLOT_UNREAD = 1;
/** Messages written to the thread's inbox and not yet received by it; `write` refuses at capacity. */
export const SLOT_QUEUED = 2;
/** 1 while the scheduler side waits for room after a refused write; the thread's `recv` answers it. */
export const SLOT_WANT_ROOM = 3;
/** How many slots the shared memory has. */
export const SLOT_COUNT = 4;

/** The workerData field that marks a kamaelia thread. */
export const WORKER_MARK = "kamaeliaThread";

/** What the scheduler side gives the worker (as workerData). */
export interface ThreadWorkerData {
  kamaeliaThread: true;
  /** The bootstrap's instructions (thread-port.ts). */
  kamaeliaBoot: { tsx: string | null; entry: string; require: boolean };
  name: string;
  /** The module as the owner gave it, for messages. */
  module: string;
  /** The module's file URL (for import) and path (for require). */
  moduleURL: string;
  modulePath: string;
  /** Load the module with require (TypeScript through tsx) rather than import(). */
  requireModule: boolean;
  exportName: string;
  args: unknown;
  capacity: number;
  shared: SharedArrayBuffer;
  inbox: MessagePort;
}

/** What the worker posts to the scheduler side. */
export type WorkerReport =
  | { t: "m"; box: string; message: unknown }
  | { t: "room" }
  | { t: "end"; thrown: ThreadThrown | null; notFound: boolean };

/** The ThreadContext a thread's main gets. */
class WorkerThreadContext implements ThreadContext {
  readonly name: string;
  readonly args: unknown;
  private readonly inboxPort: MessagePort;
  private readonly shared: Int32Array;
  private readonly capacity: number;
  private readonly boxes: { inbox: unknown[]; control: unknown[] } = { inbox: [], control: [] };

  constructor(data: ThreadWorkerData, shared: Int32Array) {
    this.name = data.name;
    this.args = data.args;
    this.inboxPort = data.inbox;
    this.shared = shared;
    this.capacity = data.capacity;
  }

  dataReady(box?: string): number {
    const queue = this.box(box === undefined ? "inbox" : box);
    this.pull();
    return queue.length;
  }

  recv(box?: string): unknown {
    const name = box === undefined ? "inbox" : box;
    const queue = this.box(name);
    this.pull();
    if (queue.length === 0) throw new EmptyBox(this.name + " (thread)." + name);
    const message = queue.shift();
    if (name === "inbox") {
      const shared = this.shared;
      Atomics.sub(shared, SLOT_QUEUED, 1);
      // Decrement first, then look: a refused write sets the flag before it checks the count again.
      if (Atomics.exchange(shared, SLOT_WANT_ROOM, 0) === 1) report({ t: "room" });
    }
    return message;
  }

  send(message: unknown, box?: string): void {
    const name = box === undefined ? "outbox" : box;
    if (name !== "outbox" && name !== "signal") throw new BoxNotFound(this.name + " (thread)", "outbox", name);
    const data = encodeThreadMessage(message);
    const shared = this.shared;
    for (;;) {
      const unread = Atomics.load(shared, SLOT_UNREAD);
      if (unread < this.capacity) break;
      Atomics.wait(shared, SLOT_UNREAD, unread);
    }
    // Post, then count: a message that cannot be cloned throws here and is not counted.
    report({ t: "m", box: name, message: data });
    Atomics.add(shared, SLOT_UNREAD, 1);
  }

  pause(timeoutMs?: number): boolean {
    const until = timeoutMs === undefined ? Infinity : performance.now() + Math.max(0, timeoutMs);
    const shared = this.shared;
    for (;;) {
      const seen = Atomics.load(shared, SLOT_SIGNAL);
      this.pull();
      if (this.boxes.inbox.length > 0 || this.boxes.control.length > 0) return true;
      const left = until - performance.now();
      if (left <= 0) return false;
      // The scheduler side posts, then bumps the signal: a message posted after `seen` was read wakes us.
      Atomics.wait(shared, SLOT_SIGNAL, seen, left === Infinity ? undefined : left);
    }
  }

  private box(name: string): unknown[] {
    if (name !== "inbox" && name !== "control") throw new BoxNotFound(this.name + " (thread)", "inbox", name);
    return name === "inbox" ? this.boxes.inbox : this.boxes.control;
  }

  /** Move every message waiting on the channel into its box, rebuilding shutdown messages. */
  private pull(): void {
    for (;;) {
      const got = receiveMessageOnPort(this.inboxPort);
      if (got === undefined) return;
      const crossing = got.message as { box: string; message: unknown };
      (crossing.box === "control" ? this.boxes.control : this.boxes.inbox).push(decodeThreadMessage(crossing.message));
    }
  }
}

function report(message: WorkerReport): void {
  (parentPort as NonNullable<typeof parentPort>).postMessage(message);
}

/** What was thrown, as plain fields that cross. */
export function thrownOf(error: unknown): ThreadThrown {
  if (error !== null && typeof error === "object" && "message" in error) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    return { name: String(e.name || "Error"), message: String(e.message), stack: typeof e.stack === "string" ? e.stack : "" };
  }
  return { name: "thrown value", message: String(error), stack: "" };
}

function isNotFound(error: unknown): boolean {
  const code = error !== null && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND";
}

async function load(data: ThreadWorkerData): Promise<{ [name: string]: unknown }> {
  if (data.requireModule) return createRequire(data.modulePath)(data.modulePath);
  return import(data.moduleURL);
}

async function runThread(data: ThreadWorkerData): Promise<void> {
  let loaded = false;
  try {
    const module = await load(data);
    loaded = true;
    const main = module[data.exportName];
    if (typeof main !== "function") {
      throw new TypeError(data.module + ' has no function export "' + data.exportName + '": export function ' + data.exportName + "(thread: ThreadContext) { ... }");
    }
    await main(new WorkerThreadContext(data, new Int32Array(data.shared)));
  } catch (error) {
    data.inbox.close();
    report({ t: "end", thrown: thrownOf(error), notFound: !loaded && isNotFound(error) && !existsSync(data.modulePath) });
    return;
  }
  data.inbox.close();
  report({ t: "end", thrown: null, notFound: false });
}

// Started once per worker, even if the thread's module loads another copy of this code (the bundle).
const data = isMainThread ? null : (workerData as ThreadWorkerData | null);
const worker = globalThis as { __kamaeliaThreadStarted?: boolean };
if (data !== null && typeof data === "object" && data[WORKER_MARK] === true && !worker.__kamaeliaThreadStarted) {
  worker.__kamaeliaThreadStarted = true;
  void runThread(data);
}
