/**
 * Device suite (`npm run bench:devices`): linear, ring and idle on QuickJS, QuickJS-ng, Hermes (source and
 * bytecode), Duktape and mujs, each next to that engine's hand-written baseline, reported as a ratio.
 * Writes bench/results/devices.json, then refreshes the chart and the README's tables (report.ts).
 *
 * Usage: node --import tsx bench/device-suite.ts [--engines=quickjs,mujs]   (narrowed runs write nothing)
 *
 * Behaviour:
 * - The guest scripts (bench/guest/*.ts) are TypeScript compiled to ES5 scripts with ts.transpileModule,
 *   as an app for these engines is built: with `noEmitHelpers`, using the lean helpers shipped for apps
 *   (dist/helpers/tslib.es5.js, "kamaelia/helpers"), and run after the shipped kernel bundle
 *   (dist/kamaelia-core.es5.min.js, read once at the start; from KAMAELIA_BENCH_DIST instead of dist/
 *   when that is set) on the engine runners of device-tests/engines.
 * - Each script times itself inside the guest (the harness: warm-up, then repetitions) and prints
 *   `__RESULT__ <json>`. A failed check throws inside the guest; the engine fails and the result is FAILED.
 * - Sizes are per engine (SIZES): Duktape and mujs get fewer messages and hops, being slower. The
 *   hand-written baselines do HAND_FACTOR times the work of the Kamaelia version, so their runs last long
 *   enough to time with a 1 ms clock; rates are per message or hop, so the ratio is unaffected.
 * - Memory per idle component is reported where the engine can measure its heap: QuickJS (the runtime's
 *   memory in use, through the optional `hostMemoryUsed()` host function) and Hermes (`gc()` and
 *   `HermesInternal.getInstrumentedStats()`); Duktape and mujs offer nothing, so "n/a".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { engines, runInQuickJS } from "../device-tests/engines/index";
import type { Engine, ScriptRun } from "../device-tests/engines/index";
import { formatBytes, formatMs, formatRate, resultLine } from "./format";
import { distDir, root } from "./kamaelia-builds";
import { currentLoad, machineInfo } from "./machine";
import { writeReport } from "./report";
import { DEVICE_RESULTS, writeJson } from "./results";
import type { DeviceEngineInfo, DeviceResult, DeviceResults } from "./results";
import { RING_SIZE } from "./scenario";
import { summarize } from "./stats";
import type { Summary } from "./stats";

const ENGINE_IDS = ["quickjs", "quickjs-ng", "hermes", "hermes-bytecode", "duktape", "mujs"];
const BUNDLE = "kamaelia-core.es5.min.js";
const WARMUPS = 1;
const REPETITIONS = 5;
const IDLE_COMPONENTS = 10000;
/** The hand-written baselines do this many times the Kamaelia version's work (see above). */
export const HAND_FACTOR = 10;

/** Messages (linear) and hops (ring) per Kamaelia trial on each engine; idle is always 10,000 components. */
export const SIZES: { [engine: string]: { linear: number; ring: number } } = {
  quickjs: { linear: 30000, ring: 60000 },
  "quickjs-ng": { linear: 30000, ring: 60000 },
  hermes: { linear: 50000, ring: 100000 },
  "hermes-bytecode": { linear: 50000, ring: 100000 },
  duktape: { linear: 10000, ring: 20000 },
  mujs: { linear: 10000, ring: 20000 },
};

const SCENARIOS: { id: "linear" | "ring" | "idle"; unit: string }[] = [
  { id: "linear", unit: "msg/s" },
  { id: "ring", unit: "hops/s" },
  { id: "idle", unit: "B/component" },
];
const IMPLS: ("kamaelia" | "hand-written")[] = ["kamaelia", "hand-written"];

function option(name: string): string | undefined {
  const prefix = "--" + name + "=";
  for (const a of process.argv.slice(2)) if (a.startsWith(prefix)) return a.slice(prefix.length);
  return undefined;
}

function compile(file: string): string {
  const source = readFileSync(join(root, "bench", "guest", file), "utf8");
  return ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, noEmitHelpers: true, removeComments: true },
  }).outputText;
}

const bundleBytes = readFileSync(join(distDir(), BUNDLE));
const bundle = bundleBytes.toString("utf8");
const helpers = readFileSync(join(distDir(), "helpers", "tslib.es5.js"), "utf8");
const harness = compile("harness.ts");

function scriptFor(scenario: string, impl: string, input: object): string {
  const body = compile(scenario + "-" + (impl === "kamaelia" ? "kamaelia" : "hand") + ".ts");
  // Each part ends with its own newline and semicolon, so no part can run into the next.
  return [bundle, ";", helpers, ";", "var __INPUT = " + JSON.stringify(input) + ";", harness, ";", body, ";", ""].join("\n");
}

function run(engine: Engine, script: string, name: string): Promise<ScriptRun> {
  if (engine.id === "quickjs" || engine.id === "quickjs-ng") return runInQuickJS(engine.id, script, {}, { hostMemoryUsed: true });
  return engine.runScript(script, name);
}

function workFor(engineId: string, scenario: string, impl: string): number {
  if (scenario === "idle") return IDLE_COMPONENTS;
  const base = SIZES[engineId][scenario as "linear" | "ring"];
  return impl === "hand-written" ? base * HAND_FACTOR : base;
}

interface RawSamples {
  rate: number[];
  metrics: { [name: string]: number[] };
}

/** Run one script; its samples, or why it failed. */
async function runOnce(engine: Engine, scenario: string, impl: string, input: object): Promise<RawSamples | string> {
  const outcome = await run(engine, scriptFor(scenario, impl, input), "bench-" + scenario + "-" + impl);
  const line = outcome.lines.filter((l) => l.startsWith("__RESULT__ ")).pop();
  if (outcome.engineError || !line) return outcome.engineError || "no __RESULT__ line:\n" + outcome.lines.slice(-5).join("\n");
  return JSON.parse(line.slice("__RESULT__ ".length)) as RawSamples;
}

async function measure(engine: Engine, scenario: string, impl: "kamaelia" | "hand-written"): Promise<DeviceResult> {
  const work = workFor(engine.id, scenario, impl);
  const raw: RawSamples = { rate: [], metrics: {} };
  // Idle runs each repetition in a fresh engine, with no warm-up: QuickJS cannot be told to collect
  // cycles, so garbage from an earlier trial (components and their generators form cycles) would be
  // freed at unpredictable points inside a later trial's measurement.
  const runs = scenario === "idle" ? REPETITIONS : 1;
  const input = { work, size: RING_SIZE, warmups: scenario === "idle" ? 0 : WARMUPS, repetitions: scenario === "idle" ? 1 : REPETITIONS };
  for (let i = 0; i < runs; i++) {
    const got = await runOnce(engine, scenario, impl, input);
    if (typeof got === "string") return { engine: engine.id, scenario, impl, status: "failed", reason: got, work };
    raw.rate.push(...got.rate);
    for (const name of Object.keys(got.metrics)) (raw.metrics[name] || (raw.metrics[name] = [])).push(...got.metrics[name]);
  }
  const metrics: { [name: string]: Summary } = { rate: summarize(raw.rate) };
  for (const name of Object.keys(raw.metrics)) metrics[name] = summarize(raw.metrics[name]);
  return { engine: engine.id, scenario, impl, status: "ok", work, metrics };
}

function primary(scenario: string): string {
  return scenario === "idle" ? "bytes" : "rate";
}

function printResult(engine: Engine, r: DeviceResult, reference: DeviceResult | undefined): void {
  const name = engine.label + " " + r.impl;
  if (r.status !== "ok") {
    console.log(resultLine({ scenario: r.scenario, impl: name, value: "FAILED" }));
    console.log("    " + (r.reason || "").split("\n").join("\n    "));
    return;
  }
  const m = r.metrics as { [name: string]: Summary };
  const key = primary(r.scenario);
  const phases = ["createMs", "startMs", "shutdownMs"].filter((p) => m[p]);
  const extra = phases.map((p) => p.replace("Ms", "") + " " + formatMs(m[p].median)).join(", ");
  if (!m[key]) {
    console.log(resultLine({ scenario: r.scenario, impl: name, value: "n/a B/component", extra: extra + " (the engine cannot measure its heap)" }));
    return;
  }
  const value = m[key].median;
  const refMetrics = reference && reference.status === "ok" ? (reference.metrics as { [name: string]: Summary }) : undefined;
  const ratio = refMetrics && refMetrics[key] ? value / refMetrics[key].median : undefined;
  const unit = SCENARIOS.filter((s) => s.id === r.scenario)[0].unit;
  const shown = key === "rate" ? formatRate(value) : formatBytes(value);
  console.log(resultLine({ scenario: r.scenario, impl: name, value: shown + " " + unit, spread: m[key].spread, ratio, extra }));
}

const only = option("engines")?.split(",");
const chosen = engines.filter((e) => ENGINE_IDS.indexOf(e.id) >= 0 && (!only || only.indexOf(e.id) >= 0));
const machine = machineInfo();
const started = Date.now();
console.log("kamaelia device bench: dist/" + BUNDLE + " on " + chosen.map((e) => e.label).join(", ") + "; load " + machine.loadBefore.toFixed(2));
console.log("median of " + REPETITIONS + " runs after " + WARMUPS + " warm-up, timed inside the guest; ratio = this ÷ kamaelia on the same engine\n");

const infos: DeviceEngineInfo[] = [];
const results: DeviceResult[] = [];
let failed = 0;
for (const engine of chosen) {
  const why = engine.unavailable();
  infos.push({ id: engine.id, label: engine.label, version: why === null ? engine.version() : "", ...(why === null ? {} : { unavailable: why }) });
  if (why !== null) {
    console.log(engine.label + ": skipped, " + why);
    continue;
  }
  for (const s of SCENARIOS) {
    let reference: DeviceResult | undefined;
    for (const impl of IMPLS) {
      const r = await measure(engine, s.id, impl);
      if (impl === "kamaelia") reference = r;
      if (r.status === "failed") failed++;
      printResult(engine, r, reference);
      results.push(r);
    }
  }
  engine.close?.();
}
machine.loadAfter = currentLoad();
console.log("\ntook " + Math.round((Date.now() - started) / 1000) + " s; load average at the end " + machine.loadAfter.toFixed(2));
const data: DeviceResults = {
  suite: "devices",
  machine,
  bundle: { file: "dist/" + BUNDLE, bytes: bundleBytes.length, gzipBytes: gzipSync(bundleBytes, { level: 9 }).length },
  engines: infos,
  warmups: WARMUPS,
  repetitions: REPETITIONS,
  results,
};
if (only) console.log("narrowed run (--engines): nothing written");
else {
  writeJson(DEVICE_RESULTS, data);
  writeReport();
  console.log("wrote bench/results/devices.json, bench/results/chart.svg and the tables in bench/README.md");
}
process.exitCode = failed > 0 ? 1 : 0;
