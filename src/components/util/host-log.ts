/**
 * hostLog: a log line from a util component to its scheduler's host (internal to the util family).
 *
 * Example:
 *   hostLog(this, "warn", this.name + " ignored an unknown command: " + String(command));
 *
 * Behaviour: goes to `host.log(level, text)` when the host has one, and nowhere otherwise. A component
 * that is not activated logs nothing. Used for the input a component can survive (an unknown command, a
 * bad rate on a `rate` inbox) — misuse at construction throws instead.
 *
 * How it works inside: the host is the only route to a log the kernel allows (no console on these engines).
 */
import type { LogLevel, Microprocess } from "../../core/index";

/** Write `text` to the host's log at `level`, if the component's host has a log. */
export function hostLog(component: Microprocess, level: LogLevel, text: string): void {
  const scheduler = component.scheduler;
  if (scheduler !== null && scheduler.host.log) scheduler.host.log(level, text);
}
