/**
 * Wide containers: one Pipeline of 1,000 components (and a newComponent of 1,000) runs on every engine —
 * children are handed over as one array, never as a call with 1,000 arguments, which overflows mujs's stack.
 */
DeviceTest.define("a pipeline of 1,000 components", (t) => {
  const K = Kamaelia;
  const scheduler = new K.Scheduler({ host: t.virtualHost() });
  class Relay extends K.Component {
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
  class Source extends K.Component {
    static override Name = "Source";
    override *main(): MainLoop {
      this.send(42);
      this.send(K.producerFinished(this), "signal");
      yield 1;
    }
  }
  let arrived: unknown = null;
  class Sink extends K.Component {
    static override Name = "Sink";
    override *main(): MainLoop {
      for (;;) {
        if (this.dataReady()) arrived = this.recv();
        if (this.dataReady("control")) return;
        this.pause();
        yield 1;
      }
    }
  }
  const parts: AnyComponent[] = [new Source()];
  for (let i = 0; i < 998; i++) parts.push(new Relay());
  parts.push(new Sink());
  const pipeline = new K.Pipeline(parts);
  pipeline.run(scheduler);
  t.equal(arrived, 42, "the message crossed 1,000 components");
  t.equal(scheduler.listAllThreads().length, 0, "all ended");
});
