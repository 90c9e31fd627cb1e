/**
 * waitForService: find a CAT service that may not be registered yet, waiting for it a bounded time (internal
 * to the util family; PublishTo and SubscribeTo use it to find their Backplane).
 *
 * Example:
 *   const found = (yield WaitComplete(waitForService(this, "Backplane_I_news", 1000))) as ServiceWait;
 *   if (found.service === null) { this.send(found.finishing as ShutdownMessage, "signal"); return; }
 *
 * Behaviour:
 * - Looks the service up at once. If it is missing it looks again on the next step (anything activated at
 *   the same time has registered by then), and after that every POLL_MS on the host clock, until `waitMs`
 *   have passed since the first look. Then it throws the kernel's ServiceNotFound, which crashes the caller
 *   with an error naming the service. `waitMs` 0 fails at once, as Kamaelia does; Infinity waits for ever.
 * - While waiting it watches the caller's `control` inbox. `shutdownMicroprocess` ends the wait at once
 *   (service null). `producerFinished` also ends it when the caller's `inbox` is empty — nothing would be
 *   lost — and otherwise is kept, returned as `finishing` with the service, so the caller can deliver what it
 *   holds and then pass the message on. Other control messages are dropped.
 *
 * How it works inside: a generator run with WaitComplete, so its pauses are the caller's. The CAT has no
 * "tell me when X registers", so it polls: at most one cheap look-up every POLL_MS, and only while waiting.
 */
import { AxonError, ProducerFinished, ServiceNotFound, ShutdownMicroprocess } from "../../core/index";
import type { AnyComponent, MainLoop, ShutdownMessage } from "../../core/index";

/** Milliseconds between looks once the first two have missed. */
export const POLL_MS = 10;

/** Options for PublishTo and SubscribeTo. */
export interface BackplaneClientOptions {
  /** How long to wait for the backplane to appear, in ms on the host clock (default 1000; 0: not at all). */
  waitMs?: number;
}

/** How long PublishTo and SubscribeTo wait for their backplane unless told otherwise. */
export const DEFAULT_WAIT_MS = 1000;

/** The `waitMs` option, checked: 0 or more milliseconds (Infinity allowed); AxonError otherwise. */
export function checkWaitMs(who: string, options: BackplaneClientOptions | undefined): number {
  const waitMs = options && options.waitMs !== undefined ? options.waitMs : DEFAULT_WAIT_MS;
  if (typeof waitMs !== "number" || !(waitMs >= 0)) {
    throw new AxonError(who + " needs waitMs to be 0 or more milliseconds (Infinity to wait for ever), not " + String(waitMs));
  }
  return waitMs;
}

/** How a wait ended. */
export interface ServiceWait {
  /** The service found, or null when a shutdown message ended the wait first. */
  service: [component: AnyComponent, inbox: string] | null;
  /** The shutdown message received while waiting, if any. */
  finishing: ShutdownMessage | null;
}

/** Wait up to `waitMs` for the service `name`, watching `component`'s control inbox; run it with WaitComplete. */
export function* waitForService(component: AnyComponent, name: string, waitMs: number): MainLoop<ServiceWait> {
  const cat = component.getcat();
  const started = component.now();
  let finishing: ShutdownMessage | null = null;
  for (let attempt = 0; ; attempt++) {
    while (component.dataReady("control")) {
      const message = component.recv("control");
      if (message instanceof ShutdownMicroprocess) return { service: null, finishing: message };
      if (message instanceof ProducerFinished && finishing === null) finishing = message;
    }
    if (finishing !== null && component.dataReady("inbox") === 0) return { service: null, finishing: finishing };
    try {
      return { service: cat.retrieveService<AnyComponent>(name), finishing: finishing };
    } catch (e) {
      if (!(e instanceof ServiceNotFound)) throw e;
    }
    const waited = component.now() - started;
    if (waited >= waitMs) throw new ServiceNotFound(name);
    if (attempt > 0) component.pauseFor(Math.min(POLL_MS, waitMs - waited));
    yield 1;
  }
}
