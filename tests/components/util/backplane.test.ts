/**
 * Backplane, PublishTo and SubscribeTo: publish/subscribe through the CAT. Every subscriber gets what is
 * published after it subscribed; subscribers unsubscribe when they end; the backplane's shutdown ends its
 * subscribers and withdraws its services; a missing backplane is waited for, then is a ServiceNotFound
 * crash; and each of the three follows the shutdown convention.
 */
import { expect } from "chai";
import {
  AxonError,
  Backplane,
  Collector,
  DataSource,
  Pipeline,
  ProducerFinished,
  PublishTo,
  ServiceAlreadyExists,
  ServiceNotFound,
  SubscribeTo,
  liveLinkageCount,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import type { AnyComponent, ShutdownMessage } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder, runFor } from "./support";

/** The backplane's outbox names beyond outbox and signal: one per subscriber and one per its control. */
function subscriberOutboxes(backplane: Backplane): string[] {
  return Object.keys(backplane.outboxes).filter((name) => name !== "outbox" && name !== "signal");
}

/** Send `message` into `target`'s control from a feeder that is then stopped. */
function tell(s: { runThreads(): void }, target: AnyComponent, message: ShutdownMessage): void {
  const feeder = new Feeder();
  feeder.link([feeder, "signal"], [target, "control"]);
  feeder.send(message, "signal");
  s.runThreads();
  feeder.stop();
}

const both = [
  ["producerFinished", () => producerFinished()],
  ["shutdownMicroprocess", () => shutdownMicroprocess()],
] as const;

describe("Backplane", () => {
  it("Backplane — running — registers Kamaelia's services Backplane_I_<name> and Backplane_O_<name>", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    s.runThreads();
    expect(s.tracker.servicesRegistered()).to.deep.equal(["Backplane_I_news", "Backplane_O_news"]);
    expect(s.tracker.retrieveService("Backplane_I_news")).to.deep.equal([backplane, "inbox"]);
    expect(s.tracker.retrieveService("Backplane_O_news")).to.deep.equal([backplane, "configuration"]);
    tell(s, backplane, shutdownMicroprocess());
  });

  it("Backplane — two subscribers and a publisher — every subscriber gets every message, in order", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const first = new Collector();
    const second = new Collector();
    new Pipeline(new SubscribeTo("news"), first).activate(s);
    new Pipeline(new SubscribeTo("news"), second).activate(s);
    s.runThreads();
    new Pipeline(new DataSource(["a", "b", "c"]), new PublishTo("news")).activate(s);
    s.runThreads();
    expect(first.collected).to.deep.equal(["a", "b", "c"]);
    expect(second.collected).to.deep.equal(["a", "b", "c"]);
    tell(s, backplane, shutdownMicroprocess());
  });

  it("Backplane — started last, alongside its publishers and subscribers — still delivers everything", () => {
    const s = testScheduler();
    const sink = new Collector();
    new Pipeline(new DataSource([1, 2, 3]), new PublishTo("news")).activate(s);
    new Pipeline(new SubscribeTo("news"), sink).activate(s);
    const backplane = new Backplane("news").activate(s);
    s.runThreads();
    expect(sink.collected).to.deep.equal([1, 2, 3]);
    tell(s, backplane, producerFinished());
  });

  it("Backplane — several publishers — merges their messages into one stream for each subscriber", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const sink = new Collector<string>();
    new Pipeline(new SubscribeTo("news"), sink).activate(s);
    s.runThreads();
    new Pipeline(new DataSource(["a1", "a2"]), new PublishTo("news")).activate(s);
    new Pipeline(new DataSource(["b1", "b2"]), new PublishTo("news")).activate(s);
    s.runThreads();
    expect(sink.collected.slice().sort()).to.deep.equal(["a1", "a2", "b1", "b2"]);
    expect(sink.collected.indexOf("a1")).to.be.below(sink.collected.indexOf("a2"));
    expect(sink.collected.indexOf("b1")).to.be.below(sink.collected.indexOf("b2"));
    tell(s, backplane, shutdownMicroprocess());
  });

  it("SubscribeTo — subscribing after some messages were published — gets only the later ones", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const publisher = new PublishTo<number>("news");
    const feeder = new Feeder().feeds(publisher);
    publisher.activate(s);
    const early = new Collector();
    new Pipeline(new SubscribeTo("news"), early).activate(s);
    s.runThreads();
    feeder.send(1);
    s.runThreads();
    const late = new Collector();
    new Pipeline(new SubscribeTo("news"), late).activate(s);
    s.runThreads();
    feeder.send(2);
    s.runThreads();
    expect(early.collected).to.deep.equal([1, 2]);
    expect(late.collected).to.deep.equal([2]);
    tell(s, backplane, shutdownMicroprocess());
    feeder.stop();
    publisher.stop();
  });

  for (const [label, make] of both) {
    it("Backplane — " + label + " on control — passes it to every subscriber, which end with their pipelines; services go", () => {
      const s = testScheduler();
      const backplane = new Backplane("news").activate(s);
      const watcher = new Feeder();
      watcher.link([backplane, "signal"], [watcher, "control"]);
      const subscribed = new Pipeline(new SubscribeTo("news"), new Collector());
      const pipelineEnd = new Feeder().reads(subscribed);
      subscribed.activate(s);
      s.runThreads();
      const message = make();
      tell(s, backplane, message);
      expect(backplane.isStopped()).to.equal(true);
      expect(subscribed.isStopped()).to.equal(true);
      expect(pipelineEnd.takeAll("control")).to.deep.equal([message]);
      expect(watcher.takeAll("control")).to.deep.equal([message]);
      expect(s.tracker.servicesRegistered()).to.deep.equal([]);
      watcher.stop();
      pipelineEnd.stop();
    });
  }

  it("Backplane — a second one with the same name — crashes with ServiceAlreadyExists and the first carries on", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    const first = new Backplane("news").activate(s);
    const second = new Backplane("news").activate(s);
    s.runThreads();
    expect(second.crashed).to.equal(true);
    expect(second.error).to.be.instanceOf(ServiceAlreadyExists);
    expect(first.isRunning()).to.equal(true);
    expect(s.tracker.retrieveService("Backplane_I_news")[0]).to.equal(first);
    tell(s, first, shutdownMicroprocess());
  });

  it("Backplane — a name that is not a non-empty string — throws an AxonError at construction", () => {
    expect(() => new Backplane("")).to.throw(AxonError, /needs a name/);
    expect(() => new Backplane(7 as unknown as string)).to.throw(AxonError, /needs a name/);
  });
});

describe("SubscribeTo", () => {
  for (const [label, make] of both) {
    it("SubscribeTo — " + label + " on control — forwards it, ends, and the backplane drops its outboxes and linkages", () => {
      const s = testScheduler();
      const backplane = new Backplane("news").activate(s);
      s.runThreads();
      const linkagesBefore = liveLinkageCount();
      const subscriber = new SubscribeTo("news");
      const reader = new Feeder().reads(subscriber);
      subscriber.activate(s);
      s.runThreads();
      expect(subscriberOutboxes(backplane)).to.have.length(2);
      const message = make();
      tell(s, subscriber, message);
      expect(subscriber.isStopped()).to.equal(true);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(subscriberOutboxes(backplane)).to.deep.equal([]);
      reader.stop();
      expect(liveLinkageCount()).to.equal(linkagesBefore);
      expect(backplane.isRunning()).to.equal(true);
      tell(s, backplane, shutdownMicroprocess());
    });
  }

  it("SubscribeTo — stopped from outside — still unsubscribes, from its teardown", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const subscriber = new SubscribeTo("news").activate(s);
    s.runThreads();
    expect(subscriberOutboxes(backplane)).to.have.length(2);
    subscriber.stop();
    s.runThreads();
    expect(subscriberOutboxes(backplane)).to.deep.equal([]);
    tell(s, backplane, shutdownMicroprocess());
  });

  it("SubscribeTo — messages already received when it is shut down — are sent on before the shutdown message", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const subscriber = new SubscribeTo("news");
    const reader = new Feeder().reads(subscriber);
    subscriber.activate(s);
    s.runThreads();
    const publisher = new Feeder();
    publisher.link([publisher, "outbox"], [backplane, "inbox"]);
    publisher.link([publisher, "signal"], [subscriber, "control"]);
    publisher.send("last words");
    publisher.send(producerFinished(), "signal");
    s.runThreads();
    expect(reader.takeAll()).to.deep.equal(["last words"]);
    expect(reader.takeAll("control")).to.have.length(1);
    publisher.stop();
    reader.stop();
    tell(s, backplane, shutdownMicroprocess());
  });

  it("SubscribeTo — a slow subscriber with a bounded destination — does not hold up the other subscribers", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const slow = new SubscribeTo<number>("news");
    const slowReader = new Feeder().reads(slow);
    slowReader.inboxes.inbox.setSize(1);
    slow.activate(s);
    const fast = new Collector();
    new Pipeline(new SubscribeTo("news"), fast).activate(s);
    s.runThreads();
    new Pipeline(new DataSource([1, 2, 3]), new PublishTo("news")).activate(s);
    s.runThreads();
    expect(fast.collected).to.deep.equal([1, 2, 3]);
    expect(slowReader.takeAll()).to.deep.equal([1]);
    s.runThreads();
    expect(slowReader.takeAll()).to.deep.equal([2]);
    slowReader.stop();
    slow.stop();
    tell(s, backplane, shutdownMicroprocess());
  });

  it("SubscribeTo — a shutdown message while still waiting for the backplane — ends it at once, passing the message on", () => {
    const s = testScheduler();
    const subscriber = new SubscribeTo("nowhere");
    const reader = new Feeder().reads(subscriber);
    subscriber.activate(s);
    runFor(s, 50);
    const message = producerFinished();
    tell(s, subscriber, message);
    expect(subscriber.isStopped()).to.equal(true);
    expect(subscriber.crashed).to.equal(false);
    expect(reader.takeAll("control")).to.deep.equal([message]);
    reader.stop();
  });

  it("SubscribeTo — no backplane by that name — crashes with ServiceNotFound for Backplane_O_<name> after waitMs", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    const subscriber = new SubscribeTo("nowhere", { waitMs: 200 }).activate(s);
    runFor(s, 199);
    expect(subscriber.isRunning()).to.equal(true);
    runFor(s, 1);
    expect(subscriber.crashed).to.equal(true);
    expect(subscriber.error).to.be.instanceOf(ServiceNotFound);
    expect((subscriber.error as Error).message).to.contain("'Backplane_O_nowhere'");
    expect(errors).to.have.length(1);
  });
});

describe("PublishTo", () => {
  for (const [label, make] of both) {
    it("PublishTo — " + label + " on control — publishes what it holds, forwards it and ends, and the backplane carries on", () => {
      const s = testScheduler();
      const backplane = new Backplane("news").activate(s);
      const sink = new Collector();
      new Pipeline(new SubscribeTo("news"), sink).activate(s);
      const publisher = new PublishTo("news");
      const feeder = new Feeder().feeds(publisher);
      const reader = new Feeder().reads(publisher);
      publisher.activate(s);
      s.runThreads();
      const message = make();
      feeder.send("x");
      feeder.send(message, "signal");
      s.runThreads();
      expect(publisher.isStopped()).to.equal(true);
      expect(sink.collected).to.deep.equal(["x"]);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(backplane.isRunning()).to.equal(true);
      feeder.stop();
      reader.stop();
      tell(s, backplane, shutdownMicroprocess());
    });
  }

  it("PublishTo — started before its backplane — keeps what it is sent and publishes it once the backplane appears", () => {
    const s = testScheduler();
    const publisher = new PublishTo<string>("late");
    const feeder = new Feeder().feeds(publisher);
    publisher.activate(s);
    feeder.send("kept");
    runFor(s, 300);
    const backplane = new Backplane("late");
    const subscriber = new SubscribeTo("late");
    const reader = new Feeder().reads(subscriber);
    backplane.activate(s);
    subscriber.activate(s);
    runFor(s, 5); // the subscriber attaches on the backplane's first steps
    expect(reader.takeAll()).to.deep.equal([]);
    runFor(s, 20); // the publisher's next look finds the backplane
    feeder.send("then this");
    runFor(s, 1);
    expect(reader.takeAll()).to.deep.equal(["kept", "then this"]);
    feeder.stop();
    publisher.stop();
    reader.stop();
    tell(s, backplane, shutdownMicroprocess());
  });

  it("PublishTo — producerFinished with data while waiting for the backplane — waits, publishes, then forwards it", () => {
    const s = testScheduler();
    const sink = new Collector();
    const source = new Pipeline(new DataSource([1, 2]), new PublishTo("late"));
    const reader = new Feeder().reads(source);
    source.activate(s);
    runFor(s, 100);
    expect(source.isRunning()).to.equal(true);
    const backplane = new Backplane("late").activate(s);
    new Pipeline(new SubscribeTo("late"), sink).activate(s);
    runFor(s, 1);
    runFor(s, 20);
    expect(sink.collected).to.deep.equal([1, 2]);
    expect(source.isStopped()).to.equal(true);
    expect(reader.takeAll("control")[0]).to.be.instanceOf(ProducerFinished);
    reader.stop();
    tell(s, backplane, shutdownMicroprocess());
  });

  it("PublishTo — shutdownMicroprocess while waiting for the backplane — ends at once, passing it on", () => {
    const s = testScheduler();
    const publisher = new PublishTo("nowhere");
    const feeder = new Feeder().feeds(publisher);
    const reader = new Feeder().reads(publisher);
    publisher.activate(s);
    feeder.send("never published");
    runFor(s, 50);
    const stop = shutdownMicroprocess();
    feeder.send(stop, "signal");
    runFor(s, 1);
    expect(publisher.isStopped()).to.equal(true);
    expect(publisher.crashed).to.equal(false);
    expect(reader.takeAll("control")).to.deep.equal([stop]);
    feeder.stop();
    reader.stop();
  });

  it("PublishTo — no backplane by that name — crashes with ServiceNotFound for Backplane_I_<name> after the default 1000 ms", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    const publisher = new PublishTo("nowhere").activate(s);
    runFor(s, 999);
    expect(publisher.isRunning()).to.equal(true);
    runFor(s, 1);
    expect(publisher.crashed).to.equal(true);
    expect(publisher.error).to.be.instanceOf(ServiceNotFound);
    expect((publisher.error as Error).message).to.contain("'Backplane_I_nowhere'");
    expect(errors).to.have.length(1);
  });

  it("PublishTo — waitMs 0 and no backplane — crashes at once without waiting, as in Kamaelia", () => {
    const s = testScheduler({ onError: () => undefined });
    const publisher = new PublishTo("nowhere", { waitMs: 0 }).activate(s);
    expect(runFor(s, 0)).to.equal(0);
    expect(publisher.crashed).to.equal(true);
    expect(publisher.error).to.be.instanceOf(ServiceNotFound);
  });

  it("PublishTo — its backplane has ended — drops what it is sent instead of piling it up", () => {
    const s = testScheduler();
    const backplane = new Backplane("news").activate(s);
    const publisher = new PublishTo("news");
    const feeder = new Feeder().feeds(publisher);
    publisher.activate(s);
    s.runThreads();
    tell(s, backplane, shutdownMicroprocess());
    feeder.send("into the void");
    s.runThreads();
    expect(publisher.dataReady()).to.equal(0);
    expect(backplane.dataReady()).to.equal(0);
    expect(publisher.isRunning()).to.equal(true);
    feeder.stop();
    publisher.stop();
  });

  it("PublishTo, SubscribeTo — a bad name or waitMs — throw an AxonError at construction", () => {
    expect(() => new PublishTo("")).to.throw(AxonError, /name of a backplane/);
    expect(() => new SubscribeTo(undefined as unknown as string)).to.throw(AxonError, /name of a backplane/);
    expect(() => new PublishTo("x", { waitMs: -1 })).to.throw(AxonError, /waitMs/);
    expect(() => new SubscribeTo("x", { waitMs: NaN })).to.throw(AxonError, /waitMs/);
  });
});
