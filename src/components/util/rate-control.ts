/**
 * RateControl: passes messages through no faster than a given rate, holding the rest back — a token bucket
 * on the host clock.
 *
 * Example:
 *   // at most 25 frames a second to the network, however fast the camera produces them
 *   new Pipeline(new Camera(), new RateControl(25), new FrameSender()).activate(scheduler);
 *   // allow bursts of up to 10 messages, averaging 2 a second
 *   new RateControl(2, { burst: 10 });
 *
 * Behaviour:
 * - Messages leave on `outbox` in the order they arrived, at most `messagesPerSecond` per second on
 *   average, and never more than `burst` (default 1) at once. With the default burst they are spaced at
 *   least 1000 / messagesPerSecond ms apart. The bucket starts full, so the first `burst` go at once.
 * - The backlog stays in this component's own inbox, not in a hidden queue: bound that inbox with
 *   `setSize(n)` and a faster producer gets NoSpaceInBox and waits, so memory stays bounded. (This is why
 *   RateControl, unlike the other util components, does not empty its inbox every step: holding messages
 *   back is its job.) A full destination holds it back too.
 * - A new rate (messages per second) sent to the `rate` inbox takes effect at once; time already passed
 *   counts at the old rate. A rate that is not a positive, finite number is ignored with a warning in the
 *   host's log — it comes from another component at run time, and the stream must go on.
 * - `producerFinished` on `control`: the backlog is still paced out at the rate, then the message is
 *   forwarded on `signal` and it ends — the end of a stream arrives after all of it.
 * - `shutdownMicroprocess` on `control`: it means "stop now", so the message is forwarded at once and it
 *   ends; the backlog is not sent (it is left unread in its inbox). A shutdownMicroprocess also cuts short
 *   the pacing-out after a producerFinished.
 * - Waits are whole milliseconds, so with the default burst at most 1000 messages a second get through;
 *   for more, allow a burst of at least rate / 1000.
 * - A rate that is not a positive, finite number, or a burst that is not a whole number of at least 1, is an
 *   AxonError at construction. (Kamaelia's RateControl/ByteRate_RequestControl instead emits requests for chunks of a
 *   given size; MessageRateLimit is the pass-through one. This is the pass-through kind.)
 *
 * How it works inside: the bucket is counted in thousandths of a message, refilled by
 * elapsed ms × messagesPerSecond, so whole-millisecond clocks and whole-number rates stay exact. When a
 * message waits and the bucket is short, it sleeps with `pauseFor` exactly until the next message is due
 * (rounded up to a whole ms); otherwise it pauses until something arrives.
 */
import { AxonError, Component, ShutdownMicroprocess } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { hostLog } from "./host-log";
import { takeControl } from "../take-shutdown";

/** One message, in the bucket's units (thousandths of a message, so ms × messages/s is exact). */
const ONE = 1000;

/** Options for RateControl. */
export interface RateControlOptions {
  /** The most messages sent at once after a quiet spell: a whole number, at least 1; default 1. */
  burst?: number;
}

type RateIn<T> = { inbox: T; control: ShutdownMessage; rate: number };
type RateOut<T> = { outbox: T; signal: ShutdownMessage };

function isRate(value: unknown): value is number {
  return typeof value === "number" && value > 0 && isFinite(value);
}

export class RateControl<T = any> extends Component<RateIn<T>, RateOut<T>> {
  static override Name = "RateControl";
  static override Inboxes: BoxDescriptions<RateIn<unknown>> = {
    inbox: "messages to pass on at the rate (the backlog waits here)",
    control: "producerFinished: pace out the backlog, then pass it on; shutdownMicroprocess: stop now",
    rate: "a new rate in messages per second",
  };
  static override Outboxes: BoxDescriptions<RateOut<unknown>> = {
    outbox: "the messages, in order, no faster than the rate",
    signal: "the shutdown message, passed on when this ends",
  };

  /** Messages per second now (changed by the `rate` inbox). */
  messagesPerSecond: number;
  /** The most messages sent at once. */
  readonly burst: number;

  constructor(messagesPerSecond: number, options?: RateControlOptions) {
    super();
    if (!isRate(messagesPerSecond)) {
      throw new AxonError("RateControl needs a positive, finite rate in messages per second, not " + String(messagesPerSecond));
    }
    const burst = options && options.burst !== undefined ? options.burst : 1;
    if (typeof burst !== "number" || !(burst >= 1) || Math.floor(burst) !== burst || !isFinite(burst)) {
      throw new AxonError("RateControl needs a burst of a whole number of messages, at least 1, not " + String(burst));
    }
    this.messagesPerSecond = messagesPerSecond;
    this.burst = burst;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    const full = this.burst * ONE;
    let credit = full;
    let last = this.now();
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      const now = this.now();
      // The bucket may also keep up to a millisecond's refill beyond `burst` (always less than one message):
      // waits are rounded up to whole ms, and clipping that rounding off at every wait would make the rate
      // drift low (3 a second would come out as one every 334 ms).
      credit = Math.min(full + Math.min(this.messagesPerSecond, ONE - 1), credit + (now - last) * this.messagesPerSecond);
      last = now;
      while (this.dataReady("rate")) {
        const rate = this.recv("rate");
        if (isRate(rate)) this.messagesPerSecond = rate;
        else hostLog(this, "warn", this.name + " ignored a rate that is not a positive, finite number: " + String(rate));
      }
      while (credit >= ONE && this.dataReady() && !outbox.isFull()) {
        this.send(this.recv());
        credit -= ONE;
      }
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      if (finishing !== null && this.dataReady() === 0) {
        this.send(finishing, "signal");
        return;
      }
      if (this.dataReady() > 0 && credit < ONE) this.pauseFor(Math.ceil((ONE - credit) / this.messagesPerSecond));
      else this.pause(); // woken by a delivery, or by the destination collecting
      yield 1;
    }
  }
}
