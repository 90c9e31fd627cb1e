/**
 * Splitter: sinks added and removed at run time with addsink/removesink on `configuration`; each sink gets
 * what is sent after it was added; removal leaves no outbox or linkage; ended sinks are dropped; bad
 * requests are logged and ignored; its shutdown reaches every sink control.
 */
import { expect } from "chai";
import { Ipc, Splitter, addsink, liveLinkageCount, producerFinished, removesink, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

/** The splitter's outbox names beyond outbox and signal: one per sink, one per sink control. */
function sinkOutboxes(splitter: Splitter): string[] {
  return Object.keys(splitter.outboxes).filter((name) => name !== "outbox" && name !== "signal");
}

/** A splitter with a feeder on its inbox and control and one on its configuration. */
function rig() {
  const s = testScheduler();
  const splitter = new Splitter<number>();
  const data = new Feeder().feeds(splitter);
  const config = new Feeder();
  config.link([config, "outbox"], [splitter, "configuration"]);
  splitter.activate(s);
  return { s, splitter, data, config, done: () => [splitter, data, config].forEach((c) => c.stop()) };
}

describe("Splitter", () => {
  it("addsink, removesink — called with or without new — are Ipc messages with Kamaelia's defaults", () => {
    const sink = new Feeder();
    const a = addsink(sink);
    const b = new removesink(sink, "control", "inbox");
    expect(a).to.be.instanceOf(addsink);
    expect(a).to.be.instanceOf(Ipc);
    expect([a.sink, a.sinkbox, a.sinkcontrol]).to.deep.equal([sink, "inbox", null]);
    expect(b).to.be.instanceOf(removesink);
    expect(b).not.to.be.instanceOf(addsink);
    expect([b.sinkbox, b.sinkcontrol]).to.deep.equal(["control", "inbox"]);
  });

  it("Splitter — two sinks added — both get every message sent after, in order", () => {
    const { s, data, config, done } = rig();
    const one = new Feeder();
    const two = new Feeder();
    config.send(addsink(one));
    config.send(addsink(two));
    data.send(1);
    data.send(2);
    s.runThreads();
    expect(one.takeAll()).to.deep.equal([1, 2]);
    expect(two.takeAll()).to.deep.equal([1, 2]);
    done();
    one.stop();
    two.stop();
  });

  it("Splitter — a sink added later — gets only what is sent after it was added", () => {
    const { s, data, config, done } = rig();
    const early = new Feeder();
    const late = new Feeder();
    config.send(addsink(early));
    data.send(1);
    s.runThreads();
    config.send(addsink(late));
    data.send(2);
    s.runThreads();
    expect(early.takeAll()).to.deep.equal([1, 2]);
    expect(late.takeAll()).to.deep.equal([2]);
    done();
    early.stop();
    late.stop();
  });

  it("Splitter — removesink — stops sending there and deletes the sink's outboxes and linkages", () => {
    const { s, splitter, data, config, done } = rig();
    const sink = new Feeder();
    const linkagesBefore = liveLinkageCount();
    config.send(addsink(sink, "inbox", "control"));
    s.runThreads();
    expect(sinkOutboxes(splitter)).to.have.length(2);
    expect(liveLinkageCount()).to.equal(linkagesBefore + 2);
    config.send(removesink(sink, "inbox", "control"));
    data.send(1);
    s.runThreads();
    expect(sink.takeAll()).to.deep.equal([]);
    expect(sinkOutboxes(splitter)).to.deep.equal([]);
    expect(liveLinkageCount()).to.equal(linkagesBefore);
    done();
    sink.stop();
  });

  it("Splitter — one component added on two different inboxes — gets each message on both", () => {
    const { s, data, config, done } = rig();
    const sink = new Feeder();
    config.send(addsink(sink, "inbox"));
    config.send(addsink(sink, "control"));
    data.send(5);
    s.runThreads();
    expect(sink.takeAll()).to.deep.equal([5]);
    expect(sink.takeAll("control")).to.deep.equal([5]);
    done();
    sink.stop();
  });

  it("Splitter — the same sink and inbox added twice — is attached once", () => {
    const { s, splitter, data, config, done } = rig();
    const sink = new Feeder();
    config.send(addsink(sink));
    config.send(addsink(sink));
    data.send(1);
    s.runThreads();
    expect(sink.takeAll()).to.deep.equal([1]);
    expect(sinkOutboxes(splitter)).to.have.length(1);
    done();
    sink.stop();
  });

  it("Splitter — removesink for a sink that is not attached — is ignored", () => {
    const { s, splitter, config, done } = rig();
    config.send(removesink(new Feeder()));
    s.runThreads();
    expect(splitter.isRunning()).to.equal(true);
    expect(s.host.logged).to.deep.equal([]);
    done();
  });

  it("Splitter — addsink naming an inbox the sink lacks — is ignored with a warning in the host's log", () => {
    const { s, splitter, config, done } = rig();
    const sink = new Feeder();
    config.send(addsink(sink, "nosuchbox"));
    s.runThreads();
    expect(sinkOutboxes(splitter)).to.deep.equal([]);
    expect(s.host.logged).to.have.length(1);
    expect(s.host.logged[0]).to.match(/^warn: Splitter_\d+ ignored addsink for Feeder_\d+: it has no inbox 'nosuchbox'/);
    done();
    sink.stop();
  });

  it("Splitter — a configuration message that is not a sink request — is ignored with a warning", () => {
    const { s, splitter, config, done } = rig();
    config.send("add me");
    s.runThreads();
    expect(splitter.isRunning()).to.equal(true);
    expect(s.host.logged[0]).to.match(/neither addsink nor removesink: add me/);
    done();
  });

  it("Splitter — a sink that has ended without removesink — is removed before the next message", () => {
    const { s, splitter, data, config, done } = rig();
    const sink = new Feeder();
    const live = new Feeder();
    config.send(addsink(sink));
    config.send(addsink(live));
    s.runThreads();
    sink.stop();
    data.send(1);
    s.runThreads();
    expect(sinkOutboxes(splitter)).to.have.length(1);
    expect(live.takeAll()).to.deep.equal([1]);
    done();
    live.stop();
  });

  it("Splitter — one sink bounded and full — holds the next message back from every sink until it has room", () => {
    const { s, splitter, data, config, done } = rig();
    const slow = new Feeder();
    slow.inboxes.inbox.setSize(1);
    const fast = new Feeder();
    config.send(addsink(slow));
    config.send(addsink(fast));
    data.send(1);
    data.send(2);
    s.runThreads();
    expect(fast.takeAll()).to.deep.equal([1]);
    expect(splitter.dataReady()).to.equal(1);
    expect(slow.takeAll()).to.deep.equal([1]);
    s.runThreads();
    expect(fast.takeAll()).to.deep.equal([2]);
    expect(slow.takeAll()).to.deep.equal([2]);
    done();
    slow.stop();
    fast.stop();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Splitter — " + label + " on control — sends pending data, passes it to every sink control and on signal, and ends", () => {
      const { s, splitter, data, config, done } = rig();
      const withControl = new Feeder();
      const withoutControl = new Feeder();
      const watcher = new Feeder();
      watcher.link([splitter, "signal"], [watcher, "control"]);
      config.send(addsink(withControl, "inbox", "control"));
      config.send(addsink(withoutControl));
      s.runThreads();
      const message = make();
      data.send(9);
      data.send(message, "signal");
      s.runThreads();
      expect(splitter.isStopped()).to.equal(true);
      expect(withControl.takeAll()).to.deep.equal([9]);
      expect(withoutControl.takeAll()).to.deep.equal([9]);
      expect(withControl.takeAll("control")).to.deep.equal([message]);
      expect(withoutControl.takeAll("control")).to.deep.equal([]);
      expect(watcher.takeAll("control")).to.deep.equal([message]);
      done();
      for (const c of [withControl, withoutControl, watcher]) c.stop();
    });
  }
});
