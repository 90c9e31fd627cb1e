/**
 * Threads in the platform IO contract: a port to code running on another platform thread, and the
 * context that code sees. Threaded components (and blocking-only sockets) are built on it.
 *
 * Example (the thread's module, loaded by the platform in its own thread):
 *   export function main(thread: ThreadContext): void {
 *     for (;;) {
 *       while (!thread.dataReady("inbox") && !thread.dataReady("control")) thread.pause();
 *       if (thread.dataReady("control")) return;
 *       thread.send(blockingLookup(thread.recv("inbox")));   // may block: only this thread waits
 *     }
 *   }
 *
 * Example (the scheduler's side):
 *   const port = new io.ThreadPort({ name: "Lookup_3", module: "/app/lookup.js", onReadable: ..., onError: ... });
 *   port.write("inbox", "example.org");
 *
 * Behaviour (beyond io-callbacks.ts):
 * - Only messages cross, by structured clone; class instances arrive as plain data (Ipc shutdown messages
 *   are carried across and rebuilt by the components using the port).
 * - Queues are bounded both ways (`capacity` messages each): `write` returns false when the thread's inbox
 *   is full, and the thread's `send` blocks while the scheduler side has `capacity` messages unread.
 *   Messages for `control` are not counted: they are few, and must reach a thread that has stopped
 *   reading its inbox.
 * - When `main` returns, the port ends with `closed`; when it throws, with `failed` and a message holding
 *   the error's name, message and stack. `close()` ends the thread even if it is blocked.
 * - The end a port reports is a ThreadEnd: when the thread threw, it also carries what was thrown as
 *   separate fields (`thrown`), so the owner can report name, message and stack without parsing `message`.
 *   (Added to the contract for the ThreadedComponent's ThreadFailed; other IO objects need no such field.)
 *
 * How it works inside: types only.
 */
import type { IOCallbacks, IOEnd } from "./io-callbacks";

/** One message crossing a thread port, with the box it came from or goes to. */
export interface ThreadMessage {
  /** The box: `inbox`/`control` towards the thread, `outbox`/`signal` from it. */
  readonly box: string;
  /** Structured-cloneable data. */
  readonly message: unknown;
}

/** How to start a thread. */
export interface ThreadPortOptions extends IOCallbacks {
  /** The owning component's name, for errors and traces. */
  name: string;
  /**
   * What the platform loads in the thread: on the desktop, a module path or file URL. Names starting with
   * `kamaelia:` are thread modules the platform itself provides (blocking-socket.ts), so components can use
   * them on any target without knowing paths.
   */
  module: string;
  /** The module's export to run, called with a ThreadContext. Default `main`. */
  exportName?: string;
  /** Structured-cloneable data passed as `thread.args`. */
  args?: unknown;
  /** Messages queued each way at most. Default 16. */
  capacity?: number;
}

/** What a thread's `main` threw (a value that is not an Error has name `thrown value`). */
export interface ThreadThrown {
  readonly name: string;
  readonly message: string;
  /** The thread's stack trace, or "" when there is none. */
  readonly stack: string;
}

/** The end a ThreadPort reports to `onError`: an IOEnd, plus `thrown` when the thread's code threw. */
export interface ThreadEnd extends IOEnd {
  readonly thrown?: ThreadThrown;
}

/** The scheduler's side of a running thread. */
export interface ThreadPort {
  /** The next message the thread sent, or `undefined`. */
  read(): ThreadMessage | undefined;
  /** Deliver a message into one of the thread's inboxes; false (nothing taken) when its queue is full. */
  write(box: string, message: unknown): boolean;
  /** End the thread now, even if it is blocked; callbacks stop. Idempotent. */
  close(): void;
}

/** What a thread's `main` sees: Axon's box vocabulary, where waiting blocks the thread (and only it). */
export interface ThreadContext {
  /** The owning component's name. */
  readonly name: string;
  /** The `args` given when the thread was started. */
  readonly args: unknown;
  /** Messages waiting in `box` (default `inbox`). */
  dataReady(box?: string): number;
  /** Take the next message from `box` (default `inbox`); throws EmptyBox-like errors when none waits. */
  recv(box?: string): unknown;
  /** Send to `box` (default `outbox`); blocks while the scheduler side's queue is full. */
  send(message: unknown, box?: string): void;
  /** Block until a message arrives in any inbox, or `timeoutMs` pass; returns true if one arrived. */
  pause(timeoutMs?: number): boolean;
}

/** The type of a thread module's entry point. */
export type ThreadMain = (thread: ThreadContext) => void;
