/**
 * Clock and CheapAndCheerfulClock: a tick (the host time) every interval on the virtual clock; Clock keeps
 * its schedule when woken late and skips missed ticks, CheapAndCheerfulClock measures from the last tick;
 * a full destination drops ticks; either shutdown message ends them; bad intervals are refused.
 */
import { expect } from "chai";
import { AxonError, CheapAndCheerfulClock, Clock, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder, runFor } from "./support";

/** A clock of the given kind on a fresh virtual-clock scheduler, with a reader on its outbox. */
function rig(make: () => Clock) {
  const s = testScheduler();
  const clock = make();
  const reader = new Feeder().reads(clock);
  const feeder = new Feeder().feeds(clock);
  clock.activate(s);
  return { s, clock, reader, feeder, done: () => [clock, reader, feeder].forEach((c) => c.stop()) };
}

/** Run `s` until virtual time `t`, waking at timers. */
function runTo(r: { s: ReturnType<typeof testScheduler> }, t: number): void {
  runFor(r.s, t - r.s.host.time);
}

describe("Clock", () => {
  it("Clock — left running — sends the host time every interval, starting one interval in", () => {
    const r = rig(() => new Clock(100));
    runTo(r, 350);
    expect(r.reader.takeAll()).to.deep.equal([100, 200, 300]);
    r.done();
  });

  it("Clock — between ticks — sleeps on a timer instead of running", () => {
    const r = rig(() => new Clock(100));
    runTo(r, 0);
    expect(r.s.runSlice()).to.equal(100);
    expect(r.clock.isPaused()).to.equal(true);
    r.done();
  });

  it("Clock — woken late — sends the late time, then keeps to the original schedule", () => {
    const r = rig(() => new Clock(100));
    runTo(r, 0);
    r.s.host.advance(130); // the host was busy: the tick due at 100 runs at 130
    runTo(r, 320);
    expect(r.reader.takeAll()).to.deep.equal([130, 200, 300]);
    r.done();
  });

  it("Clock — woken whole intervals late — skips the missed ticks rather than sending a burst", () => {
    const r = rig(() => new Clock(100));
    runTo(r, 0);
    r.s.host.advance(350);
    runTo(r, 450);
    expect(r.reader.takeAll()).to.deep.equal([350, 400]);
    r.done();
  });

  it("Clock — a full bounded destination — drops the tick and keeps ticking", () => {
    const r = rig(() => new Clock(100));
    r.reader.inboxes.inbox.setSize(1);
    runTo(r, 250);
    expect(r.reader.takeAll()).to.deep.equal([100]);
    runTo(r, 300);
    expect(r.reader.takeAll()).to.deep.equal([300]);
    r.done();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Clock — " + label + " on control between ticks — wakes, forwards it on signal and ends at once", () => {
      const r = rig(() => new Clock(100));
      runTo(r, 150);
      const message = make();
      r.feeder.send(message, "signal");
      runFor(r.s, 0);
      expect(r.clock.isStopped()).to.equal(true);
      expect(r.s.host.time).to.equal(150);
      expect(r.reader.takeAll()).to.deep.equal([100]);
      expect(r.reader.takeAll("control")).to.deep.equal([message]);
      r.done();
    });
  }

  it("Clock — an interval that is not a positive, finite number — throws an AxonError at construction", () => {
    expect(() => new Clock(0)).to.throw(AxonError, /^Clock needs a positive, finite interval/);
    expect(() => new Clock(-5)).to.throw(AxonError, /positive, finite interval/);
    expect(() => new Clock(Infinity)).to.throw(AxonError, /positive, finite interval/);
    expect(() => new Clock("100" as unknown as number)).to.throw(AxonError, /positive, finite interval/);
  });
});

describe("CheapAndCheerfulClock", () => {
  it("CheapAndCheerfulClock — left running — sends the host time every interval", () => {
    const r = rig(() => new CheapAndCheerfulClock(250));
    runTo(r, 1000);
    expect(r.reader.takeAll()).to.deep.equal([250, 500, 750, 1000]);
    r.done();
  });

  it("CheapAndCheerfulClock — woken late — measures the next interval from the late tick, so it drifts", () => {
    const r = rig(() => new CheapAndCheerfulClock(100));
    runTo(r, 0);
    r.s.host.advance(130);
    runTo(r, 340);
    expect(r.reader.takeAll()).to.deep.equal([130, 230, 330]);
    r.done();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("CheapAndCheerfulClock — " + label + " on control — forwards it on signal and ends at once", () => {
      const r = rig(() => new CheapAndCheerfulClock(100));
      runTo(r, 50);
      const message = make();
      r.feeder.send(message, "signal");
      runFor(r.s, 0);
      expect(r.clock.isStopped()).to.equal(true);
      expect(r.reader.takeAll("control")).to.deep.equal([message]);
      r.done();
    });
  }

  it("CheapAndCheerfulClock — a bad interval — throws an AxonError naming CheapAndCheerfulClock", () => {
    expect(() => new CheapAndCheerfulClock(0)).to.throw(AxonError, /^CheapAndCheerfulClock needs a positive/);
  });
});
