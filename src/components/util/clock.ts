/**
 * Clock: sends the time on `outbox` every `intervalMs` milliseconds of the host clock, on a fixed schedule
 * that does not drift.
 *
 * Example:
 *   // refresh a display five times a second
 *   new Pipeline(new Clock(200), new Redraw()).activate(scheduler);
 *
 * Behaviour:
 * - Ticks fall due at start + intervalMs, start + 2·intervalMs, ... where start is its first step. Each tick
 *   sends the host time at which it was sent (`this.now()`), which may be a little after the due time.
 * - Lateness does not accumulate: a tick sent late is followed by the next one on the original schedule.
 *   If the host was too busy (or asleep) for whole intervals, the missed ticks are skipped, not sent in a
 *   burst. CheapAndCheerfulClock is the simpler clock that measures each interval from the last tick.
 * - A tick that finds its destination bounded and full is dropped: a clock never blocks, and the next tick
 *   carries the newer time anyway.
 * - `producerFinished` or `shutdownMicroprocess` on `control` ends it at once, passing the message on
 *   `signal`. A clock never ends by itself.
 * - An interval that is not a positive, finite number of milliseconds is an AxonError at construction.
 *
 * How it works inside: between ticks it sleeps with `pauseFor`, so an idle clock costs one timer and no
 * steps; a message on `control` wakes it early. `nextTick` is the one thing CheapAndCheerfulClock changes.
 */
import { AxonError, Component, isShutdownMessage } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type ClockIn = { inbox: never; control: ShutdownMessage };
type ClockOut = { outbox: number; signal: ShutdownMessage };

/** The interval, checked: a positive, finite number of milliseconds. */
function checkInterval(who: string, intervalMs: number): number {
  if (typeof intervalMs !== "number" || !(intervalMs > 0) || !isFinite(intervalMs)) {
    throw new AxonError(who + " needs a positive, finite interval in milliseconds, not " + String(intervalMs));
  }
  return intervalMs;
}

export class Clock extends Component<ClockIn, ClockOut> {
  static override Name = "Clock";
  static override Inboxes: BoxDescriptions<ClockIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: stop ticking and pass it on",
  };
  static override Outboxes: BoxDescriptions<ClockOut> = {
    outbox: "a tick every interval: the host time (ms) when it was sent",
    signal: "the shutdown message, passed on when this ends",
  };

  /** Milliseconds between ticks. */
  readonly interval: number;

  constructor(intervalMs: number) {
    super();
    this.interval = checkInterval((this.constructor as unknown as { Name: string }).Name, intervalMs);
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    let due = this.now() + this.interval;
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      let now = this.now();
      if (now >= due) {
        if (!outbox.isFull()) this.send(now);
        due = this.nextTick(due, now);
        now = this.now();
      }
      this.pauseFor(due - now);
      yield 1;
    }
  }

  /** When the tick after one due at `due` and sent at `now` falls due: the next slot on the schedule after `now`. */
  protected nextTick(due: number, now: number): number {
    return due + (Math.floor((now - due) / this.interval) + 1) * this.interval;
  }
}
