/**
 * Filter: passes the messages its predicate accepts, drops the rest, and follows the shutdown convention.
 */
import { expect } from "chai";
import { AxonError, Collector, DataSource, Filter, Pipeline, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("Filter", () => {
  it("Filter — a predicate — passes the messages it accepts, unchanged and in order, and drops the rest", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    new Pipeline(new DataSource([1, 2, 3, 4, 5, 6]), new Filter((n: number) => n % 3 !== 0), sink).run(s);
    expect(sink.collected).to.deep.equal([1, 2, 4, 5]);
  });

  it("Filter — a predicate returning truthy values — treats them as accepted", () => {
    const s = testScheduler();
    const sink = new Collector<string>();
    new Pipeline(new DataSource(["", "a", "", "b"]), new Filter((text: string) => text.length), sink).run(s);
    expect(sink.collected).to.deep.equal(["a", "b"]);
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Filter — " + label + " sent after data — filters all the data first, then forwards it and ends", () => {
      const s = testScheduler();
      const f = new Filter((n: number) => n > 1);
      const feeder = new Feeder().feeds(f);
      const reader = new Feeder().reads(f);
      const message = make();
      feeder.send(1);
      feeder.send(2);
      feeder.send(3);
      feeder.send(message, "signal");
      f.run(s);
      expect(reader.takeAll()).to.deep.equal([2, 3]);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(f.isStopped()).to.equal(true);
      feeder.stop();
      reader.stop();
    });
  }

  it("Filter — given something that is not a function — throws an AxonError at construction", () => {
    expect(() => new Filter({ filter: () => true } as unknown as () => boolean)).to.throw(AxonError, /predicate function/);
  });
});
