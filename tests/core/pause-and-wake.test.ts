/**
 * Pause and wake: pause takes effect at the next yield; a paused component wakes on a delivery, on a collect
 * of what it sent, on a child ending and on its timer; a wake beats a pause within one cycle; and paused
 * components cost no steps.
 */
import { expect } from "chai";
import { Component, Microprocess, SLICE_IDLE } from "../../src/index";
import type { MainLoop } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

class Plain extends Component {
  static override Name = "Plain";
}

/** Counts its steps; pauses after each. */
class Sleeper extends Component {
  static override Name = "Sleeper";
  steps = 0;
  override *main(): MainLoop {
    for (;;) {
      this.steps++;
      while (this.dataReady()) this.recv();
      if (this.dataReady("control")) return;
      this.pause();
      yield 1;
    }
  }
}

describe("pause and wake", () => {
  it("pause — called mid-step — takes effect only at the next yield", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Worker extends Microprocess {
      static override Name = "Worker";
      override *main(): MainLoop {
        this.pause();
        log.push("after pause, same step");
        yield 1;
        log.push("never: nothing wakes it");
      }
    }
    const w = new Worker().activate(s);
    expect(s.runSlice()).to.equal(SLICE_IDLE);
    expect(log).to.deep.equal(["after pause, same step"]);
    expect(w.isPaused()).to.equal(true);
    s.stop();
  });

  it("a paused component — receiving a delivery — runs again", () => {
    const s = testScheduler();
    const sleeper = new Sleeper().activate(s);
    s.runSlice();
    expect(sleeper.steps).to.equal(1);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [sleeper, "inbox"]);
    feeder.send("wake up");
    s.runSlice();
    expect(sleeper.steps).to.equal(2);
    feeder.stop();
    s.stop();
  });

  it("paused components — with nothing delivered — take no steps however many slices run", () => {
    const s = testScheduler();
    const sleepers = [new Sleeper(), new Sleeper(), new Sleeper()];
    for (const c of sleepers) c.activate(s);
    for (let i = 0; i < 50; i++) s.runSlice();
    expect(sleepers.map((c) => c.steps)).to.deep.equal([1, 1, 1]);
    s.stop();
  });

  it("a paused producer — when the consumer collects what it sent — is woken", () => {
    const s = testScheduler();
    let producerSteps = 0;
    class Producer extends Component {
      static override Name = "Producer";
      override *main(): MainLoop {
        this.send("one");
        for (;;) {
          producerSteps++;
          this.pause();
          yield 1;
        }
      }
    }
    const producer = new Producer();
    const consumer = new Plain();
    const wire = new Plain();
    wire.link([producer, "outbox"], [consumer, "inbox"]);
    producer.activate(s);
    s.runSlice();
    expect(producerSteps).to.equal(1);
    consumer.recv();
    s.runSlice();
    expect(producerSteps).to.equal(2);
    s.stop();
    wire.stop();
    consumer.stop();
  });

  it("a paused parent — when a child ends — is woken", () => {
    const s = testScheduler();
    const events: string[] = [];
    class Parent extends Component {
      static override Name = "Parent";
      override *main(): MainLoop {
        const child = new Plain();
        this.addChildren(child);
        child.activate(s);
        this.pause();
        yield 1;
        events.push("woken, child stopped: " + child.isStopped());
      }
    }
    new Parent().activate(s);
    s.runThreads();
    expect(events).to.deep.equal(["woken, child stopped: true"]);
  });

  it("a wake — arriving after pause() but before the yield — beats the pause", () => {
    const s = testScheduler();
    const events: string[] = [];
    class SelfFeeder extends Component {
      static override Name = "SelfFeeder";
      override *main(): MainLoop {
        this.link([this, "outbox"], [this, "inbox"]);
        this.pause();
        this.send("to myself"); // the delivery wakes it: the pause is cancelled
        yield 1;
        events.push("ran again with " + this.dataReady() + " waiting");
        this.recv();
      }
    }
    new SelfFeeder().activate(s);
    s.runThreads();
    expect(events).to.deep.equal(["ran again with 1 waiting"]);
  });

  it("pauseFor — on the virtual clock — wakes the component when the time has come, not before", () => {
    const s = testScheduler();
    const woke: number[] = [];
    class Timed extends Microprocess {
      static override Name = "Timed";
      override *main(): MainLoop {
        this.pauseFor(100);
        yield 1;
        woke.push(this.now());
      }
    }
    new Timed().activate(s);
    expect(s.runSlice()).to.equal(100);
    s.host.advance(60);
    expect(s.runSlice()).to.equal(40);
    expect(woke).to.deep.equal([]);
    s.host.advance(40);
    s.runSlice();
    expect(woke).to.deep.equal([100]);
  });

  it("pauseFor — woken early by a delivery — runs at once and the timer wakes it again later", () => {
    const s = testScheduler();
    const events: string[] = [];
    class Waiter extends Component {
      static override Name = "Waiter";
      override *main(): MainLoop {
        this.pauseFor(1000);
        yield 1;
        events.push("woke at " + this.now() + " with " + this.dataReady());
        this.recv();
        this.pause();
        yield 1;
        events.push("woke at " + this.now());
      }
    }
    const w = new Waiter().activate(s);
    s.runSlice();
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [w, "inbox"]);
    feeder.send("early");
    s.runSlice();
    s.runThreads(); // sleeps on the virtual clock until the timer
    expect(events).to.deep.equal(["woke at 0 with 1", "woke at 1000"]);
    feeder.stop();
  });

  it("a delivery — from outside, while the scheduler is idle between slices — asks the host to wake it once", () => {
    const s = testScheduler();
    const sleeper = new Sleeper().activate(s);
    s.runSlice();
    const before = s.host.wakes;
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [sleeper, "inbox"]);
    feeder.send(1);
    feeder.send(2);
    expect(s.host.wakes).to.equal(before + 1);
    feeder.stop();
    s.stop();
  });
});
