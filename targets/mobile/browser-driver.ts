/**
 * BrowserDriver: runs the default scheduler in slices on a page's event loop (or React Native's), so
 * components share the phone's one thread with touch, drawing and the network and never block them.
 *
 * Example (a page's script, ES5):
 *   var K = Kamaelia;
 *   var driver = new K.BrowserDriver({ canvas: "screen" });
 *   driver.run(new K.Pipeline(new K.WebSocketClient("ws://" + location.host + "/frames"), new K.ImageDisplay()),
 *     function () { status.textContent = "ended"; });
 *
 * Behaviour:
 * - It makes a mobile host (mobile-host.ts, with these options) and a Scheduler on it, and makes that the
 *   default scheduler (unless `makeDefault: false`), so `component.activate()` with no scheduler runs here.
 * - Each turn runs slices for at most `sliceMs` milliseconds (default 8: half a 60 Hz frame), then gives
 *   the thread back. Work left: the next turn is scheduled at once — through `setImmediate` (React
 *   Native), else a MessageChannel (not clamped to 4 ms as a nested `setTimeout(0)` is), else
 *   `setTimeout(0)`. A `pauseFor` timer: one `setTimeout` for it. Every component paused: nothing is
 *   scheduled at all until an IO event wakes the scheduler (`host.wake`), so an idle page costs no CPU.
 * - `run(components, onDone)` activates them and calls `onDone` once no component is left; `stop()`
 *   ends everything and calls it too. No Promise is needed (old handsets have none).
 *
 * How it works inside: at most one pending callback exists at a time; a wake replaces a pending timeout
 * with a prompt turn. A MessageChannel message posted before a `stop()` is ignored by a sequence check.
 */
import { Scheduler, SLICE_BUSY, SLICE_DONE, SLICE_IDLE, setDefaultScheduler } from "../../src/index";
import type { Hooks, Microprocess } from "../../src/index";
import type { BrowserGlobals, MessageChannelLike } from "./browser-globals";
import { createMobileHost } from "./mobile-host";
import type { MobileHost, MobileHostOptions } from "./mobile-host";

/** What a BrowserDriver is made with: the host's options, plus these. */
export interface BrowserDriverOptions extends MobileHostOptions {
  /** Scheduler hooks (tracing, onError). */
  hooks?: Hooks;
  /** The longest a turn of slices may run before giving the thread back. Default 8 ms. */
  sliceMs?: number;
  /** Make this driver's scheduler the default one (default true). */
  makeDefault?: boolean;
}

export class BrowserDriver {
  /** The scheduler this driver runs. */
  readonly scheduler: Scheduler;
  /** The mobile host the scheduler uses. */
  readonly host: MobileHost;
  private readonly g: BrowserGlobals;
  private readonly sliceMs: number;
  private channel: MessageChannelLike | null = null;
  /** A prompt turn is scheduled. */
  private promptPending = false;
  /** Counts prompt turns asked for; a MessageChannel message for an older one is stale. */
  private promptSequence = 0;
  private timeoutPending: unknown = null;
  private finished: Array<() => void> = [];

  constructor(options?: BrowserDriverOptions) {
    const o = options || {};
    this.host = createMobileHost(o);
    this.g = this.host.globals;
    this.scheduler = new Scheduler({ host: this.host, hooks: o.hooks });
    this.sliceMs = o.sliceMs !== undefined ? o.sliceMs : 8;
    if (o.makeDefault !== false) setDefaultScheduler(this.scheduler);
    const self = this;
    this.host.onWake = function () {
      self.kick();
    };
  }

  /** Activate `components` here; `onDone` is called once no component is left on this scheduler. */
  run(components: Microprocess | Microprocess[], onDone?: () => void): void {
    const list = components instanceof Array ? components : [components];
    for (let i = 0; i < list.length; i++) list[i].activate(this.scheduler);
    if (onDone) this.finished.push(onDone);
    this.kick();
  }

  /** Schedule a turn soon (idempotent). */
  kick(): void {
    if (this.promptPending) return;
    this.cancelTimeout();
    this.promptPending = true;
    const sequence = ++this.promptSequence;
    const self = this;
    const g = this.g;
    const turn = function (): void {
      if (!self.promptPending || sequence !== self.promptSequence) return;
      self.promptPending = false;
      self.turn();
    };
    if (g.setImmediate) g.setImmediate(turn);
    else if (g.MessageChannel) {
      const channel = this.channel || (this.channel = new g.MessageChannel());
      channel.port1.onmessage = turn;
      channel.port2.postMessage(0);
    } else if (g.setTimeout) g.setTimeout(turn, 0);
    else throw new TypeError("BrowserDriver: this platform has no setTimeout, setImmediate or MessageChannel to run turns with");
  }

  /** End every component and call the pending `onDone` callbacks. */
  stop(): void {
    this.scheduler.stop();
    this.promptPending = false;
    this.promptSequence++;
    this.cancelTimeout();
    this.settle();
  }

  private turn(): void {
    const host = this.host;
    const deadline = host.now() + this.sliceMs;
    let result: number;
    do result = this.scheduler.runSlice(1000);
    while (result === SLICE_BUSY && host.now() < deadline);
    if (result === SLICE_BUSY) this.kick();
    else if (result === SLICE_DONE) this.settle();
    else if (result !== SLICE_IDLE) this.later(Math.ceil(result));
  }

  /** A turn after `ms` (a component's `pauseFor` timer). */
  private later(ms: number): void {
    const g = this.g;
    if (!g.setTimeout) return;
    const self = this;
    this.timeoutPending = g.setTimeout(function () {
      self.timeoutPending = null;
      self.turn();
    }, ms);
  }

  private cancelTimeout(): void {
    if (this.timeoutPending !== null && this.g.clearTimeout) this.g.clearTimeout(this.timeoutPending);
    this.timeoutPending = null;
  }

  private settle(): void {
    const waiting = this.finished;
    this.finished = [];
    for (let i = 0; i < waiting.length; i++) waiting[i]();
  }
}
