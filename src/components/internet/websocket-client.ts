/**
 * WebSocketClient: a connection to a WebSocket server as a component. Messages on `inbox` go to the
 * server; messages from the server come out of `outbox`. It is the handset's end of the video preview
 * streamer, where a browser offers WebSockets but no TCP.
 *
 * Example:
 *   // a phone showing the frames a preview server sends
 *   new Pipeline(new WebSocketClient("ws://" + location.host + "/frames"), new ImageDisplay()).activate();
 *   // a line of text to an echo server, and what comes back
 *   new Pipeline(new DataSource(["hello"]), new WebSocketClient("ws://127.0.0.1:8080/echo"), new ConsoleEchoer());
 *
 * Behaviour:
 * - Each message on `inbox` is one WebSocket message: a Uint8Array goes as binary, a string as text.
 *   Anything else is a wiring mistake: it crashes with an AxonError naming what it got. Messages that
 *   arrive before the connection opens wait for it.
 * - Each message from the server leaves on `outbox` whole and in order, as it came: a Uint8Array for
 *   binary, a string for text.
 * - Backpressure, as a TCP client has it: while its outbox's destination is full (a bounded inbox) it
 *   reads nothing more, so the platform holds up to `readLimit` bytes and, where it can, stops reading
 *   from the network, which holds the server back; while the platform has `writeLimit` bytes not yet
 *   sent it takes nothing more from its inbox, so a bounded inbox pushes back on the producer.
 * - The end of the connection, once every message received before it has been sent on: a close from the
 *   server sends `producerFinished(this, end)` on `signal`, its message the IOEnd (code `closed`, with the
 *   close code and reason); a connection that fails or breaks (`refused`, `not-found`, `denied`, `reset`,
 *   `failed`) sends `producerFinished(this, IOFailed)` and writes a warning naming the URL to the host's log.
 * - `producerFinished` on `control`: it sends every message already in its inbox (waiting for the
 *   connection to open if need be), closes the connection (close code 1000) and passes the message on
 *   `signal`. `shutdownMicroprocess`: it closes at once and passes the message on. Whenever it ends, its
 *   connection is closed.
 * - A URL that is not `ws://…` or `wss://…` is an AxonError at construction. It needs the host's
 *   `io.WebSocketClient` (IONotAvailable otherwise): the desktop target's is on npm `ws`, the mobile
 *   target's on the browser's WebSocket.
 *
 * How it works inside: a WebSocketConnection (src/core/io/websocket.ts) watched through the Selector, so
 * readiness arrives on `ready`. Each step drains readiness and control, moves received messages to the
 * outbox while it has room, then moves inbox messages into the connection until `write` refuses one,
 * which is held until the connection says it is writable again.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import { isBytes } from "../protocol/bytes";
import { hostLog } from "../util/host-log";
import { IOFailed, needIO } from "./io-errors";
import type { Readiness } from "./readiness";
import { takeEnd } from "./readiness";
import { Selector } from "./selector";
import { takeControl } from "../take-shutdown";

/** Options for WebSocketClient. */
export interface WebSocketClientOptions {
  /** Subprotocols to offer the server, in order of preference. */
  protocols?: string | string[];
  /** Unread bytes the platform holds before it stops reading (where it can). Default 1048576. */
  readLimit?: number;
  /** Unsent bytes the platform accepts before this takes nothing more from its inbox. Default 1048576. */
  writeLimit?: number;
}

/** A WebSocket message: bytes for binary, a string for text. */
export type WebSocketMessage = Uint8Array | string;

type ClientIn = { inbox: WebSocketMessage; control: ShutdownMessage; ready: Readiness };
type ClientOut = { outbox: WebSocketMessage; signal: ShutdownMessage };

/** `message` if it can be sent as a WebSocket message; otherwise the wiring mistake, named. */
function messageOf(message: unknown, who: string): WebSocketMessage {
  if (typeof message === "string" || isBytes(message)) return message;
  const what = message === null ? "null" : Array.isArray(message) ? "an array" : typeof message;
  throw new AxonError(who + " sends Uint8Array bytes (as binary messages) or strings (as text messages), but got " + what);
}

export class WebSocketClient extends Component<ClientIn, ClientOut> {
  static override Name = "WebSocketClient";
  static override Inboxes: BoxDescriptions<ClientIn> = {
    inbox: "messages to send: Uint8Array as binary, strings as text",
    control: "producerFinished: send what is waiting, close, pass it on; shutdownMicroprocess: close now",
    ready: "readiness of the connection, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ClientOut> = {
    outbox: "messages from the server, whole and in order: Uint8Array (binary) or string (text)",
    signal: "producerFinished when the connection ends (its message the IOEnd, or IOFailed), or the shutdown message",
  };

  /** The server's URL. */
  readonly url: string;
  private readonly options: WebSocketClientOptions;

  constructor(url: string, options?: WebSocketClientOptions) {
    super();
    if (typeof url !== "string" || !/^wss?:\/\/[^\/]/i.test(url)) {
      throw new AxonError("WebSocketClient needs a ws:// or wss:// URL, such as ws://127.0.0.1:8080/frames, not " + String(url));
    }
    this.url = url;
    this.options = options || {};
  }

  override *main(): MainLoop {
    const Connection = needIO(this, "WebSocketClient");
    const watch = Selector.watchFor(this, "ready");
    const o = this.options;
    const connection = new Connection({
      url: this.url,
      protocols: o.protocols,
      readLimit: o.readLimit,
      writeLimit: o.writeLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      connection.close();
    });
    const outbox = this.outboxes.outbox;
    let held: WebSocketMessage | null = null;
    let end: IOEnd | null = null;
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      end = takeEnd(this, "ready", end);
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      let emptied = false;
      while (!outbox.isFull()) {
        const received = connection.read();
        if (received === undefined) {
          emptied = true;
          break;
        }
        this.send(received);
      }
      if (end !== null && emptied) {
        if (end.code === "closed") this.send(producerFinished(this, end), "signal");
        else {
          hostLog(this, "warn", this.name + " (" + this.url + ") failed: " + end.code + ": " + end.message);
          this.send(producerFinished(this, new IOFailed(this.name, this.url, end)), "signal");
        }
        return;
      }
      if (end === null) {
        for (;;) {
          if (held === null) {
            if (this.dataReady() === 0) break;
            held = messageOf(this.recv(), this.name);
          }
          if (!connection.write(held)) break; // the connection says when it has room (or has opened)
          held = null;
        }
        if (finishing !== null && held === null && this.dataReady() === 0) {
          connection.close();
          this.send(finishing, "signal");
          return;
        }
      }
      this.pause(); // woken by readiness, by data, by control, or by the consumer collecting
      yield 1;
    }
  }
}
