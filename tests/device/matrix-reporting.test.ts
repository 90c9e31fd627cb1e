/**
 * The matrix reports what went wrong: a failing assertion, an engine error and a case that never registers
 * are each a failure carrying the text, on every engine installed here.
 */
import { expect } from "chai";
import { engines } from "../../device-tests/engines/index";
import { engineMissing, runCase } from "../../device-tests/matrix";

const failing = { id: "planted-failure", name: "planted failure", code: 'DeviceTest.define("planted failure", function (t) { t.equal(1, 2, "one is two"); });' };
const throwing = { id: "planted-throw", name: "planted throw", code: 'DeviceTest.define("planted throw", function () { null.boom(); });' };
const silent = { id: "planted-silence", name: "planted silence", code: "var nothing = 1;" };

describe("device matrix reporting", function () {
  this.timeout(60000);
  after(() => {
    for (const e of engines) e.close?.();
  });

  for (const engine of engines) {
    const missing = engineMissing(engine);
    const runnable = missing === null;
    (runnable ? it : it.skip)(`a failing assertion — on ${engine.label} — is reported failed with its text`, async () => {
      const outcome = await runCase(engine, failing);
      expect(outcome).to.deep.equal({ status: "failed", error: "AssertionFailed: one is two: expected 2, got 1" });
    });
    (runnable ? it : it.skip)(`a TypeError — on ${engine.label} — is reported failed as a TypeError`, async () => {
      const outcome = await runCase(engine, throwing);
      expect(outcome.status).to.equal("failed");
      expect((outcome as { error: string }).error).to.match(/^TypeError/);
    });
    (runnable ? it : it.skip)(`a case that never registers — on ${engine.label} — is reported failed, not passed`, async () => {
      const outcome = await runCase(engine, silent);
      expect(outcome).to.deep.equal({ status: "failed", error: "the case did not register with DeviceTest.define" });
    });
  }
});
