/**
 * Blocking sockets in the platform IO contract: the socket API some handsets offer (as Series 60 Python's
 * did — the reason Kamaelia has threaded adaptors), where every call blocks the calling thread. Such calls
 * may only ever be made on a platform thread (thread-port.ts), never in a scheduler slice: threaded adaptor
 * components (ThreadedTCPClient) run them there and exchange only messages with the scheduler.
 *
 * Example (inside a thread):
 *   const socket = network.connect("10.0.0.2", 1500);           // blocks until connected (or throws)
 *   socket.send(request);                                         // blocks until the platform took it all
 *   const reply = socket.recv(65536, 50);                        // bytes; null: peer closed; undefined: 50 ms passed
 *
 * Behaviour:
 * - `connect` blocks until connected; failure throws a BlockingSocketFailure-shaped error whose `code` is an
 *   IOEndCode (refused, not-found, timeout...).
 * - `recv(maxBytes, timeoutMs)` blocks until at least one byte is there (returns up to `maxBytes`), the peer
 *   has closed and everything was read (returns null), or `timeoutMs` passed (returns undefined; without a
 *   timeout it waits for ever). A broken connection throws with code `reset`.
 * - `send` blocks until every byte was accepted by the platform; `end` half-closes, so the peer sees the
 *   end of what was sent while replies can still be received.
 * - Thread modules provided by the platform are named `kamaelia:<name>` (see ThreadPortOptions.module):
 *   `kamaelia:blocking-tcp-client` runs the threaded TCP client loop on the platform's blocking sockets.
 *
 * How it works inside: types only.
 */
import type { IOEndCode } from "./io-callbacks";

/** What a blocking call throws when the connection fails. */
export interface BlockingSocketFailure extends Error {
  /** Why, in the contract's words. */
  readonly code: IOEndCode;
}

/** A connected TCP socket whose calls block the calling thread. */
export interface BlockingTCPSocket {
  /** Send every byte, blocking until the platform has taken them. */
  send(bytes: Uint8Array): void;
  /** Block for bytes (up to `maxBytes`); null when the peer has closed; undefined after `timeoutMs`. */
  recv(maxBytes: number, timeoutMs?: number): Uint8Array | null | undefined;
  /** Close the sending half once everything sent has gone (the peer sees the end); recv still works. */
  end(): void;
  /** Close; idempotent. */
  close(): void;
}

/** Where blocking sockets come from, inside a thread. */
export interface BlockingNetwork {
  /** Connect to `address`:`port`, blocking until connected or failed (throws a BlockingSocketFailure). */
  connect(address: string, port: number, timeoutMs?: number): BlockingTCPSocket;
  /** Release everything the network holds; its sockets are closed. */
  close(): void;
}
