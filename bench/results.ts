/**
 * Results: the shape of bench/results/node.json and devices.json, which the suites write and report.ts and
 * chart.ts read, so the README and the chart can be regenerated without running anything again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "./kamaelia-builds";
import type { MachineInfo } from "./machine";
import type { Summary } from "./stats";

export const RESULTS_DIR = join(root, "bench", "results");
export const NODE_RESULTS = join(RESULTS_DIR, "node.json");
export const DEVICE_RESULTS = join(RESULTS_DIR, "devices.json");
export const CHART = join(RESULTS_DIR, "chart.svg");

export type Status = "ok" | "unavailable" | "failed";

/** A bundle file and its sizes. */
export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** One (scenario, implementation) pair of the Node suite, measured in its own process. */
export interface NodeResult {
  scenario: string;
  impl: string;
  label: string;
  status: Status;
  /** Why it is unavailable, or the error it failed with. */
  reason?: string;
  work?: number;
  /** `rate` (work per second) and any metrics the trial returned, each over the repetitions. */
  metrics?: { [name: string]: Summary };
  /** Peak resident set of the process that measured it, warm-up included. */
  maxRssBytes?: number;
}

export interface NodeResults {
  suite: "node";
  machine: MachineInfo;
  /** Package name → installed version, for every peer. */
  versions: { [name: string]: string };
  warmups: number;
  /** Timed runs per pair per round. */
  repetitions: number;
  /** Interleaved rounds over all pairs (samples pooled); absent in results from before rounds existed. */
  rounds?: number;
  coreBundle: BundleSize;
  results: NodeResult[];
}

/** One (engine, scenario, implementation) triple of the device suite. */
export interface DeviceResult {
  engine: string;
  scenario: string;
  impl: "kamaelia" | "hand-written";
  status: Status;
  reason?: string;
  /** Messages, hops or components per trial on this engine. */
  work?: number;
  metrics?: { [name: string]: Summary };
}

export interface DeviceEngineInfo {
  id: string;
  label: string;
  version: string;
  /** Why it did not run here, if it did not. */
  unavailable?: string;
}

export interface DeviceResults {
  suite: "devices";
  machine: MachineInfo;
  bundle: BundleSize;
  engines: DeviceEngineInfo[];
  warmups: number;
  repetitions: number;
  results: DeviceResult[];
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
}

export function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}
