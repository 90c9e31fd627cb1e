import { expect } from "chai";
import { Component, Introspector, Pipeline, producerFinished, shutdownMicroprocess } from "../../../src/index";
import type { GraphUpdate, MainLoop } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";

class Idle extends Component {
  static override Name = "Idle";
  override *main(): MainLoop {
    for (;;) {
      this.pause();
      yield 1;
    }
  }
}

/** Ends after `ms` on the host clock. */
class Finite extends Component {
  static override Name = "Finite";
  constructor(private readonly ms: number) {
    super();
  }
  override *main(): MainLoop {
    const end = this.now() + this.ms;
    while (this.now() < end) {
      this.pauseFor(end - this.now());
      yield 1;
    }
  }
}

/** Take every update the Introspector sent, from its (unlinked) outbox. */
function updates(i: Introspector): GraphUpdate[] {
  const got: GraphUpdate[] = [];
  while (i.outboxes.outbox.dataReady() > 0) got.push(i.outboxes.outbox.pop());
  return got;
}

describe("Introspector", () => {
  it("Introspector — first look — reports every component, itself included, as DEL ALL then ADD commands", () => {
    const s = testScheduler();
    const a = new Idle();
    const b = new Idle();
    const p = new Pipeline(a, b);
    p.activate(s);
    s.runSlice(10); // let the pipeline link its children
    const i = new Introspector().activate(s);
    s.runSlice(10);
    const [first, ...rest] = updates(i);
    expect(rest).to.have.length(0);
    expect(first.snapshot.nodes.map((n) => n.id)).to.deep.equal([a.id, b.id, p.id, i.id]);
    expect(first.snapshot.links).to.have.length(6); // 2 between the children, 4 passthroughs
    expect(first.events.filter((e) => e.kind === "ADD NODE")).to.have.length(4);
    expect(first.events.filter((e) => e.kind === "ADD LINK")).to.have.length(6);
    expect(first.text.indexOf("DEL ALL\n")).to.equal(0);
    expect(first.text).to.contain("ADD NODE " + i.id + " " + i.name + " randompos component\n");
    expect(String(first)).to.equal(first.text);
    s.stop();
  });

  it("Introspector — a component ends between looks — reports DEL LINK and DEL NODE events on its next look", () => {
    const s = testScheduler();
    const a = new Idle();
    const f = new Finite(1500);
    new Pipeline(a, f).activate(s);
    s.runSlice(10);
    const i = new Introspector(1000).activate(s);
    s.runSlice(10);
    expect(updates(i)).to.have.length(1);
    s.host.advance(1000);
    s.runSlice(10);
    expect(updates(i), "nothing changed at 1000 ms: no report").to.have.length(0);
    s.host.advance(500); // Finite ends at 1500 and the pipeline removes it; the Introspector sleeps on
    s.runSlice(10);
    expect(updates(i)).to.have.length(0);
    s.host.advance(500);
    s.runSlice(10);
    const [second, ...rest] = updates(i);
    expect(rest).to.have.length(0);
    expect(second.events.map((e) => e.kind)).to.deep.equal(["DEL LINK", "DEL LINK", "DEL LINK", "DEL LINK", "DEL NODE"]);
    expect((second.events[4] as { node: { id: number } }).node.id).to.equal(f.id);
    expect(second.text.indexOf("DEL ALL")).to.equal(-1);
    expect(second.text).to.contain("DEL NODE " + f.id + "\n");
    expect(second.snapshot.nodes.map((n) => n.id)).to.not.include(f.id);
    s.stop();
  });

  it("Introspector — a component added between looks — reports ADD NODE with its boxes", () => {
    const s = testScheduler();
    const i = new Introspector(500).activate(s);
    s.runSlice(10);
    updates(i);
    const late = new Idle().activate(s);
    s.host.advance(500);
    s.runSlice(10);
    const [update] = updates(i);
    expect(update.events).to.have.length(1);
    expect(update.events[0].kind).to.equal("ADD NODE");
    expect(update.text).to.equal(
      "ADD NODE " + late.id + " " + late.name + " randompos component\n" +
        ["in.inbox inbox randompos inbox", "in.control control randompos inbox", "out.outbox outbox randompos outbox", "out.signal signal randompos outbox"]
          .map((box) => {
            const [id, ...rest] = box.split(" ");
            return "ADD NODE " + late.id + "." + id + " " + rest.join(" ") + "\nADD LINK " + late.id + " " + late.id + "." + id + "\n";
          })
          .join(""),
    );
    s.stop();
  });

  it("Introspector — a message on inbox — sends a full report again at once", () => {
    const s = testScheduler();
    const i = new Introspector().activate(s);
    s.runSlice(10);
    expect(updates(i)).to.have.length(1);
    i.inboxes.inbox.push("new viewer");
    s.runSlice(10);
    const [again] = updates(i);
    expect(again.text.indexOf("DEL ALL\nADD NODE " + i.id)).to.equal(0);
    s.stop();
  });

  it("Introspector — polling — looks again only when its interval is up on the host clock", () => {
    const s = testScheduler();
    const i = new Introspector(250).activate(s);
    s.runSlice(10);
    updates(i);
    const late = new Idle();
    late.activate(s);
    s.host.advance(249);
    s.runSlice(10);
    expect(updates(i)).to.have.length(0);
    s.host.advance(1);
    s.runSlice(10);
    expect(updates(i)).to.have.length(1);
    expect(i.intervalMs).to.equal(250);
    expect(new Introspector().intervalMs).to.equal(1000);
    s.stop();
  });

  it("Introspector — producerFinished or shutdownMicroprocess on control — forwards it on signal and ends", () => {
    for (const message of [producerFinished(), shutdownMicroprocess()]) {
      const s = testScheduler();
      const i = new Introspector().activate(s);
      s.runSlice(10);
      i.inboxes.control.push(message);
      s.runThreads();
      expect(i.isStopped()).to.equal(true);
      expect(i.outboxes.signal.pop()).to.equal(message);
      expect(s.listAllThreads()).to.have.length(0);
    }
  });

  it("Introspector — linked to a consumer — delivers GraphUpdates like any outbox", () => {
    const s = testScheduler();
    const seen: GraphUpdate[] = [];
    class Viewer extends Component {
      static override Name = "Viewer";
      override *main(): MainLoop {
        for (;;) {
          while (this.dataReady()) seen.push(this.recv());
          if (this.dataReady("control")) return;
          this.pause();
          yield 1;
        }
      }
    }
    const i = new Introspector();
    const v = new Viewer();
    const p = new Pipeline(i, v);
    p.activate(s);
    s.runSlice(20);
    expect(seen).to.have.length.greaterThan(0);
    const names = seen[seen.length - 1].snapshot.nodes.map((n) => n.name);
    expect(names).to.include(i.name);
    expect(names).to.include(v.name);
    expect(names).to.include(p.name);
    p.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
    expect(s.listAllThreads()).to.have.length(0);
  });
});
