/**
 * The device matrix in `npm test`: every device-test case on every engine (device-tests/), one mocha test
 * per cell. A cell on the skip list, or on an engine missing from this machine, is a pending test whose
 * title says why; under CI a missing engine fails instead.
 */
import { expect } from "chai";
import { loadCases } from "../../device-tests/cases";
import { engines } from "../../device-tests/engines/index";
import { engineMissing, runCase } from "../../device-tests/matrix";
import { skipReason } from "../../device-tests/skip-list";

const cases = loadCases();
const missingEngines: string[] = [];

describe("device matrix", function () {
  this.timeout(180000);

  after(() => {
    for (const e of engines) e.close?.();
    if (missingEngines.length > 0) {
      console.log("\n  device engines skipped because they are not installed here:\n    " + missingEngines.join("\n    "));
    }
  });

  for (const engine of engines) {
    describe(engine.label, () => {
      const missing = engineMissing(engine);
      if (missing !== null && "skip" in missing) missingEngines.push(missing.skip);
      for (const c of cases) {
        const listed = skipReason(engine.id, c.id);
        if (listed !== null) {
          it.skip(`${c.name} — on ${engine.label} — skipped: ${listed}`);
          continue;
        }
        if (missing !== null && "skip" in missing) {
          it.skip(`${c.name} — on ${engine.label} — skipped: ${missing.skip}`);
          continue;
        }
        it(`${c.name} — on ${engine.label} — passes`, async () => {
          const outcome = await runCase(engine, c);
          if (outcome.status === "failed") expect.fail(`${c.name} failed on ${engine.label}:\n${outcome.error}`);
          expect(outcome.status).to.equal("passed");
        });
      }
    });
  }
});
