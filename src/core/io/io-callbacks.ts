/**
 * IO callbacks: how every platform IO object (socket, listener, file, process, thread port) reports to its
 * owner, after the ECMA-419 IO class pattern (Moddable's embedded-JavaScript standard).
 *
 * Example:
 *   const socket = new host.io.TCPSocket({ address: "127.0.0.1", port: 1500,
 *     onReadable: (bytes) => wake(), onWritable: (room) => wake(), onError: (end) => finish(end) });
 *
 * Behaviour every implementation keeps:
 * - Callbacks run on the host's own loop, never inside a scheduler slice and never re-entrantly from a
 *   call the owner made (`read`, `write`, `close` do not call back synchronously).
 * - `read()` never blocks: it returns `undefined` when nothing is waiting.
 * - `write()` never blocks: it returns false and takes nothing when the object cannot accept more now;
 *   `onWritable` says when it can.
 * - `onError` reports the end of the object, orderly or not, exactly once, with an `IOEnd`. What was received
 *   before the end stays readable through `read()` afterwards.
 * - `close()` is idempotent, releases the platform resource and silences every callback at once.
 *
 * How it works inside: types only; nothing here exists at run time.
 */

/**
 * Why an IO object ended:
 * - `closed`: orderly end — the peer closed the connection, a file reached its end, a process or thread
 *   returned, or a requested `end()` finished flushing;
 * - `refused`: nobody was listening at the address;
 * - `reset`: the peer or the network broke the connection;
 * - `timeout`: the platform gave up waiting;
 * - `not-found`: no such host, file or program;
 * - `denied`: the platform refused permission;
 * - `in-use`: the address or port is taken;
 * - `failed`: anything else (the message says what).
 */
export type IOEndCode = "closed" | "refused" | "reset" | "timeout" | "not-found" | "denied" | "in-use" | "failed";

/** The end of an IO object, as reported to `onError`. */
export interface IOEnd {
  /** Why it ended. */
  readonly code: IOEndCode;
  /** What the platform said, for people: such as `connect ECONNREFUSED 127.0.0.1:1500`. */
  readonly message: string;
}

/** The callbacks every IO object's options may carry. All are optional. */
export interface IOCallbacks {
  /** Data (or a connection, for a listener) is waiting; `count` is bytes or items, when the platform knows. */
  onReadable?(count: number): void;
  /** `write()` can accept more now; for a socket, the first call also means it connected. */
  onWritable?(count: number): void;
  /** The object ended; called once, then never again. */
  onError?(end: IOEnd): void;
}
