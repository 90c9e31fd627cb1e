/**
 * The README's main job: the demo `npm start` runs (examples/countdown, until the video preview streamer
 * lands) prints its countdown and exits. The build itself is exercised by `npm test` before this runs.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

describe("the main job", function () {
  this.timeout(60000);

  it("the countdown demo — run as npm start runs it — prints 5 to lift-off and exits", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "examples/countdown/main.ts"], { cwd: root, encoding: "utf8", timeout: 30000 });
    expect(output).to.equal("5...\n4...\n3...\n2...\n1... lift-off!\n");
  });
});
