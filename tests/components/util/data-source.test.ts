/**
 * DataSource: sends its items then producerFinished; respects a full destination; stops at once on
 * shutdownMicroprocess, finishes first on producerFinished; rejects what is not an array.
 */
import { expect } from "chai";
import { AxonError, Collector, DataSource, Pipeline, ProducerFinished, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("DataSource", () => {
  it("DataSource — run — sends each item in order, then producerFinished from itself on signal", () => {
    const s = testScheduler();
    const source = new DataSource(["x", "y", "z"]);
    const reader = new Feeder().reads(source);
    source.run(s);
    expect(reader.takeAll()).to.deep.equal(["x", "y", "z"]);
    const signals = reader.takeAll("control");
    expect(signals).to.have.length(1);
    expect(signals[0]).to.be.instanceOf(ProducerFinished);
    expect((signals[0] as ProducerFinished).caller).to.equal(source);
    reader.stop();
  });

  it("DataSource — an empty list — sends only producerFinished", () => {
    const s = testScheduler();
    const source = new DataSource([]);
    const reader = new Feeder().reads(source);
    source.run(s);
    expect(reader.takeAll()).to.deep.equal([]);
    expect(reader.takeAll("control")).to.have.length(1);
    reader.stop();
  });

  it("DataSource — the caller's array changed after construction — sends the items as they were", () => {
    const s = testScheduler();
    const items = [1, 2];
    const sink = new Collector();
    const source = new DataSource(items);
    items.push(3);
    new Pipeline(source, sink).run(s);
    expect(sink.collected).to.deep.equal([1, 2]);
  });

  it("DataSource — a bounded destination that fills — waits for the consumer and loses nothing", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    sink.inboxes.inbox.setSize(2);
    new Pipeline(new DataSource([1, 2, 3, 4, 5, 6, 7]), sink).run(s);
    expect(sink.collected).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
  });

  it("DataSource — shutdownMicroprocess while held back by a full destination — forwards it at once and sends no more", () => {
    const s = testScheduler();
    const source = new DataSource([1, 2, 3, 4]);
    const reader = new Feeder().reads(source);
    reader.inboxes.inbox.setSize(2);
    const feeder = new Feeder().feeds(source);
    source.activate(s);
    s.runThreads(); // 1 and 2 delivered, the source waits for room
    const stop = shutdownMicroprocess();
    feeder.send(stop, "signal");
    s.runThreads();
    expect(source.isStopped()).to.equal(true);
    expect(reader.takeAll()).to.deep.equal([1, 2]);
    expect(reader.takeAll("control")).to.deep.equal([stop]);
    feeder.stop();
    reader.stop();
  });

  it("DataSource — producerFinished on control while held back — sends the rest, then forwards that message", () => {
    const s = testScheduler();
    const source = new DataSource([1, 2, 3, 4]);
    const reader = new Feeder().reads(source);
    reader.inboxes.inbox.setSize(2);
    const feeder = new Feeder().feeds(source);
    source.activate(s);
    s.runThreads();
    const upstreamFinished = producerFinished("upstream");
    feeder.send(upstreamFinished, "signal");
    s.runThreads();
    expect(source.isStopped()).to.equal(false);
    const got = reader.takeAll();
    s.runThreads();
    got.push(...reader.takeAll());
    expect(got).to.deep.equal([1, 2, 3, 4]);
    expect(source.isStopped()).to.equal(true);
    expect(reader.takeAll("control")).to.deep.equal([upstreamFinished]);
    feeder.stop();
    reader.stop();
  });

  it("DataSource — given something that is not an array — throws an AxonError at construction", () => {
    expect(() => new DataSource("abc" as unknown as string[])).to.throw(AxonError, /array of items/);
  });
});
