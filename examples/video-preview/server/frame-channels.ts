/**
 * FrameChannels: the preview server's shared extractions — one Backplane and one FrameGrabber (one ffmpeg)
 * per (video, interval, size), started for its first subscriber and stopped a grace period after its last
 * one leaves.
 *
 * Example:
 *   const channels = new FrameChannels({ ffmpeg: ffmpegPath(), mediaFolder: "examples/video-preview/media" });
 *   // a client's component links an outbox to channels' inbox, then:
 *   this.send({ kind: "join", request, subscriber: this }, "_channels");   // starts the channel if need be
 *   new SubscribeTo(channelName(request));                                  // frames, from now on
 *   this.send({ kind: "leave", request, subscriber: this }, "_channels");  // when done
 *   // (FrameFeed does all of this)
 *
 * Behaviour:
 * - `join` counts a subscriber (the message's `subscriber`) for the request's channel (named by channelName: `preview:<video>:
 *   <interval>:<W>x<H>`). The first join starts the channel: a Backplane of that name and a FrameGrabber
 *   publishing to it, both children of this component. Later joins share them: one ffmpeg however many
 *   clients ask for the same thing.
 * - `leave` uncounts that subscriber. When a channel has had no subscriber for `graceMs` (default 5000), its ffmpeg is
 *   killed and its Backplane stopped, so a client that reconnects at once does not restart ffmpeg. A join
 *   during the grace keeps the channel.
 * - If ffmpeg exits by itself (a broken file...), a warning goes to the host's log and the Backplane is
 *   told `producerFinished`, which ends every subscriber (their clients' connections close); the next join
 *   starts afresh.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: every channel is stopped (subscribers are told
 *   `shutdownMicroprocess` through their Backplane), and once every child has ended the message is passed on
 *   out of `signal` and it ends. Joins after that are ignored.
 * - `grabberCount()` is the number of ffmpeg extractions running; `subscriberCount(name)` the subscribers
 *   counted for a channel.
 *
 * How it works inside: channels are records in an array (a server has a handful), each with an outbox to
 * its grabber's `control` and one to its Backplane's `control`. An idle channel's Backplane is stopped
 * synchronously (`stop()`), so its CAT name is free in the same step and a join that arrives next starts a
 * new one without a clash. A channel that has to tell subscribers (failure, shutdown) is shut down through
 * its Backplane's `control` instead; a join for the same name meanwhile waits until that Backplane has
 * ended, then starts the new one. The grace is a `pauseFor` to the earliest expiry.
 */
import { join as joinPath } from "node:path";
import { AdaptiveCommsComponent, Backplane, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { AnyComponent, BoxDescriptions, LogLevel, MainLoop, ShutdownMessage } from "../../../src/index";
import { FrameGrabber } from "./frame-grabber";
import { channelName } from "./request";
import type { PreviewRequest } from "./request";

/** A subscriber arriving (`join`) or going (`leave`) for one request's channel. */
export interface ChannelRequest {
  readonly kind: "join" | "leave";
  readonly request: PreviewRequest;
  /** Who joins or leaves (its FrameFeed): a leave uncounts exactly the join it follows. */
  readonly subscriber: object;
}

/** How FrameChannels runs its extractions. */
export interface FrameChannelsOptions {
  /** The ffmpeg program (see ffmpegPath()). */
  readonly ffmpeg: string;
  /** The folder the requests' videos are in. */
  readonly mediaFolder: string;
  /** How long an unwatched channel keeps running, in ms. Default 5000. */
  readonly graceMs?: number;
}

/** The default grace before an unwatched channel stops, in ms. */
export const DEFAULT_GRACE_MS = 5000;

/** A channel's life: waiting for an old Backplane of its name to end, running, or stopping. */
const WAITING = 0;
const RUNNING = 1;
const RETIRING = 2;

interface Channel {
  readonly name: string;
  readonly request: PreviewRequest;
  state: number;
  /** Who has joined and not left. */
  subscribers: object[];
  /** When the last subscriber left (host clock, ms), or -1 while watched. */
  idleSince: number;
  backplane: Backplane | null;
  grabber: FrameGrabber | null;
  toGrabber: string;
  toBackplane: string;
}

type ChannelsIn = { inbox: ChannelRequest; control: ShutdownMessage; _grabberSignal: ShutdownMessage };
type ChannelsOut = { outbox: never; signal: ShutdownMessage };

export class FrameChannels extends AdaptiveCommsComponent<ChannelsIn, ChannelsOut> {
  static override Name = "FrameChannels";
  static override Inboxes: BoxDescriptions<ChannelsIn> = {
    inbox: "ChannelRequest: { kind: join | leave, request } from each client's FrameFeed",
    control: "producerFinished or shutdownMicroprocess: stop every channel, then end",
    _grabberSignal: "the grabbers' signals: ffmpeg exited (internal)",
  };
  static override Outboxes: BoxDescriptions<ChannelsOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on once every channel has stopped",
  };

  readonly graceMs: number;
  private readonly ffmpeg: string;
  private readonly mediaFolder: string;
  private channels: Channel[] = [];

  constructor(options: FrameChannelsOptions) {
    super();
    this.ffmpeg = options.ffmpeg;
    this.mediaFolder = options.mediaFolder;
    this.graceMs = options.graceMs !== undefined ? options.graceMs : DEFAULT_GRACE_MS;
    if (!(this.graceMs >= 0)) throw new RangeError("FrameChannels needs graceMs of 0 or more, not " + String(options.graceMs));
  }

  /** ffmpeg extractions running now. */
  grabberCount(): number {
    let n = 0;
    for (const c of this.channels) if (c.grabber !== null && !c.grabber.isStopped()) n++;
    return n;
  }

  /** Subscribers counted for the channel `name` (0 if it is not running). */
  subscriberCount(name: string): number {
    const c = this.live(name);
    return c === null ? 0 : c.subscribers.length;
  }

  override *main(): MainLoop {
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      while (this.dataReady()) {
        const message = this.recv();
        if (finishing === null) this.handle(message);
      }
      while (this.dataReady("_grabberSignal")) this.recv("_grabberSignal"); // each end is seen as the grabber stopping
      while (finishing === null && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          finishing = message;
          for (const c of this.channels) this.retire(c, ShutdownMicroprocess());
        }
      }
      const now = this.now();
      let wakeAt = Infinity;
      const started: AnyComponent[] = [];
      for (const c of this.channels.slice()) {
        if (c.state === RUNNING && (c.grabber as FrameGrabber).isStopped()) {
          this.log("warn", this.name + ": ffmpeg stopped by itself for " + c.name + " (run `" + this.ffmpeg + " " + (c.grabber as FrameGrabber).args.join(" ") + "` to see why); its clients are disconnected");
          this.retire(c, producerFinished(this));
        } else if (c.state === RUNNING && c.subscribers.length === 0) {
          if (now - c.idleSince >= this.graceMs) this.expire(c);
          else wakeAt = Math.min(wakeAt, c.idleSince + this.graceMs);
        } else if (c.state === WAITING && c.subscribers.length === 0) {
          c.state = RETIRING; // joined and left before it started: nothing to start
        } else if (c.state === WAITING && !this.nameTaken(c.name)) {
          this.start(c, started);
        }
        if (c.state === RETIRING) this.reap(c);
      }
      if (started.length > 0) {
        yield newComponent(started);
        continue;
      }
      if (finishing !== null && this.channels.length === 0) {
        this.send(finishing, "signal");
        return;
      }
      if (wakeAt < Infinity) this.pauseFor(Math.max(1, wakeAt - now));
      else this.pause(); // woken by requests, control, and children ending
      yield 1;
    }
  }

  /**
   * One join or leave. A leave is matched to its subscriber, not to the name: after a channel failed and a
   * new one of the same name started, the old channel's clients leaving must not uncount the new one's.
   */
  private handle(message: ChannelRequest): void {
    if (message === null || typeof message !== "object" || typeof message.request !== "object") return;
    if (message.kind === "join") {
      const name = channelName(message.request);
      let c = this.live(name);
      if (c === null) {
        c = { name, request: message.request, state: WAITING, subscribers: [], idleSince: -1, backplane: null, grabber: null, toGrabber: "", toBackplane: "" };
        this.channels.push(c);
      }
      c.subscribers.push(message.subscriber);
      c.idleSince = -1;
    } else if (message.kind === "leave") {
      for (const c of this.channels) {
        const i = c.subscribers.indexOf(message.subscriber);
        if (i < 0) continue;
        c.subscribers.splice(i, 1);
        if (c.subscribers.length === 0) c.idleSince = this.now();
        return;
      }
    }
  }

  /** Make the channel's Backplane and grabber; add them to `started` to activate. */
  private start(c: Channel, started: AnyComponent[]): void {
    const backplane = new Backplane(c.name);
    const grabber = new FrameGrabber(this.ffmpeg, joinPath(this.mediaFolder, c.request.video), c.request, c.name);
    c.backplane = backplane;
    c.grabber = grabber;
    c.toGrabber = this.addOutbox("toGrabber");
    c.toBackplane = this.addOutbox("toBackplane");
    this.link([this, c.toGrabber], [grabber, "control"]);
    this.link([this, c.toBackplane], [backplane, "control"]);
    this.link([grabber, "signal"], [this, "_grabberSignal"]);
    this.addChildren(backplane, grabber);
    started.push(backplane, grabber);
    c.state = RUNNING;
  }

  /** Unwatched for the grace: kill ffmpeg; stop the Backplane now, freeing its name (nobody is subscribed). */
  private expire(c: Channel): void {
    c.state = RETIRING;
    if (!(c.grabber as FrameGrabber).isStopped()) this.send(ShutdownMicroprocess(), c.toGrabber as "signal");
    (c.backplane as Backplane).stop();
  }

  /** Stop a channel whose subscribers must be told (`message` goes to them through the Backplane). */
  private retire(c: Channel, message: ShutdownMessage): void {
    if (c.state === RETIRING) return;
    const wasWaiting = c.state === WAITING;
    c.state = RETIRING;
    if (wasWaiting) return;
    if (!(c.grabber as FrameGrabber).isStopped()) this.send(ShutdownMicroprocess(), c.toGrabber as "signal");
    if (!(c.backplane as Backplane).isStopped()) this.send(message, c.toBackplane as "signal");
  }

  /** Forget a retiring channel once its children have ended. */
  private reap(c: Channel): void {
    const backplane = c.backplane;
    const grabber = c.grabber;
    if ((backplane !== null && !backplane.isStopped()) || (grabber !== null && !grabber.isStopped())) return;
    if (backplane !== null) this.removeChild(backplane);
    if (grabber !== null) this.removeChild(grabber);
    if (c.toGrabber !== "") this.deleteOutbox(c.toGrabber);
    if (c.toBackplane !== "") this.deleteOutbox(c.toBackplane);
    this.channels.splice(this.channels.indexOf(c), 1);
  }

  /** The channel `name` that is waiting or running, if any. */
  private live(name: string): Channel | null {
    for (const c of this.channels) if (c.name === name && c.state !== RETIRING) return c;
    return null;
  }

  /** True while a retiring channel's Backplane of that name still runs (and so holds the CAT name). */
  private nameTaken(name: string): boolean {
    for (const c of this.channels) if (c.name === name && c.state === RETIRING && c.backplane !== null && !c.backplane.isStopped()) return true;
    return false;
  }

  private log(level: LogLevel, text: string): void {
    const host = this.scheduler !== null ? this.scheduler.host : null;
    if (host !== null && host.log) host.log(level, text);
  }
}
