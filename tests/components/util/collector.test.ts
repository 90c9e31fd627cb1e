/**
 * Collector: keeps everything it receives in `collected`, and follows the shutdown convention.
 */
import { expect } from "chai";
import { Collector, DataSource, Pipeline, ProducerFinished, notify, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("Collector", () => {
  it("Collector — fed a stream — keeps every message in order", () => {
    const s = testScheduler();
    const sink = new Collector<string>();
    new Pipeline(new DataSource(["a", "b", "c"]), sink).run(s);
    expect(sink.collected).to.deep.equal(["a", "b", "c"]);
  });

  it("Collector — producerFinished after data — takes the data, forwards the message on signal and ends", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    const feeder = new Feeder().feeds(sink);
    const reader = new Feeder().reads(sink);
    const finished = producerFinished();
    feeder.send(1);
    feeder.send(2);
    feeder.send(finished, "signal");
    sink.run(s);
    expect(sink.collected).to.deep.equal([1, 2]);
    expect(reader.takeAll("control")).to.deep.equal([finished]);
    expect(sink.isStopped()).to.equal(true);
    feeder.stop();
    reader.stop();
  });

  it("Collector — shutdownMicroprocess after data — takes the data, forwards the message on signal and ends", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    const feeder = new Feeder().feeds(sink);
    const reader = new Feeder().reads(sink);
    const stop = shutdownMicroprocess();
    feeder.send(7);
    feeder.send(stop, "signal");
    sink.run(s);
    expect(sink.collected).to.deep.equal([7]);
    expect(reader.takeAll("control")).to.deep.equal([stop]);
    expect(sink.isStopped()).to.equal(true);
    feeder.stop();
    reader.stop();
  });

  it("Collector — a control message that is not a shutdown — is ignored and it keeps collecting", () => {
    const s = testScheduler();
    const sink = new Collector<number>();
    const feeder = new Feeder().feeds(sink);
    feeder.send(notify(null, "hello"), "signal");
    sink.activate(s);
    s.runThreads();
    expect(sink.isStopped()).to.equal(false);
    feeder.send(3);
    feeder.send(producerFinished(), "signal");
    s.runThreads();
    expect(sink.collected).to.deep.equal([3]);
    expect(sink.isStopped()).to.equal(true);
    feeder.stop();
  });

  it("Collector — at the end of a pipeline — passes the source's producerFinished out of the pipeline", () => {
    const s = testScheduler();
    const pipeline = new Pipeline(new DataSource([1]), new Collector());
    const reader = new Feeder().reads(pipeline);
    pipeline.run(s);
    const signals = reader.takeAll("control");
    expect(signals).to.have.length(1);
    expect(signals[0]).to.be.instanceOf(ProducerFinished);
    reader.stop();
  });
});
