// The build gates for the ES5 bundles: no module syntax (outside the .mjs), no host global, no ES2015+
// built-in some engine lacks (scripts/bundle-scan.mjs), and a gzipped size within the budget in
// docs/size-budget.md. scripts/build.mjs calls runGates after es-check; it also runs on its own:
//
//   node scripts/bundle-gates.mjs [bundle ...]   (default: every dist/ ES5 bundle)
//
// It prints "gates: ok …" or one line per failure, and exits 1 on any failure.
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { scanForFeatures, scanForHostReach } from "./bundle-scan.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUDGET_DOC = join(root, "docs/size-budget.md");
export const ES5_BUNDLES = [
  "dist/kamaelia.es5.js",
  "dist/kamaelia.es5.min.js",
  "dist/kamaelia.es5.mjs",
  "dist/kamaelia-core.es5.js",
  "dist/kamaelia-core.es5.min.js",
  "dist/kamaelia-quickjs.es5.js",
  "dist/kamaelia-quickjs.es5.min.js",
  "dist/kamaelia-mobile.es5.js",
  "dist/kamaelia-mobile.es5.min.js",
  "dist/helpers/tslib.es5.js",
  "dist/helpers/tslib.mjs",
];

/**
 * Built-ins a bundle may use although some engine lacks them, by bundle file name, each with its reason.
 * None today: the byte-level framers reach typed arrays only through a typeof-guarded lookup
 * (src/components/protocol/bytes.ts), so every bundle loads on every engine.
 */
export const ALLOWED_FEATURES = {};

function allowed(file, finding) {
  const names = ALLOWED_FEATURES[basename(file)] || [];
  // Findings read "Uint8Array at line 3: …" or "Uint8Array (typed arrays) at line 3: …".
  return names.some((name) => finding.indexOf(name + " at line") === 0 || finding.indexOf(name + " (") === 0);
}

/**
 * The budgets in a size-budget page: the rows of its `| bundle | gzip budget (bytes) | why |` table.
 * @example readBudgets(readFileSync("docs/size-budget.md", "utf8"))["dist/kamaelia.es5.min.js"] // 8192
 */
export function readBudgets(markdown) {
  const budgets = {};
  let inTable = false;
  for (const line of markdown.split("\n")) {
    if (!line.trim().startsWith("|")) {
      inTable = false;
      continue;
    }
    const cells = line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim().replace(/`/g, ""));
    if (cells[0] === "bundle" && /^gzip budget/.test(cells[1])) inTable = true;
    else if (inTable && !/^-+$/.test(cells[0])) {
      if (!/^\d+$/.test(cells[1])) throw new Error("size budget for " + cells[0] + " is not a whole number of bytes: " + cells[1]);
      budgets[cells[0]] = Number(cells[1]);
    }
  }
  if (Object.keys(budgets).length === 0) throw new Error("no | bundle | gzip budget (bytes) | why | table found");
  return budgets;
}

/** The size the build reports: gzip at level 9. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/** A failure message when `size` (gzipped bytes) is over `budget`, else undefined. */
export function checkBudget(bundle, size, budget) {
  if (size <= budget) return undefined;
  return bundle + ": " + size + " bytes gzipped, over its budget of " + budget + " bytes by " + (size - budget) + " (docs/size-budget.md)";
}

/**
 * Every gate failure for the bundles at `files`, as readable lines; [] when all pass. A file's budget is the
 * row with the same file name, so a copy of a bundle elsewhere meets the same budget. A `.mjs` file may use
 * import and export (that makes it ESM); nothing else may.
 * options: { budgets } to use instead of docs/size-budget.md, { table } instead of engine-features.json.
 */
export function runGates(files, options = {}) {
  const budgets = options.budgets || readBudgets(readFileSync(BUDGET_DOC, "utf8"));
  const failures = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString("utf8");
    const reach = scanForHostReach(text);
    const features = options.table ? scanForFeatures(text, options.table) : scanForFeatures(text);
    const isModule = file.endsWith(".mjs");
    for (const found of reach.moduleSyntax) {
      if (!(isModule && /^(import|export) at/.test(found))) failures.push(file + ": module syntax in an ES5 script: " + found);
    }
    for (const found of reach.globals) {
      // A global the feature scan also found ("Map at line 3: missing on …") is reported once, by it.
      const plain = found.replace(" (unguarded)", "");
      if (!features.some((f) => f.indexOf(plain + ":") === 0) && !allowed(file, found)) failures.push(file + ": host global: " + found);
    }
    for (const found of features) if (!allowed(file, found)) failures.push(file + ": ES2015+ built-in: " + found);
    const row = Object.keys(budgets).filter((bundle) => basename(bundle) === basename(file))[0];
    if (row === undefined) failures.push(file + ": no gzip budget for " + basename(file) + " in docs/size-budget.md");
    else {
      const over = checkBudget(file, gzipSize(bytes), budgets[row]);
      if (over) failures.push(over);
    }
  }
  return failures;
}

/** Prints the gates' outcome: one "gates: ok" line, or each failure on stderr. Returns the exit status. */
export function reportGates(files, failures) {
  if (failures.length === 0) {
    console.log("gates: ok (" + files.length + " ES5 bundles: no module syntax, host globals or missing built-ins; within gzip budgets)");
    return 0;
  }
  for (const failure of failures) console.error("gates: FAIL " + failure);
  console.error("gates: " + failures.length + " failure" + (failures.length === 1 ? "" : "s"));
  return 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : ES5_BUNDLES.map((f) => join(root, f));
  process.exitCode = reportGates(files, runGates(files));
}
