/**
 * SimpleServer: Kamaelia's older name for ServerCore, kept so Kamaelia programs read the same.
 *
 * Example:
 *   new SimpleServer(() => new Echo(), 1601).run();
 *
 * Behaviour: exactly ServerCore's (see server-core.ts); only its readable name differs (`SimpleServer_7`).
 */
import { ServerCore } from "./server-core";

export class SimpleServer extends ServerCore {
  static override Name = "SimpleServer";
}
