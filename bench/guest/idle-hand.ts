/**
 * Idle on a device engine, hand-written: __INPUT.work plain objects `{ id, inbox, waiting }`, the least a
 * hand-written idle actor needs. Reports bytes per object where the engine can measure, and creation time.
 */
(function () {
  interface IdleActor {
    id: number;
    inbox: unknown[] | null;
    waiting: boolean;
  }
  benchRun(function () {
    const count = __INPUT.work;
    const all: IdleActor[] = [];
    for (let i = 0; i < count; i++) all.push(null as unknown as IdleActor);
    const before = memoryUsed();
    const t0 = benchClock();
    for (let i = 0; i < count; i++) all[i] = { id: i, inbox: null, waiting: true };
    const t1 = benchClock();
    const after = memoryUsed();
    let waiting = 0;
    for (let i = 0; i < count; i++) if (all[i].waiting) waiting++;
    benchCheck(waiting, count, "idle: actors waiting");
    const metrics: GuestMetrics = { createMs: t1 - t0 };
    if (before >= 0) metrics.bytes = (after - before) / count;
    return metrics;
  });
})();
