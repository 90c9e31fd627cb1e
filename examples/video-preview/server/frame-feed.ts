/**
 * FrameFeed: one client's frames — it joins the request's channel (starting the extraction if nobody else
 * watches it), subscribes to its Backplane, and passes the JPEGs through a DropOldestQueue, so a slow
 * client gets the newest frames and never holds anything up. Both the TCP protocol and the WebSocket
 * gateway use it.
 *
 * Example:
 *   const feed = new FrameFeed(channels, request, { queueLength: 2, ready: () => socket.bufferedAmount === 0 });
 *   new Pipeline(feed, new LengthPrefixFramer(), …);
 *
 *   FrameFeed( SubscribeTo(preview:<video>:<interval>:<W>x<H>) ──▶ DropOldestQueue(2) )
 *
 * Behaviour:
 * - On its first step it sends `join` to the FrameChannels; however it ends it sends `leave`, so the
 *   channel's count stays true and the extraction stops (after the grace) when the last client goes.
 * - `outbox`: JPEG frames (Uint8Array), each published after it subscribed, the oldest dropped while
 *   `ready()` says no or the destination is full (`queue.dropped` counts them).
 * - `shutdownMicroprocess` on `control` ends it at once. If the channel ends (ffmpeg failed, or the server
 *   is shutting down) the Backplane's message comes out of `signal` and it ends; so does
 *   `producerFinished(error)` if the channel's Backplane never appears (10 s).
 *
 * How it works inside: a two-child pipeline written out (not a Pipeline subclass, which has no box for
 * `join`): `control` passes through to the SubscribeTo, the queue's outbox and signal pass out as its
 * own. A teardown stops the children too, so being stopped from outside leaves nothing behind.
 */
import { Component, DropOldestQueue, SubscribeTo, newComponent, producerFinished } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";
import type { ChannelRequest, FrameChannels } from "./frame-channels";
import { channelName } from "./request";
import type { PreviewRequest } from "./request";

/** How a FrameFeed queues frames for its client. */
export interface FrameFeedOptions {
  /** Frames held for a client that is not keeping up. Default 2. */
  readonly queueLength?: number;
  /** True while the client can take a frame (e.g. its socket has no unsent bytes). Default: always. */
  readonly ready?: () => boolean;
  /** While `ready()` says no, how often to ask again, in ms. Default 100. */
  readonly retryMs?: number;
}

/** How long a subscriber waits for its channel's Backplane to appear (the channel starts it). */
const BACKPLANE_WAIT_MS = 10000;

type FeedIn = { inbox: never; control: ShutdownMessage };
type FeedOut = { outbox: Uint8Array; signal: ShutdownMessage; _channels: ChannelRequest };

export class FrameFeed extends Component<FeedIn, FeedOut> {
  static override Name = "FrameFeed";
  static override Inboxes: BoxDescriptions<FeedIn> = {
    inbox: "NOT USED",
    control: "shutdownMicroprocess: unsubscribe and end",
  };
  static override Outboxes: BoxDescriptions<FeedOut> = {
    outbox: "JPEG frames (Uint8Array), newest kept when the client is slow",
    signal: "the shutdown message when it ends",
    _channels: "join/leave to the FrameChannels (internal)",
  };

  /** What it asked for. */
  readonly request: PreviewRequest;
  /** Its queue (see `queue.dropped`). */
  readonly queue: DropOldestQueue<Uint8Array>;
  private readonly channels: FrameChannels;

  constructor(channels: FrameChannels, request: PreviewRequest, options?: FrameFeedOptions) {
    super();
    const o = options || {};
    this.channels = channels;
    this.request = request;
    this.queue = new DropOldestQueue<Uint8Array>({ length: o.queueLength, ready: o.ready, retryMs: o.retryMs });
  }

  override *main(): MainLoop {
    this.link([this, "_channels"], [this.channels, "inbox"]);
    this.send({ kind: "join", request: this.request, subscriber: this }, "_channels");
    // Teardown runs before this component's linkages go, so the leave still has its way out.
    this.addTeardown(() => this.send({ kind: "leave", request: this.request, subscriber: this }, "_channels"));
    const subscriber = new SubscribeTo<Uint8Array>(channelName(this.request), { waitMs: BACKPLANE_WAIT_MS });
    const queue = this.queue;
    this.addChildren(subscriber, queue);
    this.addTeardown(() => {
      queue.stop();
      subscriber.stop();
    });
    this.link([subscriber, "outbox"], [queue, "inbox"]);
    this.link([subscriber, "signal"], [queue, "control"]);
    this.link([this, "control"], [subscriber, "control"], 1);
    this.link([queue, "outbox"], [this, "outbox"], 2);
    this.link([queue, "signal"], [this, "signal"], 2);
    yield newComponent(subscriber, queue);
    while (!this.childrenDone()) {
      if (subscriber.crashed && !queue.isStopped()) {
        // No Backplane appeared (ServiceNotFound): the queue would wait for ever for a word from it.
        queue.stop();
        this.send(producerFinished(this, subscriber.error), "signal");
      }
      this.pause();
      yield 1;
    }
  }
}
