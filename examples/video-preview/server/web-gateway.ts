/**
 * WebGateway: the preview server's web side — an HTTP server for the viewer page and the mobile bundle,
 * and a WebSocket endpoint `/frames` that sends each JPEG of the asked-for channel as one binary message.
 *
 * Example:
 *   const gateway = new WebGateway({ port: 8080, channels, videos, defaults, files: viewerFiles() });
 *   // its serverPort outbox gives the port once listening; shutdownMicroprocess on control stops it
 *
 *   WebGateway( http.Server + ws.WebSocketServer ──▶ WebSocketFrames per browser )
 *
 * Behaviour:
 * - It listens on `port` (0: any free port) at `address` (default every interface); once listening, `port`
 *   holds the actual port, which is also sent once out of `serverPort`.
 * - HTTP GET (or HEAD) of a path in `files` (`/`, `/index.html`, `/viewer.js`, `/kamaelia-mobile.es5.min.js`
 *   from viewerFiles()) answers it with its content type, uncached; other paths get 404, other methods 405,
 *   and a plain GET of `/frames` 426 (it wants a WebSocket).
 * - A WebSocket on `/frames?video=…&interval=…&size=WxH` (every parameter optional, checked as the TCP
 *   request line is) gets a WebSocketFrames child that streams that channel; an invalid query is closed
 *   with code 1008 "Invalid request". A WebSocket upgrade on any other path gets 404.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: every WebSocket is closed (1001), the
 *   servers stop listening, and once every child has ended the message is passed on out of `signal`.
 * - If it cannot listen (the port is taken...), it ends with `producerFinished(this, IOFailed)` on
 *   `signal`, with a warning in the host's log.
 *
 * How it works inside: the http and ws servers belong to this component: made in its main, closed in its
 * teardown (with every connection they hold), so none outlives it however it ends. Their events — a new
 * WebSocket, listening, an error — run on Node's loop; they only note what happened and call a Selector
 * watch's callbacks, and this component acts on the notes in its own step. Each WebSocketFrames child
 * has an outbox of this component linked to its `control`, for shutdown.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";
import { AdaptiveCommsComponent, IOFailed, Selector, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { AnyComponent, BoxDescriptions, IOEnd, LogLevel, MainLoop, Readiness, ShutdownMessage } from "../../../src/index";
import type { ViewerFile } from "../viewer/serve-viewer";
import type { FrameChannels } from "./frame-channels";
import { InvalidRequest, parseFramesQuery } from "./request";
import type { PreviewDefaults } from "./request";
import { WebSocketFrames } from "./websocket-frames";

/** What a WebGateway serves, and where. */
export interface WebGatewayOptions {
  /** The port to listen on; 0 for any free one. */
  readonly port: number;
  /** The local address to listen on; default every interface. */
  readonly address?: string;
  /** The files to serve by URL path (viewerFiles()). */
  readonly files: { readonly [path: string]: ViewerFile };
  /** The shared extractions. */
  readonly channels: FrameChannels;
  /** The videos a query may name. */
  readonly videos: readonly string[];
  /** What a query leaves out. */
  readonly defaults: PreviewDefaults;
  /** Frames held for a slow browser. Default 2. */
  readonly queueLength?: number;
}

/** The WebSocket path that streams frames. */
export const FRAMES_PATH = "/frames";

/** One WebSocket waiting to be served: the socket and the URL it was opened with. */
interface NewSocket {
  readonly ws: WebSocket;
  readonly url: string;
}

type GatewayIn = { inbox: never; control: ShutdownMessage; _ready: Readiness };
type GatewayOut = { outbox: never; signal: ShutdownMessage; serverPort: number };

export class WebGateway extends AdaptiveCommsComponent<GatewayIn, GatewayOut> {
  static override Name = "WebGateway";
  static override Inboxes: BoxDescriptions<GatewayIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: close every WebSocket, stop listening, end",
    _ready: "the servers' events, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<GatewayOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message passed on; or producerFinished(this, IOFailed) if it could not listen",
    serverPort: "the HTTP port, sent once when listening starts",
  };

  /** The port listened on: 0 until listening, then the actual port. */
  port = 0;
  private readonly options: WebGatewayOptions;
  private senders: { sender: WebSocketFrames; toSender: string }[] = [];

  constructor(options: WebGatewayOptions) {
    super();
    this.options = options;
  }

  /** Browsers being streamed to now. */
  socketCount(): number {
    return this.senders.length;
  }

  /** The WebSocketFrames children (for counting frames and drops). */
  socketSenders(): WebSocketFrames[] {
    return this.senders.map((s) => s.sender);
  }

  override *main(): MainLoop {
    const o = this.options;
    const watch = Selector.watchFor(this, "_ready");
    const arrived: NewSocket[] = [];
    const files = o.files;
    const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
    const http = createServer((req, res) => serveFile(files, req, res));
    http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (pathOf(req) !== FRAMES_PATH) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        arrived.push({ ws, url: req.url || FRAMES_PATH });
        watch.onReadable(arrived.length);
      });
    });
    http.on("error", (error: NodeJS.ErrnoException) => watch.onError(endOf(error)));
    this.addTeardown(() => {
      for (const ws of wss.clients) ws.terminate();
      for (const waiting of arrived) waiting.ws.terminate();
      wss.close();
      if (http.listening) http.close();
      http.closeAllConnections();
    });
    http.listen(o.port, o.address, () => watch.onWritable(1));
    let finishing: ShutdownMessage | null = null;
    let failed: IOEnd | null = null;
    for (;;) {
      while (this.dataReady("_ready")) {
        const r = this.recv("_ready");
        if (r.writable && this.port === 0) {
          this.port = (http.address() as AddressInfo).port;
          this.send(this.port, "serverPort");
        }
        if (r.end !== null && failed === null) failed = r.end;
      }
      if (failed !== null && finishing === null) {
        const error = new IOFailed(this.name, (o.address || "*") + ":" + o.port, failed);
        this.log("warn", error.message);
        finishing = producerFinished(this, error);
        this.shutdownSenders();
      }
      while (finishing === null && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          finishing = message;
          this.shutdownSenders();
        }
      }
      const started: AnyComponent[] = [];
      while (arrived.length > 0) {
        const next = arrived.shift() as NewSocket;
        const sender = finishing === null ? this.accept(next) : null;
        if (sender === null) continue;
        started.push(sender);
      }
      this.reap();
      if (started.length > 0) {
        yield newComponent(started);
        continue;
      }
      if (finishing !== null && this.senders.length === 0) {
        this.send(finishing, "signal");
        return; // the teardown closes the servers
      }
      this.pause(); // woken by the servers' events, control, and children ending
      yield 1;
    }
  }

  /** A WebSocketFrames for a new socket, or null (the socket closed: invalid query). */
  private accept(next: NewSocket): WebSocketFrames | null {
    const o = this.options;
    let request;
    try {
      request = parseFramesQuery(new URL(next.url, "http://gateway").searchParams, o.videos, o.defaults);
    } catch (error) {
      if (!(error instanceof InvalidRequest)) throw error;
      this.log("info", this.name + ": invalid /frames query " + JSON.stringify(next.url) + " (" + error.message + "); closed with 1008");
      next.ws.close(1008, "Invalid request");
      return null;
    }
    const sender = new WebSocketFrames(next.ws, o.channels, request, { queueLength: o.queueLength });
    const toSender = this.addOutbox("toSender");
    this.link([this, toSender], [sender, "control"]);
    this.addChildren(sender);
    this.senders.push({ sender, toSender });
    return sender;
  }

  /** Tell every sender to close its socket and end. */
  private shutdownSenders(): void {
    for (const s of this.senders) if (!s.sender.isStopped()) this.send(ShutdownMicroprocess(), s.toSender);
  }

  /** Forget senders that have ended. */
  private reap(): void {
    for (let i = this.senders.length - 1; i >= 0; i--) {
      const s = this.senders[i];
      if (!s.sender.isStopped()) continue;
      this.senders.splice(i, 1);
      this.removeChild(s.sender);
      this.deleteOutbox(s.toSender);
    }
  }

  private log(level: LogLevel, text: string): void {
    const host = this.scheduler !== null ? this.scheduler.host : null;
    if (host !== null && host.log) host.log(level, text);
  }
}

/** The path of a request's URL, without its query. */
function pathOf(req: IncomingMessage): string {
  return new URL(req.url || "/", "http://gateway").pathname;
}

/** Answer one plain HTTP request from `files`. */
function serveFile(files: { readonly [path: string]: ViewerFile }, req: IncomingMessage, res: ServerResponse): void {
  const path = pathOf(req);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return;
  }
  if (path === FRAMES_PATH) {
    res.writeHead(426, { upgrade: "websocket", "content-type": "text/plain; charset=utf-8" }).end("Open " + FRAMES_PATH + " as a WebSocket\n");
    return;
  }
  const file = Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
  if (file === undefined) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  res.writeHead(200, { "content-type": file.type, "content-length": file.body.length, "cache-control": "no-cache" });
  res.end(req.method === "HEAD" ? undefined : file.body);
}

/** A Node server error as an IOEnd. */
function endOf(error: NodeJS.ErrnoException): IOEnd {
  const code = error.code === "EADDRINUSE" ? "in-use" : error.code === "EACCES" ? "denied" : "failed";
  return { code, message: error.message };
}
