/**
 * takeShutdown: the shutdown half of a component main loop, in one place, for every component family.
 *
 * Example:
 *   const finish = takeShutdown(this);
 *   if (finish !== null) { this.send(finish, "signal"); return; }
 *
 * Behaviour: collects everything waiting on `control` and returns the first producerFinished or
 * shutdownMicroprocess among it, or null. Other control messages are dropped (Kamaelia's components ignore
 * them too). Call it after draining `inbox`, as docs/shutdown.md says, so no data is left unread.
 */
import { isShutdownMessage } from "../core/index";
import type { AnyComponent, ShutdownMessage } from "../core/index";

export function takeShutdown(component: AnyComponent): ShutdownMessage | null {
  while (component.dataReady("control")) {
    const message: unknown = component.recv("control");
    if (isShutdownMessage(message)) return message;
  }
  return null;
}
