/**
 * Machine: what a result was measured on — CPU, cores, memory, load, Node and the versions of every peer
 * and engine — recorded beside the results, as benchmarks must be (STYLE.md, habit 16).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { root } from "./kamaelia-builds";

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the run started and when it ended: above 0 means something else ran too. */
  loadBefore: number;
  loadAfter?: number;
  /**
   * The commit the kernel was built from, with "+changes in src/" when the work tree differed; when the
   * build came from KAMAELIA_BENCH_DIST the suite cannot know, and says so.
   */
  commit: string;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) return m[1].trim();
  } catch {
    // not Linux: fall back to Node's view
  }
  return cpus()[0]?.model || "unknown";
}

function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: root, encoding: "utf8" }).trim();
    return head + (dirty ? "+changes in src/" : "");
  } catch {
    return "unknown";
  }
}

export function machineInfo(): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadBefore: loadavg()[0],
    commit: process.env.KAMAELIA_BENCH_DIST ? "a prebuilt dist (KAMAELIA_BENCH_DIST); work tree at " + commit() : commit(),
  };
}

export function currentLoad(): number {
  return loadavg()[0];
}

/** The installed version of an npm package: bench/node_modules first (where the peers are declared), then the root's. */
export function packageVersion(name: string): string {
  for (const dir of [join(root, "bench", "node_modules"), join(root, "node_modules")]) {
    try {
      return (JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      // not installed there
    }
  }
  return "?";
}
