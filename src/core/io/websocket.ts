/**
 * WebSocket in the platform IO contract: a client connection to a WebSocket server, carrying whole
 * messages, binary or text, both ways (after ECMA-419's WebSocket client; Moddable's
 * `embedded:network/websocket/client`).
 *
 * Example:
 *   const ws = new io.WebSocketClient({ url: "ws://192.168.1.5:8080/frames",
 *     onWritable: () => ws.write("hello"),                       // the first call: it opened
 *     onReadable: () => { let m; while ((m = ws.read()) !== undefined) show(m); },
 *     onError: (end) => done(end) });
 *
 * Behaviour (beyond io-callbacks.ts):
 * - The first `onWritable` says the connection opened (the handshake finished); `write()` returns false
 *   before that. A connection that never opens ends with `refused` (nothing listening, or a server that
 *   refused the handshake), `not-found` (no such host, or no WebSocket at that path: HTTP 404), `denied`
 *   (HTTP 401 or 403) or `failed`. A browser does not say why a connection failed, so there every
 *   connection that never opened ends `refused`, and the message says the causes it could be.
 * - `read()` returns one whole message per call, in the order they arrived: a Uint8Array for a binary
 *   message, a string for a text message.
 * - `write(bytes)` sends one binary message, `write(text)` one text message. It takes nothing and returns
 *   false while `writeLimit` bytes are accepted but not yet sent; `onWritable` says when there is room.
 * - While more than `readLimit` bytes of messages wait unread, the client stops reading from the network
 *   where the platform can (Node's `ws` pauses its socket, so the server is held back by TCP). A browser's
 *   WebSocket API cannot be paused: there messages go on arriving and are kept, so a slow owner there
 *   should keep only what it needs (ImageDisplay keeps the newest image).
 * - The end: a close handshake from either side ends it `closed` (the message gives the close code and
 *   reason); a connection that broke without one (close code 1006, a reset) ends it `reset`. Messages
 *   received before the end stay readable.
 * - `close()` starts the close handshake (code 1000) and silences every callback at once; messages
 *   already accepted by `write()` still go out before the close frame, as the WebSocket API does.
 *   Idempotent.
 *
 * Naming: the kind is `io.WebSocketClient`, ECMA-419's name; the objects it makes are typed
 * `WebSocketConnection`, because the public index already has a component called WebSocketClient
 * (src/components/internet/websocket-client.ts) and one name cannot be both.
 *
 * How it works inside: types only.
 */
import type { IOCallbacks } from "./io-callbacks";

/** How to open a WebSocket client connection. */
export interface WebSocketConnectionOptions extends IOCallbacks {
  /** The server's URL: `ws://host:port/path` or `wss://…`. */
  url: string;
  /** Subprotocols to offer, in order of preference. */
  protocols?: string | string[];
  /** Unread message bytes held before the client stops reading (where it can). Default 1048576. */
  readLimit?: number;
  /** Unsent message bytes accepted by `write()` before it returns false. Default 1048576. */
  writeLimit?: number;
}

/** A WebSocket client connection: whole messages, binary or text, in order. */
export interface WebSocketConnection {
  /** The next received message (bytes for binary, a string for text), or `undefined` if none waits. */
  read(): Uint8Array | string | undefined;
  /** Send one message: bytes as binary, a string as text. False (nothing taken) when `writeLimit` is reached or it is not open yet. */
  write(data: Uint8Array | string): boolean;
  /** Close (code 1000) after what was written; callbacks stop at once. Idempotent. */
  close(): void;
}
