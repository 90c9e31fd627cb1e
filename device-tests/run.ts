/**
 * `npm run test:devices`: runs the engine matrix only and prints a table — cases × engines, each cell
 * passed, FAILED or skipped — with the engine versions and the bundle's size, then every failure and skip
 * reason in full. Exits 1 if any cell failed.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { relative } from "node:path";
import { bundlePath, loadCases, root } from "./cases";
import { engines } from "./engines/index";
import { runCase } from "./matrix";
import type { Outcome } from "./matrix";

const cases = loadCases();
const outcomes: Outcome[][] = [];
for (const c of cases) {
  const row: Outcome[] = [];
  for (const e of engines) row.push(await runCase(e, c));
  outcomes.push(row);
}
for (const e of engines) e.close?.();

const mark = (o: Outcome): string => (o.status === "passed" ? "pass" : o.status === "failed" ? "FAIL" : "skip");
const header = ["case", ...engines.map((e) => e.label)];
const rows = cases.map((c, i) => [c.name, ...outcomes[i].map(mark)]);
const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
const line = (cells: string[]): string => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const r of rows) console.log(line(r));

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const row of outcomes) for (const o of row) counts[o.status]++;
const bundle = readFileSync(bundlePath);
console.log("");
console.log("bundle: " + relative(root, bundlePath) + ", " + bundle.length + " bytes, " + gzipSync(bundle, { level: 9 }).length + " gzipped");
console.log("engines: " + engines.map((e) => e.label + " " + (e.unavailable() === null ? e.version() : "(not installed)")).join("; "));
for (let i = 0; i < cases.length; i++) {
  for (let j = 0; j < engines.length; j++) {
    const o = outcomes[i][j];
    if (o.status === "failed") console.log("\nFAILED " + cases[i].name + " on " + engines[j].label + ":\n" + o.error);
    if (o.status === "skipped") console.log("skipped " + cases[i].name + " on " + engines[j].label + ": " + o.reason);
  }
}
console.log("\ndevices: " + counts.passed + " passed, " + counts.failed + " failed, " + counts.skipped + " skipped");
process.exitCode = counts.failed > 0 ? 1 : 0;
