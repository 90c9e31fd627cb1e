/**
 * The main job (`npm start`): the video preview streamer and a client, side by side. The server grabs a
 * JPEG from the bundled sample clip every 2 seconds at handset size (176×144) and sends it over TCP and
 * WebSockets; the desktop terminal client connects to it and draws each frame as it arrives, with a
 * status line. The viewer page's address is printed for a phone on the same network. Ctrl-C stops both
 * cleanly (every connection closed, every ffmpeg stopped).
 *
 * Run: npm start   (or: node --import tsx examples/video-preview/main.ts [--frames N] [--no-display]
 *        [--port 1500] [--http-port 8080] [--interval S] [--media DIR|FILE])
 * Ports already taken fall back to free ones, which are printed.
 */
import { AsyncHandle, EventLoopDriver } from "../../targets/desktop/index";
import { startTerminalClient } from "./client/terminal-client";
import { PreviewServer, previewUrls } from "./server/preview-server";
import type { PreviewServerOptions, PreviewServerReady } from "./server/preview-server";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf("--" + name);
  return i >= 0 ? args[i + 1] : undefined;
};
const frames = Number(option("frames") || 0);
const display = !args.includes("--no-display");
const interval = option("interval");

/** Start a server on `ports`; resolves with it and its ports, or with null if it could not listen. */
async function startServer(driver: EventLoopDriver, options: PreviewServerOptions): Promise<{ handle: AsyncHandle<PreviewServer>; ready: PreviewServerReady } | null> {
  const server = new PreviewServer(options);
  const handle = new AsyncHandle(server, driver);
  const ready = (await handle.get("ready")) as PreviewServerReady | undefined;
  return ready === undefined ? null : { handle, ready };
}

const logged: string[] = [];
const driver = new EventLoopDriver({ log: (level, message) => logged.push(level + ": " + message) });
const serving = driver.run();
const wanted: PreviewServerOptions = {
  port: Number(option("port") || 1500),
  httpPort: Number(option("http-port") || 8080),
  interval: interval === undefined ? undefined : Number(interval),
  mediaFolder: option("media"),
};
let started = await startServer(driver, wanted);
if (started === null) {
  console.log("(port " + wanted.port + " or " + wanted.httpPort + " is taken: using free ports instead)");
  started = await startServer(driver, { ...wanted, port: 0, httpPort: 0 });
}
if (started === null) {
  console.error("npm start: the preview server could not listen:\n  " + logged.join("\n  "));
  process.exit(1);
}
const { handle, ready } = started;
console.log("Kamaelia video preview: a JPEG every " + (interval || "2") + " s from " + (wanted.mediaFolder || "examples/video-preview/media") + " at 176x144, over a framing protocol.");
for (const line of previewUrls(ready)) console.log("  " + line);
console.log("  terminal client:  below (Ctrl-C stops everything)\n");

const client = startTerminalClient({ host: "127.0.0.1", port: ready.tcpPort, frames, display: display ? {} : false });
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  client.stop();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
const outcome = await client.done;
await handle.shutdown();
driver.stop();
await serving;
console.log("\nclient: " + outcome.message);
process.exit(outcome.ok || stopping ? 0 : 1);
