/**
 * Introspection: snapshotGraph sees a pipeline's components, their boxes in the same order on every engine
 * (mujs enumerates keys alphabetically), parents and linkages; diffGraphs reports a component ending; the
 * Introspector component sends Kamaelia's text.
 */
DeviceTest.define("introspection snapshot", (t) => {
  const host = t.virtualHost();
  const scheduler = new Kamaelia.Scheduler({ host: host });
  class Idle extends Kamaelia.Component {
    static override Name = "Idle";
    override *main(): MainLoop {
      for (;;) {
        this.pause();
        yield 1;
      }
    }
  }
  class Ticks extends Kamaelia.Microprocess {
    static override Name = "Ticks";
    override *main(): MainLoop {
      for (;;) {
        this.pauseFor(1000);
        yield 1;
      }
    }
  }
  const a = new Idle();
  const b = new Idle();
  const c = new Idle();
  const pipeline = new Kamaelia.Pipeline(a, b, c);
  pipeline.activate(scheduler);
  const ticks = new Ticks().activate(scheduler);
  scheduler.runSlice(20);

  const g = Kamaelia.snapshotGraph(scheduler);
  const ids: number[] = [];
  for (let i = 0; i < g.nodes.length; i++) ids.push(g.nodes[i].id);
  t.deepEqual(ids, [a.id, b.id, c.id, pipeline.id, ticks.id], "every node, by id");
  t.deepEqual(g.nodes[0].inboxes.map((x) => x.name), ["inbox", "control"], "inbox order");
  t.deepEqual(g.nodes[0].outboxes.map((x) => x.name), ["outbox", "signal"], "outbox order");
  t.equal(g.nodes[0].parent, pipeline.id, "parent");
  t.equal(g.nodes[4].isComponent, false, "a Microprocess has no boxes");
  t.equal(g.links.length, 8, "eight linkages");
  const kinds: number[] = [];
  for (let i = 0; i < g.links.length; i++) kinds.push(g.links[i].passthrough);
  t.deepEqual(kinds, [0, 0, 0, 0, 1, 1, 2, 2], "linkage kinds in order");

  c.stop();
  scheduler.runSlice(20);
  const events = Kamaelia.diffGraphs(g, Kamaelia.snapshotGraph(scheduler));
  const seen: string[] = [];
  for (let i = 0; i < events.length; i++) seen.push(events[i].kind);
  t.deepEqual(seen, ["DEL LINK", "DEL LINK", "DEL LINK", "DEL LINK", "DEL NODE"], "a component ending");

  const introspector = new Kamaelia.Introspector(500).activate(scheduler);
  scheduler.runSlice(20);
  const update = introspector.outboxes.outbox.pop();
  t.equal(update.text.indexOf("DEL ALL\nADD NODE " + a.id + " " + a.name + " randompos component\n"), 0, "Kamaelia text");
  t.equal(String(update), update.text, "String(update) is the text");
  scheduler.stop();
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
