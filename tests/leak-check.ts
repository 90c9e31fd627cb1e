/**
 * Leak check, run after every test (a mocha root hook): no component is still live on any test scheduler
 * or the default scheduler, no service is still registered, and no linkage is still in place. A leak is
 * reported at once, naming the test and what it left, and fails the run at the end (after every test has
 * run); the leftovers are stopped so one leak does not cascade into later tests.
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

const leaks: string[] = [];

export const mochaHooks = {
  beforeEach(): void {
    linkagesBefore = liveLinkageCount();
  },
  afterEach(this: Mocha.Context): void {
    const schedulers = schedulersInUse.splice(0, schedulersInUse.length).concat([defaultScheduler()]);
    const found: string[] = [];
    for (const s of schedulers) {
      found.push(...leftovers(s));
      for (const name of s.tracker.servicesRegistered()) s.tracker.deRegisterService(name);
      s.stop();
    }
    const linkages = liveLinkageCount() - linkagesBefore;
    if (linkages > 0) found.push(linkages + " linkage(s) still in place");
    if (found.length > 0) {
      // Reported now and failed at the end of the run: a throw here would make mocha skip every later test.
      const title = this.currentTest ? this.currentTest.fullTitle() : "a test";
      leaks.push(title + ": " + found.join("; "));
      console.error("  leak check: " + title + " left " + found.join("; "));
    }
  },
  afterAll(): void {
    if (leaks.length > 0) throw new Error("leak check: " + leaks.length + " test(s) left things behind:\n  " + leaks.join("\n  "));
  },
};
