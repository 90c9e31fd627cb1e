#!/usr/bin/env node
// kamaelia-qjs: run a Kamaelia app script inside QuickJS, with the host bridge supplying the clock, log,
// output and IO (TCP, UDP, files, processes, threads) from this Node process.
//
//   npx kamaelia-qjs app.js [--memory-limit=MB] [--cpu-limit=MS] [--ng]
//
// The app script is plain ES5 that sees the bundle's global `Kamaelia` and activates components on the
// default scheduler. The process exits 0 when every guest component has ended, 1 with a message saying
// why when the guest fails (an uncaught error, or its memory or CPU limit), and 130 on Ctrl-C after
// stopping the guest cleanly.
import { readFileSync } from "node:fs";
import { QuickJSHost, GuestFailed } from "../dist/node/quickjs.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const found = args.find((a) => a.startsWith("--" + name + "="));
  return found === undefined ? undefined : Number(found.slice(name.length + 3));
};
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: kamaelia-qjs app.js [--memory-limit=MB] [--cpu-limit=MS] [--ng]");
  process.exit(2);
}
let code;
try {
  code = readFileSync(file, "utf8");
} catch (e) {
  console.error("kamaelia-qjs: cannot read " + file + ": " + e.message);
  process.exit(2);
}
const memoryMb = option("memory-limit");
const host = await QuickJSHost.create({
  variant: args.includes("--ng") ? "quickjs-ng" : "quickjs",
  memoryLimitBytes: memoryMb === undefined ? undefined : memoryMb * 1048576,
  cpuLimitMs: option("cpu-limit"),
});
let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
  host.stop();
});
try {
  host.evalScript(code, file);
  await host.run();
} catch (e) {
  console.error("kamaelia-qjs: " + (e instanceof GuestFailed ? e.message : String(e)));
  host.dispose();
  process.exit(1);
}
host.dispose();
process.exit(interrupted ? 130 : 0);
