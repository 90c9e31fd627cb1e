/**
 * Countdown: the placeholder main job until the video preview streamer lands (issue 8). The system (a
 * Ticker, a Formatter and a Printer in a Pipeline, see system.ts) runs on Node's event loop through the
 * desktop target.
 *
 * Run: npm start              Draw it: npm run graph -- countdown
 */
import { EventLoopDriver } from "kamaelia/desktop";
import { buildSystem } from "./system";

await new EventLoopDriver().run(buildSystem());
