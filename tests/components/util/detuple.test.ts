/**
 * Detuple: sends one element of each array; a negative index counts from the end; a message that is not
 * an array, or too short, crashes it with a clear error; a bad index is refused at construction.
 */
import { expect } from "chai";
import { AxonError, Collector, DataSource, Detuple, Pipeline, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("Detuple", () => {
  it("Detuple — an index — sends that element of each array", () => {
    const s = testScheduler();
    const sink = new Collector();
    new Pipeline(new DataSource([["a", 1], ["b", 2]]), new Detuple(1), sink).run(s);
    expect(sink.collected).to.deep.equal([1, 2]);
  });

  it("Detuple — a negative index — counts from the end, as in Python", () => {
    const s = testScheduler();
    const sink = new Collector();
    new Pipeline(new DataSource([[1, 2, 3], [4, 5]]), new Detuple(-1), sink).run(s);
    expect(sink.collected).to.deep.equal([3, 5]);
  });

  it("Detuple — a message that is not an array — crashes with an AxonError naming itself and what it got", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    const d = new Detuple(0);
    const feeder = new Feeder().feeds(d);
    feeder.send("not a tuple");
    d.activate(s);
    s.runThreads();
    expect(d.crashed).to.equal(true);
    expect(d.error).to.be.instanceOf(AxonError);
    expect((d.error as Error).message).to.match(/^Detuple_\d+ received the string "not a tuple", not an array/);
    expect(errors).to.have.length(1);
    feeder.stop();
  });

  it("Detuple — an array with no element at the index — crashes with an AxonError saying so", () => {
    const s = testScheduler({ onError: () => undefined });
    const d = new Detuple(2);
    const feeder = new Feeder().feeds(d);
    feeder.send([1, 2]);
    d.activate(s);
    s.runThreads();
    expect(d.crashed).to.equal(true);
    expect((d.error as Error).message).to.match(/array of length 2, which has no element 2/);
    feeder.stop();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Detuple — " + label + " sent after data — sends all the elements first, then forwards it and ends", () => {
      const s = testScheduler();
      const d = new Detuple(0);
      const feeder = new Feeder().feeds(d);
      const reader = new Feeder().reads(d);
      const message = make();
      feeder.send(["p", 0]);
      feeder.send(["q", 0]);
      feeder.send(message, "signal");
      d.run(s);
      expect(reader.takeAll()).to.deep.equal(["p", "q"]);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(d.isStopped()).to.equal(true);
      feeder.stop();
      reader.stop();
    });
  }

  it("Detuple — an index that is not a whole number — throws an AxonError at construction", () => {
    expect(() => new Detuple(1.5)).to.throw(AxonError, /whole-number index/);
    expect(() => new Detuple(NaN)).to.throw(AxonError, /whole-number index/);
    expect(() => new Detuple("0" as unknown as number)).to.throw(AxonError, /whole-number index/);
  });
});
