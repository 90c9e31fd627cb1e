/**
 * Tagged frames "<tag> <length>\n<data>" (SimpleFrame, Framer, DeFramer): the exact wire string, a round
 * trip through a pipeline, a bad frame reported as a typed error while the DeFramer carries on, and a frame
 * over the limit ending it with producerFinished(this, error). Strings only, so this runs on mujs too.
 */
DeviceTest.define("tagged frames (Framer, DeFramer)", (t) => {
  const K = Kamaelia;
  const scheduler = new K.Scheduler({ host: t.virtualHost() });
  t.equal(String(new K.SimpleFrame(7, "hello")), "7 5\nhello", "the wire format");

  class Source extends K.Component {
    static override Name = "Source";
    constructor(private readonly items: unknown[]) {
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
  class Sink extends K.Component {
    static override Name = "Sink";
    items: unknown[] = [];
    control: unknown[] = [];
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.items.push(this.recv());
        while (this.dataReady("control")) {
          const m = this.recv("control");
          this.control.push(m);
          if (K.isShutdownMessage(m)) return;
        }
        this.pause();
        yield 1;
      }
    }
  }

  // Round trip: Framer then DeFramer.
  const sink = new Sink();
  new K.Pipeline(new Source([new K.SimpleFrame(1, "one"), new K.SimpleFrame("b", "two\nlines")]), new K.Framer(), new K.DeFramer(), sink).run(scheduler);
  const frames = sink.items as InstanceType<typeof K.SimpleFrame>[];
  t.deepEqual([frames[0].tag, frames[0].data, frames[1].tag, frames[1].data], ["1", "one", "b", "two\nlines"], "round trip");

  // Bad frames: a typed error each on signal, and it carries on; over the limit it ends.
  const errors = new Sink();
  const deframer = new K.DeFramer({ maxFrameSize: 10 });
  new K.Pipeline(new Source(["1 9\nshort", "2 x\nabc", "3 2\nok", "4 11\n0123456789a", "5 1\nz"]), deframer, errors).run(scheduler);
  t.equal(errors.items.length, 1, "one good frame before the end");
  t.equal((errors.items[0] as { data: string }).data, "ok", "the good frame");
  t.ok(errors.control[0] instanceof K.ShortFrame, "a ShortFrame first");
  t.ok(errors.control[1] instanceof K.CorruptFrame, "then a CorruptFrame");
  t.ok(errors.control[1] instanceof K.FramingError && errors.control[1] instanceof K.AxonError, "typed all the way up");
  t.equal((errors.control[1] as Error).message, "corrupt frame in message 1 (character offset 9): header '2 x' has a length that is not a decimal number", "the message");
  const finish = errors.control[2] as { caller: unknown; message: unknown };
  t.ok(finish instanceof K.ProducerFinished, "then producerFinished");
  t.equal(finish.caller, deframer, "from the DeFramer");
  t.ok(finish.message instanceof K.FrameTooLarge, "carrying the FrameTooLarge");
  t.equal((finish.message as { offset: number }).offset, 22, "at its offset");
  t.equal(scheduler.listAllThreads().length, 0, "everything ended");
  t.equal(K.liveLinkageCount(), 0, "no linkage left");
});
