/**
 * Fanout: copies each message to every named outbox, keeps them in step when one is full, follows the
 * shutdown convention, and refuses bad box names at construction.
 */
import { expect } from "chai";
import { AxonError, BoxNotFound, Collector, Fanout, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

describe("Fanout", () => {
  it("Fanout — named outboxes — each gets every message, in order", () => {
    const s = testScheduler();
    const fan = new Fanout(["toConsole", "toFile"]);
    const feeder = new Feeder().feeds(fan);
    const console_ = new Feeder().reads(fan, "toConsole");
    const file = new Feeder();
    file.link([fan, "toFile"], [file, "inbox"]);
    feeder.send(1);
    feeder.send(2);
    fan.activate(s);
    s.runThreads();
    expect(console_.takeAll()).to.deep.equal([1, 2]);
    expect(file.takeAll()).to.deep.equal([1, 2]);
    for (const c of [fan, feeder, console_, file]) c.stop();
  });

  it("Fanout — names that do not include outbox — sends nothing on outbox", () => {
    const s = testScheduler();
    const fan = new Fanout(["a"]);
    const feeder = new Feeder().feeds(fan);
    const a = new Feeder().reads(fan, "a");
    const plain = new Feeder();
    plain.link([fan, "outbox"], [plain, "inbox"]);
    feeder.send("x");
    fan.activate(s);
    s.runThreads();
    expect(a.takeAll()).to.deep.equal(["x"]);
    expect(plain.takeAll()).to.deep.equal([]);
    for (const c of [fan, feeder, a, plain]) c.stop();
  });

  it("Fanout — outbox among the names — uses the declared outbox too", () => {
    const s = testScheduler();
    const fan = new Fanout(["outbox", "copy"]);
    const feeder = new Feeder().feeds(fan);
    const main = new Feeder().reads(fan);
    const copy = new Feeder();
    copy.link([fan, "copy"], [copy, "inbox"]);
    feeder.send("x");
    fan.activate(s);
    s.runThreads();
    expect(main.takeAll()).to.deep.equal(["x"]);
    expect(copy.takeAll()).to.deep.equal(["x"]);
    for (const c of [fan, feeder, main, copy]) c.stop();
  });

  it("Fanout — one destination bounded and full — holds the next message back from every destination", () => {
    const s = testScheduler();
    const fan = new Fanout<number, "slow" | "fast">(["slow", "fast"]);
    const feeder = new Feeder().feeds(fan);
    const slow = new Feeder();
    slow.link([fan, "slow"], [slow, "inbox"]);
    slow.inboxes.inbox.setSize(1);
    const fast = new Feeder();
    fast.link([fan, "fast"], [fast, "inbox"]);
    for (let i = 1; i <= 3; i++) feeder.send(i);
    fan.activate(s);
    s.runThreads();
    expect(fast.takeAll()).to.deep.equal([1]);
    expect(fan.dataReady()).to.equal(2);
    expect(slow.takeAll()).to.deep.equal([1]);
    s.runThreads();
    expect(fast.takeAll()).to.deep.equal([2]);
    for (const c of [fan, feeder, slow, fast]) c.stop();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Fanout — " + label + " sent after data — fans out all the data, then forwards it on signal only and ends", () => {
      const s = testScheduler();
      const fan = new Fanout(["a", "b"]);
      const feeder = new Feeder().feeds(fan);
      const a = new Feeder().reads(fan, "a");
      const b = new Feeder();
      b.link([fan, "b"], [b, "inbox"]);
      const message = make();
      feeder.send(1);
      feeder.send(message, "signal");
      fan.run(s);
      expect(a.takeAll()).to.deep.equal([1]);
      expect(b.takeAll()).to.deep.equal([1]);
      expect(a.takeAll("control")).to.deep.equal([message]);
      expect(b.takeAll("control")).to.deep.equal([]);
      expect(fan.isStopped()).to.equal(true);
      for (const c of [feeder, a, b]) c.stop();
    });
  }

  it("Fanout — linking a name it was not given — throws BoxNotFound (run-time boxes are checked at run time)", () => {
    const fan = new Fanout(["a"]);
    const sink = new Collector<number>();
    sink.link([fan, "a"], [sink, "inbox"]);
    expect(() => sink.link([fan, "b"], [sink, "inbox"])).to.throw(BoxNotFound);
    sink.unlink();
  });

  it("Fanout — no names, a name twice, signal, or a non-string — throws an AxonError at construction", () => {
    expect(() => new Fanout([])).to.throw(AxonError, /non-empty array of outbox names/);
    expect(() => new Fanout("ab" as unknown as string[])).to.throw(AxonError, /non-empty array of outbox names/);
    expect(() => new Fanout(["a", "a"])).to.throw(AxonError, /"a" twice/);
    expect(() => new Fanout(["signal"])).to.throw(AxonError, /cannot use "signal"/);
    expect(() => new Fanout(["a", 3 as unknown as string])).to.throw(AxonError, /got 3/);
  });
});
