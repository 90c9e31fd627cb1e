/**
 * runHandset: runs the streamer's handset client (handset-app.js) inside QuickJS through the host bridge,
 * with the host's sockets and threads and a screen that is a folder of PNG files (pngFileDisplay) — a
 * handset emulated on the desktop, for tests and demos.
 *
 * Example:
 *   const run = await runHandset({ host: "127.0.0.1", port: 1500, screenDir: "/tmp/screen", frames: 5 });
 *   run.status;   // ["frame 1: 4312 bytes, 176x144 screen, 0 dropped", ...]; /tmp/screen/screen-000001.png …
 *
 * Behaviour: resolves after `frames` frames have been shown (then the guest is stopped), or when the guest
 * ends by itself (the server closed); rejects with the GuestFailed if the guest fails. The QuickJS host is
 * always disposed, so nothing is left open.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeIO, pngFileDisplay } from "../../../targets/desktop/index";
import { QuickJSHost } from "../../../targets/quickjs/index";

/** How to run the handset. */
export interface HandsetOptions {
  host: string;
  port: number;
  /** The request line, such as "test-pattern.mpg 0.25 176x144"; none asks for the server's default. */
  request?: string;
  /** Use ThreadedTCPClient on blocking sockets instead of TCPClient. */
  threaded?: boolean;
  /** Folder the screen's PNG files go to. */
  screenDir: string;
  /** Screen size; default 176×144. */
  screenWidth?: number;
  screenHeight?: number;
  /** Stop after this many frames; default: run until the server closes. */
  frames?: number;
  /** Give up after this long, in ms (default 60 s). */
  timeoutMs?: number;
}

/** What the handset printed: one status line per frame shown. */
export interface HandsetRun {
  status: string[];
  screenDir: string;
}

export async function runHandset(options: HandsetOptions): Promise<HandsetRun> {
  const status: string[] = [];
  const app = readFileSync(join(import.meta.dirname, "handset-app.js"), "utf8");
  let host: QuickJSHost | null = null;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  try {
    host = await QuickJSHost.create({
      io: { ...nodeIO, Display: pngFileDisplay({ dir: options.screenDir, width: options.screenWidth ?? 176, height: options.screenHeight ?? 144 }) },
      print: (text) => {
        for (const line of text.split("\n")) if (line !== "") status.push(line);
        if (options.frames !== undefined && status.length >= options.frames) host?.stop();
      },
    });
    const settings = { host: options.host, port: options.port, request: options.request, threaded: options.threaded === true };
    host.evalScript("var HANDSET = " + JSON.stringify(settings) + ";\n" + app, "handset-app.js");
    const running = host.run();
    watchdog = setTimeout(() => host?.stop(), options.timeoutMs ?? 60000);
    await running;
    return { status, screenDir: options.screenDir };
  } finally {
    if (watchdog) clearTimeout(watchdog);
    host?.dispose();
  }
}
