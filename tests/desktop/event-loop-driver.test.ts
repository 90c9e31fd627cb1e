/**
 * EventLoopDriver (desktop target): run() resolving when every component has ended, pauseFor on real Node
 * timers, an idle system running nothing until a delivery wakes it, stop(), and where errors are reported.
 * Real waits are kept to a few milliseconds; the whole file waits well under 100 ms.
 */
import { expect } from "chai";
import { connect } from "node:net";
import { Component, Handle, Pipeline, PureTransformer, ServerCore } from "../../src/index";
import type { MainLoop } from "../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../targets/desktop/index";
import { ListSink, ListSource, Mapper } from "../helpers/components";

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps `ms` on the host clock, recording when it asked and when it woke, then ends. */
class Napper extends Component {
  static override Name = "Napper";
  askedAt = -1;
  wokeAt = -1;
  constructor(private readonly ms: number) {
    super();
  }
  override *main(): MainLoop {
    this.askedAt = this.now();
    this.pauseFor(this.ms);
    yield 1;
    this.wokeAt = this.now();
  }
}

/** Never pauses and never ends on its own. */
class Spinner extends Component {
  static override Name = "Spinner";
  steps = 0;
  override *main(): MainLoop {
    for (;;) {
      this.steps++;
      yield 1;
    }
  }
}

/** Throws on its first step. */
class Crasher extends Component {
  static override Name = "Crasher";
  override *main(): MainLoop {
    throw new Error("boom");
  }
}

/** Counts the slices a driver's scheduler runs from now on. */
function countSlices(driver: EventLoopDriver): { slices: number } {
  const counter = { slices: 0 };
  const scheduler = driver.scheduler;
  const runSlice = scheduler.runSlice;
  scheduler.runSlice = function (maxSteps?: number): number {
    counter.slices++;
    return runSlice.call(scheduler, maxSteps);
  };
  return counter;
}

const quiet = (): void => undefined;

describe("EventLoopDriver", () => {
  it("run — a pipeline that runs out of data — resolves once every component has ended", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const source = new ListSource([1, 2, 3]);
    const sink = new ListSink<number>();
    const pipeline = new Pipeline(source, new Mapper((x: number) => x + 1), sink);
    await driver.run(pipeline);
    expect(sink.items).to.deep.equal([2, 3, 4]);
    expect(pipeline.isStopped()).to.equal(true);
    expect(driver.scheduler.listAllThreads()).to.have.length(0);
  });

  it("run — nothing activated — resolves at once", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    await driver.run();
    expect(driver.scheduler.listAllThreads()).to.have.length(0);
  });

  it("run — components in pauseFor(20) — completes them on real Node timers, no earlier than asked", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const nappers = [new Napper(20), new Napper(20)];
    await driver.run(...nappers);
    for (const napper of nappers) {
      expect(napper.isStopped()).to.equal(true);
      expect(napper.wokeAt - napper.askedAt).to.be.at.least(20);
    }
  });

  it("run — a component in pauseFor(20) — waits on a Node timer, running a few slices rather than spinning", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const counter = countSlices(driver);
    await driver.run(new Napper(20));
    expect(counter.slices).to.be.at.most(4);
  });

  it("an idle system — every component paused, no timer — runs no slice until a put from outside wakes it", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper((text: string) => text.toUpperCase()), driver);
    const finished = driver.run();
    await wait(2);
    expect(handle.component.isPaused()).to.equal(true);
    const counter = countSlices(driver);
    await wait(10);
    expect(counter.slices).to.equal(0);
    handle.put("wake up");
    expect(await handle.get()).to.equal("WAKE UP");
    expect(counter.slices).to.be.greaterThan(0);
    await handle.shutdown();
    await finished;
    handle.close();
  });

  it("a TCP server waiting for clients — with nobody connecting — runs no slice and wakes for a connection", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const server = new ServerCore(() => new PureTransformer((b: Uint8Array) => b), 0);
    const running = driver.run(server);
    while (server.port === 0) await wait(5);
    await wait(20);
    const counter = countSlices(driver);
    await wait(200);
    expect(counter.slices).to.equal(0);
    const echoed = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1", () => socket.write("ping"));
      socket.on("data", (d) => {
        socket.end();
        resolve(d.toString());
      });
      socket.on("error", reject);
    });
    expect(echoed).to.equal("ping");
    expect(counter.slices).to.be.greaterThan(0);
    driver.stop();
    await running;
  });

  it("stop — components that would run forever — ends every one and resolves run()", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const spinner = new Spinner();
    const mapper = new Mapper((x: number) => x);
    const finished = driver.run(spinner, mapper);
    await wait(1);
    driver.stop();
    await finished;
    expect(spinner.steps).to.be.greaterThan(0);
    expect(spinner.isStopped()).to.equal(true);
    expect(mapper.isStopped()).to.equal(true);
    expect(driver.scheduler.listAllThreads()).to.have.length(0);
  });

  it("stop — a busy spinner — leaves no Node callback behind to run it again", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const finished = driver.run(new Spinner());
    await wait(1);
    driver.stop();
    await finished;
    const counter = countSlices(driver);
    await wait(2);
    expect(counter.slices).to.equal(0);
  });

  // Regression: stop() cancels a pending turn without running a slice; the scheduler must still ask the
  // host to wake it for the next activation or delivery.
  it("stop — then a component activated on its scheduler and fed from outside — runs it", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    new Mapper((x: number) => x).activate(driver.scheduler); // requests a wake: a turn is now pending
    driver.stop(); // cancels that turn
    const handle = new Handle(new Mapper((x: number) => x * 2).activate(driver.scheduler));
    handle.put(21);
    await wait(5);
    const delivered = handle.dataReady();
    handle.shutdown();
    handle.close();
    expect(delivered).to.equal(1);
  });

  it("a component that throws — with a log option — reports the crash there as an error naming it", async () => {
    const lines: string[] = [];
    const driver = new EventLoopDriver({ log: (level, message) => lines.push(level + ": " + message) });
    const crasher = new Crasher();
    await driver.run(crasher);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.equal("error: " + crasher.name + " crashed and was removed: Error: boom");
  });

  it("a component that throws — with hooks.onError — reports to the hook and not the log", async () => {
    const lines: string[] = [];
    const errors: unknown[] = [];
    const driver = new EventLoopDriver({
      log: (level, message) => lines.push(level + ": " + message),
      hooks: { onError: (error) => errors.push(error) },
    });
    await driver.run(new Crasher());
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.equal("boom");
    expect(lines).to.have.length(0);
  });

  it("a component that throws — beside others — leaves the others running to completion", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const sink = new ListSink<string>();
    await driver.run(new Crasher(), new Pipeline(new ListSource(["a", "b"]), sink));
    expect(sink.items).to.deep.equal(["a", "b"]);
  });
});
