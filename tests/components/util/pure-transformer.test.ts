/**
 * PureTransformer: maps each message through a function; undefined sends nothing; drains before it
 * forwards a shutdown; holds back for a full destination; a throwing function crashes it alone.
 */
import { expect } from "chai";
import { AxonError, Collector, DataSource, Pipeline, PureTransformer, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("PureTransformer", () => {
  it("PureTransformer — in a pipeline — sends fn(message) for each message, in order", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    new Pipeline(new DataSource([1, 2, 3]), new PureTransformer((n: number) => n * 10), sink).run(s);
    expect(sink.collected).to.deep.equal([10, 20, 30]);
  });

  it("PureTransformer — fn returns undefined — sends nothing for that message", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    const evensHalved = new PureTransformer((n: number) => (n % 2 === 0 ? n / 2 : undefined));
    new Pipeline(new DataSource([1, 2, 3, 4]), evensHalved, sink).run(s);
    expect(sink.collected).to.deep.equal([1, 2]);
  });

  it("PureTransformer — fn returns null — sends null", () => {
    const s = testScheduler();
    const sink = new Collector<null>();
    new Pipeline(new DataSource([1]), new PureTransformer(() => null), sink).run(s);
    expect(sink.collected).to.deep.equal([null]);
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("PureTransformer — " + label + " sent after data — transforms all the data first, then forwards it and ends", () => {
      const s = testScheduler();
      const t = new PureTransformer((x: string) => x.toUpperCase());
      const feeder = new Feeder().feeds(t);
      const reader = new Feeder().reads(t);
      const message = make();
      feeder.send("a");
      feeder.send("b");
      feeder.send(message, "signal");
      t.run(s);
      expect(reader.takeAll()).to.deep.equal(["A", "B"]);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(t.isStopped()).to.equal(true);
      feeder.stop();
      reader.stop();
    });
  }

  it("PureTransformer — a full bounded destination — leaves the rest in its own inbox until there is room", () => {
    const s = testScheduler();
    const t = new PureTransformer((n: number) => n + 1);
    const feeder = new Feeder().feeds(t);
    const reader = new Feeder().reads(t);
    reader.inboxes.inbox.setSize(1);
    for (let i = 0; i < 4; i++) feeder.send(i);
    t.activate(s);
    s.runThreads();
    expect(t.dataReady()).to.equal(3);
    const got: unknown[] = [];
    while (!t.isStopped() && got.length < 4) {
      got.push(...reader.takeAll());
      s.runThreads();
    }
    expect(got).to.deep.equal([1, 2, 3, 4]);
    feeder.send(producerFinished(), "signal");
    s.runThreads();
    expect(t.isStopped()).to.equal(true);
    feeder.stop();
    reader.stop();
  });

  it("PureTransformer — fn throws — crashes with that error, reported, while the rest runs on", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    const boom = new Error("bad input");
    const t = new PureTransformer(() => {
      throw boom;
    });
    const sink = new Collector();
    const pipeline = new Pipeline(new DataSource([1]), t, sink);
    pipeline.activate(s);
    s.runThreads();
    expect(t.crashed).to.equal(true);
    expect(t.error).to.equal(boom);
    expect(errors).to.deep.equal([boom]);
    pipeline.stop();
    sink.stop();
  });

  it("PureTransformer — typed by its function — linking its number outbox to a string inbox is a compile error", () => {
    const doubler = new PureTransformer((n: number) => n * 2);
    const numbers = new Collector<number>();
    const strings = new Collector<string>();
    numbers.link([doubler, "outbox"], [numbers, "inbox"]);
    numbers.unlink();
    // @ts-expect-error a number outbox cannot feed a string inbox
    strings.link([doubler, "outbox"], [strings, "inbox"]);
    strings.unlink();
    expect(doubler.fn(21)).to.equal(42);
  });

  it("PureTransformer — given something that is not a function — throws an AxonError at construction", () => {
    expect(() => new PureTransformer(42 as unknown as () => number)).to.throw(AxonError, /needs a function/);
  });
});
