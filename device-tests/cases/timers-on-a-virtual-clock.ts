/**
 * Timers: pauseFor wakes a component when the host clock reaches the time, runSlice reports how long until
 * the next timer, and runThreads sleeps through the host rather than spinning.
 */
DeviceTest.define("timers on a virtual clock", (t) => {
  const host = t.virtualHost();
  const scheduler = new Kamaelia.Scheduler({ host: host });
  const woke: number[] = [];
  class Ticker extends Kamaelia.Microprocess {
    static override Name = "Ticker";
    override *main(): MainLoop {
      for (let i = 0; i < 3; i++) {
        this.pauseFor(250);
        yield 1;
        woke.push(this.now());
      }
    }
  }
  new Ticker().activate(scheduler);
  t.equal(scheduler.runSlice(), 250, "ms to the first timer");
  host.time = 100;
  t.equal(scheduler.runSlice(), 150, "ms left after 100 ms");
  scheduler.runThreads();
  t.deepEqual(woke, [250, 500, 750], "wake times");
  t.equal(scheduler.runSlice(), Kamaelia.SLICE_DONE, "done");
});
