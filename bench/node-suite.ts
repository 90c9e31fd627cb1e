/**
 * Node suite (`npm run bench`): every scenario × implementation on Node, each pair in its own child process
 * (bench/run-one.ts) so its peak RSS is its own. Prints one fixed-format line per result, writes
 * bench/results/node.json, then refreshes bench/results/chart.svg and the README's tables (report.ts).
 *
 * Usage: node --expose-gc --import tsx bench/node-suite.ts [--only=linear,fan] [--impl=kamaelia,rxjs]
 *        [--warmups=1] [--repetitions=5] [--rounds=1]
 * A run narrowed with --only or --impl prints its lines but writes nothing.
 *
 * Behaviour: with --rounds=N the whole list of pairs is measured N times over, interleaved, and each pair's
 * samples from all rounds are summarized together: on a shared machine, contention then falls on every
 * row alike instead of on whichever pair ran during a busy minute. Kamaelia (the modern build) runs first in each scenario, and every other row shows its result
 * as a ratio to Kamaelia's: rate ÷ Kamaelia's rate (above 1× is faster than Kamaelia), or bytes ÷
 * Kamaelia's bytes. A pair that fails its check is printed as FAILED with the error, and the suite exits 1.
 * `dist/` (or the directory in KAMAELIA_BENCH_DIST) is copied to a snapshot first, so every row measures
 * the same build.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { formatBytes, formatMs, formatRate, resultLine } from "./format";
import { IMPLEMENTATIONS } from "./implementations";
import { distDir, root } from "./kamaelia-builds";
import { currentLoad, machineInfo, packageVersion } from "./machine";
import { writeReport } from "./report";
import { NODE_RESULTS, writeJson } from "./results";
import type { BundleSize, NodeResult, NodeResults } from "./results";
import { SCENARIOS } from "./scenario";
import { summarize } from "./stats";
import type { ScenarioInfo } from "./scenario";

function option(name: string): string | undefined {
  const prefix = "--" + name + "=";
  for (const a of process.argv.slice(2)) if (a.startsWith(prefix)) return a.slice(prefix.length);
  return undefined;
}

const only = option("only")?.split(",");
const implOnly = option("impl")?.split(",");
const warmups = Number(option("warmups") || 1);
const repetitions = Number(option("repetitions") || 5);
const rounds = Number(option("rounds") || 1);
const narrowed = only !== undefined || implOnly !== undefined;

const snapshot = mkdtempSync(join(tmpdir(), "kamaelia-bench-dist-"));
cpSync(distDir(), snapshot, { recursive: true });

function bundleSize(file: string): BundleSize {
  const bytes = readFileSync(join(snapshot, file));
  return { file: "dist/" + file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

function measure(scenario: string, impl: string, label: string): NodeResult {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(root, "bench", "run-one.ts"), scenario, impl, String(warmups), String(repetitions)],
    { cwd: root, encoding: "utf8", env: { ...process.env, KAMAELIA_BENCH_DIST: snapshot }, maxBuffer: 64 << 20 },
  );
  const last = child.stdout.trim().split("\n").pop() || "";
  if (child.status !== 0 || !last.startsWith("{")) {
    const error = (child.stderr || child.stdout || "no output").trim().split("\n").slice(0, 6).join("\n");
    return { scenario, impl, label, status: "failed", reason: error };
  }
  const parsed = JSON.parse(last) as NodeResult & { unavailable?: string };
  if (parsed.unavailable) return { scenario, impl, label, status: "unavailable", reason: parsed.unavailable };
  return { scenario, impl, label, status: "ok", work: parsed.work, metrics: parsed.metrics, maxRssBytes: parsed.maxRssBytes };
}

function primaryValue(info: ScenarioInfo, r: NodeResult): number {
  return (r.metrics as NonNullable<NodeResult["metrics"]>)[info.primary].median;
}

function printResult(info: ScenarioInfo, r: NodeResult, reference: NodeResult | undefined): void {
  if (r.status !== "ok") {
    console.log(resultLine({ scenario: info.id, impl: r.label, value: r.status === "failed" ? "FAILED" : "not available yet" }));
    console.log("    " + (r.reason || "").split("\n").join("\n    "));
    return;
  }
  const metrics = r.metrics as NonNullable<NodeResult["metrics"]>;
  const value = primaryValue(info, r);
  const shown = info.primary === "rate" ? formatRate(value) : formatBytes(value);
  const ratio = reference && reference.status === "ok" ? value / primaryValue(info, reference) : undefined;
  const phases = ["createMs", "startMs", "shutdownMs"].filter((m) => metrics[m]);
  const extra = phases.map((m) => m.replace("Ms", "") + " " + formatMs(metrics[m].median)).join(", ");
  console.log(resultLine({ scenario: info.id, impl: r.label, value: shown + " " + info.unit, spread: metrics[info.primary].spread, rss: r.maxRssBytes, ratio, extra }));
}

const machine = machineInfo();
console.log("kamaelia bench: Node " + machine.node + " on " + machine.cpu + ", " + machine.cores + " cores; load " + machine.loadBefore.toFixed(2));
console.log(
  "each result: median of " + repetitions * rounds + " runs (" + rounds + " round(s) of " + repetitions + ", each after " + warmups +
    " warm-up, in its own process); ratio = this ÷ kamaelia (modern build)\n",
);

const results: NodeResult[] = [];
let failed = 0;

/** Fold a later round's measurement of the same pair into the first: all samples, summarized afresh. */
function merge(into: NodeResult, more: NodeResult): NodeResult {
  if (into.status !== "ok") return into;
  if (more.status !== "ok") return more;
  const metrics = into.metrics as NonNullable<NodeResult["metrics"]>;
  const extra = more.metrics as NonNullable<NodeResult["metrics"]>;
  for (const name of Object.keys(metrics)) {
    if (extra[name]) metrics[name] = summarize(metrics[name].samples.concat(extra[name].samples));
  }
  into.maxRssBytes = Math.max(into.maxRssBytes || 0, more.maxRssBytes || 0);
  return into;
}

try {
  const pairs: { info: ScenarioInfo; id: string; label: string }[] = [];
  for (const info of SCENARIOS) {
    if (only && only.indexOf(info.id) < 0) continue;
    for (const impl of IMPLEMENTATIONS) {
      if (impl.scenarios.indexOf(info.id) < 0) continue;
      if (implOnly && implOnly.indexOf(impl.id) < 0) continue;
      pairs.push({ info, id: impl.id, label: impl.label });
    }
  }
  const measured: NodeResult[] = [];
  for (let round = 0; round < rounds; round++) {
    if (rounds > 1) console.log("round " + (round + 1) + " of " + rounds + " (load " + currentLoad().toFixed(2) + ")");
    pairs.forEach((p, i) => {
      const r = measure(p.info.id, p.id, p.label);
      measured[i] = round === 0 ? r : merge(measured[i], r);
    });
  }
  if (rounds > 1) console.log("");
  let reference: NodeResult | undefined;
  pairs.forEach((p, i) => {
    const r = measured[i];
    if (p.id === "kamaelia") reference = r;
    else if (reference && reference.scenario !== p.info.id) reference = undefined;
    if (r.status === "failed") failed++;
    printResult(p.info, r, reference);
    results.push(r);
  });
  machine.loadAfter = currentLoad();
  const versions: { [name: string]: string } = {};
  for (const impl of IMPLEMENTATIONS) if (impl.pkg) versions[impl.pkg] = packageVersion(impl.pkg);
  versions["@most/scheduler"] = packageVersion("@most/scheduler");
  const data: NodeResults = {
    suite: "node",
    machine,
    versions,
    warmups,
    repetitions,
    rounds,
    coreBundle: bundleSize("kamaelia-core.es5.min.js"),
    results,
  };
  console.log("\nload average at the end: " + machine.loadAfter.toFixed(2) + " (2 cores; above ~1 means something else was running)");
  if (narrowed) console.log("narrowed run (--only / --impl): nothing written");
  else {
    writeJson(NODE_RESULTS, data);
    writeReport();
    console.log("wrote bench/results/node.json, bench/results/chart.svg and the tables in bench/README.md");
  }
} finally {
  rmSync(snapshot, { recursive: true, force: true });
}
process.exitCode = failed > 0 ? 1 : 0;
