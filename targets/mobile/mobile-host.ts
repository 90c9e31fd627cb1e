/**
 * Mobile host: the platform interface the core's Scheduler needs, on a phone's browser or React Native —
 * the page's clock and console, and the IO the page offers (a WebSocket client, a canvas display).
 *
 * Example:
 *   const host = createMobileHost({ canvas: "screen" });     // a <canvas id="screen"> to paint on
 *   const scheduler = new Scheduler({ host });
 *   host.onWake = () => driver.kick();                       // BrowserDriver does this for you
 *
 * Behaviour:
 * - `now()` is `performance.now()` where there is one, else `Date`'s clock made never to go backwards.
 * - `log` writes `[kamaelia level] message` to the console's matching method (error, warn, info, debug,
 *   falling back to `console.log`); `print` gathers program output into lines and logs each whole line,
 *   unless the options give `print` or `log` functions of their own.
 * - `wake()` calls `onWake` if set (a BrowserDriver sets it to schedule a turn).
 * - `io` is `{ target: "mobile" }` plus whatever the page offers: `WebSocketClient` where there is a
 *   WebSocket, `Display` when a canvas is given (the element, or its id). A component needing something
 *   missing fails with IONotAvailable naming the mobile target. `options.io` adds or replaces kinds, for
 *   a React Native app that paints through a view of its own.
 *
 * How it works inside: every host API is reached through one globals object (browser-globals.ts), the
 * page's own unless the options pass another.
 */
import type { Display, DisplayOptions, Host, LogLevel, PlatformIO } from "../../src/index";
import { browserGlobals } from "./browser-globals";
import type { BrowserGlobals, CanvasElement } from "./browser-globals";
import { browserWebSocketKind } from "./browser-websocket";
import { canvasDisplayKind } from "./canvas-display";

/** What a mobile host is made with; everything is optional. */
export interface MobileHostOptions {
  /** The canvas a Display paints on: the element, or its id. Without one there is no Display. */
  canvas?: CanvasElement | string;
  /** The host APIs to use instead of the page's (tests pass fakes). */
  globals?: BrowserGlobals;
  /** Where kernel log lines go instead of the console. */
  log?: (level: LogLevel, message: string) => void;
  /** Where program output goes instead of the console (called with the text as written). */
  print?: (text: string) => void;
  /** IO kinds to add or replace (a React Native app's own Display, say). */
  io?: { [kind: string]: unknown };
}

/** A mobile Host whose wake-ups go to a settable listener. */
export interface MobileHost extends Host {
  /** Called when the scheduler becomes runnable between slices. */
  onWake: (() => void) | null;
  /** The host APIs this host uses. */
  readonly globals: BrowserGlobals;
  io: PlatformIO;
}

/** The canvas from `option` (an element or an element id), or null. */
function findCanvas(option: CanvasElement | string | undefined, g: BrowserGlobals): CanvasElement | null {
  if (option === undefined) return null;
  if (typeof option !== "string") return option;
  const found = g.document && g.document.getElementById ? g.document.getElementById(option) : null;
  if (found === null || found === undefined) throw new TypeError("createMobileHost: there is no element with id " + option + " for the display's canvas");
  return found as CanvasElement;
}

/** A clock in ms that never goes backwards: `performance.now()`, else `Date` held monotonic. */
function clockOf(g: BrowserGlobals): () => number {
  const performance = g.performance;
  if (performance && typeof performance.now === "function") {
    return function () {
      return (performance.now as () => number)();
    };
  }
  let last = 0;
  return function () {
    const t = new Date().getTime();
    if (t > last) last = t;
    return last;
  };
}

/** Make a mobile host on the page (or on `options.globals`). */
export function createMobileHost(options?: MobileHostOptions): MobileHost {
  const o = options || {};
  const g = o.globals || browserGlobals();
  const canvas = findCanvas(o.canvas, g);
  const io: PlatformIO = { target: "mobile" };
  const WebSocketKind = browserWebSocketKind(g);
  if (WebSocketKind !== undefined) io.WebSocketClient = WebSocketKind;
  if (canvas !== null) io.Display = canvasDisplayKind(canvas, g) as new (options: DisplayOptions) => Display;
  if (o.io) {
    for (const kind in o.io) if (Object.prototype.hasOwnProperty.call(o.io, kind)) (io as unknown as { [kind: string]: unknown })[kind] = o.io[kind];
  }
  const consoleLog = function (level: LogLevel, message: string): void {
    const c = g.console;
    if (!c) return;
    const line = "[kamaelia " + level + "] " + message;
    const method = c[level];
    if (typeof method === "function") method.call(c, line);
    else c.log(line);
  };
  let partial = "";
  const consolePrint = function (text: string): void {
    const lines = (partial + text).split("\n");
    partial = lines.pop() as string;
    const c = g.console;
    if (c) for (let i = 0; i < lines.length; i++) c.log(lines[i]);
  };
  const host: MobileHost = {
    onWake: null,
    globals: g,
    io: io,
    now: clockOf(g),
    log: o.log || consoleLog,
    print: o.print || consolePrint,
    wake: function () {
      if (host.onWake) host.onWake();
    },
  };
  return host;
}
