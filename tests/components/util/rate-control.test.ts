/**
 * RateControl: messages pass no faster than the rate (a token bucket on the host clock), bursts up to
 * `burst`, the backlog stays in its own inbox so a bound on it pushes back on the producer, the rate can be
 * changed at run time, producerFinished paces out the backlog first and shutdownMicroprocess stops at once.
 */
import { expect } from "chai";
import { AxonError, Collector, DataSource, Pipeline, PureTransformer, RateControl, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder, runFor } from "./support";

/** A RateControl fed by a feeder, whose output is stamped with the virtual time it arrived. */
function rig(make: () => RateControl<string>) {
  const s = testScheduler();
  const limiter = make();
  const feeder = new Feeder().feeds(limiter);
  const stamps = new Collector<[string, number]>();
  const stamp = new PureTransformer((m: string) => [m, s.now()] as [string, number]);
  const tail = new Pipeline(stamp, stamps);
  const reader = new Feeder();
  reader.link([limiter, "outbox"], [tail, "inbox"]);
  reader.link([limiter, "signal"], [tail, "control"]);
  const watcher = new Feeder();
  watcher.link([tail, "signal"], [watcher, "control"]);
  limiter.activate(s);
  tail.activate(s);
  return {
    s,
    limiter,
    feeder,
    stamps,
    watcher,
    done: () => [limiter, tail, stamp, stamps, feeder, reader, watcher].forEach((c) => c.stop()),
  };
}

describe("RateControl", () => {
  it("RateControl — 10 messages a second, sent all at once — lets one through every 100 ms, in order", () => {
    const r = rig(() => new RateControl<string>(10));
    for (const m of ["a", "b", "c", "d"]) r.feeder.send(m);
    runFor(r.s, 1000);
    expect(r.stamps.collected).to.deep.equal([["a", 0], ["b", 100], ["c", 200], ["d", 300]]);
    r.done();
  });

  it("RateControl — a rate that does not divide 1000 ms — averages the rate without drifting", () => {
    const r = rig(() => new RateControl<string>(3));
    for (let i = 0; i < 7; i++) r.feeder.send("m" + i);
    runFor(r.s, 3000);
    const times = r.stamps.collected.map((pair) => pair[1]);
    expect(times[0]).to.equal(0);
    expect(times[3]).to.be.within(1000, 1001);
    expect(times[6]).to.be.within(2000, 2002);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).to.be.within(333, 334);
    r.done();
  });

  it("RateControl — a burst of 3 after a quiet spell — lets 3 through at once, then keeps to the rate", () => {
    const r = rig(() => new RateControl<string>(10, { burst: 3 }));
    for (const m of ["a", "b", "c", "d", "e"]) r.feeder.send(m);
    runFor(r.s, 1000);
    expect(r.stamps.collected.map((p) => p[1])).to.deep.equal([0, 0, 0, 100, 200]);
    r.done();
  });

  it("RateControl — messages arriving slower than the rate — pass straight through", () => {
    const r = rig(() => new RateControl<string>(10));
    r.feeder.send("a");
    runFor(r.s, 500);
    r.feeder.send("b");
    runFor(r.s, 1);
    expect(r.stamps.collected).to.deep.equal([["a", 0], ["b", 500]]);
    r.done();
  });

  it("RateControl — a backlog — waits in its own inbox, where a bound makes the producer wait too", () => {
    const s = testScheduler();
    const limiter = new RateControl<number>(100);
    limiter.inboxes.inbox.setSize(2);
    const sink = new Collector<number>();
    const pipeline = new Pipeline(new DataSource([1, 2, 3, 4, 5, 6]), limiter, sink);
    pipeline.activate(s);
    runFor(s, 15);
    expect(limiter.dataReady()).to.be.at.most(2);
    expect(sink.collected).to.deep.equal([1, 2]);
    s.runThreads();
    expect(sink.collected).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(pipeline.isStopped()).to.equal(true);
  });

  it("RateControl — a new rate on its rate inbox — takes effect at once, the time already passed counting at the old rate", () => {
    const r = rig(() => new RateControl<string>(10));
    const tuner = new Feeder();
    tuner.link([tuner, "outbox"], [r.limiter, "rate"]);
    for (const m of ["a", "b", "c", "d"]) r.feeder.send(m);
    runFor(r.s, 150);
    tuner.send(2);
    runFor(r.s, 2000);
    // at 150 ms half a message has accrued at 10/s; the other half takes 250 ms at 2/s; then 500 ms each
    expect(r.stamps.collected.map((p) => p[1])).to.deep.equal([0, 100, 400, 900]);
    expect(r.limiter.messagesPerSecond).to.equal(2);
    tuner.stop();
    r.done();
  });

  it("RateControl — a rate that is not a positive number on its rate inbox — is ignored with a warning", () => {
    const r = rig(() => new RateControl<string>(10));
    const tuner = new Feeder();
    tuner.link([tuner, "outbox"], [r.limiter, "rate"]);
    tuner.send(0);
    tuner.send("fast" as unknown as number);
    runFor(r.s, 1);
    expect(r.limiter.messagesPerSecond).to.equal(10);
    expect(r.s.host.logged).to.have.length(2);
    expect(r.s.host.logged[0]).to.match(/^warn: RateControl_\d+ ignored a rate that is not a positive, finite number: 0$/);
    tuner.stop();
    r.done();
  });

  it("RateControl — producerFinished with a backlog — paces the backlog out, then forwards it and ends", () => {
    const r = rig(() => new RateControl<string>(10));
    for (const m of ["a", "b", "c"]) r.feeder.send(m);
    const finished = producerFinished();
    r.feeder.send(finished, "signal");
    runFor(r.s, 1000);
    expect(r.stamps.collected).to.deep.equal([["a", 0], ["b", 100], ["c", 200]]);
    expect(r.limiter.isStopped()).to.equal(true);
    expect(r.watcher.takeAll("control")).to.deep.equal([finished]);
    r.done();
  });

  it("RateControl — shutdownMicroprocess with a backlog — forwards it at once and leaves the backlog unsent", () => {
    const r = rig(() => new RateControl<string>(10));
    for (const m of ["a", "b", "c"]) r.feeder.send(m);
    runFor(r.s, 50);
    const stop = shutdownMicroprocess();
    r.feeder.send(stop, "signal");
    runFor(r.s, 1);
    expect(r.limiter.isStopped()).to.equal(true);
    expect(r.s.host.time).to.equal(50);
    expect(r.stamps.collected).to.deep.equal([["a", 0]]);
    expect(r.limiter.dataReady()).to.equal(2);
    expect(r.watcher.takeAll("control")).to.deep.equal([stop]);
    r.done();
  });

  it("RateControl — shutdownMicroprocess while pacing out after producerFinished — cuts it short", () => {
    const r = rig(() => new RateControl<string>(10));
    for (const m of ["a", "b", "c"]) r.feeder.send(m);
    r.feeder.send(producerFinished(), "signal");
    runFor(r.s, 150);
    const stop = shutdownMicroprocess();
    r.feeder.send(stop, "signal");
    runFor(r.s, 1000);
    expect(r.stamps.collected.map((p) => p[0])).to.deep.equal(["a", "b"]);
    expect(r.watcher.takeAll("control")).to.deep.equal([stop]);
    r.done();
  });

  it("RateControl — a zero, negative, infinite or non-number rate — throws an AxonError at construction", () => {
    for (const bad of [0, -1, Infinity, NaN, "10"]) {
      expect(() => new RateControl(bad as number)).to.throw(AxonError, /positive, finite rate in messages per second/);
    }
  });

  it("RateControl — a burst below 1 or not whole — throws an AxonError at construction", () => {
    expect(() => new RateControl(10, { burst: 0.5 })).to.throw(AxonError, /burst of a whole number of messages, at least 1/);
    expect(() => new RateControl(10, { burst: 2.5 })).to.throw(AxonError, /burst of a whole number of messages, at least 1/);
  });
});
