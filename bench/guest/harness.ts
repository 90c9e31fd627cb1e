/**
 * Guest harness: the timing loop that runs inside each engine — warm-ups, then timed repetitions — and the
 * memory probe. It prints `__RESULT__ <json>` last, with one rate sample per repetition and any metrics
 * the trial returned.
 *
 * Example (a guest scenario script, after this file in the same script):
 *   benchRun(function () { ...run __INPUT.work messages, check the sum...; return {}; });
 *
 * Behaviour: the clock is the host's `hostNow()` where the engine has one (QuickJS), else `Date.now()`
 * (1 ms resolution: trials are sized to run well over 100 ms). `memoryUsed()` is the engine's live heap
 * in bytes after a collection where the engine can say (QuickJS: the runtime's memory in use, kept
 * exact by reference counting; Hermes: `gc()` then allocated bytes), or -1 where it cannot (Duktape,
 * mujs). A trial that finds a wrong result throws; the engine exits non-zero and the suite reports it.
 */

/** What a trial may report besides its rate. */
interface GuestMetrics {
  [name: string]: number;
}

function benchClock(): number {
  return typeof hostNow === "function" ? hostNow() : Date.now();
}

function memoryUsed(): number {
  if (typeof hostMemoryUsed === "function") return hostMemoryUsed();
  if (typeof HermesInternal === "object" && HermesInternal && HermesInternal.getInstrumentedStats && typeof gc === "function") {
    gc();
    return HermesInternal.getInstrumentedStats().js_allocatedBytes;
  }
  return -1;
}

function benchCheck(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new Error(what + " is " + String(actual) + ", expected " + String(expected) + ": the benchmarked system is broken");
}

function benchRun(trial: () => GuestMetrics): void {
  for (let i = 0; i < __INPUT.warmups; i++) trial();
  const rates: number[] = [];
  const metrics: { [name: string]: number[] } = {};
  for (let i = 0; i < __INPUT.repetitions; i++) {
    const start = benchClock();
    const extra = trial();
    const ms = benchClock() - start;
    rates.push((__INPUT.work * 1000) / (ms > 0 ? ms : 0.5));
    for (const name in extra) {
      if (Object.prototype.hasOwnProperty.call(extra, name)) (metrics[name] || (metrics[name] = [])).push(extra[name]);
    }
  }
  print("__RESULT__ " + JSON.stringify({ rate: rates, metrics: metrics }));
}

let benchCrashes: string[] = [];

/** A fresh scheduler whose onError hook records crashes, so a trial fails with the crash's own message. */
function benchScheduler() {
  benchCrashes = [];
  return new Kamaelia.Scheduler({
    hooks: {
      onError: function (error: unknown, who: { name: string }) {
        const e = error as { name?: string; message?: string };
        benchCrashes.push(who.name + " crashed: " + (e && e.message ? (e.name || "Error") + ": " + e.message : String(error)));
      },
    },
  });
}

function benchCheckNoCrash(what: string): void {
  if (benchCrashes.length > 0) throw new Error(what + ": " + benchCrashes.join("; "));
}
