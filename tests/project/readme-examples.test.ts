/**
 * Every README example runs: each ```ts block is extracted (scripts/readme-examples.mjs), run with Node as a
 * user would (importing "kamaelia" resolves to the built package by its own name), and, where a ```text
 * block follows it, must print exactly that. `npm test` type-checks the same files first.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
// @ts-expect-error a plain .mjs build script without type declarations
import { EXAMPLES_DIR, writeReadmeExamples } from "../../scripts/readme-examples.mjs";

const root = resolve(import.meta.dirname, "../..");

type Example = { name: string; code: string; expected: string | null };

describe("README examples", function () {
  this.timeout(60000);
  const examples: Example[] = writeReadmeExamples(join(root, "README.md"));

  before(function () {
    if (!existsSync(join(root, "dist/node/kamaelia.mjs"))) throw new Error("dist/ is missing: run npm run build first");
  });

  it("the README — has at least five runnable examples", () => {
    expect(examples.length).to.be.at.least(5);
  });

  for (const example of examples) {
    const firstLine = example.code.split("\n").find((l) => l.startsWith("class ")) || example.code.split("\n")[0];
    it(`${example.name} (${firstLine.trim()}) — run with node — prints its documented output`, () => {
      const output = execFileSync(process.execPath, ["--import", "tsx", join(root, EXAMPLES_DIR, example.name + ".ts")], {
        cwd: root,
        encoding: "utf8",
        timeout: 30000,
      });
      if (example.expected !== null) expect(output).to.equal(example.expected);
    });
  }
});
