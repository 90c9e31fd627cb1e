import { expect } from "chai";
import { AdaptiveCommsComponent, Component, Microprocess, Pipeline, diffGraphs, graphEventsText, snapshotGraph } from "../../../src/index";
import type { GraphSnapshot, MainLoop } from "../../../src/index";
import { ListSink, Mapper } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";

/** Waits for ever (until stopped). */
class Idle extends Component {
  static override Name = "Idle";
  override *main(): MainLoop {
    for (;;) {
      this.pause();
      yield 1;
    }
  }
}

class Ticks extends Microprocess {
  static override Name = "Ticks";
  override *main(): MainLoop {
    for (;;) {
      this.pauseFor(1000);
      yield 1;
    }
  }
}

const EMPTY: GraphSnapshot = { time: 0, nodes: [], links: [] };

function linkStrings(g: GraphSnapshot): string[] {
  const name = (id: number) => g.nodes.filter((n) => n.id === id)[0].name.replace(/_\d+$/, "");
  return g.links.map((l) => name(l.source) + "." + l.sourceBox + " -" + l.passthrough + "-> " + name(l.sink) + "." + l.sinkBox);
}

describe("snapshotGraph", () => {
  it("snapshotGraph — a running Pipeline of three — shows each component, its parent, boxes and all eight linkages", () => {
    const s = testScheduler();
    const a = new Idle();
    const b = new Mapper((x: number) => x);
    const c = new ListSink<number>();
    const p = new Pipeline(a, b, c);
    p.activate(s);
    s.runThreads();
    const g = snapshotGraph(s);
    expect(g.nodes.map((n) => n.id)).to.deep.equal([a.id, b.id, c.id, p.id]);
    expect(g.nodes.map((n) => n.parent)).to.deep.equal([p.id, p.id, p.id, null]);
    for (const n of g.nodes) {
      expect(n.isComponent).to.equal(true);
      expect(n.inboxes.map((x) => x.name)).to.deep.equal(["inbox", "control"]);
      expect(n.outboxes.map((x) => x.name)).to.deep.equal(["outbox", "signal"]);
    }
    expect(g.nodes[2].inboxes[0].description).to.equal("items to keep"); // ListSink's own table
    expect(linkStrings(g)).to.deep.equal([
      "Idle.outbox -0-> Mapper.inbox",
      "Idle.signal -0-> Mapper.control",
      "Mapper.outbox -0-> ListSink.inbox",
      "Mapper.signal -0-> ListSink.control",
      "Pipeline.inbox -1-> Idle.inbox",
      "Pipeline.control -1-> Idle.control",
      "ListSink.outbox -2-> Pipeline.outbox",
      "ListSink.signal -2-> Pipeline.signal",
    ]);
    expect(g.links.every((l) => l.owner === p.id)).to.equal(true);
    s.stop();
  });

  it("snapshotGraph — a plain Microprocess — appears as a node without boxes", () => {
    const s = testScheduler();
    const t = new Ticks().activate(s);
    s.runSlice(10);
    const g = snapshotGraph(s);
    expect(g.nodes).to.deep.equal([{ id: t.id, name: t.name, parent: null, isComponent: false, state: "paused", inboxes: [], outboxes: [] }]);
    expect(g.links).to.deep.equal([]);
    s.stop();
  });

  it("snapshotGraph — adaptive boxes with any names — lists standard boxes first, the rest by name, without descriptions", () => {
    const s = testScheduler();
    const c = new AdaptiveCommsComponent();
    c.addInbox("zeta");
    c.addInbox("__proto__");
    c.addOutbox("a b <c>");
    c.activate(s);
    const g = snapshotGraph(s);
    expect(g.nodes[0].inboxes.map((b) => b.name)).to.deep.equal(["inbox", "control", "__proto__", "zeta"]);
    expect(g.nodes[0].outboxes.map((b) => [b.name, b.description])).to.deep.equal([
      ["outbox", "results"],
      ["signal", "shutdown messages, passed on at the end"],
      ["a b <c>", ""],
    ]);
    s.stop();
  });

  it("snapshotGraph — messages waiting and components not yet activated — counts them and finds them through linkages", () => {
    const s = testScheduler();
    const owner = new Idle();
    const parked = new Idle(); // never activated, only linked to
    owner.addChildren(parked);
    owner.link([owner, "outbox"], [parked, "inbox"]);
    owner.activate(s);
    owner.send("one");
    owner.send("two");
    const g = snapshotGraph(s);
    expect(g.nodes.map((n) => [n.name, n.state, n.parent])).to.deep.equal([
      [owner.name, "running", null],
      [parked.name, "inactive", owner.id],
    ]);
    expect(g.nodes[1].inboxes[0].waiting).to.equal(2);
    expect(g.time).to.equal(s.now());
    s.stop();
    parked.stop();
  });

  it("snapshotGraph — an empty scheduler — is empty", () => {
    const s = testScheduler();
    expect(snapshotGraph(s)).to.deep.equal({ time: 0, nodes: [], links: [] });
  });
});

describe("diffGraphs", () => {
  it("diffGraphs — from nothing — adds every node, then every link", () => {
    const s = testScheduler();
    const p = new Pipeline(new Idle(), new Idle());
    p.activate(s);
    s.runSlice(10);
    const g = snapshotGraph(s);
    const events = diffGraphs(EMPTY, g);
    expect(events.map((e) => e.kind)).to.deep.equal(["ADD NODE", "ADD NODE", "ADD NODE"].concat(g.links.map(() => "ADD LINK")));
    expect(diffGraphs(g, g)).to.deep.equal([]);
    s.stop();
  });

  it("diffGraphs — a component ends — deletes its linkages before the node, and ignores state changes", () => {
    const s = testScheduler();
    const a = new Idle();
    const b = new Idle();
    const c = new Idle();
    const p = new Pipeline(a, b, c);
    p.activate(s);
    s.runSlice(10);
    const before = snapshotGraph(s);
    c.stop(); // the pipeline removes it from its children and unlinks it
    s.runSlice(10);
    const after = snapshotGraph(s);
    const events = diffGraphs(before, after);
    expect(events.map((e) => e.kind)).to.deep.equal(["DEL LINK", "DEL LINK", "DEL LINK", "DEL LINK", "DEL NODE"]);
    const deleted = events[4] as { node: { id: number } };
    expect(deleted.node.id).to.equal(c.id);
    s.stop();
  });

  it("diffGraphs — an adaptive component gains and loses boxes — reports ADD BOX and DEL BOX", () => {
    const s = testScheduler();
    const c = new AdaptiveCommsComponent();
    const first = c.addInbox("first");
    c.activate(s);
    const before = snapshotGraph(s);
    c.deleteInbox(first);
    c.addOutbox("second");
    const events = diffGraphs(before, snapshotGraph(s));
    expect(events.map((e) => [e.kind, (e as { box: string }).box, (e as { inbox: boolean }).inbox])).to.deep.equal([
      ["DEL BOX", "first", true],
      ["ADD BOX", "second", false],
    ]);
    expect(graphEventsText(events)).to.equal(
      "DEL LINK " + c.id + " " + c.id + ".in.first\nDEL NODE " + c.id + ".in.first\n" +
        "ADD NODE " + c.id + ".out.second second randompos outbox\nADD LINK " + c.id + " " + c.id + ".out.second\n",
    );
    s.stop();
  });
});

describe("graphEventsText", () => {
  it("graphEventsText — a pipeline added — reads as Kamaelia's ADD NODE and ADD LINK commands", () => {
    const s = testScheduler();
    const a = new Idle();
    const b = new Idle();
    new Pipeline(a, b).activate(s);
    s.runSlice(10);
    const text = graphEventsText(diffGraphs(EMPTY, snapshotGraph(s)));
    const lines = text.split("\n");
    expect(lines[lines.length - 1]).to.equal(""); // every line ends in \n
    expect(lines).to.include("ADD NODE " + a.id + " " + a.name + " randompos component");
    expect(lines).to.include("ADD NODE " + a.id + ".in.inbox inbox randompos inbox");
    expect(lines).to.include("ADD LINK " + a.id + " " + a.id + ".out.signal");
    expect(lines).to.include("ADD LINK " + a.id + ".out.outbox " + b.id + ".in.inbox");
    expect(text.indexOf("ADD NODE " + b.id + " ")).to.be.lessThan(text.indexOf("ADD LINK " + a.id + ".out.outbox"));
    s.stop();
  });

  it("graphEventsText — names with spaces, quotes, backslashes and line breaks — quotes and escapes them", () => {
    const node = { id: 7, name: 'say "hi"\\\n', parent: null, isComponent: true, state: "paused", inboxes: [{ name: "my box", description: "", waiting: 0 }], outboxes: [] };
    const text = graphEventsText([{ kind: "ADD NODE", node }]);
    expect(text).to.equal(
      'ADD NODE 7 "say \\"hi\\"\\\\\\n" randompos component\n' + 'ADD NODE "7.in.my box" "my box" randompos inbox\n' + 'ADD LINK 7 "7.in.my box"\n',
    );
    expect(graphEventsText([])).to.equal("");
  });
});
