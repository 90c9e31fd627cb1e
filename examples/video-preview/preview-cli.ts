/**
 * kamaelia-preview: the video preview streamer's desktop client on the command line.
 *
 *   npx kamaelia-preview connect host:port [--video NAME] [--interval S] [--size WxH] [--save DIR]
 *                                          [--frames N] [--no-display]
 *
 * Example:
 *   npx kamaelia-preview connect 127.0.0.1:1500                              # the server's default video
 *   npx kamaelia-preview connect 127.0.0.1:1500 --video test-pattern.mpg --interval 0.5 --save /tmp/frames --frames 10
 *
 * Behaviour:
 * - Connects to the preview server's TCP frames port (1500 when `:port` is left out), sends the request
 *   line built from `--video`, `--interval` and `--size` (`<video>[ <interval>[ <W>x<H>]]`; with `--size`
 *   alone the interval is the server's default, 2), and draws each frame in the terminal with a status line
 *   (client/terminal-client.ts). `--save DIR` also writes each frame as DIR/frame-000001.jpg, … (the
 *   folder is made if missing); `--frames N` stops after N frames; `--no-display` draws nothing.
 * - Exit status: 0 when it ended as asked (the server closed the stream, or N frames came), printing one
 *   summary line; 1 on a failure — a refused or lost connection, a stream that is not frames, a request the
 *   server refused, a folder that cannot be written — with one line on stderr saying what and why, never a
 *   stack trace; 2 for a command line it cannot read (with the usage); 130 after Ctrl-C, once the client
 *   has stopped in order (a second Ctrl-C quits at once).
 * - Values are checked here before connecting, with the server's own limits (interval 0.1–60 s, size
 *   16x16–640x480, a plain file name), so a typo gets a clear message rather than the server's
 *   `Invalid request`.
 *
 * How it works inside: `main(argv)` parses with node:util's parseArgs and runs startTerminalClient.
 * bin/kamaelia-preview.mjs loads this file through tsx (see there why); `node --import tsx
 * examples/video-preview/preview-cli.ts connect …` runs it too.
 */
import { accessSync, constants, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startTerminalClient } from "./client/terminal-client";
import type { TerminalClientOptions } from "./client/terminal-client";

/** The TCP frames port a server listens on by default (Kamaelia's traditional 1500). */
export const DEFAULT_PORT = 1500;

export const USAGE =
  "usage: kamaelia-preview connect host:port [--video NAME] [--interval S] [--size WxH] [--save DIR] [--frames N] [--no-display]";

/** A command line that cannot be used; its message says what is wrong. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The client's options from the arguments after `kamaelia-preview`; UsageError if they make no sense. */
export function parsePreviewArgs(argv: string[]): TerminalClientOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        video: { type: "string" },
        interval: { type: "string" },
        size: { type: "string" },
        save: { type: "string" },
        frames: { type: "string" },
        "no-display": { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [command, address, ...extra] = parsed.positionals;
  if (command !== "connect") throw new UsageError(command === undefined ? "no command given" : "unknown command '" + command + "' (the command is connect)");
  if (address === undefined) throw new UsageError("connect needs the server's address, host:port");
  if (extra.length > 0) throw new UsageError("unexpected argument '" + extra[0] + "'");
  const { host, port } = parseAddress(address);
  const v = parsed.values;
  const options: TerminalClientOptions = { host, port, display: v["no-display"] ? false : {} };
  if (v.interval !== undefined || v.size !== undefined || v.video !== undefined) {
    if (v.video === undefined) throw new UsageError("--interval and --size need --video: the request line names the video first");
    options.request = requestLine(v.video, v.interval, v.size);
  }
  if (v.save !== undefined) {
    if (v.save === "") throw new UsageError("--save needs a folder");
    options.saveDir = v.save;
  }
  if (v.frames !== undefined) {
    const n = Number(v.frames);
    if (!/^[0-9]+$/.test(v.frames) || n < 1) throw new UsageError("--frames needs a whole number of frames, 1 or more, not '" + v.frames + "'");
    options.frames = n;
  }
  return options;
}

/** `host:port`, `[v6]:port`, or a host alone (port 1500). */
function parseAddress(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+))(?::([0-9]+))?$/.exec(text);
  if (m === null) throw new UsageError("'" + text + "' is not host:port (for example 127.0.0.1:1500)");
  const port = m[3] === undefined ? DEFAULT_PORT : Number(m[3]);
  if (!(port >= 1 && port <= 65535)) throw new UsageError("port " + m[3] + " is not between 1 and 65535");
  return { host: m[1] || m[2], port };
}

/** `<video>[ <interval>[ <W>x<H>]]`, checked against the server's limits. */
function requestLine(video: string, interval: string | undefined, size: string | undefined): string {
  if (!/^[^\s/\\]+$/.test(video) || video === "." || video === ".." || !/^[\x21-\x7e]+$/.test(video)) {
    throw new UsageError("--video takes a file name from the server's media folder (no spaces, no folders), not '" + video + "'");
  }
  let line = video;
  if (interval !== undefined || size !== undefined) {
    const seconds = interval === undefined ? 2 : Number(interval);
    if (interval !== undefined && (!/^[0-9]*\.?[0-9]+$/.test(interval) || !(seconds >= 0.1 && seconds <= 60))) {
      throw new UsageError("--interval is seconds between frames, 0.1 to 60, not '" + interval + "'");
    }
    line += " " + (interval === undefined ? "2" : interval);
  }
  if (size !== undefined) {
    const m = /^([0-9]+)x([0-9]+)$/.exec(size);
    const w = m ? Number(m[1]) : 0;
    const h = m ? Number(m[2]) : 0;
    if (!(w >= 16 && w <= 640 && h >= 16 && h <= 480)) throw new UsageError("--size is WxH from 16x16 to 640x480, not '" + size + "'");
    line += " " + w + "x" + h;
  }
  return line;
}

/** Run the command; resolves with the exit status. Output and errors go to stdout and stderr. */
export async function main(argv: string[]): Promise<number> {
  let options: TerminalClientOptions;
  try {
    options = parsePreviewArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write("kamaelia-preview: " + e.message + "\n" + USAGE + "\n");
    return 2;
  }
  if (options.saveDir !== undefined) {
    try {
      mkdirSync(options.saveDir, { recursive: true });
      accessSync(options.saveDir, constants.W_OK);
    } catch (e) {
      process.stderr.write("kamaelia-preview: cannot save frames in " + options.saveDir + ": " + (e as Error).message + "\n");
      return 1;
    }
  }
  const run = startTerminalClient(options);
  let interrupted = false;
  const onInterrupt = (): void => {
    if (interrupted) {
      // Quitting at once skips the display's own restore: give the terminal back its colours and cursor.
      if (options.display !== false) process.stdout.write("\x1b[0m\x1b[?25h\n");
      process.exit(130);
    }
    interrupted = true;
    run.stop();
  };
  process.on("SIGINT", onInterrupt);
  const outcome = await run.done;
  process.off("SIGINT", onInterrupt);
  let summary = outcome.message;
  if (options.saveDir !== undefined) summary += "; saved " + outcome.saved + " in " + options.saveDir + (outcome.failed > 0 ? " (" + outcome.failed + " could not be written)" : "");
  if (outcome.corrupt > 0) summary += "; " + outcome.corrupt + " did not decode";
  if (outcome.ok) process.stdout.write("kamaelia-preview: " + summary + "\n");
  else process.stderr.write("kamaelia-preview: " + summary + "\n");
  for (const warning of outcome.warnings) process.stderr.write("kamaelia-preview: " + warning + "\n");
  if (interrupted) return 130;
  return outcome.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
