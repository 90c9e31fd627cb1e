/**
 * The engine matrix: runs every case on every engine and says, per cell, passed, failed (with the engine's
 * error text) or skipped (with the reason). Used by the mocha suite (tests/device) and by
 * `npm run test:devices`, which prints the table.
 *
 * An engine that is not installed is skipped with how to install it — except under CI (CI=true), where a
 * missing engine is a failure: CI installs every engine.
 */
import type { DeviceCase } from "./cases";
import { scriptFor } from "./cases";
import type { Engine } from "./engines/index";
import { skipReason } from "./skip-list";

export type Outcome = { status: "passed" } | { status: "failed"; error: string } | { status: "skipped"; reason: string };

/** Why `engine` cannot run here, or null; under CI a missing engine is reported as an error instead. */
export function engineMissing(engine: Engine): { skip: string } | { fail: string } | null {
  const why = engine.unavailable();
  if (why === null) return null;
  return process.env.CI ? { fail: "CI must run every engine, but " + why } : { skip: why };
}

/** Run one case on one engine. */
export async function runCase(engine: Engine, deviceCase: DeviceCase): Promise<Outcome> {
  const listed = skipReason(engine.id, deviceCase.id);
  if (listed !== null) return { status: "skipped", reason: listed };
  const missing = engineMissing(engine);
  if (missing !== null) return "skip" in missing ? { status: "skipped", reason: missing.skip } : { status: "failed", error: missing.fail };
  const run = await engine.runScript(scriptFor(deviceCase), deviceCase.id);
  const resultLine = run.lines.filter((l) => l.indexOf("__RESULT__ ") === 0).pop();
  if (run.engineError !== undefined) return { status: "failed", error: run.engineError };
  if (resultLine === undefined) return { status: "failed", error: "no __RESULT__ line; the script printed:\n" + run.lines.slice(-8).join("\n") };
  const results = JSON.parse(resultLine.slice("__RESULT__ ".length)) as { name: string; status: string; error?: string }[];
  const failed = results.filter((r) => r.status !== "passed");
  if (results.length === 0) return { status: "failed", error: "the case did not register with DeviceTest.define" };
  if (failed.length > 0) return { status: "failed", error: failed.map((r) => r.error).join("\n") };
  return { status: "passed" };
}
