/**
 * The shutdown convention through a Pipeline: a finish message arrives on control, is forwarded on signal,
 * and the component ends — so one message ends a whole chain, and the pipeline ends after its children.
 */
import { expect } from "chai";
import { Component, Pipeline, ProducerFinished, ShutdownMicroprocess, shutdownMicroprocess } from "../../src/index";
import { ListSink, ListSource, Mapper } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

class Plain extends Component {
  static override Name = "Plain";
}

describe("shutdown cascade", () => {
  it("producerFinished — from a pipeline's first child — ends every child, then the pipeline", () => {
    const s = testScheduler();
    const order: string[] = [];
    s.hooks.onFinish = (who) => order.push(who.name.split("_")[0]);
    const sink = new ListSink<string>();
    const pipeline = new Pipeline(new ListSource(["a", "b"]), new Mapper((x: string) => x + "!"), sink);
    pipeline.run(s);
    expect(sink.items).to.deep.equal(["a!", "b!"]);
    expect(order).to.deep.equal(["ListSource", "Mapper", "ListSink", "Pipeline"]);
  });

  it("producerFinished — reaching the pipeline's last child — comes out of the pipeline's signal", () => {
    const s = testScheduler();
    const watcher = new Plain();
    const pipeline = new Pipeline(new ListSource([1]), new Mapper((x: number) => x));
    watcher.link([pipeline, "signal"], [watcher, "control"]);
    watcher.link([pipeline, "outbox"], [watcher, "inbox"]);
    pipeline.run(s);
    expect(watcher.recv()).to.equal(1);
    const finished = watcher.recv("control");
    expect(finished).to.be.instanceOf(ProducerFinished);
    watcher.stop();
  });

  it("shutdownMicroprocess — sent to a pipeline's control — reaches the first child and ends the chain", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    const pipeline = new Pipeline(new Mapper((x: number) => x * 2), sink);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [pipeline, "inbox"]);
    feeder.link([feeder, "signal"], [pipeline, "control"]);
    pipeline.activate(s);
    feeder.send(21);
    feeder.send(shutdownMicroprocess(), "signal");
    s.runThreads();
    expect(sink.items).to.deep.equal([42]);
    expect(pipeline.isStopped()).to.equal(true);
    feeder.stop();
  });

  it("data sent into a pipeline — before it has linked its children — is delivered once it does", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    const pipeline = new Pipeline(new Mapper((x: number) => x + 1), sink);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [pipeline, "inbox"]);
    feeder.link([feeder, "signal"], [pipeline, "control"]);
    feeder.send(1);
    feeder.send(new ShutdownMicroprocess(), "signal");
    pipeline.run(s);
    expect(sink.items).to.deep.equal([2]);
    feeder.stop();
  });

  it("nested pipelines — a pipeline inside a pipeline — pass data and shutdown straight through", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    const inner = new Pipeline(new Mapper((x: number) => x + 1), new Mapper((x: number) => x * 10));
    new Pipeline(new ListSource([1, 2, 3]), inner, sink).run(s);
    expect(sink.items).to.deep.equal([20, 30, 40]);
    expect(inner.isStopped()).to.equal(true);
  });

  it("a pipeline — as text — reads like the graph", () => {
    const p = new Pipeline(new Plain(), new Plain());
    expect(String(p)).to.match(/^Pipeline_\d+\(Plain_\d+ -> Plain_\d+\)$/);
    for (const c of p.components) c.stop();
    p.stop();
  });
});
