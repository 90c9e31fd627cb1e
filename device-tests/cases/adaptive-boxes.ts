/**
 * AdaptiveCommsComponent: boxes added at run time get unique names on a clash, carry messages like declared
 * ones, and deleting one undoes linkages through it; deleting a missing box is a BoxNotFound error.
 */
DeviceTest.define("adaptive boxes", (t) => {
  const hub = new Kamaelia.AdaptiveCommsComponent();
  const first = hub.addInbox("client");
  const second = hub.addInbox("client");
  t.equal(first, "client", "first name as asked");
  t.ok(second !== first && second.indexOf("client_") === 0, "a clash gets a suffix");
  const feeder = new Kamaelia.Component();
  const linkage = feeder.link([feeder, "outbox"], [hub, second]);
  feeder.send("to the second");
  t.equal(hub.recv(second), "to the second", "message through a run-time inbox");
  hub.deleteInbox(second);
  t.ok(!linkage.isLive(), "deleting the box undid its linkage");
  t.throws(() => hub.deleteInbox(second), Kamaelia.BoxNotFound, "deleting again");
  const out = hub.addOutbox("toClient");
  hub.link([hub, out], [feeder, "inbox"]);
  hub.send("back", out);
  t.equal(feeder.recv(), "back", "message through a run-time outbox");
  hub.stop();
  feeder.stop();
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
