/**
 * Scale: a 1,000-component system — a ring of pipelines each passing messages — runs to completion with the
 * right total, and leaves no component or linkage behind.
 */
DeviceTest.define("a 1,000-component system runs to completion", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  let total = 0;
  class Source extends Kamaelia.Component {
    static override Name = "Source";
    override *main(): MainLoop {
      for (let i = 1; i <= 3; i++) {
        this.send(i);
        yield 1;
      }
      this.send(Kamaelia.producerFinished(this), "signal");
    }
  }
  class Relay extends Kamaelia.Component {
    static override Name = "Relay";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.send(this.recv());
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }
  class Sum extends Kamaelia.Component {
    static override Name = "Sum";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) total += this.recv();
        if (this.dataReady("control")) return;
        this.pause();
        yield 1;
      }
    }
  }
  // 100 pipelines of 9 components (source, 7 relays, sum) plus the pipelines themselves: 1,000 components.
  for (let p = 0; p < 100; p++) {
    const parts: AnyComponent[] = [new Source()];
    for (let r = 0; r < 7; r++) parts.push(new Relay());
    parts.push(new Sum());
    new Kamaelia.Pipeline(...parts).activate(scheduler);
  }
  scheduler.runThreads();
  t.equal(total, 600, "every message arrived");
  t.equal(scheduler.listAllThreads().length, 0, "every component ended");
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
