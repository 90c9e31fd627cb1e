/**
 * The build gates (scripts/bundle-gates.mjs, scripts/bundle-scan.mjs): an ES2015+ built-in planted in a
 * bundle is reported with the engines measured to lack it (scripts/engine-features.json), tslib's guarded
 * helpers are not, a crossed gzip budget names bundle, size and budget, and the real bundles pass every gate.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUDGET_DOC, ES5_BUNDLES, checkBudget, readBudgets, runGates } from "../../scripts/bundle-gates.mjs";
import { ENGINE_FEATURES, scanForFeatures } from "../../scripts/bundle-scan.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bundles = ES5_BUNDLES.map((file) => join(root, file));
const duktape = "Duktape " + ENGINE_FEATURES.engines.Duktape;
const mujs = "mujs " + ENGINE_FEATURES.engines.mujs;

describe("build gates", () => {
  before(() => {
    for (const file of bundles) if (!existsSync(file)) throw new Error(file + " is missing: run npm run build first");
  });

  describe("the engine table", () => {
    it("scripts/engine-features.json — read — records a version for all six engines, and only those engines lack features", () => {
      const engines = Object.keys(ENGINE_FEATURES.engines);
      expect(engines).to.have.members(["Duktape", "mujs", "Hermes", "QuickJS", "QuickJS-ng", "Node"]);
      for (const feature of Object.keys(ENGINE_FEATURES.missing)) expect(engines).to.include.members(ENGINE_FEATURES.missing[feature]);
    });
  });

  describe("the feature scan", () => {
    // Measured, not the rule of thumb: Duktape 2.7 has Object.assign, so only mujs is named.
    it("Object.assign({}, x) — planted in a bundle — is reported by name with mujs, the engine measured to lack it", () => {
      expect(ENGINE_FEATURES.missing["Object.assign"]).to.deep.equal(["mujs"]);
      expect(scanForFeatures("var a = 1;\nvar b = Object.assign({}, x);")).to.deep.equal(["Object.assign at line 2: missing on " + mujs]);
    });

    it("new Map() — planted in a bundle — is reported by name with Duktape and mujs", () => {
      expect(scanForFeatures("var m = new Map();")).to.deep.equal(["Map at line 1: missing on " + duktape + ", " + mujs]);
    });

    it("[].includes(1) — receiver unknown — is reported under both includes methods with Duktape and mujs", () => {
      expect(scanForFeatures("var found = [].includes(1);")).to.deep.equal([
        ".includes() (Array.prototype.includes or String.prototype.includes) at line 1: missing on " + duktape + ", " + mujs,
      ]);
    });

    it("typed arrays, Symbol.iterator, Array.from, setTimeout — planted unguarded — are each reported", () => {
      const found = scanForFeatures(["new Float32Array(4);", "var i = Symbol.iterator;", "Array.from(x);", "setTimeout(f, 1);"].join("\n"));
      expect(found.map((f) => f.slice(0, f.indexOf(":")))).to.deep.equal([
        "Float32Array (typed arrays) at line 1",
        "Symbol at line 2",
        "Array.from at line 3",
        "setTimeout at line 4",
      ]);
      expect(found[3]).to.contain("QuickJS");
    });

    it("tslib's guarded helpers, an own find() method, strings and comments — scanned — report nothing", () => {
      const harmless = [
        "var extendStatics = Object.setPrototypeOf || ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; });",
        "var g = {}; typeof Symbol === 'function' && (g[Symbol.iterator] = function () { return this; });",
        "var assign = typeof Object.assign === 'function' ? Object.assign({}, g) : g;",
        "var it = this.find(resource);",
        "/* new Map(), Object.assign */ var text = 'Array.from(x) and [].includes(1)'; var o = { Map: 1 }; o.Promise = 2;",
      ].join("\n");
      expect(scanForFeatures(harmless)).to.deep.equal([]);
    });
  });

  describe("the size budget", () => {
    it("docs/size-budget.md — parsed — gives a budget for each ES5 bundle, the minified kernel's within 5% of 8 KiB", () => {
      const budgets = readBudgets(readFileSync(BUDGET_DOC, "utf8"));
      expect(Object.keys(budgets)).to.have.members(ES5_BUNDLES);
      expect(budgets["dist/kamaelia-core.es5.min.js"]).to.be.at.most(8192 * 1.05);
    });

    it("a bundle — 8300 bytes gzipped against 8192 — fails naming bundle, size, budget and excess", () => {
      expect(checkBudget("dist/kamaelia.es5.min.js", 8300, 8192)).to.equal(
        "dist/kamaelia.es5.min.js: 8300 bytes gzipped, over its budget of 8192 bytes by 108 (docs/size-budget.md)",
      );
      expect(checkBudget("dist/kamaelia.es5.min.js", 8192, 8192)).to.equal(undefined);
    });

    it("the real minified bundle — against a 1000-byte budget — fails the gates naming bundle and budget", () => {
      const failures = runGates([bundles[1]], { budgets: { "dist/kamaelia.es5.min.js": 1000 } });
      expect(failures).to.have.length(1);
      expect(failures[0]).to.match(/kamaelia\.es5\.min\.js: \d+ bytes gzipped, over its budget of 1000 bytes by \d+/);
    });
  });

  describe("the gate runner", () => {
    let dir = "";
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "kamaelia-gates-"));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("the built ES5 bundles — all gates — pass", () => {
      expect(runGates(bundles)).to.deep.equal([]);
    });

    it("the ESM bundle's text — copied to a .js script — fails on its export, which the .mjs may have", () => {
      const script = join(dir, "kamaelia.es5.js");
      copyFileSync(bundles[2], script);
      const failures = runGates([script]);
      expect(failures.length).to.be.greaterThan(0);
      for (const failure of failures) expect(failure).to.match(/kamaelia\.es5\.js: module syntax in an ES5 script: export at line \d+$/);
    });

    it("a bundle with no row in docs/size-budget.md — gated — fails for want of a budget", () => {
      const file = join(dir, "unbudgeted.js");
      writeFileSync(file, "var x = 1;\n");
      expect(runGates([file])).to.deep.equal([file + ": no gzip budget for unbudgeted.js in docs/size-budget.md"]);
    });

    it("a broken copy of the bundle — node scripts/bundle-gates.mjs — exits 1 naming each feature and the engines", () => {
      const broken = join(dir, "kamaelia.es5.js");
      writeFileSync(broken, readFileSync(bundles[0], "utf8") + "\nvar planted = Object.assign({}, new Map());\n");
      const run = spawnSync(process.execPath, [join(root, "scripts/bundle-gates.mjs"), broken], { encoding: "utf8" });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.match(/gates: FAIL .*kamaelia\.es5\.js: ES2015\+ built-in: Object\.assign at line \d+: missing on mujs/);
      expect(run.stderr).to.contain("Map at line");
      expect(run.stderr).to.contain(duktape + ", " + mujs);
      expect(run.stderr).to.contain("gates: 2 failures");
    });
  });
});
