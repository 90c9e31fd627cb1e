/**
 * Scenario: the benchmark suite's vocabulary — the five scenarios, their sizes, and what one timed trial
 * of one implementation returns.
 *
 * Example:
 *   const trial: Trial = () => { ...run 1,000,000 messages, check the sum...; return { work: 1000000 }; };
 *
 * Behaviour: a trial builds its system, runs it to the end, CHECKS the result (a wrong sum or count throws,
 * so a broken pipeline fails loudly instead of looking fast) and returns how many units of work it did.
 * The runner times the whole call, set-up included, so every implementation pays for building its graph.
 * A trial may also return extra metrics it measured itself (the idle scenario's bytes and phase times).
 */

/** Messages through the linear chain and through the fan. */
export const LINEAR_MESSAGES = 1000000;
/** Pass-through stages in the linear chain. Each adds 1, so the sink's sum proves every stage saw every message. */
export const LINEAR_STAGES = 10;
export const FAN_MESSAGES = 1000000;
/** Workers in the fan. */
export const FAN_WORKERS = 4;
/** Components in the ring, and how many laps the token makes. */
export const RING_SIZE = 1000;
export const RING_LAPS = 1000;
/** Idle components created, started, measured and shut down. */
export const IDLE_COMPONENTS = 10000;
/** Frames through LengthPrefixFramer → LengthPrefixDeFramer, and their size (5 KB). */
export const FRAMES = 20000;
export const FRAME_BYTES = 5 * 1024;
/** A Kamaelia source sends this many messages, then yields to the scheduler. */
export const SOURCE_BATCH = 256;

/** What one trial returns: the work done (messages, hops, frames, components) and any metrics it took. */
export interface TrialResult {
  work: number;
  metrics?: { [name: string]: number };
}

/** One timed, checked run of a scenario by one implementation. */
export type Trial = () => TrialResult | Promise<TrialResult>;

/** A scenario as the suites report it. */
export interface ScenarioInfo {
  id: ScenarioId;
  /** The metric shown first: "rate" (work per second, measured by the runner) or one the trial returns. */
  primary: string;
  /** Unit of the primary metric, such as "msg/s". */
  unit: string;
  /** True when bigger is better (rates); false for costs (bytes). */
  higherIsBetter: boolean;
  /** One line on what it measures. */
  what: string;
}

export type ScenarioId = "linear" | "fan" | "ring" | "idle" | "framing";

export const SCENARIOS: ScenarioInfo[] = [
  { id: "linear", primary: "rate", unit: "msg/s", higherIsBetter: true, what: "source → 10 pass-through stages → sink, 1,000,000 numbers" },
  { id: "fan", primary: "rate", unit: "msg/s", higherIsBetter: true, what: "source deals round-robin to 4 workers, all feeding one sink, 1,000,000 numbers" },
  { id: "ring", primary: "rate", unit: "hops/s", higherIsBetter: true, what: "one token around a ring of 1,000 components for 1,000 laps" },
  { id: "idle", primary: "bytes", unit: "B/component", higherIsBetter: false, what: "10,000 components paused on their inboxes" },
  { id: "framing", primary: "rate", unit: "frames/s", higherIsBetter: true, what: "5 KB frames through LengthPrefixFramer → LengthPrefixDeFramer" },
];

export function scenarioInfo(id: string): ScenarioInfo {
  for (const s of SCENARIOS) if (s.id === id) return s;
  throw new Error("unknown scenario '" + id + "' (one of " + SCENARIOS.map((s) => s.id).join(", ") + ")");
}

/** 1 + 2 + ... + n, exact in a double for every n used here. */
export function sumTo(n: number): number {
  return (n * (n + 1)) / 2;
}
