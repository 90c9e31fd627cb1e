/**
 * NodeWebSocketClient (desktop): the platform IO contract's WebSocket client (src/core/io/websocket.ts),
 * on npm `ws`, so the WebSocketClient component runs under Node as it does in a browser.
 *
 * Example:
 *   const ws = new NodeWebSocketClient({ url: "ws://127.0.0.1:8080/frames",
 *     onWritable: () => ws.write("hello"), onReadable: () => take(ws.read()), onError: (end) => done(end) });
 *
 * Behaviour (the contract's, in `ws` terms):
 * - `read()` returns each message whole, in order: binary ones as plain Uint8Array views of `ws`'s
 *   buffers (no copy), text ones as strings. While more than `readLimit` bytes wait unread the `ws`
 *   socket is paused, so TCP holds the server back; reading below the limit resumes it.
 * - `write()` takes a message unless `writeLimit` bytes are already unsent (`bufferedAmount`, plus what
 *   was sent before the last send completed); `onWritable` follows when the unsent bytes fall below it.
 *   The first `onWritable` says it opened.
 * - Ends: a close frame (either way) is `closed`, with the code and reason; a connection that dropped
 *   without one (1006) is `reset`. Failures to open: Node's error codes through endFromError
 *   (ECONNREFUSED refused, ENOTFOUND not-found...), and an HTTP answer instead of the upgrade is
 *   `not-found` (404, 410), `denied` (401, 403) or `refused` (anything else).
 * - `close()` sends a close frame with code 1000 after what was written (or aborts a connection still
 *   opening) and silences every callback. Idempotent.
 * - No callback ever runs inside `read`, `write`, `close` or the constructor: `ws` reports everything
 *   from the socket's own events, and a `send` completion is never synchronous.
 *
 * How it works inside: one `ws` WebSocket with listeners that stay attached after `close()` (so a late
 * error is swallowed rather than thrown); messages wait in an array with a head index.
 */
import WebSocket from "ws";
import type { IOCallbacks, IOEnd, WebSocketConnection, WebSocketConnectionOptions } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** Unread or unsent bytes held before pushing back, when the options do not say. */
export const DEFAULT_WEBSOCKET_LIMIT = 1048576;

function checkLimit(value: number | undefined, name: string): number {
  if (value === undefined) return DEFAULT_WEBSOCKET_LIMIT;
  if (typeof value !== "number" || !(value >= 1)) throw new RangeError("WebSocketClient: " + name + " must be a number of bytes, 1 or more (got " + String(value) + ")");
  return value;
}

/** The IOEnd for an HTTP status the server answered instead of upgrading. */
function endFromStatus(status: number, message: string): IOEnd {
  if (status === 404 || status === 410) return { code: "not-found", message: message + " (no WebSocket at that path)" };
  if (status === 401 || status === 403) return { code: "denied", message };
  return { code: "refused", message: message + " (the server refused the WebSocket handshake)" };
}

function sizeOf(message: Uint8Array | string): number {
  return typeof message === "string" ? Buffer.byteLength(message) : message.length;
}

export class NodeWebSocketClient implements WebSocketConnection {
  private readonly ws: WebSocket;
  private callbacks: IOCallbacks | null;
  private readonly readLimit: number;
  private readonly writeLimit: number;
  private messages: Array<Uint8Array | string> = [];
  private head = 0;
  private unread = 0;
  private paused = false;
  private opened = false;
  private wantWritable = false;
  /** Bytes handed to `ws.send` whose completion has not been reported yet. */
  private sending = 0;
  private ended = false;
  private closed = false;

  constructor(options: WebSocketConnectionOptions) {
    this.callbacks = options;
    this.readLimit = checkLimit(options.readLimit, "readLimit");
    this.writeLimit = checkLimit(options.writeLimit, "writeLimit");
    this.ws = options.protocols === undefined ? new WebSocket(options.url) : new WebSocket(options.url, options.protocols);
    this.listen();
  }

  /** Bytes received and not yet read (for diagnostics and tests; not in the contract). */
  get unreadBytes(): number {
    return this.unread;
  }

  /** Bytes written and not yet sent (for diagnostics and tests; not in the contract). */
  get unsentBytes(): number {
    return this.unsent();
  }

  read(): Uint8Array | string | undefined {
    if (this.head === this.messages.length) return undefined;
    const message = this.messages[this.head];
    (this.messages as unknown[])[this.head] = undefined;
    this.head++;
    if (this.head === this.messages.length) {
      this.messages = [];
      this.head = 0;
    }
    this.unread -= sizeOf(message);
    if (this.paused && this.unread <= this.readLimit && !this.closed) {
      this.paused = false;
      this.ws.resume();
    }
    return message;
  }

  write(data: Uint8Array | string): boolean {
    if (this.closed || this.ended) return false;
    if (!this.opened || this.ws.readyState !== WebSocket.OPEN || this.unsent() >= this.writeLimit) {
      this.wantWritable = true;
      return false;
    }
    const size = sizeOf(data);
    this.sending += size;
    this.ws.send(data, { binary: typeof data !== "string" }, () => {
      this.sending -= size;
      this.checkWritable();
    });
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    this.messages = [];
    this.head = 0;
    this.unread = 0;
    const state = this.ws.readyState;
    if (state === WebSocket.CONNECTING) this.ws.terminate();
    else if (state === WebSocket.OPEN) this.ws.close(1000);
  }

  private unsent(): number {
    return Math.max(this.sending, this.ws.bufferedAmount);
  }

  private listen(): void {
    const ws = this.ws;
    ws.on("open", () => {
      this.opened = true;
      const cb = this.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(this.writeLimit);
    });
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (this.closed) return;
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const message = isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : bytes.toString("utf8");
      this.messages.push(message);
      this.unread += bytes.length;
      if (!this.paused && this.unread > this.readLimit) {
        this.paused = true;
        ws.pause();
      }
      const cb = this.callbacks;
      if (cb !== null && cb.onReadable) cb.onReadable(this.messages.length - this.head);
    });
    ws.on("error", (error: Error) => {
      const status = /Unexpected server response: (\d+)/.exec(error.message);
      this.finish(status !== null ? endFromStatus(Number(status[1]), error.message) : endFromError(error));
    });
    ws.on("close", (code: number, reason: Buffer) => {
      const why = reason.length > 0 ? ": " + reason.toString("utf8") : "";
      if (code === 1006) this.finish({ code: "reset", message: "the connection to " + ws.url + " broke without a close handshake (code 1006)" });
      else this.finish({ code: "closed", message: "closed with code " + code + why });
    });
  }

  private checkWritable(): void {
    if (!this.wantWritable || this.closed || this.ended || this.unsent() >= this.writeLimit) return;
    this.wantWritable = false;
    const cb = this.callbacks;
    if (cb !== null && cb.onWritable) cb.onWritable(this.writeLimit - this.unsent());
  }

  /** The end, reported once; messages already received stay readable. */
  private finish(end: IOEnd): void {
    if (this.ended) return;
    this.ended = true;
    const cb = this.callbacks;
    this.callbacks = null;
    if (cb !== null && cb.onError) cb.onError(end);
  }
}
