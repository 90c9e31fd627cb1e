/**
 * Chassis: a Graphline wired by its linkage notation (with self passthroughs), a Seq, a PAR and a
 * Carousel, each delivering in order and ending cleanly with no linkage left.
 */
DeviceTest.define("chassis: Graphline, Seq, PAR and Carousel", (t) => {
  const K = Kamaelia;
  class Source extends K.Component {
    static override Name = "Source";
    constructor(private items: unknown[]) {
      super();
    }
    override *main(): MainLoop {
      for (let i = 0; i < this.items.length; i++) {
        this.send(this.items[i]);
        yield 1;
      }
      this.send(K.producerFinished(this), "signal");
    }
  }
  class Map extends K.Component {
    static override Name = "Map";
    constructor(private fn: (x: unknown) => unknown) {
      super();
    }
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.send(this.fn(this.recv()));
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }
  class Sink extends K.Component {
    static override Name = "Sink";
    items: unknown[] = [];
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.items.push(this.recv());
        if (this.dataReady("control")) return;
        this.pause();
        yield 1;
      }
    }
  }
  const scheduler = new K.Scheduler({ host: t.virtualHost() });

  const graphSink = new Sink();
  new K.Graphline({
    SRC: new Source([1, 2, 3]),
    INNER: new K.Graphline({
      TIMES: new Map((x) => (x as number) * 10),
      linkages: { "self.inbox": "TIMES.inbox", "TIMES.outbox": "self.outbox", "self.control": "TIMES.control", "TIMES.signal": "self.signal" },
    }),
    SINK: graphSink,
    linkages: { "SRC.outbox": "INNER.inbox", "INNER.outbox": "SINK.inbox", "SRC.signal": "INNER.control", "INNER.signal": "SINK.control" },
  }).run(scheduler);
  t.deepEqual(graphSink.items, [10, 20, 30], "graphline output");

  const seqSink = new Sink();
  new K.Pipeline(new K.Seq(new Source(["a"]), new Source(["b", "c"])), seqSink).run(scheduler);
  t.deepEqual(seqSink.items, ["a", "b", "c"], "seq output");

  const parSink = new Sink();
  new K.Pipeline(new Source([5]), new K.PAR(new Map((x) => "left " + x), new Map((x) => "right " + x)), parSink).run(scheduler);
  t.deepEqual(parSink.items.slice().sort(), ["left 5", "right 5"], "par output");

  const carouselSink = new Sink();
  const carousel = new K.Carousel((items: unknown[]) => new Source(items));
  const feeder = new K.Component();
  feeder.link([feeder, "outbox"], [carousel, "next"]);
  feeder.link([feeder, "signal"], [carousel, "control"]);
  feeder.link([carousel, "outbox"], [carouselSink, "inbox"]);
  feeder.send(["x", "y"]);
  carousel.activate(scheduler);
  carouselSink.activate(scheduler);
  scheduler.runSlice(100);
  feeder.send(K.shutdownMicroprocess(), "signal");
  scheduler.runSlice(100);
  t.deepEqual(carouselSink.items, ["x", "y"], "carousel output");
  t.ok(carousel.isStopped(), "carousel ended on shutdown");
  carouselSink.stop();
  feeder.stop();
  t.equal(scheduler.listAllThreads().length, 0, "nothing left running");
  t.equal(K.liveLinkageCount(), 0, "no linkage left");
});
