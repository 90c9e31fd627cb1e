/**
 * Leak check, run after every test (a mocha root hook): no component is still live on any test scheduler
 * or the default scheduler, no service is still registered, and no linkage is still in place. A test that
 * leaves something behind fails here, naming what leaked; the leftovers are then stopped so one leak does
 * not cascade into later tests.
 */
import { defaultScheduler, liveLinkageCount } from "../src/index";
import type { Scheduler } from "../src/index";
import { schedulersInUse } from "./helpers/test-scheduler";

let linkagesBefore = 0;

function leftovers(scheduler: Scheduler): string[] {
  const found: string[] = [];
  const threads = scheduler.listAllThreads();
  if (threads.length > 0) found.push("live components: " + threads.map((t) => t.name).join(", "));
  const services = scheduler.tracker.servicesRegistered();
  if (services.length > 0) found.push("registered services: " + services.join(", "));
  return found;
}

export const mochaHooks = {
  beforeEach(): void {
    linkagesBefore = liveLinkageCount();
  },
  afterEach(): void {
    const schedulers = schedulersInUse.splice(0, schedulersInUse.length).concat([defaultScheduler()]);
    const found: string[] = [];
    for (const s of schedulers) {
      found.push(...leftovers(s));
      for (const name of s.tracker.servicesRegistered()) s.tracker.deRegisterService(name);
      s.stop();
    }
    const linkages = liveLinkageCount() - linkagesBefore;
    if (linkages > 0) found.push(linkages + " linkage(s) still in place");
    if (found.length > 0) throw new Error("leak check: the test left " + found.join("; "));
  },
};
