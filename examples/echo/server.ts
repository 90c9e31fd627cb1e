/**
 * The echo server: `node --import tsx examples/echo/server.ts [port]` (default 1601; 0 picks a free port).
 * Prints `echo server listening on port N`, then echoes every connection until Ctrl-C (or SIGTERM), which
 * shuts it down in order: it stops listening, closes every connection, and the process exits.
 */
import { shutdownMicroprocess } from "kamaelia";
import { AsyncHandle, EventLoopDriver } from "kamaelia/desktop";
import { buildSystem } from "./system";

const port = process.argv[2] === undefined ? 1601 : Number(process.argv[2]);
const driver = new EventLoopDriver();
const server = buildSystem(port);
const running = driver.run(server);
const handle = new AsyncHandle(server, driver);
console.log("echo server listening on port " + (await handle.get("serverPort")));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // The message is made from "kamaelia" itself, the module the server's class comes from.
  process.once(signal, () => server.inboxes.control.push(shutdownMicroprocess()));
}
await running;
handle.close();
