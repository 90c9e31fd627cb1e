/**
 * PreviewProtocol: the video preview server's per-connection protocol, for ServerCore — read an optional
 * request line, then send the chosen channel's JPEGs framed as `"<byte count>\n<jpeg bytes>"`.
 *
 * Example:
 *   const server = new ServerCore((connection) => new PreviewProtocol({ channels, videos, defaults }), 1500);
 *
 *   PreviewProtocol( FrameFeed(SubscribeTo ──▶ DropOldestQueue) ──▶ LengthPrefixFramer ──▶ (the connection) )
 *
 * Behaviour:
 * - The client may send one request line first: `<video>[ <interval>[ <W>x<H>]]\n` (see request.ts). A
 *   client that sends nothing for `requestWaitMs` (default 500 ms) gets the defaults. One that has started a
 *   line must finish it within `requestTimeoutMs` (default 5000 ms).
 * - A malformed request (unknown video, a path, a bad number, a size out of range, non-ASCII, a line over
 *   256 bytes, or no newline in time) gets exactly `Invalid request\n`, then the connection is closed in
 *   order; why goes to the host's log at "info".
 * - A good request: the frames of its channel, each `"<n>\n"` then n JPEG bytes, for as long as the
 *   connection lasts. Frames wait in a DropOldestQueue (`queueLength`, default 2) while the connection has
 *   bytes its socket has not taken (`backlog()` above 0), so a stalled client loses old frames instead of
 *   growing the server; the others are not affected. Anything the client sends after its request is
 *   ignored.
 * - The connection closing (or the server shutting down) ends it and its children, leaving the channel.
 *   If the channel ends (ffmpeg failed), the connection is closed in order.
 *
 * How it works inside: the request phase is a loop over `inbox` with a `pauseFor` to the deadline; the
 * frame phase makes a FrameFeed and a LengthPrefixFramer as children, the framer's outbox passed through
 * as this component's own (ServerCore links that to the connection). `backlog` is the connection's
 * `ConnectionInfo.bufferedBytes`: how ServerCore's ConnectedSocketAdapter says the socket is full (it takes
 * every message from its inbox at once, so a bounded box could not say it).
 */
import { Component, LengthPrefixFramer, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { BoxDescriptions, FramingError, LogLevel, MainLoop, ShutdownMessage } from "../../../src/index";
import { FrameFeed } from "./frame-feed";
import type { FrameChannels } from "./frame-channels";
import { INVALID_REQUEST_REPLY, InvalidRequest, MAX_REQUEST_LINE, parseRequestLine } from "./request";
import type { PreviewDefaults, PreviewRequest } from "./request";

/** What each connection's protocol needs. */
export interface PreviewProtocolOptions {
  /** The shared extractions. */
  readonly channels: FrameChannels;
  /** The videos a request may name. */
  readonly videos: readonly string[];
  /** What a request leaves out. */
  readonly defaults: PreviewDefaults;
  /** Frames held for a slow client. Default 2. */
  readonly queueLength?: number;
  /** Bytes given to the connection that its socket has not taken yet; frames wait while above 0. */
  readonly backlog?: () => number;
  /** How long to wait for a request line before serving the defaults, in ms. Default 500. */
  readonly requestWaitMs?: number;
  /** How long a started request line may take to finish, in ms. Default 5000. */
  readonly requestTimeoutMs?: number;
}

/** Defaults for the request phase, in ms. */
export const REQUEST_WAIT_MS = 500;
export const REQUEST_TIMEOUT_MS = 5000;
/** How often a held-back queue looks at the backlog again, in ms. */
const BACKLOG_RETRY_MS = 50;
const NEWLINE = 10;

type ProtocolIn = { inbox: Uint8Array; control: ShutdownMessage; _feedSignal: ShutdownMessage | FramingError };
type ProtocolOut = { outbox: Uint8Array | string; signal: ShutdownMessage; _feedControl: ShutdownMessage };

export class PreviewProtocol extends Component<ProtocolIn, ProtocolOut> {
  static override Name = "PreviewProtocol";
  static override Inboxes: BoxDescriptions<ProtocolIn> = {
    inbox: "bytes from the client: an optional request line (anything after it is ignored)",
    control: "the connection closed, or the server is shutting down: end",
    _feedSignal: "the framer's signal: the feed ended, or a FramingError (internal)",
  };
  static override Outboxes: BoxDescriptions<ProtocolOut> = {
    outbox: 'to the client: "<n>\\n<jpeg>" frames, or "Invalid request\\n"',
    signal: "producerFinished: close the connection in order (after an invalid request, or when the channel ended)",
    _feedControl: "shutdownMicroprocess to the feed (internal)",
  };

  /** The request being served, once known. */
  request: PreviewRequest | null = null;
  /** The client's feed, once serving (its `queue.dropped` counts frames this client missed). */
  feed: FrameFeed | null = null;
  private readonly options: PreviewProtocolOptions;

  constructor(options: PreviewProtocolOptions) {
    super();
    this.options = options;
  }

  override *main(): MainLoop {
    const o = this.options;
    const waitMs = o.requestWaitMs !== undefined ? o.requestWaitMs : REQUEST_WAIT_MS;
    const timeoutMs = o.requestTimeoutMs !== undefined ? o.requestTimeoutMs : REQUEST_TIMEOUT_MS;
    const started = this.now();
    const line: number[] = [];
    let request: PreviewRequest | null = null;
    let invalid: string | null = null;
    while (request === null && invalid === null) {
      let ended = false;
      while (this.dataReady() && !ended) {
        const chunk = this.recv();
        for (let i = 0; i < chunk.length && !ended; i++) {
          if (chunk[i] === NEWLINE) ended = true;
          else if (line.length < MAX_REQUEST_LINE + 1) line.push(chunk[i]);
        }
      }
      const elapsed = this.now() - started;
      if (ended) [request, invalid] = this.parse(line);
      else if (line.length > MAX_REQUEST_LINE) invalid = "the request line is longer than " + MAX_REQUEST_LINE + " bytes";
      else if (line.length === 0 && elapsed >= waitMs) request = o.defaults;
      else if (line.length > 0 && elapsed >= timeoutMs) invalid = "the request line had no newline after " + timeoutMs + " ms";
      if (request !== null || invalid !== null) break;
      if (this.shutdownSeen()) return; // gone before asking for anything
      this.pauseFor((line.length === 0 ? waitMs : timeoutMs) - elapsed);
      yield 1;
    }
    if (invalid !== null) {
      this.log("info", this.name + ": invalid request (" + invalid + "); answered " + JSON.stringify(INVALID_REQUEST_REPLY));
      this.send(INVALID_REQUEST_REPLY);
      this.send(producerFinished(this), "signal");
      return;
    }
    this.request = request as PreviewRequest;
    yield newComponent(...this.serve(this.request));
    let told = false;
    for (;;) {
      while (this.dataReady()) this.recv(); // the client has nothing more to say
      if (!told && this.shutdownSeen()) {
        told = true;
        this.send(ShutdownMicroprocess(), "_feedControl");
      }
      while (this.dataReady("_feedSignal")) this.recv("_feedSignal");
      if (this.childrenDone()) {
        if (!told) this.send(producerFinished(this), "signal"); // the channel ended: close in order
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Make and wire the feed and framer for `request`; returns them to activate. */
  private serve(request: PreviewRequest): [FrameFeed, LengthPrefixFramer] {
    const backlog = this.options.backlog;
    const feed = new FrameFeed(this.options.channels, request, {
      queueLength: this.options.queueLength,
      ready: backlog ? () => backlog() === 0 : undefined,
      retryMs: BACKLOG_RETRY_MS,
    });
    const framer = new LengthPrefixFramer();
    this.feed = feed;
    this.addChildren(feed, framer);
    this.addTeardown(() => {
      framer.stop();
      feed.stop();
    });
    this.link([this, "_feedControl"], [feed, "control"]);
    this.link([feed, "outbox"], [framer, "inbox"]);
    this.link([feed, "signal"], [framer, "control"]);
    this.link([framer, "outbox"], [this, "outbox"], 2);
    this.link([framer, "signal"], [this, "_feedSignal"]);
    return [feed, framer];
  }

  /** The request in `line` (bytes before the newline), or why it is invalid. */
  private parse(line: number[]): [PreviewRequest | null, string | null] {
    let text = "";
    for (let i = 0; i < line.length; i++) {
      if (line[i] > 0x7e) return [null, "the request line is not ASCII"];
      text += String.fromCharCode(line[i]);
    }
    try {
      return [parseRequestLine(text, this.options.videos, this.options.defaults), null];
    } catch (error) {
      if (error instanceof InvalidRequest) return [null, error.message];
      throw error;
    }
  }

  /** True if a shutdown message (connection closed, server stopping) has arrived on `control`. */
  private shutdownSeen(): boolean {
    let seen = false;
    while (this.dataReady("control")) if (isShutdownMessage(this.recv("control"))) seen = true;
    return seen;
  }

  private log(level: LogLevel, text: string): void {
    const host = this.scheduler !== null ? this.scheduler.host : null;
    if (host !== null && host.log) host.log(level, text);
  }
}
