/**
 * WebSocketFrames: one browser's frames — its channel's JPEGs, one binary WebSocket message each, through
 * the same FrameFeed (subscribe, drop-oldest) as a TCP client's.
 *
 * Example (what WebGateway does for each connection on /frames):
 *   const sender = new WebSocketFrames(ws, channels, request, { queueLength: 2 });
 *
 *   WebSocketFrames( FrameFeed(SubscribeTo ──▶ DropOldestQueue) ──▶ ws.send(jpeg, binary) )
 *
 * Behaviour:
 * - Each frame is sent as one binary message. While the socket holds `maxBufferedBytes` (default 65536)
 *   or more unsent, frames wait in the feed's DropOldestQueue, the oldest dropped, so a stalled browser
 *   costs the server at most that plus `queueLength` frames.
 * - The browser closing the socket (or the socket failing) ends it, leaving the channel.
 * - `shutdownMicroprocess` on `control` (the server stopping) closes the socket with 1001 "going away" and
 *   ends it. If the channel ends (ffmpeg failed), the socket is closed with 1011 and it ends.
 * - `sent` counts the frames sent.
 *
 * How it works inside: the socket's close and error events are brought into the scheduler through the
 * Selector (a watch whose onError they call), so this component's code runs only in its own steps; its
 * teardown removes those listeners and closes the socket if it is still open.
 */
import type { WebSocket } from "ws";
import { Component, Selector, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { BoxDescriptions, IOEnd, MainLoop, Readiness, ShutdownMessage } from "../../../src/index";
import { FrameFeed } from "./frame-feed";
import type { FrameChannels } from "./frame-channels";
import type { PreviewRequest } from "./request";

/** How a WebSocketFrames queues frames. */
export interface WebSocketFramesOptions {
  /** Frames held for a slow browser. Default 2. */
  readonly queueLength?: number;
  /** Unsent bytes in the socket at which frames are held back. Default 65536. */
  readonly maxBufferedBytes?: number;
}

/** The WebSocket's OPEN readyState. */
const OPEN = 1;
const DEFAULT_MAX_BUFFERED = 65536;
const RETRY_MS = 50;

type FramesIn = { inbox: Uint8Array; control: ShutdownMessage; _ready: Readiness; _feedSignal: ShutdownMessage };
type FramesOut = { outbox: never; signal: ShutdownMessage; _feedControl: ShutdownMessage };

export class WebSocketFrames extends Component<FramesIn, FramesOut> {
  static override Name = "WebSocketFrames";
  static override Inboxes: BoxDescriptions<FramesIn> = {
    inbox: "JPEG frames from the feed (internal)",
    control: "shutdownMicroprocess: close the socket (1001) and end",
    _ready: "the socket closed or failed, from the Selector (internal)",
    _feedSignal: "the feed ended (internal)",
  };
  static override Outboxes: BoxDescriptions<FramesOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, or producerFinished when the socket closed, as it ends",
    _feedControl: "shutdownMicroprocess to the feed (internal)",
  };

  /** What the browser asked for. */
  readonly request: PreviewRequest;
  /** The browser's feed (see `feed.queue.dropped`). */
  readonly feed: FrameFeed;
  /** Frames sent so far. */
  sent = 0;
  private readonly ws: WebSocket;

  constructor(ws: WebSocket, channels: FrameChannels, request: PreviewRequest, options?: WebSocketFramesOptions) {
    super();
    const o = options || {};
    const limit = o.maxBufferedBytes !== undefined ? o.maxBufferedBytes : DEFAULT_MAX_BUFFERED;
    this.ws = ws;
    this.request = request;
    this.feed = new FrameFeed(channels, request, { queueLength: o.queueLength, ready: () => ws.bufferedAmount < limit, retryMs: RETRY_MS });
  }

  override *main(): MainLoop {
    const ws = this.ws;
    const watch = Selector.watchFor(this, "_ready");
    const onClose = (): void => watch.onError({ code: "closed", message: "the WebSocket closed" });
    const onError = (error: Error): void => watch.onError({ code: "failed", message: error.message });
    ws.on("close", onClose);
    ws.on("error", onError);
    let closeCode = 1000;
    let closeReason = "";
    const feed = this.feed;
    this.addChildren(feed);
    this.addTeardown(() => {
      feed.stop();
      ws.off("close", onClose);
      ws.off("error", onError);
      if (ws.readyState === OPEN) ws.close(closeCode, closeReason);
    });
    this.link([feed, "outbox"], [this, "inbox"]);
    this.link([feed, "signal"], [this, "_feedSignal"]);
    this.link([this, "_feedControl"], [feed, "control"]);
    yield newComponent(feed);
    let end: IOEnd | null = ws.readyState === OPEN ? null : { code: "closed", message: "the WebSocket closed before it was served" };
    let finishing: ShutdownMessage | null = null;
    let told = false;
    for (;;) {
      while (this.dataReady()) {
        const frame = this.recv();
        if (end === null && ws.readyState === OPEN) {
          ws.send(frame, { binary: true });
          this.sent++;
        }
      }
      while (this.dataReady("_ready")) {
        const r = this.recv("_ready");
        if (r.end !== null && end === null) end = r.end;
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message) && finishing === null) finishing = message;
      }
      while (this.dataReady("_feedSignal")) this.recv("_feedSignal");
      if (!told && (end !== null || finishing !== null)) {
        told = true;
        if (finishing !== null) {
          closeCode = 1001;
          closeReason = "the server is stopping";
        }
        this.send(ShutdownMicroprocess(), "_feedControl");
      }
      if (this.childrenDone()) {
        if (!told) {
          closeCode = 1011;
          closeReason = "the video channel ended";
        }
        this.send(finishing !== null ? finishing : producerFinished(this, end), "signal");
        return; // the teardown closes the socket
      }
      this.pause();
      yield 1;
    }
  }
}
