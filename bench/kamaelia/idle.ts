/**
 * Kamaelia, idle: 10,000 components that each wait on their inbox, as a real idle component does
 * (`pause(); yield 1` until something arrives).
 *
 * Measured in each trial:
 * - `createMs`: constructing them; `startMs`: activating them and running the scheduler until all are
 *   paused (runThreads returns once nothing is runnable); `shutdownMs`: delivering a shutdownMicroprocess
 *   into each one's `control` inbox, as a host delivers into an inbox between slices, and running until all
 *   have ended.
 * - `bytes`: heapUsed after start minus heapUsed before creating, each after two full collections
 *   (`--expose-gc`), divided by the number of components: the component, its boxes, its suspended
 *   generator and the scheduler's bookkeeping, all while paused.
 * Checked: every component is paused after start, and every one has ended after shutdown.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { MainLoop } from "../../src/index";
import { expectEqual } from "../check";
import { checkedScheduler } from "./checked-scheduler";
import { heapUsedAfterGc } from "../heap";
import { IDLE_COMPONENTS } from "../scenario";
import type { Trial } from "../scenario";

export function kamaeliaIdle(K: KamaeliaApi, count = IDLE_COMPONENTS): Trial {
  class Idle extends K.Component {
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

  return () => {
    // Allocated before the baseline, so the holder array is not charged to the components.
    const all: Idle[] = new Array<Idle>(count);
    const { scheduler, expectNoCrash } = checkedScheduler(K);
    const before = heapUsedAfterGc();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) all[i] = new Idle();
    const t1 = performance.now();
    for (let i = 0; i < count; i++) all[i].activate(scheduler);
    scheduler.runThreads();
    expectNoCrash("idle");
    const t2 = performance.now();
    let paused = 0;
    for (let i = 0; i < count; i++) if (all[i].isPaused()) paused++;
    expectEqual(paused, count, "idle: components paused after start");
    const bytes = (heapUsedAfterGc() - before) / count;
    const t3 = performance.now();
    for (let i = 0; i < count; i++) all[i].inboxes.control.push(K.shutdownMicroprocess());
    scheduler.runThreads();
    expectNoCrash("idle");
    const t4 = performance.now();
    let ended = 0;
    for (let i = 0; i < count; i++) if (all[i].isStopped()) ended++;
    expectEqual(ended, count, "idle: components ended after shutdown");
    expectEqual(scheduler.listAllThreads().length, 0, "idle: components left in the scheduler");
    return { work: count, metrics: { bytes, createMs: t1 - t0, startMs: t2 - t1, shutdownMs: t4 - t3 } };
  };
}
