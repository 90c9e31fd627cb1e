/**
 * Format: how numbers and result lines are printed, the same in the terminal, the README and the chart.
 *
 * Example:
 *   formatRate(1338563);   // "1.34M"
 *   formatRatio(0.62);     // "0.62×"
 *   resultLine({ scenario: "linear", impl: "rxjs", value: "4.65M msg/s", spread: 0.03, rss: 92e6, ratio: 3.4 });
 *   // "linear   rxjs                     4.65M msg/s       ±1.5%  rss   88 MB   3.40× kamaelia"
 */

/** 3 significant figures with k / M suffixes: 865k, 1.34M, 12.3M. */
export function formatRate(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return sig(value / 1e9) + "G";
  if (abs >= 1e6) return sig(value / 1e6) + "M";
  if (abs >= 1e3) return sig(value / 1e3) + "k";
  return sig(value);
}

function sig(value: number): string {
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Whole bytes with thousands separators: "1,222". */
export function formatBytes(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** A ratio to Kamaelia: "0.62×", "14.2×", "1.00×". */
export function formatRatio(ratio: number): string {
  return (ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)) + "×";
}

/** Spread as ± half the range over the median: "±1.5%". */
export function formatSpread(spread: number): string {
  return "±" + ((spread * 100) / 2).toFixed(1) + "%";
}

export function formatMs(value: number): string {
  return value >= 100 ? value.toFixed(0) + " ms" : value.toFixed(1) + " ms";
}

export interface LineParts {
  scenario: string;
  impl: string;
  /** The primary value with its unit, such as "4.65M msg/s". */
  value: string;
  spread?: number;
  /** Peak RSS in bytes, if measured. */
  rss?: number;
  /** Value ÷ Kamaelia's value, if there is one to compare with. */
  ratio?: number;
  /** Anything else, such as idle phase times. */
  extra?: string;
}

/** The one fixed-format line printed per result. */
export function resultLine(p: LineParts): string {
  const cells = [
    p.scenario.padEnd(8),
    p.impl.padEnd(24),
    p.value.padStart(20),
    (p.spread === undefined ? "" : formatSpread(p.spread)).padStart(7),
    (p.rss === undefined ? "" : "rss " + String(Math.round(p.rss / 1048576)).padStart(4) + " MB").padStart(12),
    (p.ratio === undefined ? "" : formatRatio(p.ratio) + " kamaelia").padStart(15),
  ];
  return cells.join("  ") + (p.extra ? "  " + p.extra : "");
}
