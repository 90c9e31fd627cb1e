/**
 * Round-robin order: components that never pause take one step each per cycle, in activation order, and a
 * component activated mid-cycle starts on the next cycle.
 */
DeviceTest.define("round-robin order", (t) => {
  const log: string[] = [];
  class Stepper extends Kamaelia.Microprocess {
    static override Name = "Stepper";
    constructor(private label: string, private steps: number) {
      super();
    }
    override *main(): MainLoop {
      for (let i = 0; i < this.steps; i++) {
        log.push(this.label + i);
        if (this.label === "a" && i === 0) new Stepper("late", 1).activate(this.scheduler!);
        yield 1;
      }
    }
  }
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  new Stepper("a", 2).activate(scheduler);
  new Stepper("b", 2).activate(scheduler);
  scheduler.runThreads();
  t.deepEqual(log, ["a0", "b0", "a1", "b1", "late0"], "step order");
});
