/**
 * takeShutdown and takeControl: the shutdown half of a component main loop, in one place, for every
 * component family.
 *
 * Example:
 *   const finish = takeShutdown(this);
 *   if (finish !== null) { this.send(finish, "signal"); return; }
 *
 * Behaviour: collects everything waiting on `control` and returns the first producerFinished or
 * shutdownMicroprocess among it, or null. Other control messages are dropped (Kamaelia's components ignore
 * them too). Call it after draining `inbox`, as docs/shutdown.md says, so no data is left unread.
 */
import { ProducerFinished, ShutdownMicroprocess, isShutdownMessage } from "../core/index";
import type { AnyComponent, ShutdownMessage } from "../core/index";

export function takeShutdown(component: AnyComponent): ShutdownMessage | null {
  while (component.dataReady("control")) {
    const message: unknown = component.recv("control");
    if (isShutdownMessage(message)) return message;
  }
  return null;
}

/**
 * For components that finish their work before obeying producerFinished (sources, writers, sockets):
 * collects `control` and returns a shutdownMicroprocess at once if one came — stop now — and otherwise
 * `finishing`, or the first producerFinished that came if there was none yet.
 *
 * Example:
 *   const control = takeControl(this, finishing);
 *   if (control instanceof ShutdownMicroprocess) { this.send(control, "signal"); return; }
 *   finishing = control;    // finish what is in hand, then pass it on
 */
export function takeControl(component: AnyComponent, finishing: ShutdownMessage | null): ShutdownMessage | null {
  let result = finishing;
  while (component.dataReady("control")) {
    const message: unknown = component.recv("control");
    if (message instanceof ShutdownMicroprocess) return message;
    if (message instanceof ProducerFinished && result === null) result = message;
  }
  return result;
}
