/**
 * Handle (Axon's likefile): put/get through a component from ordinary code, get running the scheduler until
 * data arrives or nothing can run, kept early messages, backpressure, other outboxes, shutdown, close,
 * activation, and pauseFor timers honoured on the virtual clock through host.sleep.
 */
import { expect } from "chai";
import {
  Component,
  Handle,
  NoSpaceInBox,
  ProducerFinished,
  ShutdownMicroprocess,
  isShutdownMessage,
  liveLinkageCount,
} from "../../src/index";
import type { MainLoop, ShutdownMessage } from "../../src/index";
import { ListSource, Mapper } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

const upper = (text: string): string => text.toUpperCase();

/** Works for `steps` steps, then sends "ready" and ends. */
class SlowStarter extends Component<{ inbox: never; control: ShutdownMessage }, { outbox: string; signal: never }> {
  static override Name = "SlowStarter";
  stepsTaken = 0;
  constructor(private readonly steps: number) {
    super();
  }
  override *main(): MainLoop {
    while (this.stepsTaken < this.steps) {
      this.stepsTaken++;
      yield 1;
    }
    this.send("ready");
  }
}

/** Waits for a shutdown message, then spends `cleanupSteps` steps tidying up before passing it on. */
class SlowStopper extends Component<{ inbox: never; control: ShutdownMessage }, { outbox: never; signal: ShutdownMessage }> {
  static override Name = "SlowStopper";
  cleanedUp = 0;
  constructor(private readonly cleanupSteps: number) {
    super();
  }
  override *main(): MainLoop {
    for (;;) {
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          while (this.cleanedUp < this.cleanupSteps) {
            this.cleanedUp++;
            yield 1;
          }
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** Sleeps `ms` on the scheduler's clock, then sends the time it woke at and ends. */
class Napper extends Component<{ inbox: never; control: never }, { outbox: number; signal: never }> {
  static override Name = "Napper";
  constructor(private readonly ms: number) {
    super();
  }
  override *main(): MainLoop {
    this.pauseFor(this.ms);
    yield 1;
    this.send(this.now());
  }
}

describe("Handle", () => {
  it("put then get — a mapping component — returns the component's reply", () => {
    const s = testScheduler();
    const handle = new Handle(new Mapper(upper), s);
    handle.put("hello");
    expect(handle.get()).to.equal("HELLO");
    handle.shutdown();
    handle.close();
  });

  it("get — component needs several steps before sending — runs the scheduler until the data arrives", () => {
    const s = testScheduler();
    const starter = new SlowStarter(5);
    const handle = new Handle(starter, s);
    expect(handle.get()).to.equal("ready");
    expect(starter.stepsTaken).to.equal(5);
    handle.close();
  });

  it("get — every component paused and no timer — returns undefined without blocking", () => {
    const s = testScheduler();
    const mapper = new Mapper(upper);
    const handle = new Handle(mapper, s);
    expect(handle.get()).to.equal(undefined);
    expect(mapper.isPaused()).to.equal(true);
    handle.shutdown();
    handle.close();
  });

  it("get — component ended without sending — returns undefined", () => {
    const s = testScheduler();
    const handle = new Handle(new ListSource<number>([]), s);
    expect(handle.get()).to.equal(undefined);
    expect(handle.component.isStopped()).to.equal(true);
    handle.close();
  });

  it("get — messages sent before the first get on that box — hands every one over, in order", () => {
    const s = testScheduler();
    const source = new ListSource([1, 2, 3]);
    const handle = new Handle(source, s);
    s.runThreads();
    expect(source.isStopped()).to.equal(true);
    expect([handle.get(), handle.get(), handle.get(), handle.get()]).to.deep.equal([1, 2, 3, undefined]);
    handle.close();
  });

  it("get — another outbox name — collects from that outbox", () => {
    const s = testScheduler();
    const source = new ListSource(["a"]);
    const handle = new Handle(source, s);
    expect(handle.get("signal")).to.be.instanceOf(ProducerFinished);
    expect(handle.get()).to.equal("a");
    handle.close();
  });

  it("put — bounded inbox already full — throws NoSpaceInBox", () => {
    const s = testScheduler();
    const mapper = new Mapper(upper);
    mapper.inboxes.inbox.setSize(2);
    const handle = new Handle(mapper, s);
    handle.put("a");
    handle.put("b");
    expect(() => handle.put("c")).to.throw(NoSpaceInBox);
    handle.shutdown();
    handle.close();
  });

  it("shutdown — component running — sends shutdownMicroprocess on control", () => {
    const s = testScheduler();
    const handle = new Handle(new Mapper(upper), s);
    handle.shutdown();
    expect(handle.get("signal")).to.be.instanceOf(ShutdownMicroprocess);
    handle.close();
  });

  it("shutdown — component needs several steps to stop — runs the scheduler until it has ended", () => {
    const s = testScheduler();
    const stopper = new SlowStopper(3);
    const handle = new Handle(stopper, s);
    handle.shutdown();
    expect(stopper.isStopped()).to.equal(true);
    expect(stopper.cleanedUp).to.equal(3);
    handle.close();
  });

  it("shutdown — component already ended — returns without sending anything", () => {
    const s = testScheduler();
    const before = liveLinkageCount();
    const handle = new Handle(new ListSource<number>([]), s);
    s.runThreads();
    handle.shutdown();
    expect(liveLinkageCount()).to.equal(before);
    handle.close();
  });

  it("close — after put, get and shutdown — brings liveLinkageCount back to where it was", () => {
    const s = testScheduler();
    const before = liveLinkageCount();
    const handle = new Handle(new Mapper(upper), s);
    handle.put("x");
    handle.get();
    handle.shutdown();
    expect(liveLinkageCount()).to.equal(before + 3);
    handle.close();
    expect(liveLinkageCount()).to.equal(before);
  });

  it("close — called twice — is harmless", () => {
    const s = testScheduler();
    const before = liveLinkageCount();
    const handle = new Handle(new Mapper(upper), s);
    handle.put("x");
    handle.shutdown();
    handle.close();
    handle.close();
    expect(liveLinkageCount()).to.equal(before);
  });

  it("close — messages already in the handle — stay readable", () => {
    const s = testScheduler();
    const handle = new Handle(new ListSource([1, 2]), s);
    expect(handle.get()).to.equal(1);
    s.runThreads();
    handle.close();
    expect(handle.dataReady()).to.equal(1);
    expect(handle.get()).to.equal(2);
  });

  it("Handle — inactive component — activates it on the given scheduler", () => {
    const s = testScheduler();
    const mapper = new Mapper(upper);
    const handle = new Handle(mapper, s);
    expect(mapper.isRunning()).to.equal(true);
    expect(s.listAllThreads()).to.deep.equal([mapper]);
    expect(handle.scheduler).to.equal(s);
    handle.shutdown();
    handle.close();
  });

  it("Handle — component already active — accepts it and runs it on its own scheduler", () => {
    const s = testScheduler();
    const mapper = new Mapper(upper).activate(s);
    const handle = new Handle(mapper);
    expect(handle.scheduler).to.equal(s);
    handle.put("late");
    expect(handle.get()).to.equal("LATE");
    handle.shutdown();
    handle.close();
  });

  it("Handle — any component — has a readable name naming the component", () => {
    const s = testScheduler();
    const mapper = new Mapper(upper);
    const handle = new Handle(mapper, s);
    expect(handle.name).to.match(new RegExp("^Handle_\\d+\\(" + mapper.name + "\\)$"));
    handle.shutdown();
    handle.close();
  });

  it("get — component in a pauseFor(500) — sleeps the host until the timer and returns at virtual time 500", () => {
    const s = testScheduler();
    const handle = new Handle(new Napper(500), s);
    expect(handle.get()).to.equal(500);
    expect(s.host.time).to.equal(500);
    handle.close();
  });
});
