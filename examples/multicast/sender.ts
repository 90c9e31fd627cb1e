/**
 * The multicast sender: streams a file to the group at a steady rate, then ends (see system.ts).
 * Needs the built package: run `npm run build` first.
 *
 * Run: node --import tsx examples/multicast/sender.ts <file> [--group 224.168.2.9] [--port 1600] [--interface 127.0.0.1] [--rate 64000]
 */
import { EventLoopDriver } from "kamaelia/desktop";
import { buildSender, parseOptions } from "./system";

await new EventLoopDriver().run(buildSender(parseOptions(process.argv.slice(2))));
