/**
 * PreviewServer: the whole video preview server as one component — frames over TCP (ServerCore with a
 * PreviewProtocol per connection, port 1500) and over the web (WebGateway: the viewer page and /frames
 * WebSockets, port 8080), both fed by the shared FrameChannels.
 *
 * Example:
 *   const server = new PreviewServer({ port: 1500, httpPort: 8080 });
 *   const driver = new EventLoopDriver();
 *   const handle = new AsyncHandle(server, driver);
 *   const ports = await handle.get("ready");      // { tcpPort: 1500, httpPort: 8080 }
 *   for (const line of previewUrls(ports)) console.log(line);
 *   await handle.shutdown();                      // every connection closed, every ffmpeg stopped
 *
 *   PreviewServer( FrameChannels: Backplane + FrameGrabber(ffmpeg) per (video, interval, size)
 *                  ServerCore(:1500) ──▶ PreviewProtocol per connection ──▶ FrameFeed ──▶ framer ──▶ socket
 *                  WebGateway(:8080) ──▶ WebSocketFrames per browser ──▶ FrameFeed ──▶ ws )
 *
 * Behaviour:
 * - Options: `mediaFolder` (a folder of videos or one video file; default examples/video-preview/media), `port` (TCP, default 1500), `httpPort`
 *   (default 8080) — 0 for any free port — `address` (default every interface), the defaults for clients
 *   that ask for nothing (`interval` 2 s, `width`×`height` 176×144, the first video), `queueLength` (frames
 *   held per slow client, default 2), `graceMs` (how long an unwatched extraction runs on, default 5000),
 *   `ffmpeg` (default ffmpegPath()), `maxConnections` (TCP; default no limit).
 * - Made with a missing ffmpeg, an empty media folder, bad defaults or no built mobile bundle, the
 *   constructor throws an error saying how to fix it.
 * - Once both servers listen, `tcpPort` and `httpPort` hold the actual ports and they are sent once out of
 *   `ready` as { tcpPort, httpPort }.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the servers stop listening and close every
 *   connection, then every extraction stops (ffmpeg killed), then the message goes out of `signal` and it
 *   ends. If either server cannot listen (port taken), the same happens and it ends with that server's
 *   `producerFinished(IOFailed)` on `signal`.
 *
 * How it works inside: three children with an outbox to each one's `control`; their signals all land in
 * one inbox, which only wakes this component to look at who has stopped. Each connection's protocol gets
 * its socket's backlog from the ConnectionInfo ServerCore hands the factory (`bufferedBytes`).
 */
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { Component, ProducerFinished, ServerCore, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";
import { ffmpegPath } from "../ffmpeg-path";
import { viewerFiles } from "../viewer/serve-viewer";
import { FrameChannels } from "./frame-channels";
import { mediaSource } from "./media-folder";
import { PreviewProtocol } from "./preview-protocol";
import { DEFAULT_PREVIEW, InvalidRequest, parseRequestLine } from "./request";
import type { PreviewDefaults } from "./request";
import { WebGateway } from "./web-gateway";

/** How a PreviewServer is set up (every field optional). */
export interface PreviewServerOptions {
  /** The folder of videos to offer. Default examples/video-preview/media. */
  readonly mediaFolder?: string;
  /** TCP port for framed JPEGs; 0 for any free one. Default 1500. */
  readonly port?: number;
  /** HTTP/WebSocket port for the viewer; 0 for any free one. Default 8080. */
  readonly httpPort?: number;
  /** Local address to listen on. Default every interface. */
  readonly address?: string;
  /** Seconds between frames for clients that do not say. Default 2. */
  readonly interval?: number;
  /** Frame size for clients that do not say. Default 176×144. */
  readonly width?: number;
  readonly height?: number;
  /** Frames held per slow client. Default 2. */
  readonly queueLength?: number;
  /** How long an unwatched extraction runs on, in ms. Default 5000. */
  readonly graceMs?: number;
  /** The ffmpeg program. Default ffmpegPath(). */
  readonly ffmpeg?: string;
  /** How long a TCP client has to start its request line, in ms. Default 500. */
  readonly requestWaitMs?: number;
  /** Most TCP connections at once. Default no limit. */
  readonly maxConnections?: number;
}

/** The ports, once both servers listen. */
export interface PreviewServerReady {
  readonly tcpPort: number;
  readonly httpPort: number;
}

/** The sample clip's folder, the default media folder. */
export const DEFAULT_MEDIA_FOLDER = resolve(import.meta.dirname, "../media");

type ServerIn = { inbox: never; control: ShutdownMessage; _tcpPort: number; _httpPort: number; _childSignal: ShutdownMessage };
type ServerOut = {
  outbox: never;
  signal: ShutdownMessage;
  ready: PreviewServerReady;
  _toCore: ShutdownMessage;
  _toGateway: ShutdownMessage;
  _toChannels: ShutdownMessage;
};

export class PreviewServer extends Component<ServerIn, ServerOut> {
  static override Name = "PreviewServer";
  static override Inboxes: BoxDescriptions<ServerIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: close everything, stop every ffmpeg, end",
    _tcpPort: "the ServerCore's port once listening (internal)",
    _httpPort: "the WebGateway's port once listening (internal)",
    _childSignal: "the children's signals: one has stopped (internal)",
  };
  static override Outboxes: BoxDescriptions<ServerOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message as it ends; producerFinished(IOFailed) if a server could not listen",
    ready: "{ tcpPort, httpPort }, once both servers listen",
    _toCore: "shutdown to the ServerCore (internal)",
    _toGateway: "shutdown to the WebGateway (internal)",
    _toChannels: "shutdown to the FrameChannels (internal)",
  };

  /** The videos offered, sorted; the first is the default. */
  readonly videos: string[];
  /** The defaults for clients that ask for nothing. */
  readonly defaults: PreviewDefaults;
  /** The shared extractions (see grabberCount()). */
  readonly channels: FrameChannels;
  /** The TCP side. */
  readonly core: ServerCore;
  /** The web side. */
  readonly gateway: WebGateway;
  /** The TCP port: 0 until listening. */
  tcpPort = 0;
  /** The HTTP port: 0 until listening. */
  httpPort = 0;

  constructor(options?: PreviewServerOptions) {
    super();
    const o = options || {};
    const media = mediaSource(o.mediaFolder || DEFAULT_MEDIA_FOLDER);
    const folder = media.folder;
    this.videos = media.videos;
    this.defaults = checkDefaults(this.videos, o);
    const ffmpeg = o.ffmpeg || ffmpegPath();
    const files = viewerFiles();
    this.channels = new FrameChannels({ ffmpeg, mediaFolder: folder, graceMs: o.graceMs });
    const shared = { channels: this.channels, videos: this.videos, defaults: this.defaults, queueLength: o.queueLength };
    const core: ServerCore = new ServerCore(
      (connection) => new PreviewProtocol({ ...shared, requestWaitMs: o.requestWaitMs, backlog: connection.bufferedBytes }),
      o.port !== undefined ? o.port : 1500,
      { address: o.address, maxConnections: o.maxConnections },
    );
    this.core = core;
    this.gateway = new WebGateway({ ...shared, port: o.httpPort !== undefined ? o.httpPort : 8080, address: o.address, files });
  }

  override *main(): MainLoop {
    const { channels, core, gateway } = this;
    this.link([core, "serverPort"], [this, "_tcpPort"]);
    this.link([gateway, "serverPort"], [this, "_httpPort"]);
    this.link([core, "signal"], [this, "_childSignal"]);
    this.link([gateway, "signal"], [this, "_childSignal"]);
    this.link([channels, "signal"], [this, "_childSignal"]);
    this.link([this, "_toCore"], [core, "control"]);
    this.link([this, "_toGateway"], [gateway, "control"]);
    this.link([this, "_toChannels"], [channels, "control"]);
    this.addChildren(channels, core, gateway);
    this.addTeardown(() => {
      gateway.stop();
      core.stop();
      channels.stop();
    });
    yield newComponent(channels, core, gateway);
    let finishing: ShutdownMessage | null = null;
    let frontTold = false;
    let channelsTold = false;
    let announced = false;
    for (;;) {
      while (this.dataReady("_tcpPort")) this.tcpPort = this.recv("_tcpPort");
      while (this.dataReady("_httpPort")) this.httpPort = this.recv("_httpPort");
      if (!announced && this.tcpPort > 0 && this.httpPort > 0 && finishing === null) {
        announced = true;
        this.send({ tcpPort: this.tcpPort, httpPort: this.httpPort }, "ready");
      }
      while (this.dataReady("_childSignal")) {
        // A server that could not listen says so here; anything else is the echo of our own shutdown.
        const message = this.recv("_childSignal");
        if (finishing === null && message instanceof ProducerFinished && message.message instanceof Error) finishing = message;
      }
      while (finishing === null && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) finishing = message;
      }
      if (finishing === null && (core.isStopped() || gateway.isStopped() || channels.isStopped())) finishing = producerFinished(this);
      if (finishing !== null) {
        if (!frontTold) {
          frontTold = true;
          if (!core.isStopped()) this.send(ShutdownMicroprocess(), "_toCore");
          if (!gateway.isStopped()) this.send(ShutdownMicroprocess(), "_toGateway");
        }
        if (!channelsTold && core.isStopped() && gateway.isStopped()) {
          channelsTold = true;
          if (!channels.isStopped()) this.send(ShutdownMicroprocess(), "_toChannels");
        }
        if (this.childrenDone()) {
          this.send(finishing, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** The server's defaults from its options, checked as a client's request would be. */
function checkDefaults(videos: string[], o: PreviewServerOptions): PreviewDefaults {
  const interval = o.interval !== undefined ? o.interval : DEFAULT_PREVIEW.interval;
  const width = o.width !== undefined ? o.width : DEFAULT_PREVIEW.width;
  const height = o.height !== undefined ? o.height : DEFAULT_PREVIEW.height;
  const fallback = { video: videos[0], interval: 1, width: 16, height: 16 };
  try {
    return parseRequestLine(videos[0] + " " + interval + " " + width + "x" + height, videos, fallback);
  } catch (error) {
    if (error instanceof InvalidRequest) throw new RangeError("PreviewServer: bad default interval or size: " + error.message);
    throw error;
  }
}

/** Lines to print once the server is ready: where TCP clients connect and the page a phone opens. */
export function previewUrls(ports: PreviewServerReady): string[] {
  const hosts: string[] = [];
  const interfaces = networkInterfaces();
  for (const name of Object.keys(interfaces)) {
    for (const a of interfaces[name] || []) if (a.family === "IPv4" && !a.internal) hosts.push(a.address);
  }
  const lines = ["frames over TCP:  tcp://localhost:" + ports.tcpPort + "   (npx kamaelia-preview connect localhost:" + ports.tcpPort + ")"];
  lines.push("viewer page:      http://localhost:" + ports.httpPort + "/");
  for (const host of hosts) lines.push("on a phone:       http://" + host + ":" + ports.httpPort + "/   (same network)");
  return lines;
}
