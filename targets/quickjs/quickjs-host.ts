/**
 * QuickJSHost: the QuickJS host bridge. It loads the QuickJS bundle (dist/kamaelia-quickjs.es5.js) and an
 * app script into a QuickJS runtime (quickjs-emscripten, sync WASM build), gives the guest the platform —
 * clock, log, print and IO (sockets, files, processes, threads) served by the host's own IO — and runs the
 * guest's scheduler in slices on Node's event loop.
 *
 * Example:
 *   const host = await QuickJSHost.create({ memoryLimitBytes: 32 << 20, cpuLimitMs: 500 });
 *   host.evalScript('new Kamaelia.Pipeline(new Kamaelia.TCPClient("127.0.0.1", 1500), ...).activate();');
 *   await host.run();        // resolves when every guest component has ended
 *   host.dispose();
 *
 * Behaviour:
 * - IO callbacks are queued on the host and delivered into the guest between slices, so guest code never
 *   runs inside a host callback. The guest's own reads and writes are synchronous calls into the host.
 * - Slices run for at most `sliceMs` per turn of Node's loop; a guest timer becomes one Node timer; an
 *   idle guest (everything paused, no timer) schedules nothing until an IO event or wake: idle guest = idle
 *   host.
 * - Limits: the runtime's memory is capped at `memoryLimitBytes`, and any single entry into the guest may
 *   run at most `cpuLimitMs` before it is interrupted. Hitting either — or an uncaught guest error — ends
 *   the guest: `run()` rejects with a GuestFailed saying which, every host IO object it opened is closed,
 *   and the host process carries on. `dispose()` releases the runtime; it leaks no handle.
 * - `stop()` ends every guest component (its teardown closes its IO) and resolves `run()`.
 *
 * How it works inside: one global, `__kamaeliaHost`, holds the host functions (host-functions.ts here;
 * their guest-side types in guest/host-functions.ts);
 * the bundle installs `Kamaelia.quickjsGuest` (slice and dispatch), whose function handles are kept for
 * the host's life and released in dispose. Events cross as one JSON array per delivery.
 */
import { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } from "quickjs-emscripten-core";
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import ngReleaseSync from "@jitl/quickjs-ng-wasmfile-release-sync";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SLICE_BUSY, SLICE_DONE, SLICE_IDLE } from "../../src/index";
import type { LogLevel, PlatformIO } from "../../src/index";
import { nodeIO } from "../desktop/index";
import { GuestFailed, guestFailure } from "./guest-failed";
import { HostIOTable } from "./host-io-table";
import { defineHostFunctions } from "./host-functions";

/** What a QuickJSHost is made with. Every member is optional. */
export interface QuickJSHostOptions {
  /** Which QuickJS: the original (default) or QuickJS-ng. */
  variant?: "quickjs" | "quickjs-ng";
  /** The guest's heap limit in bytes. Default 64 MiB. */
  memoryLimitBytes?: number;
  /** The longest one entry into the guest (a slice, a delivery, a script) may run, in ms. Default 1000. */
  cpuLimitMs?: number;
  /** The longest a turn of slices runs before yielding to Node's I/O, in ms. Default 8. */
  sliceMs?: number;
  /** The IO the guest gets. Default: the desktop target's (Node). */
  io?: PlatformIO;
  /** Guest log lines. Default: stderr, prefixed `[guest level]`. */
  log?: (level: LogLevel, message: string) => void;
  /** Guest program output. Default: stdout. */
  print?: (text: string) => void;
  /** The guest bundle to load. Default: dist/kamaelia-quickjs.es5.js of this package. */
  bundlePath?: string;
}

/** The guest heap limit unless told otherwise. */
const DEFAULT_MEMORY_LIMIT = 64 << 20;

const variants = { quickjs: releaseSync, "quickjs-ng": ngReleaseSync };
const modules: { [id: string]: Promise<QuickJSWASMModule> } = {};

/** The package's root: two levels above this file both in the repo (targets/quickjs) and built (dist/node). */
const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export class QuickJSHost {
  private readonly table: HostIOTable;
  private readonly limits: { memoryLimitBytes: number; cpuLimitMs: number };
  private readonly sliceMs: number;
  private readonly kept: QuickJSHandle[] = [];
  private target: QuickJSHandle | null = null;
  private sliceFn: QuickJSHandle | null = null;
  private dispatchFn: QuickJSHandle | null = null;
  private pendingImmediate: ReturnType<typeof setImmediate> | null = null;
  private pendingTimeout: ReturnType<typeof setTimeout> | null = null;
  private waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private failure: GuestFailed | null = null;
  /** A limit a component hit inside the guest (reported by `fatal`), acted on when the entry returns. */
  private fatalText: string | null = null;
  private finished = false;
  private disposed = false;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    options: QuickJSHostOptions,
  ) {
    this.limits = { memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT, cpuLimitMs: options.cpuLimitMs ?? 1000 };
    this.sliceMs = options.sliceMs ?? 8;
    this.table = new HostIOTable(options.io ?? nodeIO, () => this.kick());
    defineHostFunctions(context, this.table, {
      log: options.log ?? ((level: LogLevel, message: string) => process.stderr.write("[guest " + level + "] " + message + "\n")),
      print: options.print ?? ((text: string) => process.stdout.write(text)),
      wake: () => this.kick(),
      fatal: (message: string) => {
        if (this.fatalText === null) this.fatalText = message;
      },
    });
  }

  /** Make a host, load the guest bundle into it, and install the guest target. */
  static async create(options: QuickJSHostOptions = {}): Promise<QuickJSHost> {
    const id = options.variant ?? "quickjs";
    const module = await (modules[id] || (modules[id] = newQuickJSWASMModuleFromVariant(variants[id])));
    const runtime = module.newRuntime();
    // Before the context exists, so the limit covers everything the guest allocates.
    runtime.setMemoryLimit(options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT);
    const context = runtime.newContext();
    const host = new QuickJSHost(runtime, context, options);
    const bundlePath = options.bundlePath ?? packageRoot + "dist/kamaelia-quickjs.es5.js";
    let bundle: string;
    try {
      bundle = readFileSync(bundlePath, "utf8");
    } catch {
      host.dispose();
      throw new Error("QuickJSHost: cannot read the guest bundle " + bundlePath + " (run `npm run build` first)");
    }
    host.evalScript(bundle, "kamaelia-quickjs.es5.js");
    host.bindGuestTarget();
    return host;
  }

  /** How many host IO objects the guest holds open now. */
  get openIO(): number {
    return this.table.size;
  }

  /** Run `code` in the guest (an app script). Throws GuestFailed if it throws or hits a limit. */
  evalScript(code: string, filename = "app.js"): void {
    this.checkUsable("evalScript");
    this.enter(() => this.context.evalCode(code, filename));
    this.kick();
  }

  /** Run the guest's scheduler until no guest component is left; rejects with GuestFailed if the guest fails. */
  run(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.kick();
    });
  }

  /** End every guest component now (their teardown closes their IO) and resolve `run()`. */
  stop(): void {
    if (this.disposed || this.failure || this.finished) return;
    try {
      this.enter(() => this.context.evalCode("Kamaelia.quickjsGuest.scheduler.stop()", "stop.js"));
    } catch (e) {
      this.fail(e as GuestFailed);
      return;
    }
    this.finish();
  }

  /** Close every host IO object the guest opened and release the runtime. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    if (!this.finished && !this.failure) this.stop();
    this.disposed = true;
    this.cancel();
    this.table.closeAll();
    for (const handle of this.kept) if (handle.alive) handle.dispose();
    this.kept.length = 0;
    this.context.setProp(this.context.global, "__kamaeliaHost", this.context.undefined);
    this.context.dispose();
    this.runtime.dispose();
    this.settle();
  }

  /** Schedule a turn soon (idempotent). */
  private kick(): void {
    if (this.pendingImmediate || this.disposed || this.failure || this.finished || this.target === null) return;
    if (this.pendingTimeout) {
      clearTimeout(this.pendingTimeout);
      this.pendingTimeout = null;
    }
    this.pendingImmediate = setImmediate(() => this.turn());
  }

  private turn(): void {
    this.pendingImmediate = null;
    if (this.disposed || this.failure || this.finished) return;
    const deadline = performance.now() + this.sliceMs;
    let result: number;
    try {
      do {
        this.deliverEvents();
        result = this.callGuest(this.sliceFn as QuickJSHandle, 1000) as number;
      } while (result === SLICE_BUSY && performance.now() < deadline);
    } catch (e) {
      this.fail(e as GuestFailed);
      return;
    }
    if (result === SLICE_DONE) this.finish();
    else if (result === SLICE_BUSY) this.kick();
    else if (result !== SLICE_IDLE) this.pendingTimeout = setTimeout(() => this.turn(), Math.ceil(result));
  }

  private deliverEvents(): void {
    const events = this.table.takeEvents();
    if (events.length > 0) this.callGuest(this.dispatchFn as QuickJSHandle, JSON.stringify(events));
  }

  /** Call a guest function with number or string arguments; returns its result as plain data. */
  private callGuest(fn: QuickJSHandle, arg: number | string): unknown {
    const handle = typeof arg === "number" ? this.context.newNumber(arg) : this.context.newString(arg);
    try {
      return this.enter(() => this.context.callFunction(fn, this.target as QuickJSHandle, handle));
    } finally {
      handle.dispose();
    }
  }

  /** Enter the guest under the CPU limit; unwrap the result or throw a GuestFailed. Pumps guest jobs. */
  private enter(call: () => { value: QuickJSHandle } | { error: QuickJSHandle }): unknown {
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + this.limits.cpuLimitMs));
    const result = call();
    if ("error" in result) throw this.failureFrom(result.error);
    const out = this.context.dump(result.value);
    result.value.dispose();
    const jobs = this.runtime.executePendingJobs();
    if ("error" in jobs && jobs.error) throw this.failureFrom(jobs.error);
    if (this.fatalText !== null) throw guestFailure(this.fatalText, this.limits);
    return out;
  }

  private failureFrom(error: QuickJSHandle): GuestFailed {
    const dumped = this.context.dump(error) as { name?: string; message?: string; stack?: string } | string;
    error.dispose();
    const text =
      dumped && typeof dumped === "object" ? (dumped.name || "Error") + ": " + dumped.message + (dumped.stack ? "\n" + dumped.stack.trim() : "") : String(dumped);
    return guestFailure(text, this.limits);
  }

  private fail(error: GuestFailed): void {
    this.failure = error instanceof GuestFailed ? error : new GuestFailed("error", String(error));
    this.cancel();
    this.table.closeAll();
    this.settle();
  }

  private finish(): void {
    this.finished = true;
    this.cancel();
    this.settle();
  }

  private settle(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) {
      if (this.failure) w.reject(this.failure);
      else w.resolve();
    }
  }

  private cancel(): void {
    if (this.pendingImmediate) clearImmediate(this.pendingImmediate);
    if (this.pendingTimeout) clearTimeout(this.pendingTimeout);
    this.pendingImmediate = null;
    this.pendingTimeout = null;
  }

  private checkUsable(what: string): void {
    if (this.disposed) throw new Error("QuickJSHost: cannot " + what + " after dispose()");
    if (this.failure) throw this.failure;
  }

  private bindGuestTarget(): void {
    const context = this.context;
    const kamaelia = context.getProp(context.global, "Kamaelia");
    const target = context.getProp(kamaelia, "quickjsGuest");
    kamaelia.dispose();
    if (context.typeof(target) !== "object") {
      target.dispose();
      throw new Error("QuickJSHost: the guest bundle did not install Kamaelia.quickjsGuest (is it dist/kamaelia-quickjs.es5.js?)");
    }
    this.target = target;
    this.sliceFn = context.getProp(target, "slice");
    this.dispatchFn = context.getProp(target, "dispatch");
    this.kept.push(target, this.sliceFn, this.dispatchFn);
  }
}
