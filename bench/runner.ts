/**
 * Runner: times one trial — warm-up runs first, then several timed repetitions — and summarizes each
 * metric over the repetitions.
 *
 * Example:
 *   const measured = await runTrials(trial, { warmups: 1, repetitions: 5 });
 *   measured.metrics.rate.median;   // work per second, the median of 5 runs
 *
 * Behaviour:
 * - Every run, warm-ups included, is checked by the trial itself (see check.ts); an error ends the run.
 * - `rate` is the trial's work divided by the wall time of the whole call (set-up included), measured
 *   with `performance.now()`. Metrics the trial returns (such as `bytes`) are summarized alongside.
 * - Garbage is collected before each run when Node runs with `--expose-gc`, so one run's garbage is not
 *   charged to the next; collection itself is not timed.
 */
import { summarize } from "./stats";
import type { Summary } from "./stats";
import type { Trial } from "./scenario";

export interface RunOptions {
  warmups: number;
  repetitions: number;
}

export interface Measured {
  /** Work units per run (the same every run; checked). */
  work: number;
  metrics: { [name: string]: Summary };
}

const collect = (globalThis as { gc?: () => void }).gc;

export async function runTrials(trial: Trial, options: RunOptions): Promise<Measured> {
  for (let i = 0; i < options.warmups; i++) {
    if (collect) collect();
    await trial();
  }
  const samples: { [name: string]: number[] } = { rate: [] };
  let work = -1;
  for (let i = 0; i < options.repetitions; i++) {
    if (collect) collect();
    const start = performance.now();
    const result = await trial();
    const seconds = (performance.now() - start) / 1000;
    if (work >= 0 && result.work !== work) throw new Error("a trial did " + result.work + " units of work, an earlier one " + work);
    work = result.work;
    samples.rate.push(result.work / seconds);
    const extra = result.metrics || {};
    for (const name of Object.keys(extra)) (samples[name] || (samples[name] = [])).push(extra[name]);
  }
  const metrics: { [name: string]: Summary } = {};
  for (const name of Object.keys(samples)) metrics[name] = summarize(samples[name]);
  return { work, metrics };
}
