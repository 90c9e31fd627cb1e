/**
 * TCP in the platform IO contract: a connected byte stream and a listener that accepts them.
 *
 * Example:
 *   const listener = new io.TCPListener({ port: 0, onReadable: () => acceptAll() });
 *   function acceptAll() {
 *     let from;
 *     while ((from = listener.read()) !== undefined)
 *       sockets.push(new io.TCPSocket({ from, onReadable: ..., onError: ... }));
 *   }
 *
 * Behaviour (beyond io-callbacks.ts):
 * - A socket made with `address`/`port` connects; its first `onWritable` says it is connected, and a
 *   failed connect ends it with `refused`, `not-found` or `timeout`.
 * - A socket made `from` an accepted connection is connected already; nothing is read from the network for
 *   it before it exists, so no data is lost between accepting and adopting.
 * - A socket stops reading from the network while more than `readLimit` bytes wait in it unread, so a
 *   slow owner pushes back on the peer instead of growing memory.
 * - `end()` sends everything written, then closes the sending half; the socket ends (`closed`) once the
 *   peer has closed too. `close()` drops unsent data and closes at once.
 * - The peer may close its sending half first (a half-close, or the first half of its close): `onReadable`
 *   fires and `readEnded` becomes true, so after what `read()` still returns nothing more will arrive. The
 *   socket stays open for writing, so a server can still answer a client that half-closed after its
 *   request; the owner finishes with `end()` (then it ends `closed`) or `close()`. (Added to the ECMA-419
 *   shape, which has no half-close: without it a reply written after the peer's FIN would be lost.)
 * - A listener's `port` is known once it listens: its one `onWritable` call says so, as a socket's first
 *   says it connected. A port it cannot have ends it with `in-use` or `denied`.
 *
 * How it works inside: types only.
 */
import type { IOCallbacks } from "./io-callbacks";

/** An accepted connection waiting to be adopted by `new TCPSocket({ from })`. Opaque to the core. */
export interface PendingConnection {
  /** The peer's address, such as `127.0.0.1`. */
  readonly remoteAddress: string;
  /** The peer's port. */
  readonly remotePort: number;
}

/** How to make a TCP socket: connect to `address`:`port`, or adopt an accepted connection `from`. */
export interface TCPSocketOptions extends IOCallbacks {
  /** Host name or address to connect to. */
  address?: string;
  /** Port to connect to. */
  port?: number;
  /** An accepted connection from `TCPListener.read()`, instead of connecting. */
  from?: PendingConnection;
  /** Unread bytes held before the socket stops reading from the network. Default 65536. */
  readLimit?: number;
  /** Unsent bytes accepted by `write()` before it returns false. Default 65536. */
  writeLimit?: number;
}

/** A connected TCP byte stream. */
export interface TCPSocket {
  /** The next received bytes, or `undefined` if none are waiting. */
  read(): Uint8Array | undefined;
  /** Queue `bytes` for sending; false (nothing taken) when `writeLimit` unsent bytes are queued already. */
  write(bytes: Uint8Array): boolean;
  /** Send what is queued, then close the sending half. */
  end(): void;
  /** Close now, dropping unsent data; callbacks stop. Idempotent. */
  close(): void;
  /** True once the peer has closed its sending half: nothing arrives beyond what `read()` still returns. */
  readonly readEnded: boolean;
  /** The peer's address (empty until connected). */
  readonly remoteAddress: string;
  /** The peer's port (0 until connected). */
  readonly remotePort: number;
  /** The local port. */
  readonly localPort: number;
}

/** How to make a TCP listener. */
export interface TCPListenerOptions extends IOCallbacks {
  /** Port to listen on; 0 picks a free one (see `port`). */
  port: number;
  /** Local address to bind; default all interfaces. */
  address?: string;
  /** Connections the platform may queue before refusing more. */
  backlog?: number;
}

/** A listening TCP socket; `onReadable` says connections wait to be accepted with `read()`. */
export interface TCPListener {
  /** The next accepted connection, or `undefined` if none is waiting. */
  read(): PendingConnection | undefined;
  /** Stop listening; connections not yet adopted are closed. Idempotent. */
  close(): void;
  /** The port actually listened on (0 until listening: see `onWritable`). */
  readonly port: number;
}
