/**
 * The threaded example (examples/threaded): run as its header says, it hashes its own two source files on
 * a worker thread, correctly and in order, while the ticker on the scheduler keeps ticking, and exits.
 * It uses the built package, as examples do (npm test builds first).
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

describe("the threaded example", function () {
  this.timeout(30000);

  it("examples/threaded — run with no arguments — prints each file's sha256 in order, ticks meanwhile, and exits", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "examples/threaded/main.ts"], { cwd: root, encoding: "utf8", timeout: 25000 });
    const lines = output.trimEnd().split("\n");
    const files = ["hash-job.ts", "system.ts"].map((f) => resolve(root, "examples/threaded", f));
    const digests = files.map((f) => createHash("sha256").update(readFileSync(f)).digest("hex") + "  " + f);
    expect(lines.filter((l) => !l.startsWith("tick "))).to.deep.equal([
      digests[0],
      digests[1],
      lines[lines.length - 1], // the summary, checked below
    ]);
    const ticks = lines.filter((l) => l.startsWith("tick ")).map((l) => Number(l.slice(5)));
    expect(ticks).to.deep.equal(ticks.map((_, i) => i + 1));
    // Each file blocks its thread for 400 ms and the ticker asks for a tick every 50 ms: one tick in
    // 800 ms is all this asks, so only a main thread stalled for the whole job could fail it.
    expect(ticks.length).to.be.greaterThan(0);
    expect(lines[lines.length - 1]).to.equal("the ticker ticked " + ticks.length + " times while the hasher worked");
  });
});
