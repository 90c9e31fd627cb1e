/**
 * Task: the scheduler's record of one microprocess — its run state, its generators and its place in the
 * run queue and timer list.
 *
 * Component authors never see it. It is kept apart from the microprocess for speed: the scheduler and the
 * boxes touch these fields on every step and every message, and every Task has the same shape, so those
 * accesses stay monomorphic however many component classes a program defines (each class gives its
 * instances their own hidden class, which would make the same accesses on the components megamorphic).
 *
 * A Task may also stand for a Handle (no microprocess): it stays SLEEPING and a wake calls its listener.
 */
import type { Microprocess } from "./microprocess";
import { INACTIVE, PAUSING, RUNNABLE, SLEEPING } from "./run-state";
import type { Scheduler } from "./scheduler";

export class Task {
  /** One of the run-state constants. */
  state = INACTIVE;
  /** The scheduler running it, once activated. */
  scheduler: Scheduler | null = null;
  /** The generator being driven: main(), or the innermost WaitComplete generator. */
  gen: Iterator<unknown, unknown, unknown> | null = null;
  /** Generators suspended in WaitComplete, outermost first. */
  waiting: Iterator<unknown, unknown, unknown>[] | null = null;
  /** The value passed to the generator's next `next()`. */
  resume: unknown = undefined;
  /** True when `resumeError` must be thrown into the generator instead. */
  hasResumeError = false;
  /** An error to throw at the generator's current yield. */
  resumeError: unknown = undefined;
  /** When a pauseFor timer is due, or -1. */
  timerAt = -1;
  /** Position in the scheduler's live list, for O(1) removal. */
  slot = -1;
  /** Set when stop() is called from inside this microprocess's own step. */
  stopRequested = false;
  /** For a Handle's task: called on every delivery instead of scheduling anything. */
  listener: (() => void) | null = null;
  /** The microprocess this task runs, or null for a Handle. */
  readonly mp: Microprocess | null;

  constructor(mp: Microprocess | null) {
    this.mp = mp;
  }

  /** Make it runnable again if it is paused. */
  wake(): void {
    const state = this.state;
    if (state === PAUSING) this.state = RUNNABLE;
    else if (state === SLEEPING) {
      if (this.listener !== null) {
        this.listener();
        return;
      }
      this.state = RUNNABLE;
      (this.scheduler as Scheduler)._enqueue(this);
    }
  }
}
