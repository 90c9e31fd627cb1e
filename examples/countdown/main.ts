/**
 * Countdown: the smallest complete program — a Ticker, a Formatter and a Printer in a Pipeline (see
 * system.ts) on Node's event loop through the desktop target. (It was the main job until the video
 * preview streamer, examples/video-preview, took over `npm start`.)
 *
 * Run: node --import tsx examples/countdown/main.ts     Draw it: npm run graph -- countdown
 */
import { EventLoopDriver } from "kamaelia/desktop";
import { buildSystem } from "./system";

await new EventLoopDriver().run(buildSystem());
