/**
 * The shutdown cascade: producerFinished from a pipeline's first child travels signal→control down the row,
 * each child ends after passing it on, the pipeline ends last, and no linkage is left behind.
 */
DeviceTest.define("shutdown cascade through a pipeline", (t) => {
  const finished: string[] = [];
  const scheduler = new Kamaelia.Scheduler({
    host: t.virtualHost(),
    hooks: { onFinish: (who) => finished.push(who.name.split("_")[0]) },
  });
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
  class Stage extends Kamaelia.Component {
    static override Name = "Stage";
    items: number[] = [];
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) {
          const n: number = this.recv();
          this.items.push(n);
          this.send(n * 10);
        }
        if (this.dataReady("control")) {
          const message = this.recv("control");
          if (Kamaelia.isShutdownMessage(message)) {
            this.send(message, "signal");
            return;
          }
        }
        this.pause();
        yield 1;
      }
    }
  }
  const last = new Stage();
  const pipeline = new Kamaelia.Pipeline(new Source(), new Stage(), last);
  pipeline.run(scheduler);
  t.deepEqual(last.items, [10, 20, 30], "data through both stages");
  t.deepEqual(finished, ["Source", "Stage", "Stage", "Pipeline"], "end order");
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
