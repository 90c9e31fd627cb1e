/**
 * ThreadedComponent on the desktop target: messages through a real worker thread in order, shutdown
 * messages crossing both ways, backpressure both ways, a blocked thread never stalling the scheduler
 * (counted in ticks, not time), a thread's exception as ThreadFailed through hooks.onError, and shutdown
 * or stop() ending a blocked thread with no Worker left behind. Each test waits for the system to end (or
 * for a condition), never on the clock.
 */
import { expect } from "chai";
import { resolve } from "node:path";
import {
  AxonError,
  Component,
  DataSource,
  IONotAvailable,
  Pipeline,
  ProducerFinished,
  ShutdownMicroprocess,
  ThreadFailed,
  ThreadMessageNotCloneable,
  ThreadedComponent,
  isShutdownMessage,
  shutdownMicroprocess,
} from "../../../src/index";
import type { BoxDescriptions, MainLoop } from "../../../src/index";
import { EventLoopDriver } from "../../../targets/desktop/index";
import { liveThreadPorts } from "../../../targets/desktop/io/thread-port";
import { testScheduler } from "../../helpers/test-scheduler";
import { eventually } from "../../helpers/eventually";

const fixture = (file: string): string => resolve(import.meta.dirname, "../../fixtures/threads", file);
const quiet = (): void => undefined;

type SinkIn = { inbox: unknown; control: unknown };
type SinkOut = { outbox: never; signal: unknown };

/** Keeps what arrives; with `slow`, one message per step. Ends on a shutdown message, keeping it. */
class Sink extends Component<SinkIn, SinkOut> {
  static override Name = "Sink";
  static override Inboxes: BoxDescriptions<SinkIn> = { inbox: "items to keep", control: "shutdown messages" };
  items: unknown[] = [];
  finish: unknown = undefined;
  constructor(
    private readonly slow = false,
    private readonly onItem: (item: unknown) => void = quiet,
  ) {
    super();
  }
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const item = this.recv();
        this.items.push(item);
        this.onItem(item);
        if (this.slow) yield 1;
      }
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.finish = message;
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** Ticks every millisecond, calling `tick` with its count each time, until `tick` returns false. */
class Ticker extends Component {
  static override Name = "Ticker";
  ticks = 0;
  constructor(private readonly tick: (ticker: Ticker) => boolean) {
    super();
  }
  override *main(): MainLoop {
    for (;;) {
      this.ticks++;
      if (!this.tick(this)) return;
      this.pauseFor(1);
      yield 1;
    }
  }
}

/** A shared cell array for the blocking fixtures (slot 1 says the thread has started blocking). */
function cell(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

describe("ThreadedComponent", function () {
  this.timeout(20000);
  let drivers: EventLoopDriver[] = [];

  function driver(errors?: unknown[]): EventLoopDriver {
    const d = new EventLoopDriver({ log: quiet, hooks: { onError: (error) => errors && errors.push(error) } });
    drivers.push(d);
    return d;
  }

  afterEach(async () => {
    for (const d of drivers) {
      const left = d.scheduler.listAllThreads().map((t) => t.name);
      d.stop();
      expect(left, "components left running").to.deep.equal([]);
    }
    drivers = [];
    await eventually(() => liveThreadPorts() === 0, "every thread Worker to exit");
  });

  it("ThreadedComponent — in a pipeline with an echo thread — messages come out in order, then the producerFinished that crossed", async () => {
    const numbers = Array.from({ length: 50 }, (_, i) => i);
    const source = new DataSource(numbers);
    const threaded = new ThreadedComponent(fixture("echo.ts"), { capacity: 4, name: "Echo" });
    const sink = new Sink();
    await driver().run(new Pipeline(source, threaded, sink));
    expect(threaded.name).to.match(/^Echo_\d+$/);
    expect(sink.items).to.deep.equal(numbers);
    expect(sink.finish).to.be.instanceOf(ProducerFinished);
    expect((sink.finish as ProducerFinished).caller).to.equal(source.name); // a component crosses by name
    expect(threaded.crashed).to.equal(false);
  });

  it("ThreadedComponent — options — the thread gets args and its name, and the export named", async () => {
    const source = new DataSource<number>([]);
    const threaded = new ThreadedComponent(fixture("echo.ts"), { exportName: "echoCallers", args: { frames: [1, 2] } });
    const sink = new Sink();
    await driver().run(new Pipeline(source, threaded, sink));
    expect(sink.items).to.deep.equal([{ finished: true, caller: source.name, name: threaded.name, args: { frames: [1, 2] } }]);
  });

  it("ThreadedComponent — the thread's main returns by itself — everything it sent, then producerFinished from the component", async () => {
    const threaded = new ThreadedComponent(fixture("flood.ts"), { args: { count: 5, sent: cell().buffer } });
    const sink = new Sink();
    threaded.link([threaded, "outbox"], [sink, "inbox"]);
    threaded.link([threaded, "signal"], [sink, "control"]);
    await driver().run(threaded, sink);
    expect(sink.items).to.deep.equal([0, 1, 2, 3, 4]);
    expect(sink.finish).to.be.instanceOf(ProducerFinished);
    expect((sink.finish as ProducerFinished).caller).to.equal(threaded);
  });

  it("ThreadedComponent — a thread sends 1,000 to a slow consumer — never more in flight than capacity plus the consumer's inbox", async () => {
    const sent = cell();
    const capacity = 8;
    const consumerInbox = 2;
    let received = 0;
    let most = 0;
    const sink = new Sink(true, () => {
      received++;
      most = Math.max(most, Atomics.load(sent, 0) - received);
    });
    sink.inboxes.inbox.setSize(consumerInbox);
    const threaded = new ThreadedComponent(fixture("flood.ts"), { capacity, args: { count: 1000, sent: sent.buffer } });
    await driver().run(new Pipeline(threaded, sink));
    expect(sink.items).to.deep.equal(Array.from({ length: 1000 }, (_, i) => i));
    expect(most).to.be.at.most(capacity + consumerInbox);
  });

  it("ThreadedComponent — the thread is not reading — it stops collecting its inbox, and all arrive in order once it reads", async () => {
    const gate = cell();
    const items = Array.from({ length: 20 }, (_, i) => "item " + i);
    const threaded = new ThreadedComponent(fixture("blocking.ts"), { exportName: "gatedEcho", capacity: 2, args: { cell: gate.buffer } });
    const sink = new Sink();
    const done = driver().run(new Pipeline(new DataSource(items), threaded, sink));
    await eventually(() => Atomics.load(gate, 1) === 1 && threaded.dataReady() === 17, "the thread at its gate with 2 written and 1 held");
    for (let i = 0; i < 20; i++) await new Promise((next) => setImmediate(next));
    expect(threaded.dataReady()).to.equal(17); // it took no more while the thread's inbox was full
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await done;
    expect(sink.items).to.deep.equal(items);
    expect(sink.finish).to.be.instanceOf(ProducerFinished);
  });

  it("ThreadedComponent — its thread blocks in Atomics.wait — a ticking component keeps ticking, and its 50th tick during the block wakes the thread", async () => {
    const shared = cell();
    let ticksWhileBlocked = 0;
    const ticker = new Ticker(() => {
      if (Atomics.load(shared, 1) === 1) ticksWhileBlocked++;
      if (ticksWhileBlocked < 50) return true;
      Atomics.store(shared, 0, 1);
      Atomics.notify(shared, 0);
      return false;
    });
    const threaded = new ThreadedComponent(fixture("blocking.ts"), { exportName: "waitForNotify", args: { cell: shared.buffer } });
    const sink = new Sink();
    await driver().run(new Pipeline(threaded, sink), ticker);
    expect(ticksWhileBlocked).to.equal(50);
    // Woken by the ticker ("ok"; "not-equal" if the 50 ticks fell between its two first statements), not by
    // its 20 s timeout.
    expect(sink.items).to.have.length(1);
    expect(sink.items[0]).to.be.oneOf(["ok", "not-equal"]);
  });

  it("ThreadedComponent — its thread blocks in pause on an empty inbox — ticking goes on, and a message after 50 ticks wakes it", async () => {
    const shared = cell();
    let ticksWhileBlocked = 0;
    const threaded = new ThreadedComponent(fixture("blocking.ts"), { exportName: "pauseUntilMessage", args: { cell: shared.buffer } });
    const ticker = new Ticker((t) => {
      if (Atomics.load(shared, 1) === 1) ticksWhileBlocked++;
      if (ticksWhileBlocked < 50) return true;
      t.send("ping");
      return false;
    });
    const sink = new Sink();
    ticker.link([ticker, "outbox"], [threaded, "inbox"]);
    await driver().run(new Pipeline(threaded, sink), ticker);
    expect(ticksWhileBlocked).to.equal(50);
    expect(sink.items).to.deep.equal(["ping back"]);
  });

  it("ThreadedComponent — its thread throws — hooks.onError gets a ThreadFailed naming it, and a ticker beside it runs on", async () => {
    const errors: unknown[] = [];
    let ticksAfter = 0;
    const threaded = new ThreadedComponent(fixture("failing.ts"), { name: "Parser" });
    const ticker = new Ticker(() => {
      if (errors.length > 0) ticksAfter++;
      return ticksAfter < 20;
    });
    await driver(errors).run(threaded, ticker);
    expect(errors).to.have.length(1);
    const error = errors[0] as ThreadFailed;
    expect(error).to.be.instanceOf(ThreadFailed).and.instanceOf(AxonError);
    expect(error.component).to.equal(threaded.name);
    expect(error.message).to.contain(threaded.name).and.contain("RangeError: bad frame 7");
    expect(error).to.deep.include({ errorName: "RangeError", errorMessage: "bad frame 7" });
    expect(error.errorStack).to.contain("parseFrame").and.contain("failing.ts");
    expect(threaded.crashed).to.equal(true);
    expect(threaded.error).to.equal(error);
    expect(ticksAfter).to.equal(20);
    expect(ticker.crashed).to.equal(false);
  });

  it("ThreadedComponent — a module that is not there — crashes with ThreadFailed saying not-found", async () => {
    const errors: unknown[] = [];
    const threaded = new ThreadedComponent(fixture("missing-job.ts"));
    await driver(errors).run(threaded);
    expect(errors[0]).to.be.instanceOf(ThreadFailed);
    expect(errors[0]).to.deep.include({ component: threaded.name, code: "not-found" });
    expect((errors[0] as ThreadFailed).message).to.contain("missing-job");
  });

  it("ThreadedComponent — shutdownMicroprocess while its thread is blocked — passes it on, ends at once, and leaves no Worker", async () => {
    const shared = cell();
    const threaded = new ThreadedComponent(fixture("blocking.ts"), { exportName: "waitForever", args: { cell: shared.buffer } });
    const boss = new Ticker((t) => {
      if (Atomics.load(shared, 1) !== 1) return true;
      t.send(shutdownMicroprocess(t), "signal");
      return false;
    });
    const sink = new Sink();
    await driver().run(new Pipeline(boss, threaded, sink));
    expect(sink.finish).to.be.instanceOf(ShutdownMicroprocess);
    await eventually(() => liveThreadPorts() === 0, "the Worker to exit");
  });

  it("ThreadedComponent — stop() while its thread is blocked — the Worker ends", async () => {
    const shared = cell();
    const threaded = new ThreadedComponent(fixture("blocking.ts"), { exportName: "waitForever", args: { cell: shared.buffer } });
    const done = driver().run(threaded);
    await eventually(() => Atomics.load(shared, 1) === 1, "the thread to block");
    expect(liveThreadPorts()).to.equal(1);
    threaded.stop();
    await done;
    await eventually(() => liveThreadPorts() === 0, "the Worker to exit");
  });

  it("ThreadedComponent — a message that cannot be cloned — crashes with ThreadMessageNotCloneable naming it", async () => {
    const errors: unknown[] = [];
    const source = new DataSource([() => 1]);
    const threaded = new ThreadedComponent(fixture("echo.ts"));
    source.link([source, "outbox"], [threaded, "inbox"]);
    await driver(errors).run(source, threaded);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(ThreadMessageNotCloneable);
    expect((errors[0] as ThreadMessageNotCloneable).component).to.equal(threaded.name);
  });

  it("ThreadedComponent — a host with no io — crashes with IONotAvailable", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (error) => errors.push(error) });
    const threaded = new ThreadedComponent(fixture("echo.ts")).activate(s);
    s.runThreads();
    expect(threaded.crashed).to.equal(true);
    expect(errors[0]).to.be.instanceOf(IONotAvailable);
  });

  it("ThreadedComponent — no module, or a capacity below 1 — AxonError at construction", () => {
    expect(() => new ThreadedComponent("")).to.throw(AxonError, "needs the module");
    expect(() => new ThreadedComponent(fixture("echo.ts"), { capacity: 0 })).to.throw(AxonError, "capacity");
  });
});
