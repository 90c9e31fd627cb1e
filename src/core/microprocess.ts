/**
 * Microprocess: something the scheduler runs — a generator `main()` that does a little work between yields.
 *
 * Example:
 *   class Ticker extends Microprocess {
 *     static override Name = "Ticker";
 *     *main() { for (let i = 0; i < 3; i++) { this.pauseFor(1000); yield 1; } }
 *   }
 *   new Ticker().run();
 *
 * Behaviour:
 * - `activate()` hands it to a scheduler; it starts on the scheduler's next cycle.
 * - `pause()` takes effect at the next yield. It is woken by a delivery to one of its inboxes, a collect of
 *   a message it sent, a child ending, or a `pauseFor` timer. A wake beats a pause within one cycle.
 * - `stop()` ends it at once (or at its yield, if it stops itself): `finally` blocks in `main()` run, then
 *   its teardown runs in reverse order of registration.
 * - Every microprocess has a readable, unique name: the class's static `Name` (or the constructor's
 *   function name where the engine has one; mujs does not) and an id, such as `Ticker_3`.
 *
 * How it works inside: the scheduler's state for it lives in a Task record (task.ts: run state as numbers
 * from run-state.ts, generators, queue places); the scheduler drives the generator and calls `_closeDown`
 * when it ends, which Component extends with box and linkage teardown.
 */
import { hasOwn } from "./has-own";
import { BadComponentState } from "./errors";
import { INACTIVE, PAUSING, RUNNABLE, SLEEPING, FINISHED } from "./run-state";
import { Task } from "./task";
import { defaultScheduler, Scheduler } from "./scheduler";
import type { MainLoop, Runnable } from "./types";

let nextId = 1;

/**
 * A class's readable name: its own static `Name`, else its function name where the engine has one (mujs
 * does not, and minifiers rename them), else an inherited `Name`.
 */
function constructorName(instance: object): string {
  const ctor = instance.constructor as { Name?: string; name?: string };
  if (hasOwn(ctor, "Name") && ctor.Name) return ctor.Name;
  return ctor.name || ctor.Name || "Microprocess";
}

export class Microprocess implements Runnable {
  /** The readable prefix of every instance's name; set it on your class (mujs has no function names). */
  static Name?: string;

  /** Unique readable name for traces, such as `Echo_7`. */
  readonly name: string;
  /** Unique id, in creation order. */
  readonly id: number;
  /** What `main()` threw, if it crashed. */
  error: unknown = undefined;
  /** True when `main()` threw (the error may be any value, even undefined). */
  crashed = false;

  /** The scheduler this runs on, once activated (Axon's `self.scheduler`); null before. Read-only by convention. */
  scheduler: Scheduler | null = null;
  /** @internal The scheduler's record: run state, generators, queue and timer places (see task.ts). */
  readonly _task: Task;
  /** @internal Cleanups registered while running, undone in reverse on ending. */
  _teardown: (() => void)[] | null = null;

  constructor() {
    this.id = nextId++;
    this.name = constructorName(this) + "_" + this.id;
    this._task = new Task(this);
  }

  /** The work: a generator that yields to hand control back. Override it with `*main() { ... }`. */
  *main(): MainLoop {
    // An empty microprocess ends at once.
  }

  /**
   * Hand this to a scheduler (the default one if none is given); it starts on the next cycle. Returns
   * `this`, as in Axon.
   */
  activate(scheduler?: Scheduler): this {
    (scheduler || this.scheduler || defaultScheduler())._activate(this);
    return this;
  }

  /** Activate, then run the scheduler until nothing is left to run (Axon's `run()`). */
  run(scheduler?: Scheduler): void {
    const s = scheduler || this.scheduler || defaultScheduler();
    this.activate(s);
    s.runThreads();
  }

  /** Sleep from the next yield until woken (delivery, collect, child end, timer). */
  pause(): void {
    const task = this._task;
    if (task.state === RUNNABLE) task.state = PAUSING;
  }

  /** Pause, and be woken at the latest `ms` milliseconds from now on the host clock. */
  pauseFor(ms: number): void {
    const s = this._needScheduler("pauseFor");
    this.pause();
    s._setTimer(this._task, s.now() + ms);
  }

  /** The host clock, in milliseconds (the scheduler's host, or the default scheduler's). */
  now(): number {
    return (this.scheduler || defaultScheduler()).now();
  }

  /** End now: `finally` blocks run, then teardown. Safe to call more than once, and on itself. */
  stop(): void {
    if (this._task.state === FINISHED) return;
    if (this.scheduler === null) {
      this._task.state = FINISHED;
      this._closeDown();
      return;
    }
    this.scheduler._stopOne(this._task);
  }

  /** True once this has ended, by finishing, crashing or being stopped (Axon's `_isStopped`). */
  isStopped(): boolean {
    return this._task.state === FINISHED;
  }

  /** True while activated and not yet ended. */
  isRunning(): boolean {
    const state = this._task.state;
    return state !== INACTIVE && state !== FINISHED;
  }

  /** True while paused and out of the run queue. */
  isPaused(): boolean {
    const state = this._task.state;
    return state === SLEEPING || state === PAUSING;
  }

  /** Register a cleanup to run when this ends; cleanups run in reverse order of registration. */
  addTeardown(cleanup: () => void): void {
    (this._teardown || (this._teardown = [])).push(cleanup);
  }

  /** @internal Make it runnable again if it is paused. */
  _wake(): void {
    this._task.wake();
  }

  /** @internal Called once when this ends, after `main()` is closed. Subclasses extend it. */
  _closeDown(): void {
    const cleanups = this._teardown;
    this._teardown = null;
    if (cleanups === null) return;
    // Every cleanup runs even if one throws; the first error is rethrown once all have run.
    let failed = false;
    let firstError: unknown;
    for (let i = cleanups.length - 1; i >= 0; i--) {
      try {
        cleanups[i]();
      } catch (error) {
        if (!failed) firstError = error;
        failed = true;
      }
    }
    if (failed) throw firstError;
  }

  /** @internal The scheduler, or a clear error naming what needed it. */
  _needScheduler(what: string): Scheduler {
    if (this.scheduler === null) throw new BadComponentState(this.name, "is not activated: cannot " + what);
    return this.scheduler;
  }
}
