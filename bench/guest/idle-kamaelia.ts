/**
 * Idle components on a device engine, Kamaelia: __INPUT.work components paused on their inboxes. Reports
 * bytes per component where the engine can measure its heap (see harness.ts), and the time to create,
 * to activate and run until all are paused, and to shut down (a shutdownMicroprocess delivered into each
 * control inbox, as a host delivers between slices, then run until all have ended).
 * Checked: all paused after start, all ended after shutdown.
 */
(function () {
  class Idle extends Kamaelia.Component {
    static override Name = "Idle";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.recv();
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }

  benchRun(function () {
    const count = __INPUT.work;
    const all: Idle[] = [];
    for (let i = 0; i < count; i++) all.push(null as unknown as Idle); // the holder is not charged to the components
    const scheduler = benchScheduler();
    const before = memoryUsed();
    const t0 = benchClock();
    for (let i = 0; i < count; i++) all[i] = new Idle();
    const t1 = benchClock();
    for (let i = 0; i < count; i++) all[i].activate(scheduler);
    scheduler.runThreads();
    benchCheckNoCrash("idle");
    const t2 = benchClock();
    let paused = 0;
    for (let i = 0; i < count; i++) if (all[i].isPaused()) paused++;
    benchCheck(paused, count, "idle: components paused after start");
    const after = memoryUsed();
    const t3 = benchClock();
    for (let i = 0; i < count; i++) all[i].inboxes.control.push(Kamaelia.shutdownMicroprocess());
    scheduler.runThreads();
    benchCheckNoCrash("idle");
    const t4 = benchClock();
    let ended = 0;
    for (let i = 0; i < count; i++) if (all[i].isStopped()) ended++;
    benchCheck(ended, count, "idle: components ended after shutdown");
    benchCheck(scheduler.listAllThreads().length, 0, "idle: components left in the scheduler");
    const metrics: GuestMetrics = { createMs: t1 - t0, startMs: t2 - t1, shutdownMs: t4 - t3 };
    if (before >= 0) metrics.bytes = (after - before) / count;
    return metrics;
  });
})();
