/**
 * The video preview server as a program: frames over TCP (framed `"<n>\n<jpeg>"`), the viewer page and
 * /frames WebSockets over HTTP, from one video or a folder of them (the bundled sample clip by default).
 * Prints where to connect, and stops cleanly on Ctrl-C (every connection closed, every ffmpeg stopped).
 * Needs the mobile bundle the page loads: run `npm run build` first.
 *
 * Run: node --import tsx examples/video-preview/serve.ts [--port 1500] [--http-port 8080] [--media DIR|FILE]
 *        [--address 0.0.0.0] [--interval 2] [--size 176x144] [--queue 2]
 */
import { AsyncHandle, EventLoopDriver } from "../../targets/desktop/index";
import { PreviewServer, previewUrls } from "./server/preview-server";
import type { PreviewServerOptions, PreviewServerReady } from "./server/preview-server";

const USAGE = "usage: serve.ts [--port 1500] [--http-port 8080] [--media DIR|FILE] [--address ADDR] [--interval SECONDS] [--size WxH] [--queue FRAMES]";

/** `--name value` pairs into server options. */
function parseOptions(argv: string[]): PreviewServerOptions {
  const o: { -readonly [K in keyof PreviewServerOptions]: PreviewServerOptions[K] } = {};
  const number = (name: string, value: string): number => {
    const n = Number(value);
    if (value === "" || !isFinite(n)) throw new Error(name + " needs a number, not " + JSON.stringify(value) + "\n" + USAGE);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === "--help" || name === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(name + " needs a value\n" + USAGE);
    if (name === "--port") o.port = number(name, value);
    else if (name === "--http-port") o.httpPort = number(name, value);
    else if (name === "--media") o.mediaFolder = value;
    else if (name === "--address") o.address = value;
    else if (name === "--interval") o.interval = number(name, value);
    else if (name === "--queue") o.queueLength = number(name, value);
    else if (name === "--size") {
      const m = /^(\d+)x(\d+)$/.exec(value);
      if (m === null) throw new Error("--size needs WxH, such as 176x144\n" + USAGE);
      o.width = Number(m[1]);
      o.height = Number(m[2]);
    } else throw new Error("unknown option " + name + "\n" + USAGE);
  }
  return o;
}

let server: PreviewServer;
try {
  server = new PreviewServer(parseOptions(process.argv.slice(2)));
} catch (error) {
  console.error("serve.ts: " + (error instanceof Error ? error.message : String(error)));
  process.exit(2);
}
const driver = new EventLoopDriver();
const handle = new AsyncHandle(server, driver);
const finished = driver.run();
const ready = (await handle.get("ready")) as PreviewServerReady | undefined;
if (ready !== undefined) {
  console.log("video preview server: " + server.videos.length + " video(s) (" + server.videos.join(", ") + "); Ctrl-C stops it");
  for (const line of previewUrls(ready)) console.log("  " + line);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log("stopping…");
    void handle.shutdown();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
const ending = await handle.get("signal");
await finished;
const failure = ending && (ending as { message?: unknown }).message;
if (failure instanceof Error) {
  console.error("serve.ts: " + failure.message);
  process.exit(1);
}
process.exit(0);
