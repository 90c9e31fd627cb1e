/**
 * Run one: the child process that measures one (scenario, implementation) pair, so its peak RSS is its own.
 *
 * Usage: node --expose-gc --import tsx bench/run-one.ts <scenario> <implementation> [warmups] [repetitions]
 *
 * Prints one JSON line: `{ scenario, impl, work, metrics, maxRssBytes }`, or `{ scenario, impl,
 * unavailable }` when the pair cannot run here (framing before the components are exported). A failed
 * check or any error exits 1 with the error on stderr, so the suite reports the pair as FAILED.
 */
import { makeTrial, unavailable } from "./implementations";
import { runTrials } from "./runner";
import { scenarioInfo } from "./scenario";

const [scenarioArg, implArg, warmupsArg, repetitionsArg] = process.argv.slice(2);
if (!scenarioArg || !implArg) {
  console.error("usage: run-one.ts <scenario> <implementation> [warmups] [repetitions]");
  process.exit(2);
}
const scenario = scenarioInfo(scenarioArg).id;
const why = await unavailable(implArg, scenario);
if (why !== null) {
  console.log(JSON.stringify({ scenario, impl: implArg, unavailable: why }));
} else {
  const trial = await makeTrial(implArg, scenario);
  const measured = await runTrials(trial, { warmups: Number(warmupsArg || 1), repetitions: Number(repetitionsArg || 5) });
  // maxRSS is in kilobytes: the peak resident set of this whole process, warm-up included.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ scenario, impl: implArg, work: measured.work, metrics: measured.metrics, maxRssBytes }));
}
