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
 * How it works inside: three arrays — the cycle being run (with a cursor, so a slice can end mid-cycle), the
 * survivors for the next cycle, and the arrivals — are swapped at each cycle's end, so nothing is allocated
 * per step. Live microprocesses sit in an array with O(1) swap-removal; timers in a small sorted array.
 * This file is longer than most because the run loop, timers and ending are one piece of state.
 */
import { CoordinatingAssistantTracker } from "./coordinating-assistant-tracker";
import { BadComponentState, ReservedYield } from "./errors";
import { NewComponent, WaitComplete } from "./ipc";
import type { Microprocess } from "./microprocess";
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

  private runQueue: Microprocess[] = [];
  private cursor = 0;
  private survivors: Microprocess[] = [];
  private arrivals: Microprocess[] = [];
  private live: Microprocess[] = [];
  private timers: Microprocess[] = [];
  private current: Microprocess | null = null;
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
    if (this.inSlice) throw new BadComponentState("the scheduler", "is already running a slice (runSlice is not re-entrant)");
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
        const mp = this.runQueue[this.cursor++];
        if (mp._state !== RUNNABLE && mp._state !== PAUSING) continue; // stopped while queued
        this.step(mp);
        if (mp._state === PAUSING) mp._state = SLEEPING;
        else if (mp._state === RUNNABLE) this.survivors.push(mp);
      }
    } finally {
      this.inSlice = false;
    }
    return this.status();
  }

  /** Run slices until nothing is left to run: all ended, or all paused with no timer set. */
  runThreads(): void {
    for (;;) {
      const result = this.runSlice(DEFAULT_SLICE_STEPS);
      if (result === SLICE_BUSY) continue;
      if (result > 0) {
        // No event loop to return to: sleep if the host can, else keep polling the clock.
        if (this.host.sleep) this.host.sleep(result);
        continue;
      }
      return;
    }
  }

  /** What `runSlice` would report now, without running anything. */
  status(): number {
    if (this.cursor < this.runQueue.length || this.survivors.length > 0 || this.arrivals.length > 0) return SLICE_BUSY;
    if (this.live.length === 0) return SLICE_DONE;
    if (this.timers.length > 0) {
      const wait = this.timers[0]._timerAt - this.host.now();
      return wait > 0 ? wait : SLICE_BUSY;
    }
    return SLICE_IDLE;
  }

  /** End every microprocess, newest first, and empty the queue. */
  stop(): void {
    const all = this.listAllThreads() as Microprocess[];
    for (let i = all.length - 1; i >= 0; i--) this.stopOne(all[i]);
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
    all.sort((a, b) => a.id - b.id);
    return all;
  }

  /** @internal Start running `mp` on the next cycle. */
  _activate(mp: Microprocess): void {
    if (mp._state !== INACTIVE) {
      throw new BadComponentState(mp.name, mp._state === FINISHED ? "has already finished" : "is already activated");
    }
    const generator = mp.main() as Iterator<unknown, unknown, unknown> | undefined;
    if (!generator || typeof generator.next !== "function") {
      throw new BadComponentState(mp.name, "has a main() that is not a generator: declare it as *main()");
    }
    mp._gen = generator;
    mp.scheduler = this;
    mp._state = RUNNABLE;
    mp._slot = this.live.length;
    this.live.push(mp);
    this.arrivals.push(mp);
    this.poke();
    if (this.hooks.onActivate) this.callHook(this.hooks.onActivate, mp, undefined);
  }

  /** @internal A sleeping microprocess was woken: it runs from the next cycle. */
  _enqueue(mp: Microprocess): void {
    this.arrivals.push(mp);
    this.poke();
  }

  /** @internal Wake `mp` at `at` on the host clock (replacing any earlier timer of its own). */
  _setTimer(mp: Microprocess, at: number): void {
    const timers = this.timers;
    if (mp._timerAt >= 0) this.removeTimer(mp);
    mp._timerAt = at;
    let i = timers.length;
    while (i > 0 && timers[i - 1]._timerAt > at) i--;
    timers.splice(i, 0, mp);
    this.poke();
  }

  /** @internal End `mp` now, or at the end of its step if it is the one running. */
  _stopOne(mp: Microprocess): void {
    this.stopOne(mp);
  }

  private stopOne(mp: Microprocess): void {
    if (mp._state === FINISHED) return;
    if (mp === this.current) {
      mp._stopRequested = true;
      return;
    }
    this.finish(mp, true);
  }

  private poke(): void {
    if (!this.inSlice && !this.wakeRequested) {
      this.wakeRequested = true;
      if (this.host.wake) this.host.wake();
    }
  }

  private endCycle(): void {
    const next = this.survivors;
    const arrivals = this.arrivals;
    for (let i = 0; i < arrivals.length; i++) next.push(arrivals[i]);
    arrivals.length = 0;
    const done = this.runQueue;
    done.length = 0;
    this.runQueue = next;
    this.survivors = done;
    this.cursor = 0;
  }

  private fireTimers(): void {
    const timers = this.timers;
    const now = this.host.now();
    while (timers.length > 0 && timers[0]._timerAt <= now) {
      const mp = timers.shift() as Microprocess;
      mp._timerAt = -1;
      mp._wake();
    }
  }

  private removeTimer(mp: Microprocess): void {
    const timers = this.timers;
    for (let i = 0; i < timers.length; i++) {
      if (timers[i] === mp) {
        timers.splice(i, 1);
        break;
      }
    }
    mp._timerAt = -1;
  }

  /**
   * Run `mp` up to its next yield and act on what it yielded. A WaitComplete generator that returns hands
   * its value straight back to its caller within the same step: a return is not a yield.
   */
  private step(mp: Microprocess): void {
    let result: IteratorResult<unknown, unknown>;
    for (;;) {
      const generator = mp._gen as Iterator<unknown, unknown, unknown>;
      this.current = mp;
      try {
        if (mp._hasResumeError) {
          const error = mp._resumeError;
          mp._hasResumeError = false;
          mp._resumeError = undefined;
          result = (generator.throw as (e: unknown) => IteratorResult<unknown, unknown>).call(generator, error);
        } else {
          const value = mp._resume;
          mp._resume = undefined;
          result = generator.next(value);
        }
      } catch (error) {
        this.current = null;
        if (!mp._stopRequested && mp._waiting !== null && mp._waiting.length > 0) {
          // A WaitComplete generator threw: rethrow it at the caller's yield, in this same step.
          mp._gen = mp._waiting.pop() as Iterator<unknown, unknown, unknown>;
          mp._hasResumeError = true;
          mp._resumeError = error;
          continue;
        }
        // Outer WaitComplete callers (if stopping) are still suspended: close them.
        this.crash(mp, error, mp._stopRequested);
        return;
      }
      this.current = null;
      if (mp._stopRequested) {
        this.finish(mp, true);
        return;
      }
      if (!result.done) break;
      if (mp._waiting === null || mp._waiting.length === 0) {
        this.finish(mp, false);
        return;
      }
      mp._gen = mp._waiting.pop() as Iterator<unknown, unknown, unknown>;
      mp._resume = result.value;
    }
    const yielded = result.value;
    if (!yielded) {
      this.crash(mp, new ReservedYield(mp.name, String(yielded)), true);
    } else if (typeof yielded === "object") {
      if (yielded instanceof NewComponent) this.activateAll(mp, yielded.components());
      else if (yielded instanceof WaitComplete) {
        (mp._waiting || (mp._waiting = [])).push(mp._gen as Iterator<unknown, unknown, unknown>);
        mp._gen = yielded.generator;
      }
    }
  }

  /** Activate what `mp` yielded in a NewComponent; a failure is thrown back at `mp`'s yield. */
  private activateAll(mp: Microprocess, components: { activate(scheduler?: unknown): unknown }[]): void {
    try {
      // All or none: check every one can start before starting any.
      for (let i = 0; i < components.length; i++) {
        const c = components[i] as Microprocess;
        if (c._state !== INACTIVE) throw new BadComponentState(c.name, c._state === FINISHED ? "has already finished" : "is already activated");
      }
      for (let i = 0; i < components.length; i++) components[i].activate(this);
    } catch (error) {
      mp._hasResumeError = true;
      mp._resumeError = error;
    }
  }

  /** Remove `mp` after an error; `suspended` when its generators are still open and need closing. */
  private crash(mp: Microprocess, error: unknown, suspended: boolean): void {
    mp.error = error;
    mp.crashed = true;
    if (this.hooks.onError) this.callHook(this.hooks.onError, error, mp);
    else this.log("error", mp.name + " crashed and was removed: " + describeError(error));
    this.finish(mp, suspended);
  }

  /** End `mp`: close its generators if forced, then remove it and run its teardown. */
  private finish(mp: Microprocess, closeGenerators: boolean): void {
    if (mp._state === FINISHED) return;
    mp._state = FINISHED;
    if (mp._timerAt >= 0) this.removeTimer(mp);
    if (closeGenerators) this.closeGenerators(mp);
    mp._gen = null;
    mp._waiting = null;
    const slot = mp._slot;
    if (slot >= 0) {
      const last = this.live.pop() as Microprocess;
      if (last !== mp) {
        this.live[slot] = last;
        last._slot = slot;
      }
      mp._slot = -1;
    }
    try {
      mp._closeDown();
    } catch (error) {
      this.log("error", mp.name + " failed while closing down: " + describeError(error));
    }
    this.tracker._forgetProvider(mp);
    // A service registered before activation went to the default scheduler's tracker.
    if (theDefault !== null && theDefault !== this) theDefault.tracker._forgetProvider(mp);
    if (this.hooks.onFinish) this.callHook(this.hooks.onFinish, mp, undefined);
  }

  /** Run `finally` blocks of a microprocess stopped from outside, innermost generator first. */
  private closeGenerators(mp: Microprocess): void {
    const stack = (mp._waiting || []).concat(mp._gen ? [mp._gen] : []);
    for (let i = stack.length - 1; i >= 0; i--) {
      const generator = stack[i];
      if (typeof generator.return !== "function") continue;
      try {
        generator.return(undefined);
      } catch (error) {
        this.log("error", mp.name + " threw while being stopped: " + describeError(error));
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
