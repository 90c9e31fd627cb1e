/**
 * Implementations: every row of the Node suite — the two Kamaelia builds, the hand-written baselines and
 * the peer libraries — and the scenarios each one runs.
 *
 * Example:
 *   const trial = await makeTrial("rxjs", "linear");   // a checked Trial, ready for the runner
 *
 * Behaviour: an implementation either has a scenario or does not (peers run linear and fan only); asking
 * for a missing pair throws. Kamaelia's framing scenario reports "not available yet" when the build does
 * not export the framing components.
 */
import { loadKamaelia } from "./kamaelia-builds";
import type { KamaeliaApi, KamaeliaBuild } from "./kamaelia-builds";
import { kamaeliaFan } from "./kamaelia/fan";
import { framingUnavailable, kamaeliaFraming } from "./kamaelia/framing";
import { kamaeliaIdle } from "./kamaelia/idle";
import { kamaeliaLinear } from "./kamaelia/linear";
import { kamaeliaRing } from "./kamaelia/ring";
import type { ScenarioId, Trial } from "./scenario";

export interface Implementation {
  id: string;
  /** The row's label in tables and the chart. */
  label: string;
  /** The package whose version the README records, if any. */
  pkg?: string;
  scenarios: ScenarioId[];
}

/** In table order: Kamaelia first (every ratio is to the modern build), then the limit, then the peers. */
export const IMPLEMENTATIONS: Implementation[] = [
  { id: "kamaelia", label: "kamaelia", scenarios: ["linear", "fan", "ring", "idle", "framing"] },
  { id: "kamaelia-es5", label: "kamaelia (ES5 bundle)", scenarios: ["linear", "fan", "ring", "idle", "framing"] },
  { id: "hand-written", label: "hand-written", scenarios: ["linear", "fan", "ring", "idle"] },
  { id: "generators", label: "raw generators", scenarios: ["linear", "fan"] },
  { id: "rxjs", label: "rxjs", pkg: "rxjs", scenarios: ["linear", "fan"] },
  { id: "node-streams", label: "node streams", scenarios: ["linear", "fan"] },
  { id: "js-csp", label: "js-csp", pkg: "js-csp", scenarios: ["linear", "fan"] },
  { id: "highland", label: "highland", pkg: "highland", scenarios: ["linear", "fan"] },
  { id: "most", label: "@most/core", pkg: "@most/core", scenarios: ["linear", "fan"] },
];

export function implementation(id: string): Implementation {
  for (const i of IMPLEMENTATIONS) if (i.id === id) return i;
  throw new Error("unknown implementation '" + id + "' (one of " + IMPLEMENTATIONS.map((i) => i.id).join(", ") + ")");
}

// Loaded only when asked for, so each child process holds just the library it measures (peak RSS).
const peerTrials: { [id: string]: { [scenario: string]: () => Promise<Trial> } } = {
  "hand-written": {
    linear: async () => (await import("./peers/hand-written")).handLinear(),
    fan: async () => (await import("./peers/hand-written")).handFan(),
    ring: async () => (await import("./peers/hand-written")).handRing(),
    idle: async () => (await import("./peers/hand-written")).handIdle(),
  },
  generators: {
    linear: async () => (await import("./peers/generators")).generatorLinear(),
    fan: async () => (await import("./peers/generators")).generatorFan(),
  },
  rxjs: {
    linear: async () => (await import("./peers/rxjs")).rxjsLinear(),
    fan: async () => (await import("./peers/rxjs")).rxjsFan(),
  },
  "node-streams": {
    linear: async () => (await import("./peers/node-streams")).streamsLinear(),
    fan: async () => (await import("./peers/node-streams")).streamsFan(),
  },
  "js-csp": {
    linear: async () => (await import("./peers/js-csp")).cspLinear(),
    fan: async () => (await import("./peers/js-csp")).cspFan(),
  },
  highland: {
    linear: async () => (await import("./peers/highland")).highlandLinear(),
    fan: async () => (await import("./peers/highland")).highlandFan(),
  },
  most: {
    linear: async () => (await import("./peers/most")).mostLinear(),
    fan: async () => (await import("./peers/most")).mostFan(),
  },
};

function kamaeliaTrial(K: KamaeliaApi, scenario: ScenarioId): Trial {
  switch (scenario) {
    case "linear":
      return kamaeliaLinear(K);
    case "fan":
      return kamaeliaFan(K);
    case "ring":
      return kamaeliaRing(K);
    case "idle":
      return kamaeliaIdle(K);
    case "framing":
      return kamaeliaFraming(K);
  }
}

/** Why this pair cannot run here, or null. */
export async function unavailable(id: string, scenario: ScenarioId): Promise<string | null> {
  if (scenario !== "framing" || !id.startsWith("kamaelia")) return null;
  return framingUnavailable(await loadKamaelia(id as KamaeliaBuild));
}

export async function makeTrial(id: string, scenario: ScenarioId): Promise<Trial> {
  const impl = implementation(id);
  if (impl.scenarios.indexOf(scenario) < 0) throw new Error(impl.label + " has no " + scenario + " scenario");
  if (id === "kamaelia" || id === "kamaelia-es5") return kamaeliaTrial(await loadKamaelia(id), scenario);
  return peerTrials[id][scenario]();
}
