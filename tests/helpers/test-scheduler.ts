/**
 * Schedulers for tests: each runs on a virtual clock and is registered with the leak check, which asserts
 * after every test that no component, linkage or service outlives it.
 */
import { Scheduler } from "../../src/index";
import type { Hooks } from "../../src/index";
import { virtualHost } from "./virtual-clock";
import type { VirtualHost } from "./virtual-clock";

export const schedulersInUse: Scheduler[] = [];

/** A fresh scheduler on a virtual clock, checked for leaks after the test. */
export function testScheduler(hooks?: Hooks): Scheduler & { host: VirtualHost } {
  const scheduler = new Scheduler({ host: virtualHost(), hooks });
  schedulersInUse.push(scheduler);
  return scheduler as Scheduler & { host: VirtualHost };
}
