/**
 * DropOldestQueue: passes messages straight through while the way is clear; while a bounded destination is
 * full, or `ready()` says no, it keeps only the newest `length` and counts what it drops; it asks `ready()`
 * again every `retryMs` only while something waits; producerFinished sends what waits first,
 * shutdownMicroprocess drops it.
 */
import { expect } from "chai";
import { AxonError, DropOldestQueue, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder, runFor } from "./support";

/** A queue between a feeder and a reader (a Feeder whose inbox is the queue's destination). */
function rig(queue: DropOldestQueue<string>) {
  const s = testScheduler();
  const feeder = new Feeder().feeds(queue);
  const reader = new Feeder().reads(queue);
  queue.activate(s);
  return { s, queue, feeder, reader, done: () => [queue, feeder, reader].forEach((c) => c.stop()) };
}

describe("DropOldestQueue", () => {
  it("DropOldestQueue — a consumer with room — passes every message through in order, dropping none", () => {
    const r = rig(new DropOldestQueue<string>());
    for (const m of ["a", "b", "c", "d", "e"]) r.feeder.send(m);
    runFor(r.s, 10);
    expect(r.reader.takeAll()).to.deep.equal(["a", "b", "c", "d", "e"]);
    expect(r.queue.dropped).to.equal(0);
    r.done();
  });

  it("DropOldestQueue — a full bounded destination — keeps the newest two, counts the drops, sends them when it collects", () => {
    const r = rig(new DropOldestQueue<string>());
    r.reader.inboxes.inbox.setSize(1);
    for (const m of ["a", "b", "c", "d", "e"]) r.feeder.send(m);
    runFor(r.s, 10);
    expect(r.queue.waiting()).to.equal(2);
    expect(r.queue.dropped).to.equal(2);
    expect(r.reader.takeAll()).to.deep.equal(["a"]); // collecting wakes the queue
    runFor(r.s, 10);
    expect(r.reader.takeAll()).to.deep.equal(["d"]);
    runFor(r.s, 10);
    expect(r.reader.takeAll()).to.deep.equal(["e"]);
    expect(r.queue.waiting()).to.equal(0);
    r.done();
  });

  it("DropOldestQueue — ready() says no for a while — holds the newest `length`, asks again every retryMs, then sends", () => {
    let open = false;
    let asked = 0;
    const ready = () => {
      asked++;
      return open;
    };
    const r = rig(new DropOldestQueue<string>({ length: 3, ready, retryMs: 50 }));
    for (let i = 0; i < 10; i++) r.feeder.send("m" + i);
    runFor(r.s, 1);
    const afterBurst = asked; // asked once per message as it arrived
    runFor(r.s, 999);
    expect(r.reader.takeAll()).to.deep.equal([]);
    expect(r.queue.dropped).to.equal(7);
    expect(asked - afterBurst).to.be.within(19, 21); // then every 50 ms
    open = true;
    runFor(r.s, 60);
    expect(r.reader.takeAll()).to.deep.equal(["m7", "m8", "m9"]);
    r.done();
  });

  it("DropOldestQueue — ready() turns false after one send — holds the rest back until it answers true", () => {
    let reader: Feeder | null = null;
    const r = rig(new DropOldestQueue<string>({ ready: () => (reader as Feeder).dataReady() === 0, retryMs: 50 }));
    reader = r.reader;
    r.feeder.send("a");
    r.feeder.send("b");
    runFor(r.s, 10);
    expect(reader.dataReady()).to.equal(1); // "a" went; then the test said no
    expect(reader.takeAll()).to.deep.equal(["a"]);
    runFor(r.s, 60);
    expect(reader.takeAll()).to.deep.equal(["b"]);
    expect(r.queue.dropped).to.equal(0);
    r.done();
  });

  it("DropOldestQueue — nothing waiting — sets no timer, so an idle queue costs nothing", () => {
    let asked = 0;
    const r = rig(
      new DropOldestQueue<string>({
        ready: () => {
          asked++;
          return true;
        },
        retryMs: 10,
      }),
    );
    r.feeder.send("a");
    runFor(r.s, 1000);
    expect(r.reader.takeAll()).to.deep.equal(["a"]);
    expect(asked).to.equal(1);
    expect(r.s.runSlice()).to.equal(-1); // SLICE_IDLE: paused with no timer
    r.done();
  });

  it("DropOldestQueue — producerFinished while messages wait — sends them as the way clears, then passes it on", () => {
    let open = false;
    const r = rig(new DropOldestQueue<string>({ ready: () => open, retryMs: 20 }));
    r.feeder.send("a");
    r.feeder.send("b");
    const finished = producerFinished();
    r.feeder.send(finished, "signal");
    runFor(r.s, 100);
    expect(r.queue.isStopped()).to.equal(false);
    open = true;
    runFor(r.s, 30);
    expect(r.reader.takeAll()).to.deep.equal(["a", "b"]);
    expect(r.reader.takeAll("control")).to.deep.equal([finished]);
    expect(r.queue.isStopped()).to.equal(true);
    r.done();
  });

  it("DropOldestQueue — shutdownMicroprocess while messages wait — drops them and passes it on at once", () => {
    const r = rig(new DropOldestQueue<string>({ ready: () => false }));
    r.feeder.send("a");
    const shutdown = shutdownMicroprocess();
    r.feeder.send(shutdown, "signal");
    runFor(r.s, 5);
    expect(r.reader.takeAll()).to.deep.equal([]);
    expect(r.reader.takeAll("control")).to.deep.equal([shutdown]);
    expect(r.queue.isStopped()).to.equal(true);
    expect(r.queue.dropped).to.equal(0);
    r.done();
  });

  it("DropOldestQueue — a stall of 10,000 messages — never holds more than `length`", () => {
    const r = rig(new DropOldestQueue<number>({ length: 2, ready: () => false, retryMs: 1000 }) as never as DropOldestQueue<string>);
    for (let i = 0; i < 10000; i++) {
      r.feeder.send(String(i));
      if (i % 100 === 0) runFor(r.s, 1);
      expect(r.queue.waiting()).to.be.at.most(2);
    }
    runFor(r.s, 1);
    expect(r.queue.dropped).to.equal(9998);
    expect(r.queue.waiting()).to.equal(2);
    r.done();
  });

  it("DropOldestQueue — a bad length or retryMs — is an AxonError naming the option", () => {
    expect(() => new DropOldestQueue({ length: 0 })).to.throw(AxonError, /length/);
    expect(() => new DropOldestQueue({ length: 1.5 })).to.throw(AxonError, /length/);
    expect(() => new DropOldestQueue({ retryMs: 0 })).to.throw(AxonError, /retryMs/);
    expect(() => new DropOldestQueue({ ready: 3 as never })).to.throw(AxonError, /ready/);
  });
});
