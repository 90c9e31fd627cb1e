/**
 * Test support for the util family: a feeder that plays a component's neighbours, and a way to run a
 * scheduler for a stretch of virtual time (components with clocks never let `runThreads` return).
 */
import { Component } from "../../../src/index";
import type { AnyComponent, Scheduler } from "../../../src/index";
import type { VirtualHost } from "../../helpers/virtual-clock";

/** A component that does nothing by itself: tests link its boxes and send from it, then stop it. */
export class Feeder extends Component {
  static override Name = "Feeder";

  /** Link this feeder's outbox and signal into `target`'s inbox (or `box`) and control. */
  feeds(target: AnyComponent, box?: string): this {
    this.link([this, "outbox"], [target, box || "inbox"]);
    this.link([this, "signal"], [target, "control"]);
    return this;
  }

  /** Link `target`'s outbox and signal into this feeder's inbox and control, to read what it sends. */
  reads(target: AnyComponent, box?: string): this {
    this.link([target, box || "outbox"], [this, "inbox"]);
    this.link([target, "signal"], [this, "control"]);
    return this;
  }

  /** Everything waiting in an inbox, oldest first. */
  takeAll(box: "inbox" | "control" = "inbox"): unknown[] {
    const taken: unknown[] = [];
    while (this.dataReady(box)) taken.push(this.recv(box));
    return taken;
  }
}

/**
 * Run `s` until `ms` of virtual time have passed (or nothing is left to run), sleeping through timers
 * exactly as `runThreads` would. Returns the virtual time at the end.
 */
export function runFor(s: Scheduler & { host: VirtualHost }, ms: number): number {
  const until = s.host.time + ms;
  for (;;) {
    const result = s.runSlice();
    if (result === 0) continue; // SLICE_BUSY
    if (result > 0 && s.host.time + result <= until) {
      s.host.advance(result);
      continue;
    }
    if (result > 0 || result === -1) s.host.time = until; // idle, or the next timer is beyond the stretch
    return s.host.time;
  }
}
