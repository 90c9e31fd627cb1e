/**
 * WaitComplete: `yield WaitComplete(gen)` runs a sub-generator to its end before the caller resumes, hands
 * back its return value, and rethrows its error at the caller's yield.
 */
DeviceTest.define("WaitComplete", (t) => {
  const log: string[] = [];
  class Caller extends Kamaelia.Microprocess {
    static override Name = "Caller";
    *count(upTo: number): Generator<YieldValue, number, unknown> {
      let total = 0;
      for (let i = 1; i <= upTo; i++) {
        total += i;
        log.push("sub" + i);
        yield 1;
      }
      return total;
    }
    *fail(): Generator<YieldValue, void, unknown> {
      yield 1;
      throw new Error("sub-generator failed");
    }
    override *main(): MainLoop {
      const total = yield Kamaelia.WaitComplete(this.count(3));
      log.push("total " + total);
      try {
        yield Kamaelia.WaitComplete(this.fail());
      } catch (e) {
        log.push("caught " + (e as Error).message);
      }
    }
  }
  class Other extends Kamaelia.Microprocess {
    static override Name = "Other";
    override *main(): MainLoop {
      for (let i = 0; i < 3; i++) {
        log.push("other" + i);
        yield 1;
      }
    }
  }
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  new Caller().activate(scheduler);
  new Other().activate(scheduler);
  scheduler.runThreads();
  t.ok(log.indexOf("total 6") > log.indexOf("sub3"), "the caller resumes after the sub-generator ends");
  t.ok(log.indexOf("other1") < log.indexOf("sub3"), "other components run meanwhile");
  t.ok(log.indexOf("caught sub-generator failed") >= 0, "the sub-generator's error is thrown at the caller's yield");
});
