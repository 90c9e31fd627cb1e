/**
 * Bounded boxes: `setSize` on an inbox, NoSpaceInBox thrown in the sender when the final destination is
 * full (also through a passthrough chain), collects waking paused producers, and the move on linking that
 * ignores the limit.
 */
import { expect } from "chai";
import { AxonError, Component, NoSpaceInBox, Pipeline, producerFinished } from "../../src/index";
import type { AnyComponent, MainLoop } from "../../src/index";
import { ListSink } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

/** Sends every item in one step without retrying, keeping the errors it meets; then producerFinished. */
class Burst extends Component {
  static override Name = "Burst";
  readonly failures: unknown[] = [];
  sent = 0;
  constructor(private readonly items: unknown[]) {
    super();
  }
  override *main(): MainLoop {
    for (const item of this.items) {
      try {
        this.send(item);
        this.sent++;
      } catch (e) {
        this.failures.push(e);
      }
    }
    this.send(producerFinished(this), "signal");
    yield 1;
  }
}

/** Sends as many items as fit; on NoSpaceInBox it pauses and yields, then retries the same item. */
class PatientProducer extends Component {
  static override Name = "PatientProducer";
  timesFull = 0;
  constructor(private readonly items: unknown[]) {
    super();
  }
  override *main(): MainLoop {
    let i = 0;
    while (i < this.items.length) {
      try {
        this.send(this.items[i]);
        i++;
      } catch (e) {
        if (!(e instanceof NoSpaceInBox)) throw e;
        this.timesFull++;
        this.pause();
        yield 1;
      }
    }
    this.send(producerFinished(this), "signal");
  }
}

/** Collects one message per step, noting the most it ever saw waiting; ends on control once empty. */
class Sipper extends Component {
  static override Name = "Sipper";
  readonly items: unknown[] = [];
  mostWaiting = 0;
  override *main(): MainLoop {
    for (;;) {
      this.mostWaiting = Math.max(this.mostWaiting, this.dataReady());
      if (this.dataReady()) this.items.push(this.recv());
      if (!this.dataReady()) {
        if (this.dataReady("control")) return;
        this.pause();
      }
      yield 1;
    }
  }
}

/** Sends one message, pauses with nothing else to wake it, and notes when it is woken. */
class SendThenPause extends Component {
  static override Name = "SendThenPause";
  woken = false;
  override *main(): MainLoop {
    this.send("hello");
    this.pause();
    yield 1;
    this.woken = true;
    this.send(producerFinished(this), "signal");
  }
}

/** Sends its items into its unlinked outbox, then links it to `sink` and tries one send more. */
class LateLinker extends Component {
  static override Name = "LateLinker";
  waitingAfterLink = -1;
  overflow: unknown = undefined;
  constructor(
    private readonly sink: AnyComponent,
    private readonly items: unknown[],
  ) {
    super();
  }
  override *main(): MainLoop {
    for (const item of this.items) this.send(item);
    yield 1;
    this.link([this, "outbox"], [this.sink, "inbox"]);
    this.link([this, "signal"], [this.sink, "control"]);
    this.waitingAfterLink = this.sink.dataReady();
    try {
      this.send("one more");
    } catch (e) {
      this.overflow = e;
    }
    this.send(producerFinished(this), "signal");
  }
}

/** Link `producer`'s outbox and signal to `consumer`'s inbox and control, as the producer's linkages. */
function wire(producer: AnyComponent, consumer: AnyComponent): void {
  producer.link([producer, "outbox"], [consumer, "inbox"]);
  producer.link([producer, "signal"], [consumer, "control"]);
}

/** What `burst` met, run against a sink whose inbox holds at most `limit`. */
function burstInto(items: unknown[], limit: number): { burst: Burst; sink: ListSink<unknown> } {
  const s = testScheduler();
  const burst = new Burst(items);
  const sink = new ListSink<unknown>();
  sink.inboxes.inbox.setSize(limit);
  wire(burst, sink);
  burst.activate(s);
  sink.run(s);
  return { burst, sink };
}

describe("bounded boxes", () => {
  it("setSize — a limit, then null — getSize reports the limit, then no limit", () => {
    const box = new ListSink<number>().inboxes.inbox;
    expect(box.getSize()).to.equal(null);
    box.setSize(2);
    expect(box.getSize()).to.equal(2);
    box.setSize(null);
    expect(box.getSize()).to.equal(null);
  });

  it("send — into a full bounded inbox — throws in the sender at the send that overflows", () => {
    const { burst, sink } = burstInto([1, 2, 3], 2);
    expect(burst.sent).to.equal(2);
    expect(burst.failures).to.have.length(1);
    expect(sink.items).to.deep.equal([1, 2]);
  });

  it("NoSpaceInBox — from a full inbox — is an instance of NoSpaceInBox and AxonError", () => {
    const { burst } = burstInto([1, 2, 3], 2);
    const error = burst.failures[0];
    expect(error).to.be.instanceOf(NoSpaceInBox);
    expect(error).to.be.instanceOf(AxonError);
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).name).to.equal("NoSpaceInBox");
  });

  it("NoSpaceInBox — from a full inbox — names the full box and its limit in its message", () => {
    const { burst, sink } = burstInto([1, 2, 3], 2);
    const message = (burst.failures[0] as Error).message;
    expect(message).to.match(/ListSink_\d+\.inbox/);
    expect(message).to.contain(sink.name + ".inbox");
    expect(message).to.contain("is full (2 messages)");
  });

  it("send — through a passthrough chain whose final inbox is full — throws naming the final inbox", () => {
    const s = testScheduler();
    const sink = new ListSink<unknown>();
    sink.inboxes.inbox.setSize(1);
    const pipeline = new Pipeline(sink); // its inbox passes through to the sink's
    const burst = new Burst(["a", "b"]);
    wire(burst, pipeline);
    pipeline.activate(s); // first, so its passthrough linkages exist before Burst sends
    burst.run(s);
    expect(burst.failures).to.have.length(1);
    expect((burst.failures[0] as Error).message).to.contain(sink.name + ".inbox");
    expect(sink.items).to.deep.equal(["a"]);
  });

  it("setSize — on a passthrough box that is not the final destination — has no effect", () => {
    const s = testScheduler();
    const sink = new ListSink<unknown>();
    const pipeline = new Pipeline(sink);
    pipeline.inboxes.inbox.setSize(1);
    const burst = new Burst(["a", "b", "c"]);
    wire(burst, pipeline);
    pipeline.activate(s);
    burst.run(s);
    expect(burst.failures).to.deep.equal([]);
    expect(sink.items).to.deep.equal(["a", "b", "c"]);
  });

  it("recv — from a full inbox with a limit of 2 — wakes the paused producer so all items arrive in order", () => {
    const s = testScheduler();
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const producer = new PatientProducer(items);
    const consumer = new Sipper();
    consumer.inboxes.inbox.setSize(2);
    wire(producer, consumer);
    producer.activate(s);
    consumer.run(s);
    expect(consumer.items).to.deep.equal(items);
    expect(producer.timesFull).to.be.greaterThan(0);
    expect(consumer.mostWaiting).to.equal(2);
    expect(s.listAllThreads()).to.have.length(0);
  });

  it("recv — of a message from a producer paused for other reasons — wakes that producer", () => {
    const s = testScheduler();
    const producer = new SendThenPause();
    const sink = new ListSink<unknown>();
    wire(producer, sink);
    producer.activate(s);
    sink.run(s);
    expect(sink.items).to.deep.equal(["hello"]);
    expect(producer.woken).to.equal(true);
  });

  it("send then pause — when nobody collects — leaves the producer paused", () => {
    const s = testScheduler();
    const producer = new SendThenPause();
    const neverRuns = new ListSink<unknown>(); // never activated, so it never collects
    wire(producer, neverRuns);
    producer.run(s);
    expect(producer.woken).to.equal(false);
    expect(producer.isPaused()).to.equal(true);
    s.stop(); // ends the producer, which undoes its linkages
  });

  it("link — of an outbox holding more than the sink's limit — moves every message, ignoring the limit", () => {
    const s = testScheduler();
    const sink = new ListSink<unknown>();
    sink.inboxes.inbox.setSize(1);
    const linker = new LateLinker(sink, [1, 2, 3]);
    sink.activate(s);
    linker.run(s);
    expect(linker.waitingAfterLink).to.equal(3);
    expect(sink.items).to.deep.equal([1, 2, 3]);
  });

  it("send — after a link moved messages over the limit — throws NoSpaceInBox", () => {
    const s = testScheduler();
    const sink = new ListSink<unknown>();
    sink.inboxes.inbox.setSize(1);
    const linker = new LateLinker(sink, [1, 2, 3]);
    sink.activate(s);
    linker.run(s);
    expect(linker.overflow).to.be.instanceOf(NoSpaceInBox);
  });
});
