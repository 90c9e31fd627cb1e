/**
 * QuickJS and QuickJS-ng, in-process through quickjs-emscripten (sync WASM variants), with a small host:
 * `print`, a clock (`hostNow()`, milliseconds, monotonic), timers (`setTimeout` / `clearTimeout`, served by
 * Node's timers), and a job pump after every entry into the guest.
 *
 * Example:
 *   const run = await quickjs.runScript(bundle + harness + testCase, "round-robin");
 *   const limited = await runInQuickJS("quickjs", script, { memoryLimitBytes: 4 << 20, timeLimitMs: 200 });
 *
 * Behaviour: each script gets a fresh runtime and context, so one case cannot disturb the next. A memory
 * limit makes the guest fail with "out of memory" (reported as a clear error naming the limit); a time
 * limit makes the interrupt handler stop a runaway guest ("interrupted", reported naming the limit). Either
 * way the runtime is disposed, every handle released, and the host carries on.
 *
 * How it works inside: host functions are created with `newFunction` and their handles disposed after being
 * set as globals; timer callbacks are `dup()`ed and disposed when they fire or are cleared; before
 * disposing the context, the globals pointing at host functions are deleted (quickjs-emscripten 0.32
 * otherwise aborts on dispose).
 */
import { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } from "quickjs-emscripten-core";
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from "quickjs-emscripten-core";
import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import ngReleaseSync from "@jitl/quickjs-ng-wasmfile-release-sync";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Engine, ScriptRun } from "./engine";

/** Optional extra host functions for one guest run (benchmarks); none are defined unless asked for. */
export interface GuestExtras {
  /**
   * Define `hostMemoryUsed()`: the runtime's `memory_used_size` from `computeMemoryUsage()`, in bytes. The
   * benchmark suite uses it for bytes per idle component.
   */
  hostMemoryUsed?: boolean;
}

/** Limits for one guest run. */
export interface GuestLimits {
  /** Guest heap limit; default 256 MiB. */
  memoryLimitBytes?: number;
  /** CPU time the guest may run before the interrupt handler stops it; default 120 s. */
  timeLimitMs?: number;
}

type VariantId = "quickjs" | "quickjs-ng";
const variants = { quickjs: releaseSync, "quickjs-ng": ngReleaseSync };
const packages = { quickjs: "@jitl/quickjs-wasmfile-release-sync", "quickjs-ng": "@jitl/quickjs-ng-wasmfile-release-sync" };
const modules: { [id: string]: Promise<QuickJSWASMModule> } = {};

function loadModule(id: VariantId): Promise<QuickJSWASMModule> {
  return modules[id] || (modules[id] = newQuickJSWASMModuleFromVariant(variants[id]));
}

const HOST_GLOBALS = ["print", "hostNow", "setTimeout", "clearTimeout"];

function describeGuestError(context: QuickJSContext, handle: QuickJSHandle): string {
  const error = context.dump(handle) as { name?: string; message?: string; stack?: string } | string;
  if (error && typeof error === "object") return (error.name || "Error") + ": " + error.message + (error.stack ? "\n" + error.stack.trim() : "");
  return String(error);
}

function explain(text: string, limits: Required<GuestLimits>): string {
  if (/out of memory/i.test(text)) return "the guest exceeded its memory limit of " + limits.memoryLimitBytes + " bytes (" + text.split("\n")[0] + ")";
  if (/interrupted/i.test(text)) return "the guest ran past its time limit of " + limits.timeLimitMs + " ms and was interrupted (a runaway loop?)";
  return text;
}

/** Run one script in a fresh QuickJS runtime of the given variant, with the host and limits above. */
export async function runInQuickJS(id: VariantId, script: string, limits: GuestLimits = {}, extras: GuestExtras = {}): Promise<ScriptRun> {
  const full: Required<GuestLimits> = { memoryLimitBytes: limits.memoryLimitBytes ?? 256 << 20, timeLimitMs: limits.timeLimitMs ?? 120000 };
  const module = await loadModule(id);
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(full.memoryLimitBytes);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + full.timeLimitMs));
  const context = runtime.newContext();
  const lines: string[] = [];
  const timers = new Map<number, { handle: QuickJSHandle; timeout: ReturnType<typeof setTimeout> }>();
  let nextTimer = 1;
  let failure: string | undefined;
  let settleTimers: () => void = () => undefined;
  const timersDone = new Promise<void>((resolve) => (settleTimers = resolve));

  const pump = (): void => {
    const jobs = runtime.executePendingJobs();
    if (jobs.error) {
      failure = failure || explain(describeGuestError(context, jobs.error), full);
      jobs.error.dispose();
    }
  };
  const checkSettled = (): void => {
    if (timers.size === 0 || failure !== undefined) settleTimers();
  };
  const define = (name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | undefined): void => {
    const handle = context.newFunction(name, fn);
    context.setProp(context.global, name, handle);
    handle.dispose();
  };

  define("print", (...args) => {
    lines.push(...args.map((a) => context.getString(a)).join(" ").split("\n"));
    return undefined;
  });
  define("hostNow", () => context.newNumber(performance.now()));
  define("setTimeout", (fn, ms) => {
    const id = nextTimer++;
    const handle = fn.dup();
    const delay = ms ? context.getNumber(ms) : 0;
    const timeout = setTimeout(() => {
      timers.delete(id);
      if (failure === undefined) {
        const result = context.callFunction(handle, context.undefined);
        if (result.error) {
          failure = explain(describeGuestError(context, result.error), full);
          result.error.dispose();
        } else result.value.dispose();
        pump();
      }
      handle.dispose();
      checkSettled();
    }, delay);
    timers.set(id, { handle, timeout });
    return context.newNumber(id);
  });
  define("clearTimeout", (idHandle) => {
    const id = context.getNumber(idHandle);
    const timer = timers.get(id);
    if (timer) {
      clearTimeout(timer.timeout);
      timer.handle.dispose();
      timers.delete(id);
    }
    return undefined;
  });

  if (extras.hostMemoryUsed) {
    define("hostMemoryUsed", () => {
      const usage = runtime.computeMemoryUsage();
      const used = (context.dump(usage) as { memory_used_size: number }).memory_used_size;
      usage.dispose();
      return context.newNumber(used);
    });
  }

  const result = context.evalCode(script, "device-test.js");
  if (result.error) {
    failure = explain(describeGuestError(context, result.error), full);
    result.error.dispose();
  } else result.value.dispose();
  pump();
  checkSettled();
  await timersDone;

  for (const timer of timers.values()) {
    clearTimeout(timer.timeout);
    timer.handle.dispose();
  }
  timers.clear();
  for (const name of HOST_GLOBALS) context.setProp(context.global, name, context.undefined);
  if (extras.hostMemoryUsed) context.setProp(context.global, "hostMemoryUsed", context.undefined);
  context.dispose();
  runtime.dispose();
  return failure === undefined ? { lines } : { lines, engineError: failure };
}

/** The QuickJS release a variant vendors (its README says "Version [X](...)") and the package version. */
function variantVersion(id: VariantId): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(packages[id] + "/package.json");
  const pkgVersion = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  const m = /^Version \[([^\]]+)\]/m.exec(readFileSync(join(dirname(manifest), "README.md"), "utf8"));
  return (m ? m[1] : "?") + " (quickjs-emscripten " + pkgVersion + ")";
}

class QuickJSEngine implements Engine {
  constructor(
    readonly id: VariantId,
    readonly label: string,
  ) {}
  unavailable(): string | null {
    return null; // an npm dependency: always here after npm ci
  }
  version(): string {
    return variantVersion(this.id);
  }
  runScript(script: string): Promise<ScriptRun> {
    return runInQuickJS(this.id, script);
  }
}

export const quickjs: Engine = new QuickJSEngine("quickjs", "QuickJS");
export const quickjsNg: Engine = new QuickJSEngine("quickjs-ng", "QuickJS-ng");
