/**
 * Marshaller and DeMarshaller: values to text and back through a codec in a pipeline; a codec that throws
 * yields a MarshallingError on signal and the rest of the messages still get through.
 */
DeviceTest.define("Marshaller converts and reports codec errors", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  class Source extends Kamaelia.Component {
    static override Name = "Source";
    constructor(private readonly items: unknown[]) {
      super();
    }
    override *main(): MainLoop {
      for (let i = 0; i < this.items.length; i++) {
        this.send(this.items[i]);
        yield 1;
      }
      this.send(Kamaelia.producerFinished(this), "signal");
    }
  }
  class Sink extends Kamaelia.Component {
    static override Name = "Sink";
    items: unknown[] = [];
    others: unknown[] = [];
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.items.push(this.recv());
        while (this.dataReady("control")) {
          const message = this.recv("control");
          if (Kamaelia.isShutdownMessage(message)) return;
          this.others.push(message);
        }
        this.pause();
        yield 1;
      }
    }
  }
  const numbers = {
    marshall: (n: number) => String(n),
    demarshall: (text: string) => {
      if (!/^[0-9]+$/.test(text)) throw new Error("not a number: " + text);
      return Number(text);
    },
  };
  const dicts = new Sink();
  new Kamaelia.Pipeline(
    new Source([new Kamaelia.MimeDict([["A", "1"]], "one")]),
    new Kamaelia.Marshaller(Kamaelia.MimeDict),
    new Kamaelia.DeMarshaller(Kamaelia.MimeDict),
    dicts,
  ).run(scheduler);
  t.equal(dicts.items.length, 1, "one dict through");
  t.equal((dicts.items[0] as InstanceType<typeof Kamaelia.MimeDict>).get("a"), "1", "header survives the trip");

  const sink = new Sink();
  new Kamaelia.Pipeline(new Source(["1", "x", "3"]), new Kamaelia.DeMarshaller(numbers), sink).run(scheduler);
  t.deepEqual(sink.items, [1, 3], "good messages through, in order");
  t.equal(sink.others.length, 1, "one error on signal");
  const error = sink.others[0] as { input: unknown; message: string };
  t.ok(error instanceof Kamaelia.MarshallingError, "a MarshallingError");
  t.ok(error instanceof Kamaelia.AxonError, "which is an AxonError");
  t.equal(error.input, "x", "naming the bad input");
  t.ok(/could not demarshall/.test(error.message), "saying what failed: " + error.message);
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
