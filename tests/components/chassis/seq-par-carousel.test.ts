/**
 * Seq, PAR and Carousel: one component after another, components side by side with merged output, and a
 * child per request — each with its data routing, its ending and its shutdown behaviour.
 */
import { expect } from "chai";
import { Carousel, Component, PAR, Pipeline, ProducerFinished, Seq, ShutdownMicroprocess, producerFinished, shutdownMicroprocess } from "../../../src/index";
import type { MainLoop } from "../../../src/index";
import { ListSink, ListSource, Mapper } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";

class Plain extends Component {
  static override Name = "Plain";
}

/** Takes `count` messages from its inbox, sends each tagged with `tag`, then ends. */
class Taker extends Component {
  static override Name = "Taker";
  constructor(
    private readonly tag: string,
    private readonly count: number,
  ) {
    super();
  }
  override *main(): MainLoop {
    for (let taken = 0; taken < this.count; ) {
      while (this.dataReady() && taken < this.count) {
        this.send(this.tag + ":" + this.recv());
        taken++;
      }
      if (this.dataReady("control")) return;
      if (taken < this.count) {
        this.pause();
        yield 1;
      }
    }
  }
}

describe("Seq", () => {
  it("components — in a Seq — run one after another, each with the Seq's outbox", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    new Pipeline(new Seq(new ListSource(["a1", "a2"]), new ListSource(["b1"])), sink).run(s);
    expect(sink.items).to.deep.equal(["a1", "a2", "b1"]);
  });

  it("inbox data — arriving for a Seq — goes to whichever component is running, then to the next", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    new Pipeline(new ListSource([1, 2, 3]), new Seq(new Taker("first", 2), new Taker("second", 1)), sink).run(s);
    expect(sink.items).to.deep.equal(["first:1", "first:2", "second:3"]);
  });

  it("the last component ending — sends producerFinished on the Seq's signal", () => {
    const s = testScheduler();
    const watcher = new Plain();
    const seq = new Seq(new ListSource([1]));
    watcher.link([seq, "signal"], [watcher, "inbox"]);
    seq.run(s);
    expect(watcher.recv()).to.be.instanceOf(ProducerFinished);
    watcher.stop();
  });

  it("a shutdown — on the Seq's control — ends the running component and starts no more", () => {
    const s = testScheduler();
    const second = new ListSource([9]);
    const seq = new Seq(new Mapper((x: number) => x), second);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [seq, "control"]);
    feeder.link([seq, "signal"], [feeder, "inbox"]);
    seq.activate(s);
    s.runSlice();
    feeder.send(shutdownMicroprocess());
    s.runThreads();
    expect(second.isRunning() || second.isStopped()).to.equal(false);
    expect(feeder.recv()).to.be.instanceOf(ShutdownMicroprocess);
    feeder.stop();
    second.stop();
  });
});

describe("PAR", () => {
  it("a message — on a PAR's inbox — reaches every child, and their outputs merge", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    new Pipeline(new ListSource([1]), new PAR(new Mapper((x: number) => "a" + x), new Mapper((x: number) => "b" + x)), sink).run(s);
    expect(sink.items.slice().sort()).to.deep.equal(["a1", "b1"]);
  });

  it("a producerFinished — reaching a PAR — goes to every child, and the PAR ends after them all", () => {
    const s = testScheduler();
    const watcher = new Plain();
    const a = new Mapper((x: number) => x);
    const b = new Mapper((x: number) => x);
    const par = new PAR(a, b);
    watcher.link([watcher, "outbox"], [par, "control"]);
    watcher.link([par, "signal"], [watcher, "inbox"]);
    par.activate(s);
    s.runSlice();
    watcher.send(producerFinished());
    s.runThreads();
    expect(a.isStopped() && b.isStopped() && par.isStopped()).to.equal(true);
    expect(watcher.recv()).to.be.instanceOf(ProducerFinished);
    watcher.stop();
  });

  it("children — all finishing by themselves — end the PAR with producerFinished", () => {
    const s = testScheduler();
    const sink = new ListSink<number>();
    new Pipeline(new PAR(new ListSource([1]), new ListSource([2])), sink).run(s);
    expect(sink.items.slice().sort()).to.deep.equal([1, 2]);
  });
});

describe("Carousel", () => {
  it("a message on next — makes a child through the factory, which gets the inbox and feeds the outbox", () => {
    const s = testScheduler();
    const carousel = new Carousel((prefix: string) => new Mapper((x: number) => prefix + x));
    const feeder = new Plain();
    const sink = new ListSink<string>();
    feeder.link([feeder, "outbox"], [carousel, "next"]);
    feeder.link([feeder, "signal"], [carousel, "inbox"]);
    feeder.link([carousel, "outbox"], [sink, "inbox"]);
    feeder.send("first-");
    feeder.send(1, "signal");
    carousel.activate(s);
    sink.activate(s);
    s.runSlice(50);
    expect(sink.items).to.deep.equal(["first-1"]);
    feeder.send("second-");
    s.runSlice(50);
    feeder.send(2, "signal");
    s.runSlice(50);
    expect(sink.items).to.deep.equal(["first-1", "second-2"]);
    s.stop();
    feeder.stop();
  });

  it("a child — ending by itself — makes the Carousel ask for the next one on requestNext", () => {
    const s = testScheduler();
    const carousel = new Carousel((items: number[]) => new ListSource(items), { make1stRequest: true });
    const driver = new Plain();
    const sink = new ListSink<number>();
    driver.link([carousel, "requestNext"], [driver, "inbox"]);
    driver.link([driver, "outbox"], [carousel, "next"]);
    driver.link([carousel, "outbox"], [sink, "inbox"]);
    carousel.activate(s);
    sink.activate(s);
    s.runSlice(10);
    expect(driver.recv()).to.equal("NEXT");
    driver.send([1, 2]);
    s.runSlice(50);
    expect(driver.recv()).to.equal("NEXT");
    driver.send([3]);
    s.runSlice(50);
    expect(sink.items).to.deep.equal([1, 2, 3]);
    s.stop();
    driver.stop();
  });

  it("a next message — while a child runs — shuts that child down before the new one starts", () => {
    const s = testScheduler();
    const made: Mapper<number, number>[] = [];
    const carousel = new Carousel(() => {
      const m = new Mapper((x: number) => x);
      made.push(m);
      return m;
    });
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [carousel, "next"]);
    carousel.activate(s);
    feeder.send("one");
    s.runSlice(20);
    feeder.send("two");
    s.runSlice(50);
    expect(made).to.have.length(2);
    expect(made[0].isStopped()).to.equal(true);
    expect(made[1].isRunning()).to.equal(true);
    s.stop();
    feeder.stop();
  });

  it("a shutdown — on the Carousel's control — stops the child, forwards the message and ends", () => {
    const s = testScheduler();
    const carousel = new Carousel(() => new Mapper((x: number) => x));
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [carousel, "next"]);
    feeder.link([feeder, "signal"], [carousel, "control"]);
    feeder.link([carousel, "signal"], [feeder, "inbox"]);
    carousel.activate(s);
    feeder.send("go");
    s.runSlice(20);
    feeder.send(shutdownMicroprocess(), "signal");
    s.runThreads();
    expect(carousel.isStopped()).to.equal(true);
    expect(feeder.recv()).to.be.instanceOf(ShutdownMicroprocess);
    feeder.stop();
  });

  it("a factory — that throws — ends the Carousel with producerFinished carrying the error", () => {
    const s = testScheduler();
    const carousel = new Carousel(() => {
      throw new Error("no such file");
    });
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [carousel, "next"]);
    feeder.link([carousel, "signal"], [feeder, "inbox"]);
    feeder.send("x");
    carousel.run(s);
    const finished = feeder.recv() as ProducerFinished;
    expect(finished).to.be.instanceOf(ProducerFinished);
    expect((finished.message as Error).message).to.equal("no such file");
    feeder.stop();
  });
});
