/**
 * NodeTCPSocket (desktop): the platform IO contract's TCP byte stream (src/core/io/tcp.ts), on Node's `net`.
 *
 * Example:
 *   const socket = new NodeTCPSocket({ address: "127.0.0.1", port: 1601,
 *     onWritable: () => socket.write(hello), onReadable: () => take(socket.read()), onError: (end) => done(end) });
 *
 * Behaviour (the contract's, in Node's terms):
 * - `read()` returns the received chunks in order, one per call, as plain Uint8Array views of Node's
 *   buffers (no copy). While more than `readLimit` bytes wait unread the Node socket is paused, so the
 *   kernel's window fills and the peer is held back; reading below the limit resumes it.
 * - `write()` takes a chunk unless `writeLimit` bytes are already unsent (Node's `writableLength`); then it
 *   returns false and `onWritable` follows when the unsent bytes fall below the limit. The first
 *   `onWritable` says the socket connected (for an adopted connection: at once, on the next tick).
 * - Node errors map to IOEnd codes through endFromError (ECONNREFUSED refused, ECONNRESET and EPIPE
 *   reset, ENOTFOUND and EAI_AGAIN not-found, ETIMEDOUT timeout, anything unknown failed).
 * - The peer's FIN sets `readEnded` (the socket is half-open: it can still be written and `end()`ed);
 *   the socket ends `closed` once both halves are closed.
 * - `close()` destroys the Node socket at once and silences every callback. Idempotent.
 * - No callback ever runs inside `read`, `write`, `end`, `close` or the constructor: one that would is
 *   deferred with queueMicrotask.
 *
 * How it works inside: the socket is created (or adopted from an AcceptedConnection, which the listener
 * made with `pauseOnConnect`) with `allowHalfOpen`, so Node never ends our half on its own. Each write
 * carries a shared completion callback, which is how falling below `writeLimit` is noticed whatever
 * Node's own high-water mark is. Received chunks wait in an array with a head index.
 */
import * as net from "node:net";
import type { IOCallbacks, IOEnd, PendingConnection, TCPSocket, TCPSocketOptions } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** Unread or unsent bytes held before pushing back, when the options do not say. */
export const DEFAULT_TCP_LIMIT = 65536;

/**
 * An accepted connection waiting to be adopted (the contract's PendingConnection). The Node socket stays
 * paused, reading nothing, until `new NodeTCPSocket({ from })` takes it; an error meanwhile is kept for then.
 */
export class AcceptedConnection implements PendingConnection {
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** @internal The paused Node socket, or null once adopted or discarded. */
  _socket: net.Socket | null;
  /** @internal An error the connection met before it was adopted. */
  _error: unknown = null;
  private readonly keepError = (error: unknown): void => {
    if (this._error === null) this._error = error;
  };

  constructor(socket: net.Socket) {
    this._socket = socket;
    this.remoteAddress = socket.remoteAddress || "";
    this.remotePort = socket.remotePort || 0;
    socket.on("error", this.keepError);
  }

  /** @internal Hand the Node socket over (once). */
  _adopt(): net.Socket {
    const socket = this._socket;
    if (socket === null) throw new Error("TCPSocket: that connection was adopted (or closed) already; each accepted connection makes one socket");
    this._socket = null;
    socket.off("error", this.keepError);
    return socket;
  }

  /** @internal Close it unadopted (its listener closed). */
  _discard(): void {
    const socket = this._socket;
    this._socket = null;
    if (socket !== null) socket.destroy();
  }
}

function checkLimit(value: number | undefined, name: string): number {
  if (value === undefined) return DEFAULT_TCP_LIMIT;
  if (typeof value !== "number" || !(value >= 1)) throw new RangeError("TCPSocket: " + name + " must be a number of bytes, 1 or more (got " + String(value) + ")");
  return value;
}

/** Where the socket is in its life. */
const OPEN = 0;
/** `end()` was called: flushing, then the sending half closes. */
const ENDING = 1;
/** Ended (reported through onError) or closed by the owner. */
const DONE = 2;

export class NodeTCPSocket implements TCPSocket {
  remoteAddress = "";
  remotePort = 0;
  localPort = 0;
  readEnded = false;

  private readonly socket: net.Socket;
  private callbacks: IOCallbacks | null;
  private readonly readLimit: number;
  private readonly writeLimit: number;
  private chunks: Uint8Array[] = [];
  private head = 0;
  private unread = 0;
  private paused = false;
  private connected = false;
  private wantWritable = false;
  private state = OPEN;
  private ended = false;
  /** Inside one of our own methods: a callback now would be re-entrant, so it is deferred. */
  private busy = false;
  private readonly flushed = (): void => this.checkWritable();

  constructor(options: TCPSocketOptions) {
    this.busy = true;
    this.callbacks = options;
    this.readLimit = checkLimit(options.readLimit, "readLimit");
    this.writeLimit = checkLimit(options.writeLimit, "writeLimit");
    if (options.from !== undefined) {
      if (!(options.from instanceof AcceptedConnection)) {
        throw new TypeError("TCPSocket: `from` must be a connection read from this target's TCPListener (listener.read())");
      }
      const early = options.from._error;
      this.socket = options.from._adopt();
      this.listen();
      this.connected = true;
      this.learnAddresses();
      if (early !== null) this.finish(endFromError(early));
      else if (this.socket.destroyed) this.finish({ code: "closed", message: "the connection closed before it was adopted" });
      else {
        this.socket.resume();
        this.emitWritable();
      }
    } else {
      const { address, port } = options;
      if (typeof address !== "string" || address === "") throw new TypeError("TCPSocket: give `address` (a host name or IP address) and `port`, or `from`");
      if (typeof port !== "number" || port !== Math.floor(port) || port < 1 || port > 65535) {
        throw new RangeError("TCPSocket: port must be a whole number from 1 to 65535 (got " + String(port) + ")");
      }
      this.socket = net.connect({ host: address, port, allowHalfOpen: true });
      this.listen();
    }
    this.busy = false;
  }

  read(): Uint8Array | undefined {
    if (this.head === this.chunks.length) return undefined;
    const chunk = this.chunks[this.head];
    (this.chunks as unknown[])[this.head] = undefined;
    this.head++;
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    }
    this.unread -= chunk.length;
    if (this.paused && this.unread < this.readLimit && this.state !== DONE) {
      this.paused = false;
      this.socket.resume();
    }
    return chunk;
  }

  write(bytes: Uint8Array): boolean {
    if (this.state !== OPEN || !this.connected || this.socket.writableLength >= this.writeLimit) {
      if (this.state === OPEN) this.wantWritable = true;
      return false;
    }
    this.busy = true;
    try {
      this.socket.write(bytes, this.flushed);
    } finally {
      this.busy = false;
    }
    return true;
  }

  end(): void {
    if (this.state !== OPEN) return;
    this.state = ENDING;
    this.busy = true;
    try {
      this.socket.end();
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    if (this.state === DONE && this.callbacks === null) return;
    this.state = DONE;
    this.callbacks = null;
    this.chunks = [];
    this.head = 0;
    this.unread = 0;
    this.socket.destroy();
  }

  private listen(): void {
    const socket = this.socket;
    socket.on("connect", () => {
      this.connected = true;
      this.learnAddresses();
      this.emitWritable();
    });
    socket.on("data", (data: Buffer) => {
      if (this.state === DONE) return;
      this.chunks.push(new Uint8Array(data.buffer, data.byteOffset, data.length));
      this.unread += data.length;
      if (this.unread > this.readLimit && !this.paused) {
        this.paused = true;
        socket.pause();
      }
      this.call("onReadable", this.unread);
    });
    socket.on("end", () => {
      this.readEnded = true;
      this.call("onReadable", this.unread);
    });
    socket.on("drain", this.flushed);
    socket.on("error", (error: Error) => this.finish(endFromError(error)));
    socket.on("close", () => this.finish({ code: "closed", message: "connection to " + this.where() + " closed" }));
  }

  private learnAddresses(): void {
    this.remoteAddress = this.socket.remoteAddress || "";
    this.remotePort = this.socket.remotePort || 0;
    this.localPort = this.socket.localPort || 0;
  }

  private where(): string {
    return this.remoteAddress + ":" + this.remotePort;
  }

  private emitWritable(): void {
    this.wantWritable = false;
    this.call("onWritable", this.writeLimit - this.socket.writableLength);
  }

  /** After a flush: if a write was refused and the unsent bytes are now below the limit, say so. */
  private checkWritable(): void {
    if (this.wantWritable && this.state === OPEN && this.connected && this.socket.writableLength < this.writeLimit) this.emitWritable();
  }

  /** The socket ended: report it once (received data stays readable); later events are ignored. */
  private finish(end: IOEnd): void {
    if (this.ended) return;
    this.ended = true;
    const owned = this.callbacks !== null;
    if (this.state !== DONE) this.state = DONE;
    if (owned) this.call("onError", end);
  }

  private call<K extends keyof IOCallbacks>(which: K, value: Parameters<NonNullable<IOCallbacks[K]>>[0]): void {
    const callbacks = this.callbacks;
    if (callbacks === null || callbacks[which] === undefined) return;
    const invoke = (): void => {
      // Closed meanwhile: silent, as close() promises.
      const callback = this.callbacks === callbacks ? callbacks[which] : undefined;
      if (callback !== undefined) (callback as (v: typeof value) => void).call(this, value);
    };
    if (this.busy) queueMicrotask(invoke);
    else invoke();
  }
}
