/**
 * Run states: where a microprocess is in its life, as plain numbers the scheduler compares cheaply.
 *
 * INACTIVE → RUNNABLE ⇄ PAUSING → SLEEPING → RUNNABLE … → FINISHED
 *
 * `pause()` moves RUNNABLE to PAUSING; the scheduler turns PAUSING into SLEEPING at the next yield and
 * stops running it. A wake moves PAUSING or SLEEPING back to RUNNABLE, which is why a wake that arrives
 * between `pause()` and the yield wins.
 */

/** Made but not activated. */
export const INACTIVE = 0;
/** In the run queue. */
export const RUNNABLE = 1;
/** In the run queue, asked to pause at its next yield. */
export const PAUSING = 2;
/** Out of the run queue until woken. */
export const SLEEPING = 3;
/** Ended; never runs again. */
export const FINISHED = 4;
