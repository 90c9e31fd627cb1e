/**
 * The chat server: `node --import tsx examples/chat/server.ts [port]` (default 1602; 0 picks a free port).
 * Prints `chat server listening on port N`; connect with any line-based TCP client (`nc 127.0.0.1 1602`)
 * and everything anyone types reaches everyone. Ctrl-C (or SIGTERM) shuts it down in order.
 */
import { shutdownMicroprocess } from "kamaelia";
import { AsyncHandle, EventLoopDriver } from "kamaelia/desktop";
import { buildSystem } from "./system";

const port = process.argv[2] === undefined ? 1602 : Number(process.argv[2]);
const driver = new EventLoopDriver();
const system = buildSystem(port);
const running = driver.run(system);
const handle = new AsyncHandle(system, driver);
console.log("chat server listening on port " + (await handle.get()));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // The message is made from "kamaelia" itself, the module the system's classes come from.
  process.once(signal, () => system.inboxes.control.push(shutdownMicroprocess()));
}
await running;
handle.close();
