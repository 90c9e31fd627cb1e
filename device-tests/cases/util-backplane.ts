/**
 * Backplane, PublishTo and SubscribeTo: a publisher and two subscribers find the backplane through the CAT
 * although it starts last; both subscribers get everything; one leaving unsubscribes; the backplane's
 * shutdown ends the other subscriber's pipeline; services and linkages are all gone at the end.
 */
DeviceTest.define("util: publish and subscribe through a Backplane", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  class Feeder extends Kamaelia.Component {
    static override Name = "Feeder";
  }
  const first = new Kamaelia.Collector<string>();
  const second = new Kamaelia.Collector<string>();
  const publisher = new Kamaelia.PublishTo<string>("news");
  const feeder = new Feeder();
  feeder.link([feeder, "outbox"], [publisher, "inbox"]);
  publisher.activate(scheduler);
  const leaving = new Kamaelia.SubscribeTo<string>("news");
  const firstLine = new Kamaelia.Pipeline(leaving, first).activate(scheduler);
  const secondLine = new Kamaelia.Pipeline(new Kamaelia.SubscribeTo<string>("news"), second).activate(scheduler);
  const backplane = new Kamaelia.Backplane("news").activate(scheduler);
  scheduler.runThreads();
  t.deepEqual(scheduler.tracker.servicesRegistered(), ["Backplane_I_news", "Backplane_O_news"], "Kamaelia's service names");
  feeder.send("a");
  feeder.send("b");
  scheduler.runThreads();
  t.deepEqual(first.collected, ["a", "b"], "first subscriber");
  t.deepEqual(second.collected, ["a", "b"], "second subscriber");

  const control = new Feeder();
  // Type arguments given: link() infers the message type from every box of both components (a kernel
  // typing issue), so a typed component's control box needs them.
  control.link([control, "signal"], [leaving, "control"]);
  control.send(Kamaelia.shutdownMicroprocess(), "signal");
  scheduler.runThreads();
  t.ok(firstLine.isStopped(), "the first subscriber's pipeline ended");
  let extra = 0;
  for (const name in backplane.outboxes) if (name !== "outbox" && name !== "signal") extra++;
  t.equal(extra, 2, "the backplane kept only the second subscriber's two outboxes");
  feeder.send("c");
  scheduler.runThreads();
  t.deepEqual(second.collected, ["a", "b", "c"], "the second subscriber carries on");

  control.unlink();
  control.link([control, "signal"], [backplane, "control"]);
  control.send(Kamaelia.producerFinished(), "signal");
  scheduler.runThreads();
  t.ok(backplane.isStopped() && secondLine.isStopped(), "the backplane's shutdown ended the other subscriber's pipeline");
  t.ok(publisher.isRunning(), "publishers are not ended with the backplane");
  t.deepEqual(scheduler.tracker.servicesRegistered(), [], "services withdrawn");
  feeder.send("unheard");
  scheduler.runThreads();
  t.equal(publisher.dataReady(), 0, "a publisher drops what it cannot deliver");
  publisher.stop();
  feeder.stop();
  control.stop();
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
