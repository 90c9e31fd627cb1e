/**
 * Graphline: named components wired by a readable linkage notation, passthroughs to and from its own
 * boxes, per-instance extra boxes, construction errors, shutdown forwarding and its final signal.
 */
import { expect } from "chai";
import { AxonError, Component, Graphline, ProducerFinished, ShutdownMicroprocess, shutdownMicroprocess } from "../../../src/index";
import { ListSink, ListSource, Mapper } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";

class Plain extends Component {
  static override Name = "Plain";
}

describe("Graphline", () => {
  it("a graph — source, two mappers and a sink — delivers through every linkage and ends", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    const g = new Graphline({
      SRC: new ListSource([1, 2]),
      ADD: new Mapper((x: number) => x + 1),
      MUL: new Mapper((x: number) => x * 10),
      SINK: sink,
      linkages: {
        "SRC.outbox": "ADD.inbox",
        "ADD.outbox": "MUL.inbox",
        "MUL.outbox": "SINK.inbox",
        "SRC.signal": "ADD.control",
        "ADD.signal": "MUL.control",
        "MUL.signal": "SINK.control",
      },
    });
    g.run(s);
    expect(sink.items).to.deep.equal([20, 30]);
    expect(g.isStopped()).to.equal(true);
  });

  it("linkages — given as an array of [name, box] pairs — wire the same graph", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    new Graphline({
      SRC: new ListSource([7]),
      SINK: sink,
      linkages: [
        [["SRC", "outbox"], ["SINK", "inbox"]],
        [["SRC", "signal"], ["SINK", "control"]],
      ],
    }).run(s);
    expect(sink.items).to.deep.equal([7]);
  });

  it("self passthroughs — self.inbox to a child, a child to self.outbox — make the graphline a component", () => {
    const s = testScheduler();
    const g = new Graphline({
      DOUBLE: new Mapper((x: number) => x * 2),
      linkages: { "self.inbox": "DOUBLE.inbox", "DOUBLE.outbox": "self.outbox", "self.control": "DOUBLE.control", "DOUBLE.signal": "self.signal" },
    });
    const feeder = new Plain();
    const drain = new ListSink<number>();
    feeder.link([feeder, "outbox"], [g, "inbox"]);
    feeder.link([feeder, "signal"], [g, "control"]);
    feeder.link([g, "outbox"], [drain, "inbox"]);
    feeder.link([g, "signal"], [drain, "control"]);
    feeder.send(4);
    feeder.send(shutdownMicroprocess(), "signal");
    g.activate(s);
    drain.activate(s);
    s.runThreads();
    expect(drain.items).to.deep.equal([8]);
    expect(g.isStopped() && drain.isStopped()).to.equal(true);
    feeder.stop();
  });

  it("a self box the class lacks — named in the linkages — is made for that instance only", () => {
    const s = testScheduler();
    const first = new Graphline({ M: new Mapper((x: number) => x), linkages: { "M.outbox": "self.results" } });
    const second = new Graphline({ M: new Mapper((x: number) => x), linkages: {} });
    expect(Object.keys(first.outboxes).sort()).to.deep.equal(["outbox", "results", "signal"]);
    expect(Object.keys(second.outboxes).sort()).to.deep.equal(["outbox", "signal"]);
    expect(Object.keys(Graphline.Outboxes).sort()).to.deep.equal(["outbox", "signal"]);
    first.activate(s);
    second.activate(s);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [first, "control"]);
    feeder.link([feeder, "signal"], [second, "control"]);
    feeder.send(shutdownMicroprocess());
    feeder.send(shutdownMicroprocess(), "signal");
    s.runThreads();
    expect(first.isStopped() && second.isStopped()).to.equal(true);
    feeder.stop();
  });

  it("a linkage — naming a component that is not there — throws at construction, listing the names", () => {
    expect(() => new Graphline({ A: new Plain(), linkages: { "B.outbox": "A.inbox" } })).to.throw(AxonError, /has no component 'B' \(it has A\)/);
  });

  it("a linkage — naming a box the component lacks — throws at construction, naming both", () => {
    expect(() => new Graphline({ A: new Plain(), B: new Plain(), linkages: { "A.outbx": "B.inbox" } })).to.throw(AxonError, /A\.outbx: Plain_\d+ has no outbox 'outbx'/);
  });

  it("a linkage end — without a dot — throws, showing the expected form", () => {
    expect(() => new Graphline({ A: new Plain(), linkages: { Aoutbox: "A.inbox" } })).to.throw(AxonError, /NAME\.box/);
  });

  it("a shutdown on control — with self.control unlinked — reaches every child whose control nothing feeds", () => {
    const s = testScheduler();
    const a = new ListSink<number>();
    const b = new ListSink<number>();
    const c = new ListSink<number>();
    const g = new Graphline({ A: a, B: b, C: c, linkages: { "A.signal": "C.control" } });
    const feeder = new Plain();
    feeder.link([feeder, "signal"], [g, "control"]);
    g.activate(s);
    s.runSlice();
    feeder.send(shutdownMicroprocess(), "signal");
    s.runThreads();
    expect(a.isStopped() && b.isStopped() && c.isStopped() && g.isStopped()).to.equal(true);
    feeder.stop();
  });

  it("the end — after a shutdown it received — sends that shutdown on signal", () => {
    const s = testScheduler();
    const g = new Graphline({ A: new ListSink<number>(), linkages: {} });
    const watcher = new Plain();
    watcher.link([watcher, "outbox"], [g, "control"]);
    watcher.link([g, "signal"], [watcher, "inbox"]);
    const message = shutdownMicroprocess();
    watcher.send(message);
    g.run(s);
    expect(watcher.recv()).to.equal(message);
    watcher.stop();
  });

  it("the end — when every child finished by itself — sends producerFinished on signal", () => {
    const s = testScheduler();
    const g = new Graphline({ SRC: new ListSource([1]), linkages: {} });
    const watcher = new Plain();
    watcher.link([g, "signal"], [watcher, "inbox"]);
    g.run(s);
    expect(watcher.recv()).to.be.instanceOf(ProducerFinished);
    watcher.stop();
  });

  it("the end — with self.signal linked from a child — sends nothing more of its own", () => {
    const s = testScheduler();
    const g = new Graphline({ SRC: new ListSource([1]), linkages: { "SRC.signal": "self.signal" } });
    const watcher = new Plain();
    watcher.link([g, "signal"], [watcher, "inbox"]);
    g.run(s);
    expect(watcher.dataReady()).to.equal(1);
    expect(watcher.recv()).to.be.instanceOf(ProducerFinished);
    watcher.stop();
  });

  it("a graphline — as text — names each child", () => {
    const g = new Graphline({ READ: new Plain(), SEND: new Plain(), linkages: {} });
    expect(String(g)).to.match(/^Graphline_\d+\(READ=Plain_\d+, SEND=Plain_\d+\)$/);
    for (const name of ["READ", "SEND"]) g.components[name].stop();
    g.stop();
  });

  it("'self' — used as a component name — throws", () => {
    expect(() => new Graphline({ self: new Plain(), linkages: {} })).to.throw(AxonError, /'self' names the graphline itself/);
  });

  it("a shutdownMicroprocess — from outside through control — ends a looping graph too", () => {
    const s = testScheduler();
    const m = new Mapper((x: number) => x);
    const g = new Graphline({ M: m, linkages: {} });
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [g, "control"]);
    g.activate(s);
    s.runSlice();
    feeder.send(new ShutdownMicroprocess());
    s.runThreads();
    expect(m.isStopped()).to.equal(true);
    feeder.stop();
  });
});
