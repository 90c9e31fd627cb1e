/**
 * Bounded inboxes: a send into a full inbox throws NoSpaceInBox (an AxonError, instanceof working on this
 * engine) in the sender; a producer that pauses on it resumes when the consumer collects, losing nothing.
 */
DeviceTest.define("bounded inbox errors", (t) => {
  const a = new Kamaelia.Component();
  const b = new Kamaelia.Component();
  b.inboxes.inbox.setSize(2);
  a.link([a, "outbox"], [b, "inbox"]);
  a.send(1);
  a.send(2);
  const error = t.throws(() => a.send(3), Kamaelia.NoSpaceInBox, "third send") as Error;
  t.ok(error instanceof Kamaelia.AxonError, "NoSpaceInBox is an AxonError");
  t.ok(error instanceof Error, "NoSpaceInBox is an Error");
  t.equal(error.name, "NoSpaceInBox", "error name");
  t.ok(error.message.indexOf(b.name + ".inbox") >= 0, "the message names the box");
  a.stop();
  b.stop();

  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  const received: number[] = [];
  class Producer extends Kamaelia.Component {
    static override Name = "Producer";
    override *main(): MainLoop {
      for (let n = 0; n < 20; ) {
        try {
          this.send(n);
          n++;
        } catch (e) {
          if (!(e instanceof Kamaelia.NoSpaceInBox)) throw e;
          this.pause();
          yield 1;
        }
      }
    }
  }
  class Consumer extends Kamaelia.Component {
    static override Name = "Consumer";
    override *main(): MainLoop {
      while (received.length < 20) {
        if (this.dataReady()) received.push(this.recv());
        else this.pause();
        yield 1;
      }
    }
  }
  const producer = new Producer();
  const consumer = new Consumer();
  consumer.inboxes.inbox.setSize(3);
  consumer.link([producer, "outbox"], [consumer, "inbox"]);
  producer.activate(scheduler);
  consumer.activate(scheduler);
  scheduler.runThreads();
  const expected: number[] = [];
  for (let i = 0; i < 20; i++) expected.push(i);
  t.deepEqual(received, expected, "every message arrives, in order");
});
