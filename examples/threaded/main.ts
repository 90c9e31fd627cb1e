/**
 * Threaded: hash files on a worker thread with blocking calls while a ticker keeps ticking on the
 * scheduler (see system.ts). Needs the built package: run `npm run build` first.
 *
 * Run: node --import tsx examples/threaded/main.ts [file ...]
 */
import { EventLoopDriver } from "kamaelia/desktop";
import { buildSystem, defaultFiles } from "./system";

const files = process.argv.slice(2);
await new EventLoopDriver().run(buildSystem(files.length > 0 ? files : defaultFiles));
