/**
 * Checked scheduler: a fresh Scheduler whose `hooks.onError` (the kernel's one extension seam) records
 * every crash, so a trial can fail loudly with the crash's own message rather than a puzzling sum. The
 * hook runs only when a component crashes: it costs nothing per step.
 *
 * Example:
 *   const { scheduler, expectNoCrash } = checkedScheduler(K);
 *   pipeline.activate(scheduler);
 *   scheduler.runThreads();
 *   expectNoCrash("linear");
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { Runnable, Scheduler } from "../../src/index";

export function checkedScheduler(K: KamaeliaApi): { scheduler: Scheduler; expectNoCrash: (what: string) => void } {
  const crashes: string[] = [];
  const scheduler = new K.Scheduler({
    hooks: {
      onError(error: unknown, who: Runnable) {
        const e = error as { name?: string; message?: string };
        crashes.push(who.name + " crashed: " + (e && e.message ? (e.name || "Error") + ": " + e.message : String(error)));
      },
    },
  });
  return {
    scheduler,
    expectNoCrash(what: string) {
      if (crashes.length > 0) throw new Error(what + ": " + crashes.join("; "));
    },
  };
}
