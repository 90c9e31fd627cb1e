/**
 * examples/countdown, the smallest complete program: run as its header says, it prints its countdown and
 * exits.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

describe("examples/countdown", function () {
  this.timeout(60000);

  it("the countdown — run with node — prints 5 to lift-off and exits", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "examples/countdown/main.ts"], { cwd: root, encoding: "utf8", timeout: 30000 });
    expect(output).to.equal("5...\n4...\n3...\n2...\n1... lift-off!\n");
  });
});
