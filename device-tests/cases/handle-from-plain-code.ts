/**
 * Handle: plain code puts into a component and gets its replies, the scheduler running synchronously inside
 * get(); shutdown ends the component and close removes the handle's linkages.
 */
DeviceTest.define("Handle from plain code", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  class Upper extends Kamaelia.Component {
    static override Name = "Upper";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.send(String(this.recv()).toUpperCase());
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }
  const upper = new Kamaelia.Handle(new Upper(), scheduler);
  upper.put("quiet");
  t.equal(upper.get(), "QUIET", "reply");
  t.equal(upper.get(), undefined, "nothing more: get returns undefined");
  upper.shutdown();
  t.ok(upper.component.isStopped(), "shut down");
  upper.close();
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
