/**
 * Stats: the summary of one metric's repetitions — median, and spread as (max − min) / median.
 *
 * Example:
 *   summarize([5.1e6, 5.3e6, 4.9e6]);   // { median: 5.1e6, spread: 0.078, min: 4.9e6, max: 5.3e6, samples: [...] }
 */

export interface Summary {
  median: number;
  /** (max − min) / median: 0.05 means the repetitions spanned ±2.5% around the median. */
  spread: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return { median, spread: median === 0 ? 0 : (max - min) / median, min, max, samples };
}
