import { expect } from "chai";
import { Pipeline } from "../../src/index";
import { ListSink, ListSource, Mapper } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

describe("smoke", () => {
  it("pipeline — three stages — delivers every item in order and ends", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    new Pipeline(new ListSource([1, 2, 3]), new Mapper((x: number) => x * 10), sink).run(s);
    expect(sink.items).to.deep.equal([10, 20, 30]);
    expect(s.listAllThreads()).to.have.length(0);
  });
});
