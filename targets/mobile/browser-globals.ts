/**
 * Browser globals: the few browser and React Native APIs the mobile target uses, reached through one
 * object and each one feature-detected, never assumed.
 *
 * Example:
 *   const g = browserGlobals();                 // the page's global object (window or self; React Native's global)
 *   if (g.WebSocket) ...                        // offer io.WebSocketClient
 *   createMobileHost({ globals: fakeGlobals }); // tests pass their own
 *
 * Behaviour: `browserGlobals()` returns the global object. Every member of BrowserGlobals is optional, so
 * the compiler makes each use check first: an old handset without `performance`, `MessageChannel`,
 * `Blob` or `createImageBitmap` still runs, on the next best thing.
 *
 * How it works inside: the types here are our own small interfaces, not the DOM library's, so the target
 * compiles under the core's ES5-only settings (targets/mobile/tsconfig.json) and says exactly what it
 * needs. Reaching everything through one object (rather than bare `setTimeout`, `console`) is also what
 * lets tests run the target in Node with fakes, and keeps the build's host-global scan meaningful for
 * the core: only this target touches the page, and only through `g`.
 */

/** The part of a browser WebSocket the target uses. */
export interface BrowserWebSocket {
  binaryType: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
}

/** An `<img>` element (or React Native's Image polyfill), as the canvas display uses it. */
export interface ImageElement {
  onload: (() => void) | null;
  onerror: (() => void) | null;
  src: string;
  readonly width: number;
  readonly height: number;
  readonly naturalWidth?: number;
  readonly naturalHeight?: number;
}

/** A decoded bitmap from `createImageBitmap`. */
export interface ImageBitmapLike {
  readonly width: number;
  readonly height: number;
  close?(): void;
}

/** A canvas's 2D drawing context, as far as the display draws. */
export interface Context2D {
  fillStyle: unknown;
  imageSmoothingEnabled?: boolean;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

/** A `<canvas>` element, as far as the display uses it. */
export interface CanvasElement {
  width: number;
  height: number;
  getContext?(kind: "2d"): Context2D | null;
}

/** `URL` (or the old `webkitURL`) for object URLs. */
export interface ObjectURLs {
  createObjectURL?(blob: unknown): string;
  revokeObjectURL?(url: string): void;
}

/** A MessagePort pair, used for a prompt callback that is not clamped as `setTimeout(0)` is. */
export interface MessageChannelLike {
  readonly port1: { onmessage: ((event: unknown) => void) | null; close?(): void };
  readonly port2: { postMessage(message: unknown): void; close?(): void };
}

/** The console methods the target writes to. */
export interface ConsoleLike {
  log(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
  debug?(message: string): void;
}

/** The browser and React Native globals the mobile target may use; each is checked before use. */
export interface BrowserGlobals {
  WebSocket?: new (url: string, protocols?: string | string[]) => BrowserWebSocket;
  setTimeout?(callback: () => void, ms: number): unknown;
  clearTimeout?(id: unknown): void;
  /** React Native has it; browsers (but old IE) do not. */
  setImmediate?(callback: () => void): unknown;
  MessageChannel?: new () => MessageChannelLike;
  performance?: { now?(): number };
  console?: ConsoleLike;
  Image?: new () => ImageElement;
  Blob?: new (parts: unknown[], options?: { type: string }) => unknown;
  URL?: ObjectURLs;
  webkitURL?: ObjectURLs;
  createImageBitmap?(blob: unknown): { then(ok: (bitmap: ImageBitmapLike) => void, failed: (error: unknown) => void): unknown };
  btoa?(binary: string): string;
  Uint8Array?: Uint8ArrayConstructor;
  document?: { getElementById?(id: string): unknown };
}

/** Declared here, not taken from the DOM library: the global object's name in pages, workers and React Native. */
declare const self: unknown;

/** The global object: `self` in pages and workers (React Native defines it too), else the sloppy-mode `this`. */
export function browserGlobals(): BrowserGlobals {
  if (typeof self === "object" && self !== null) return self as BrowserGlobals;
  // A function made by Function() is never strict, so its `this` is the global object (Node, old engines).
  return Function("return this")() as BrowserGlobals;
}
