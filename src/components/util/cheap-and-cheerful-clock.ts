/**
 * CheapAndCheerfulClock: Kamaelia's simplest clock — send a tick, wait `intervalMs`, send the next.
 *
 * Example:
 *   new Pipeline(new CheapAndCheerfulClock(1000), new Heartbeat()).activate(scheduler);
 *
 * Behaviour: exactly Clock's (the tick is the host time when sent; full destination drops the tick;
 * either shutdown message ends it, passed on `signal`; a bad interval is an AxonError), except that each
 * interval is measured from when the previous tick was actually sent. So lateness adds up: under load the
 * ticks drift later and come less often, never in bursts. Use Clock for a schedule that holds its phase.
 * (Kamaelia's one is "cheap" because it spends a thread per clock; this one costs one timer like Clock.)
 *
 * How it works inside: a Clock whose `nextTick` is `now + interval`.
 */
import { Clock } from "./clock";

export class CheapAndCheerfulClock extends Clock {
  static override Name = "CheapAndCheerfulClock";

  /** The next tick is a whole interval after this one was sent. */
  protected override nextTick(due: number, now: number): number {
    return now + this.interval;
  }
}
