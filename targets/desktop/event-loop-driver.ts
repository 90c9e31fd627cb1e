/**
 * EventLoopDriver: runs a Scheduler in slices on Node's event loop, so components share the process with
 * sockets, timers and files and never block them.
 *
 * Example:
 *   const driver = new EventLoopDriver();
 *   await driver.run(new Pipeline(new Source(), new Sink()));   // resolves when every component has ended
 *
 * Behaviour: each turn runs slices for at most `sliceMs` milliseconds, then yields to Node's I/O. When the
 * scheduler reports a timer, the driver sets one Node timer for it; when every component is paused it
 * schedules nothing until a delivery wakes the scheduler (`host.wake`), so an idle system costs no CPU.
 * `run()` resolves once no component is left; `stop()` ends everything and resolves it too.
 *
 * How it works inside: at most one pending Node callback (immediate or timeout) exists at a time; a wake
 * replaces a pending timeout with an immediate.
 */
import { Scheduler, SLICE_BUSY, SLICE_DONE, SLICE_IDLE } from "../../src/index";
import type { Hooks, LogLevel, Microprocess } from "../../src/index";
import { createNodeHost } from "./node-host";
import type { NodeHost } from "./node-host";

/** What an EventLoopDriver is made with. */
export interface EventLoopDriverOptions {
  /** Scheduler hooks (tracing, onError). */
  hooks?: Hooks;
  /** Where kernel log lines go; the default writes to the console. */
  log?: (level: LogLevel, message: string) => void;
  /** The longest a turn of slices may run before yielding to I/O. Default 8 ms. */
  sliceMs?: number;
}

export class EventLoopDriver {
  /** The scheduler this driver runs; activate components on it. */
  readonly scheduler: Scheduler;
  /** The Node host the scheduler uses. */
  readonly host: NodeHost;
  private readonly sliceMs: number;
  private pendingImmediate: ReturnType<typeof setImmediate> | null = null;
  private pendingTimeout: ReturnType<typeof setTimeout> | null = null;
  private finished: Array<() => void> = [];

  constructor(options: EventLoopDriverOptions = {}) {
    this.host = createNodeHost(options.log);
    this.scheduler = new Scheduler({ host: this.host, hooks: options.hooks });
    this.sliceMs = options.sliceMs ?? 8;
    this.host.onWake = () => this.kick();
  }

  /** Activate `components` here and resolve when no component is left on this scheduler. */
  run(...components: Microprocess[]): Promise<void> {
    for (const c of components) c.activate(this.scheduler);
    return new Promise((resolve) => {
      this.finished.push(resolve);
      this.kick();
    });
  }

  /** Schedule a turn soon (idempotent). */
  kick(): void {
    if (this.pendingImmediate) return;
    if (this.pendingTimeout) {
      clearTimeout(this.pendingTimeout);
      this.pendingTimeout = null;
    }
    this.pendingImmediate = setImmediate(() => this.turn());
  }

  /** End every component and resolve pending `run()` calls. */
  stop(): void {
    this.scheduler.stop();
    this.cancel();
    this.settle();
  }

  private turn(): void {
    this.pendingImmediate = null;
    const deadline = performance.now() + this.sliceMs;
    let result: number;
    do result = this.scheduler.runSlice(1000);
    while (result === SLICE_BUSY && performance.now() < deadline);
    if (result === SLICE_BUSY) this.kick();
    else if (result === SLICE_DONE) this.settle();
    else if (result !== SLICE_IDLE) this.pendingTimeout = setTimeout(() => this.turn(), Math.ceil(result));
  }

  private cancel(): void {
    if (this.pendingImmediate) clearImmediate(this.pendingImmediate);
    if (this.pendingTimeout) clearTimeout(this.pendingTimeout);
    this.pendingImmediate = null;
    this.pendingTimeout = null;
  }

  private settle(): void {
    const waiting = this.finished;
    this.finished = [];
    for (const resolve of waiting) resolve();
  }
}
