import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { xmlProblems } from "./xml-check";

const root = resolve(import.meta.dirname, "../../..");

function graph(...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "graph", "--", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
}

describe("npm run graph", () => {
  let out = "";
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), "kamaelia-graph-"));
  });
  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it("npm run graph -- countdown — the example's system — writes its DOT, SVG and HTML without running it for ever", function () {
    this.timeout(60_000);
    const run = graph("countdown", "--out", out);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.contain("graph: countdown: 4 components, 8 linkages");
    expect(run.stdout).to.not.contain("5..."); // the Printer's output stays in the script's host
    const dot = readFileSync(join(out, "countdown.dot"), "utf8");
    const svg = readFileSync(join(out, "countdown.svg"), "utf8");
    const html = readFileSync(join(out, "countdown.html"), "utf8");
    expect(dot.startsWith("digraph kamaelia {")).to.equal(true);
    expect(dot).to.match(/subgraph cluster_\d+ \{/);
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(xmlProblems(html)).to.deep.equal([]);
    for (const name of ["Ticker", "Formatter", "Printer", "Pipeline"]) {
      expect(svg).to.match(new RegExp(">" + name + "_\\d+</text>"));
      expect(html).to.contain(name + "_");
      expect(dot).to.contain(name + "_");
    }
    expect(svg.match(/marker-end="url\(#kamaelia-arrow-\d\)"><title>/g)).to.have.length(8);
  });

  it("npm run graph — an example without system.ts, or no example — fails with a message saying what is needed", function () {
    this.timeout(60_000);
    const missing = graph("no-such-example", "--out", out);
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.contain("examples/no-such-example/system.ts");
    expect(existsSync(join(out, "no-such-example.svg"))).to.equal(false);
    const none = graph();
    expect(none.status).to.equal(1);
    expect(none.stderr).to.contain("usage: npm run graph -- <example>");
  });
});
