/**
 * Linear on a device engine, Kamaelia: `Pipeline(Count, AddOne × 10, Sum)` over __INPUT.work numbers, the
 * source yielding every 256 sends — the same components as the Node suite, compiled to ES5.
 * Checked: the sum, and that every component ended.
 */
(function () {
  const BATCH = 256;
  const STAGES = 10;

  class Count extends Kamaelia.Component {
    static override Name = "Count";
    constructor(private readonly count: number) {
      super();
    }
    override *main(): MainLoop {
      const n = this.count;
      for (let i = 1; i <= n; ) {
        const end = Math.min(n, i + BATCH - 1);
        for (; i <= end; i++) this.send(i);
        yield 1;
      }
      this.send(Kamaelia.producerFinished(this), "signal");
    }
  }

  class AddOne extends Kamaelia.Component {
    static override Name = "AddOne";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.send(this.recv() + 1);
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
    total = 0;
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.total += this.recv();
        if (this.dataReady("control")) return;
        this.pause();
        yield 1;
      }
    }
  }

  benchRun(function () {
    const n = __INPUT.work;
    const scheduler = benchScheduler();
    const sum = new Sum();
    const parts: AnyComponent[] = [new Count(n)];
    for (let i = 0; i < STAGES; i++) parts.push(new AddOne());
    parts.push(sum);
    new Kamaelia.Pipeline(...parts).activate(scheduler);
    scheduler.runThreads();
    benchCheckNoCrash("linear");
    benchCheck(sum.total, (n * (n + 1)) / 2 + n * STAGES, "linear: the sink's sum");
    benchCheck(scheduler.listAllThreads().length, 0, "linear: components still running at the end");
    return {};
  });
})();
