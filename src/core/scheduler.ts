/**
 * Scheduler: gives each active microprocess CPU time, round-robin, one step (up to its next yield) at a time.
 *
 * Example (synchronous, on a host with no event loop):
 *   const scheduler = new Scheduler({ host: { now: () => Date.now() } });
 *   new Pipeline(new Source(), new Sink()).activate(scheduler);
 *   scheduler.runThreads();          // returns when nothing is left to run
 *
 * Example (embedded in a host loop):
 *   const wait = scheduler.runSlice(1000);   // SLICE_BUSY, SLICE_IDLE, SLICE_DONE, or ms to next timer
 *
 * Behaviour:
 * - Each cycle runs every runnable microprocess once, in the order of the previous cycle; ones that became
 *   runnable during a cycle (activated or woken) join at the end of the next. A microprocess that never
 *   pauses therefore runs in activation order.
 * - Paused microprocesses are not in the run queue at all, so they cost nothing until woken. When every
 *   microprocess is paused and no timer is due, `runSlice` returns SLICE_IDLE and the host may sleep until
 *   `host.wake()` is called.
 * - `yield newComponent(...)` activates components here; `yield WaitComplete(gen)` runs `gen` to its end
 *   first, returning its value to the caller's `yield` (or throwing its error there).
 * - A microprocess whose `main()` throws is removed and its teardown runs; the error goes to
 *   `hooks.onError` (or `host.log` if there is no hook), its parent is woken, and the rest run on. Axon
 *   instead lets the exception end the whole scheduler; a device runtime cannot afford that.
 * - `stop()` ends every microprocess and clears the queue.
 * - Each scheduler has its own Co-ordinating Assistant Tracker (`tracker`).
 *
 * How it works inside: the scheduler works on Task records (task.ts), one per microprocess and all of one
 * shape, so its field accesses stay fast whatever the component classes. Three arrays — the cycle being
 * run (with a cursor, so a slice can end mid-cycle), the survivors for the next cycle, and the arrivals —
 * are swapped at each cycle's end, so nothing is allocated per step. Live microprocesses sit in an array with O(1) swap-removal; timers in a small sorted array.
 * This file is longer than most because the run loop, timers and ending are one piece of state.
 */
import { CoordinatingAssistantTracker } from "./coordinating-assistant-tracker";
import { BadComponentState, ReservedYield } from "./errors";
import { NewComponent, WaitComplete } from "./ipc";
import type { Microprocess } from "./microprocess";
import type { Task } from "./task";
import { FINISHED, INACTIVE, PAUSING, RUNNABLE, SLEEPING } from "./run-state";
import { SLICE_BUSY, SLICE_DONE, SLICE_IDLE } from "./types";
import type { Hooks, Host, Runnable } from "./types";

/** Steps per `runSlice` when the caller does not say: enough to amortise the call, short enough to share. */
const DEFAULT_SLICE_STEPS = 10000;

/** What a Scheduler is made with. */
export interface SchedulerOptions {
  /** The platform: clock, log, wake and sleep. Defaults to a clock from `Date` and nothing else. */
  host?: Host;
  /** Tracing and error hooks. */
  hooks?: Hooks;
}

function dateClock(): number {
  return new Date().getTime();
}

function describeError(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { name?: string; message?: string };
    return (e.name || "Error") + ": " + e.message;
  }
  return String(error);
}

export class Scheduler {
  /** The platform this scheduler runs on. */
  readonly host: Host;
  /** The one extension seam; replace members at any time. */
  hooks: Hooks;
  /** This scheduler's Co-ordinating Assistant Tracker. */
  readonly tracker: CoordinatingAssistantTracker;

  private runQueue: Task[] = [];
  private cursor = 0;
  private survivors: Task[] = [];
  private arrivals: Task[] = [];
  private live: Task[] = [];
  private timers: Task[] = [];
  private current: Task | null = null;
  private inSlice = false;
  private wakeRequested = false;

  constructor(options?: SchedulerOptions) {
    this.host = (options && options.host) || { now: dateClock };
    this.hooks = (options && options.hooks) || {};
    this.tracker = new CoordinatingAssistantTracker();
  }

  /** The host clock in milliseconds. */
  now(): number {
    return this.host.now();
  }

  /**
   * Run up to `maxSteps` steps. Returns SLICE_BUSY (0) if work remains, the milliseconds until the next
   * timer if only timers remain, SLICE_IDLE (-1) if everything is paused with no timer, or SLICE_DONE (-2)
   * if no microprocess is left.
   */
  runSlice(maxSteps?: number): number {
    if (this.inSlice) throw new BadComponentState("the scheduler", "is already running a slice: runSlice is not re-entrant");
    const limit = maxSteps === undefined ? DEFAULT_SLICE_STEPS : maxSteps;
    this.inSlice = true;
    this.wakeRequested = false;
    try {
      if (this.timers.length > 0) this.fireTimers();
      for (let steps = 0; steps < limit; steps++) {
        if (this.cursor >= this.runQueue.length) {
          this.endCycle();
          if (this.runQueue.length === 0) break;
          if (this.timers.length > 0) this.fireTimers();
        }
        const task = this.runQueue[this.cursor++];
        if (task.state !== RUNNABLE && task.state !== PAUSING) continue; // stopped while queued
        this.step(task);
        if (task.state === PAUSING) task.state = SLEEPING;
        else if (task.state === RUNNABLE) this.survivors.push(task);
      }
    } finally {
      this.inSlice = false;
    }
    return this.status();
  }

  /**
   * Run slices until nothing is left to run (all ended, or all paused with no timer set) — or, if `until`
   * is given, until it returns true (checked before each slice). Waits for timers through `host.sleep`.
   */
  runThreads(until?: () => boolean): void {
    while (!(until && until())) {
      const result = this.runSlice(DEFAULT_SLICE_STEPS);
      if (result === SLICE_BUSY) continue;
      if (result <= 0) return;
      // No event loop to return to: sleep if the host can, else keep polling the clock.
      if (this.host.sleep) this.host.sleep(result);
    }
  }

  /** What `runSlice` would report now, without running anything. */
  status(): number {
    if (this.cursor < this.runQueue.length || this.survivors.length > 0 || this.arrivals.length > 0) return SLICE_BUSY;
    if (this.live.length === 0) return SLICE_DONE;
    if (this.timers.length > 0) {
      const wait = this.timers[0].timerAt - this.host.now();
      return wait > 0 ? wait : SLICE_BUSY;
    }
    return SLICE_IDLE;
  }

  /** End every microprocess, newest first, and empty the queue. */
  stop(): void {
    const all = this.live.slice();
    all.sort(byId);
    for (let i = all.length - 1; i >= 0; i--) this._stopOne(all[i]);
    this.runQueue.length = 0;
    this.survivors.length = 0;
    this.arrivals.length = 0;
    this.cursor = 0;
    // The host may have dropped a pending slice along with the stop; the next activation must wake it.
    this.wakeRequested = false;
  }

  /** Every live microprocess, in activation order (Axon's `listAllThreads`). */
  listAllThreads(): Runnable[] {
    const all = this.live.slice();
    all.sort(byId);
    const result: Runnable[] = [];
    for (let i = 0; i < all.length; i++) result.push(all[i].mp as Microprocess);
    return result;
  }

  /** @internal Start running `mp` on the next cycle. */
  _activate(mp: Microprocess): void {
    const task = mp._task;
    if (task.state !== INACTIVE) {
      throw new BadComponentState(mp.name, task.state === FINISHED ? "has already finished" : "is already activated");
    }
    const generator = mp.main() as Iterator<unknown, unknown, unknown> | undefined;
    if (!generator || typeof generator.next !== "function") {
      throw new BadComponentState(mp.name, "has a main() that is not a generator: write *main()");
    }
    task.gen = generator;
    task.scheduler = this;
    mp.scheduler = this;
    task.state = RUNNABLE;
    task.slot = this.live.length;
    this.live.push(task);
    this.arrivals.push(task);
    this.poke();
    if (this.hooks.onActivate) this.callHook(this.hooks.onActivate, mp, undefined);
  }

  /** @internal A sleeping task was woken: it runs from the next cycle. */
  _enqueue(task: Task): void {
    this.arrivals.push(task);
    this.poke();
  }

  /** @internal Wake `task` at `at` on the host clock (replacing any earlier timer of its own). */
  _setTimer(task: Task, at: number): void {
    const timers = this.timers;
    if (task.timerAt >= 0) this.removeTimer(task);
    task.timerAt = at;
    let i = timers.length;
    while (i > 0 && timers[i - 1].timerAt > at) i--;
    timers.splice(i, 0, task);
    this.poke();
  }

  /** @internal End `task` now, or at the end of its step if it is the one running. */
  _stopOne(task: Task): void {
    if (task.state === FINISHED) return;
    if (task === this.current) {
      task.stopRequested = true;
      return;
    }
    this.finish(task, true);
  }

  private poke(): void {
    if (!this.inSlice && !this.wakeRequested) {
      this.wakeRequested = true;
      if (this.host.wake) this.host.wake();
    }
  }

  private endCycle(): void {
    const done = this.runQueue;
    done.length = 0;
    this.cursor = 0;
    if (this.survivors.length === 0) {
      // Nothing ran on (a token ring, a woken consumer): the arrivals are the next cycle as they are.
      this.runQueue = this.arrivals;
      this.arrivals = done;
      return;
    }
    const next = this.survivors;
    const arrivals = this.arrivals;
    for (let i = 0; i < arrivals.length; i++) next.push(arrivals[i]);
    arrivals.length = 0;
    this.runQueue = next;
    this.survivors = done;
  }

  private fireTimers(): void {
    const timers = this.timers;
    const now = this.host.now();
    while (timers.length > 0 && timers[0].timerAt <= now) {
      const task = timers.shift() as Task;
      task.timerAt = -1;
      task.wake();
    }
  }

  private removeTimer(task: Task): void {
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) {
      if (timers[i] === task) {
        timers.splice(i, 1);
        break;
      }
    }
    task.timerAt = -1;
  }

  /**
   * Run `task` up to its next yield and act on what it yielded. A WaitComplete generator that returns
   * hands its value straight back to its caller within the same step: a return is not a yield.
   */
  private step(task: Task): void {
    let result: IteratorResult<unknown, unknown>;
    for (;;) {
      const generator = task.gen as Iterator<unknown, unknown, unknown>;
      this.current = task;
      try {
        if (task.hasResumeError) {
          const error = task.resumeError;
          task.hasResumeError = false;
          task.resumeError = undefined;
          result = (generator.throw as (e: unknown) => IteratorResult<unknown, unknown>).call(generator, error);
        } else {
          const value = task.resume;
          task.resume = undefined;
          result = generator.next(value);
        }
      } catch (error) {
        this.current = null;
        if (!task.stopRequested && task.waiting !== null && task.waiting.length > 0) {
          // A WaitComplete generator threw: rethrow it at the caller's yield, in this same step.
          task.gen = task.waiting.pop() as Iterator<unknown, unknown, unknown>;
          task.hasResumeError = true;
          task.resumeError = error;
          continue;
        }
        // Outer WaitComplete callers (if stopping) are still suspended: close them.
        this.crash(task, error, task.stopRequested);
        return;
      }
      this.current = null;
      if (task.stopRequested) {
        this.finish(task, true);
        return;
      }
      if (!result.done) break;
      if (task.waiting === null || task.waiting.length === 0) {
        this.finish(task, false);
        return;
      }
      task.gen = task.waiting.pop() as Iterator<unknown, unknown, unknown>;
      task.resume = result.value;
    }
    const yielded = result.value;
    if (!yielded) {
      this.crash(task, new ReservedYield((task.mp as Microprocess).name, String(yielded)), true);
    } else if (typeof yielded === "object") {
      if (yielded instanceof NewComponent) this.activateAll(task, yielded.components());
      else if (yielded instanceof WaitComplete) {
        (task.waiting || (task.waiting = [])).push(task.gen as Iterator<unknown, unknown, unknown>);
        task.gen = yielded.generator;
      }
    }
  }

  /** Activate what `task` yielded in a NewComponent; a failure is thrown back at its yield. */
  private activateAll(task: Task, components: { activate(scheduler?: unknown): unknown }[]): void {
    try {
      // All or none: check every one can start before starting any.
      for (let i = 0; i < components.length; i++) {
        const c = components[i] as Microprocess;
        const state = c._task.state;
        if (state !== INACTIVE) throw new BadComponentState(c.name, state === FINISHED ? "has already finished" : "is already activated");
      }
      for (let i = 0; i < components.length; i++) components[i].activate(this);
    } catch (error) {
      task.hasResumeError = true;
      task.resumeError = error;
    }
  }

  /** Remove `task` after an error; `suspended` when its generators are still open and need closing. */
  private crash(task: Task, error: unknown, suspended: boolean): void {
    const mp = task.mp as Microprocess;
    mp.error = error;
    mp.crashed = true;
    if (this.hooks.onError) this.callHook(this.hooks.onError, error, mp);
    else this.log("error", mp.name + " crashed and was removed: " + describeError(error));
    this.finish(task, suspended);
  }

  /** End `task`: close its generators if forced, then remove it and run its teardown. */
  private finish(task: Task, closeGenerators: boolean): void {
    if (task.state === FINISHED) return;
    const mp = task.mp as Microprocess;
    task.state = FINISHED;
    if (task.timerAt >= 0) this.removeTimer(task);
    if (closeGenerators) this.closeGenerators(task);
    task.gen = null;
    task.waiting = null;
    const slot = task.slot;
    if (slot >= 0) {
      const last = this.live.pop() as Task;
      if (last !== task) {
        this.live[slot] = last;
        last.slot = slot;
      }
      task.slot = -1;
    }
    try {
      mp._closeDown();
    } catch (error) {
      this.log("error", mp.name + " failed closing down: " + describeError(error));
    }
    this.tracker._forgetProvider(mp);
    // A service registered before activation went to the default scheduler's tracker.
    if (theDefault !== null && theDefault !== this) theDefault.tracker._forgetProvider(mp);
    if (this.hooks.onFinish) this.callHook(this.hooks.onFinish, mp, undefined);
  }

  /** Run `finally` blocks of a microprocess stopped from outside, innermost generator first. */
  private closeGenerators(task: Task): void {
    const stack = (task.waiting || []).concat(task.gen ? [task.gen] : []);
    for (let i = stack.length - 1; i >= 0; i--) {
      const generator = stack[i];
      if (typeof generator.return !== "function") continue;
      try {
        generator.return(undefined);
      } catch (error) {
        this.log("error", (task.mp as Microprocess).name + " threw on stop: " + describeError(error));
      }
    }
  }

  private callHook(hook: (a: never, b: never) => void, a: unknown, b: unknown): void {
    try {
      (hook as (a: unknown, b: unknown) => void).call(this.hooks, a, b);
    } catch (error) {
      this.log("error", "a scheduler hook threw: " + describeError(error));
    }
  }

  private log(level: "error" | "warn", message: string): void {
    if (this.host.log) this.host.log(level, message);
  }
}

function byId(a: Task, b: Task): number {
  return (a.mp as Microprocess).id - (b.mp as Microprocess).id;
}

let theDefault: Scheduler | null = null;

/** The scheduler components use when activated without one (Axon's `scheduler.run`). */
export function defaultScheduler(): Scheduler {
  return theDefault || (theDefault = new Scheduler());
}

/** Replace the default scheduler, for example with one built on a target's host. Returns the old one. */
export function setDefaultScheduler(scheduler: Scheduler): Scheduler | null {
  const old = theDefault;
  theDefault = scheduler;
  return old;
}
