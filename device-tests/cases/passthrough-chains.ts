/**
 * Passthrough chains: inbox→inbox and outbox→outbox linkages through nested parents resolve to one final
 * box, so data sent at one end lands at the other in one push; unlinking re-resolves the chain.
 */
DeviceTest.define("passthrough chains", (t) => {
  const depth = 8;
  const nest: AnyComponent[] = [new Kamaelia.Component()];
  for (let i = 1; i < depth; i++) {
    const parent = nest[i - 1];
    const child = new Kamaelia.Component();
    parent.addChildren(child);
    parent.link([parent, "inbox"], [child, "inbox"], 1);
    parent.link([child, "outbox"], [parent, "outbox"], 2);
    nest.push(child);
  }
  const outer = nest[0];
  const inner = nest[depth - 1];
  const edge = new Kamaelia.Component();
  edge.link([edge, "outbox"], [outer, "inbox"]);
  edge.link([outer, "outbox"], [edge, "inbox"]);
  t.ok(edge.outboxes.outbox.final === inner.inboxes.inbox, "the chain resolves to the innermost inbox");
  edge.send("down");
  t.equal(inner.recv(), "down", "delivered to the innermost child");
  inner.send("up");
  t.equal(edge.recv(), "up", "delivered out past every parent");
  const middle = nest[depth / 2];
  middle.unlink();
  edge.send("stops half way");
  t.equal(middle.dataReady(), 1, "after unlinking, the data stops at the middle");
  for (let i = 0; i < nest.length; i++) nest[i].stop();
  edge.stop();
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
