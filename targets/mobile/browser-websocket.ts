/**
 * BrowserWebSocketClient (mobile): the platform IO contract's WebSocket client (src/core/io/websocket.ts)
 * on the browser's WebSocket API — also React Native's, which has the same shape.
 *
 * Example:
 *   const Kind = browserWebSocketKind(browserGlobals());     // undefined where there is no WebSocket
 *   const ws = new Kind({ url: "ws://" + location.host + "/frames", onReadable: ..., onError: ... });
 *
 * Behaviour (the contract's, in browser terms):
 * - `binaryType` is "arraybuffer", so a binary message is read as a Uint8Array over its ArrayBuffer (no
 *   copy) and a text message as a string. A browser that can only give Blobs ends the connection
 *   `failed`, saying so, rather than hand on something else.
 * - `write()` sends bytes as an ArrayBuffer (old WebKit takes no views) and text as text. It returns false
 *   before the connection opens and while `bufferedAmount` is at `writeLimit`. The API has no "drained"
 *   event, so while a write is refused for room the client checks `bufferedAmount` every 25 ms and calls
 *   `onWritable` once it is below the limit.
 * - `readLimit` cannot be honoured: the API cannot pause a WebSocket, so messages are kept however many
 *   arrive (the contract allows it; ImageDisplay keeps only the newest image anyway).
 * - Ends: before it opened, `refused` — the browser does not say why, so the message lists the causes;
 *   after, close code 1006 (no close frame) is `reset` and any other close is `closed`, with its code
 *   and reason. The browser's `error` event is always followed by `close`, so only `close` is used.
 * - `close()` closes with code 1000 (a connection still opening is abandoned) and silences every
 *   callback at once. Idempotent.
 * - Callbacks come only from the WebSocket's own events and the poll timer, never from inside `read`,
 *   `write`, `close` or the constructor.
 *
 * How it works inside: the WebSocket's `on…` properties (not addEventListener, which React Native's
 * early versions lacked); received messages wait in an array with a head index.
 */
import type { IOCallbacks, IOEnd, WebSocketConnection, WebSocketConnectionOptions } from "../../src/index";
import type { BrowserGlobals, BrowserWebSocket } from "./browser-globals";

/** The WebSocket API's readyState for an open connection. */
const OPEN = 1;
/** How often a full send buffer is checked for room, in ms. */
const DRAIN_POLL_MS = 25;
/** Unsent bytes accepted before `write` refuses, when the options do not say. */
const DEFAULT_WRITE_LIMIT = 1048576;

/** `bytes` as an ArrayBuffer holding exactly them: the buffer itself when the view covers all of it. */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer as ArrayBuffer;
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

export class BrowserWebSocketClient implements WebSocketConnection {
  private readonly ws: BrowserWebSocket;
  private readonly g: BrowserGlobals;
  private callbacks: IOCallbacks | null;
  private readonly url: string;
  private readonly writeLimit: number;
  private messages: Array<Uint8Array | string> = [];
  private head = 0;
  private opened = false;
  private ended = false;
  private closed = false;
  private pollTimer: unknown = null;

  constructor(options: WebSocketConnectionOptions, g: BrowserGlobals) {
    const WebSocketClass = g.WebSocket;
    if (WebSocketClass === undefined) throw new TypeError("WebSocketClient: this browser has no WebSocket");
    this.g = g;
    this.callbacks = options;
    this.url = options.url;
    this.writeLimit = options.writeLimit !== undefined && options.writeLimit >= 1 ? options.writeLimit : DEFAULT_WRITE_LIMIT;
    // Passing `undefined` for protocols makes some old browsers offer a protocol named "undefined".
    const ws = options.protocols === undefined ? new WebSocketClass(options.url) : new WebSocketClass(options.url, options.protocols);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    const self = this;
    ws.onopen = function () {
      self.opened = true;
      const cb = self.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(self.writeLimit);
    };
    ws.onmessage = function (event) {
      self.receive(event.data);
    };
    ws.onerror = function () {
      // always followed by a close event, which says how it ended
    };
    ws.onclose = function (event) {
      self.closedBy(event.code, event.reason);
    };
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
    return message;
  }

  write(data: Uint8Array | string): boolean {
    if (this.closed || this.ended) return false;
    if (!this.opened || this.ws.readyState !== OPEN) return false; // onopen will say when
    if (this.ws.bufferedAmount >= this.writeLimit) {
      this.pollForRoom();
      return false;
    }
    this.ws.send(typeof data === "string" ? data : exactBuffer(data));
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    this.messages = [];
    this.head = 0;
    this.stopPolling();
    const ws = this.ws;
    ws.onopen = null;
    ws.onmessage = null;
    if (ws.readyState <= OPEN) ws.close(1000);
  }

  private receive(data: unknown): void {
    if (this.closed || this.ended) return;
    if (typeof data === "string") this.messages.push(data);
    else if (data !== null && typeof data === "object" && typeof (data as ArrayBuffer).byteLength === "number" && this.g.Uint8Array) {
      this.messages.push(new this.g.Uint8Array(data as ArrayBuffer));
    } else {
      this.finish({ code: "failed", message: "this browser delivers binary WebSocket messages as Blobs, not ArrayBuffers (binaryType arraybuffer is needed)" });
      this.ws.close(1000);
      return;
    }
    const cb = this.callbacks;
    if (cb !== null && cb.onReadable) cb.onReadable(this.messages.length - this.head);
  }

  private closedBy(code: number, reason: string): void {
    this.stopPolling();
    const why = reason ? ": " + reason : "";
    if (!this.opened) {
      this.finish({
        code: "refused",
        message:
          "could not open " + this.url + " (close code " + code + "; the browser does not say why: nothing listening there, " +
          "no WebSocket at that path, or the server refused the handshake)",
      });
    } else if (code === 1006) this.finish({ code: "reset", message: "the connection to " + this.url + " broke without a close handshake (code 1006)" });
    else this.finish({ code: "closed", message: "closed with code " + code + why });
  }

  private pollForRoom(): void {
    const g = this.g;
    if (this.pollTimer !== null || !g.setTimeout) return;
    const self = this;
    this.pollTimer = g.setTimeout(function () {
      self.pollTimer = null;
      if (self.closed || self.ended) return;
      if (self.ws.bufferedAmount >= self.writeLimit) self.pollForRoom();
      else {
        const cb = self.callbacks;
        if (cb !== null && cb.onWritable) cb.onWritable(self.writeLimit - self.ws.bufferedAmount);
      }
    }, DRAIN_POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null && this.g.clearTimeout) this.g.clearTimeout(this.pollTimer);
    this.pollTimer = null;
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

/** The WebSocketClient kind for a host on `g`, or undefined where there is no WebSocket. */
export function browserWebSocketKind(g: BrowserGlobals): (new (options: WebSocketConnectionOptions) => WebSocketConnection) | undefined {
  if (typeof g.WebSocket !== "function" && typeof g.WebSocket !== "object") return undefined;
  return function BrowserWebSocketKind(options: WebSocketConnectionOptions) {
    return new BrowserWebSocketClient(options, g);
  } as unknown as new (options: WebSocketConnectionOptions) => WebSocketConnection;
}
