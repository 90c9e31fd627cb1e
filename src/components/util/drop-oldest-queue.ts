/**
 * DropOldestQueue: holds at most the newest `length` messages for a consumer that may be slow, dropping the
 * oldest when more arrive — for streams where only the latest matters (a video preview, a sensor reading).
 *
 * Example:
 *   // each viewer's frames: a stalled viewer loses old frames instead of growing the server's memory
 *   new Pipeline(new SubscribeTo("frames"), new DropOldestQueue({ length: 2 }), new FrameSender());
 *   // held back by something that is not a box, such as a socket's unsent bytes, looked at every 100 ms
 *   new DropOldestQueue({ length: 2, ready: () => socket.bufferedAmount === 0, retryMs: 100 });
 *
 * Behaviour:
 * - Messages leave on `outbox` in the order they arrived, at once while the way is clear. The way is
 *   blocked while the destination box is bounded and full (its consumer collecting wakes this queue), or
 *   while the `ready()` test, if given, answers false (then it looks again every `retryMs`, default 100 ms,
 *   for as long as messages wait — an idle queue sets no timer).
 * - While blocked, messages wait here, at most `length` (default 2) of them. One more drops the oldest
 *   waiting message and counts it in `dropped`, so memory stays bounded however long the consumer stalls.
 *   Its inbox is emptied every step, so the inbox never grows either.
 * - `producerFinished` on `control`: what waits is still sent as the way clears, then the message is
 *   passed on out of `signal` and it ends. `shutdownMicroprocess`: what waits is dropped (not counted), the
 *   message is passed on at once, and it ends.
 * - A `length` that is not a whole number of at least 1, or a `retryMs` that is not a positive number, is an
 *   AxonError at construction.
 *
 * How it works inside: an array of at most `length` messages with a head index, compacted when it empties (or when
 * dropped slots outnumber the rest);
 * `ready()` is asked before each send, so a test that turns false after one send holds the rest back.
 */
import { AxonError, Component, ProducerFinished, ShutdownMicroprocess } from "../../core/index";
import type { Box, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

/** Options for DropOldestQueue. */
export interface DropOldestQueueOptions {
  /** The most messages held while the consumer is blocked: a whole number, at least 1. Default 2. */
  length?: number;
  /** Extra room test, asked before every send: false holds messages back (for a socket's unsent bytes). */
  ready?: () => boolean;
  /** While `ready()` holds messages back, how often to ask again, in ms. Default 100. */
  retryMs?: number;
}

/** The default number of messages held. */
const DEFAULT_LENGTH = 2;
/** The default wait between `ready()` tests while held back, in ms. */
const DEFAULT_RETRY_MS = 100;

/** What holds waiting messages back: nothing, a full destination box, or `ready()`. */
const CLEAR = 0;
const HELD_BY_BOX = 1;
const HELD_BY_READY = 2;

type QueueIn<T> = { inbox: T; control: ShutdownMessage };
type QueueOut<T> = { outbox: T; signal: ShutdownMessage };

export class DropOldestQueue<T = any> extends Component<QueueIn<T>, QueueOut<T>> {
  static override Name = "DropOldestQueue";
  static override Inboxes: BoxDescriptions<QueueIn<unknown>> = {
    inbox: "messages; the newest `length` are kept while the consumer is blocked",
    control: "producerFinished: send what waits, then pass it on; shutdownMicroprocess: drop what waits, pass it on",
  };
  static override Outboxes: BoxDescriptions<QueueOut<unknown>> = {
    outbox: "the messages, oldest first, as fast as the consumer takes them (older ones dropped while it is blocked)",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The most messages held. */
  readonly length: number;
  /** Messages dropped so far, because newer ones arrived while the consumer was blocked. */
  dropped = 0;
  private readonly ready: (() => boolean) | null;
  private readonly retryMs: number;
  private items: T[] = [];
  private head = 0;

  constructor(options?: DropOldestQueueOptions) {
    super();
    const o = options || {};
    const length = o.length !== undefined ? o.length : DEFAULT_LENGTH;
    if (typeof length !== "number" || !(length >= 1) || Math.floor(length) !== length || !isFinite(length)) {
      throw new AxonError("DropOldestQueue needs a length of a whole number of messages, at least 1, not " + String(length));
    }
    const retryMs = o.retryMs !== undefined ? o.retryMs : DEFAULT_RETRY_MS;
    if (typeof retryMs !== "number" || !(retryMs > 0) || !isFinite(retryMs)) {
      throw new AxonError("DropOldestQueue needs retryMs as a positive number of milliseconds, not " + String(retryMs));
    }
    if (o.ready !== undefined && typeof o.ready !== "function") {
      throw new AxonError("DropOldestQueue's ready option must be a function that answers true when the consumer has room");
    }
    this.length = length;
    this.ready = o.ready || null;
    this.retryMs = retryMs;
  }

  /** Messages waiting here now. */
  waiting(): number {
    return this.items.length - this.head;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    let finishing: ProducerFinished | null = null;
    for (;;) {
      // Each message is offered as it is taken, so a clear way passes a burst through whole.
      let held = this.flush(outbox);
      while (this.dataReady()) {
        this.keep(this.recv());
        held = this.flush(outbox);
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.items = [];
          this.head = 0;
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished && finishing === null) finishing = message;
      }
      if (finishing !== null && this.waiting() === 0) {
        this.send(finishing, "signal");
        return;
      }
      if (held === HELD_BY_READY) this.pauseFor(this.retryMs);
      else this.pause(); // woken by a delivery, by control, or by the consumer collecting
      yield 1;
    }
  }

  /** Send what waits while the way is clear; say what, if anything, holds the rest back. */
  private flush(outbox: Box<T>): number {
    const items = this.items;
    let held = CLEAR;
    while (this.head < items.length) {
      if (outbox.isFull()) {
        held = HELD_BY_BOX;
        break;
      }
      if (this.ready !== null && !this.ready()) {
        held = HELD_BY_READY;
        break;
      }
      const message = items[this.head];
      (items as unknown[])[this.head] = undefined;
      this.head++;
      this.send(message);
    }
    if (this.head === items.length) {
      this.items = [];
      this.head = 0;
    }
    return held;
  }

  /** Keep `message`, dropping the oldest if that makes more than `length`. */
  private keep(message: T): void {
    this.items.push(message);
    if (this.items.length - this.head > this.length) {
      (this.items as unknown[])[this.head] = undefined;
      this.head++;
      this.dropped++;
    }
    // Compact now and then so a queue that never empties does not keep a growing array.
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
