/**
 * Fake browser globals for the mobile target's tests in Node: timers, a MessageChannel, a WebSocket, an
 * Image, Blob and object URLs, and a canvas — each recording what the target did, and each driven by the
 * test (a timer fires, a socket opens, an image loads) so nothing waits on the wall clock.
 */
import type { BrowserGlobals, BrowserWebSocket, CanvasElement, Context2D, ImageElement } from "../../targets/mobile/index";

/** A pending fake timer or posted message. */
interface Task {
  id: number;
  ms: number;
  fn: () => void;
}

export class FakeWebSocket implements BrowserWebSocket {
  binaryType = "blob";
  readyState = 0;
  bufferedAmount = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  sent: Array<string | ArrayBuffer> = [];
  closedWith: number | null = null;
  readonly args: unknown[];
  constructor(...args: unknown[]) {
    this.args = args;
  }
  send(data: string | ArrayBuffer): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code === undefined ? 1005 : code;
    this.readyState = 2;
  }
  /** The server accepted. */
  open(): void {
    this.readyState = 1;
    if (this.onopen) this.onopen({});
  }
  /** A message arrived. */
  receive(data: unknown): void {
    if (this.onmessage) this.onmessage({ data });
  }
  /** The connection closed (the browser's close event). */
  closed(code: number, reason = ""): void {
    this.readyState = 3;
    if (this.onerror && code === 1006) this.onerror({});
    if (this.onclose) this.onclose({ code, reason });
  }
}

export class FakeImage implements ImageElement {
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  src = "";
  width = 0;
  height = 0;
  naturalWidth = 0;
  naturalHeight = 0;
  load(width: number, height: number): void {
    this.width = this.naturalWidth = width;
    this.height = this.naturalHeight = height;
    if (this.onload) this.onload();
  }
  fail(): void {
    if (this.onerror) this.onerror();
  }
}

export class FakeBlob {
  constructor(
    readonly parts: unknown[],
    readonly options?: { type: string },
  ) {}
}

/** A 2D context recording its calls. */
export class FakeContext implements Context2D {
  fillStyle: unknown = "";
  calls: string[] = [];
  fillRect(x: number, y: number, w: number, h: number): void {
    this.calls.push("fillRect " + [x, y, w, h].join(",") + " " + String(this.fillStyle));
  }
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void {
    this.calls.push("drawImage " + [x, y, w, h].join(","));
  }
}

export function fakeCanvas(width = 176, height = 144, withContext = true): CanvasElement & { context: FakeContext } {
  const context = new FakeContext();
  const canvas: CanvasElement & { context: FakeContext } = { width, height, context };
  if (withContext) canvas.getContext = () => context;
  return canvas;
}

/** Fake globals plus the handles a test drives them with. */
export interface Fakes {
  g: BrowserGlobals;
  sockets: FakeWebSocket[];
  images: FakeImage[];
  urls: { made: string[]; revoked: string[] };
  logged: string[];
  /** Timers set, in order, with their delays (fired ones included). */
  timersSet: number[];
  /** Pending timers and posted messages. */
  pending(): number;
  /** Run every pending timer and message, and those they add, up to `limit` runs. */
  flush(limit?: number): void;
  /** Move the clock on. */
  advance(ms: number): void;
}

/** Browser globals made of fakes; `leave` drops members (to test the fallbacks). */
export function fakeGlobals(leave: string[] = []): Fakes {
  let time = 1000;
  let nextId = 1;
  let tasks: Task[] = [];
  const sockets: FakeWebSocket[] = [];
  const images: FakeImage[] = [];
  const urls = { made: [] as string[], revoked: [] as string[] };
  const logged: string[] = [];
  const timersSet: number[] = [];
  const g: BrowserGlobals = {
    WebSocket: class extends FakeWebSocket {
      constructor(...args: unknown[]) {
        super(...args);
        sockets.push(this);
      }
    },
    setTimeout(fn: () => void, ms: number) {
      timersSet.push(ms);
      const task = { id: nextId++, ms, fn };
      tasks.push(task);
      return task.id;
    },
    clearTimeout(id: unknown) {
      tasks = tasks.filter((t) => t.id !== id);
    },
    MessageChannel: class {
      readonly port1: { onmessage: ((event: unknown) => void) | null } = { onmessage: null };
      readonly port2 = {
        postMessage: () => {
          const port = this.port1;
          tasks.push({ id: nextId++, ms: -1, fn: () => port.onmessage && port.onmessage({ data: 0 }) });
        },
      };
    },
    performance: { now: () => time },
    console: {
      log: (m: string) => logged.push("log " + m),
      warn: (m: string) => logged.push("warn " + m),
      error: (m: string) => logged.push("error " + m),
    },
    Image: class extends FakeImage {
      constructor() {
        super();
        images.push(this);
      }
    },
    Blob: FakeBlob,
    URL: {
      createObjectURL: () => {
        const url = "blob:fake/" + (urls.made.length + 1);
        urls.made.push(url);
        return url;
      },
      revokeObjectURL: (url: string) => {
        urls.revoked.push(url);
      },
    },
    btoa: (binary: string) => Buffer.from(binary, "latin1").toString("base64"),
    Uint8Array: Uint8Array,
    document: { getElementById: () => null },
  };
  for (const name of leave) delete (g as { [name: string]: unknown })[name];
  return {
    g,
    sockets,
    images,
    urls,
    logged,
    timersSet,
    pending: () => tasks.length,
    flush(limit = 1000) {
      for (let i = 0; i < limit && tasks.length > 0; i++) {
        const task = tasks.shift() as Task;
        if (task.ms > 0) time += task.ms;
        task.fn();
      }
    },
    advance(ms: number) {
      time += ms;
    },
  };
}
