/**
 * The multicast receiver: prints what the group carries, until stopped with Ctrl-C (see system.ts).
 * Needs the built package: run `npm run build` first.
 *
 * Run: node --import tsx examples/multicast/receiver.ts [--group 224.168.2.9] [--port 1600] [--interface 127.0.0.1]
 */
import { EventLoopDriver } from "kamaelia/desktop";
import { buildReceiver, parseOptions } from "./system";

await new EventLoopDriver().run(buildReceiver(parseOptions(process.argv.slice(2))));
