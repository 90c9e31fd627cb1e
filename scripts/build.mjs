// npm run build: bundles with rollup, writes .d.ts files with the pinned tsc, prints raw and gzipped sizes,
// then gates every ES5 file: our own scan first (scripts/bundle-gates.mjs: no module syntax, host globals or
// ES2015+ built-ins, each failure naming the engines that lack the feature; gzipped size within
// docs/size-budget.md), then es-check es5 --checkFeatures as a second opinion. Exits non-zero on any failure.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { reportGates, runGates } from "./bundle-gates.mjs";

const node = process.execPath;
function run(args, label) {
  try {
    execFileSync(node, args, { stdio: "inherit" });
  } catch {
    console.error(`build: ${label} failed (see above)`);
    process.exit(1);
  }
}

rmSync("dist", { recursive: true, force: true });
run(["node_modules/rollup/dist/bin/rollup", "-c", "--silent"], "rollup");
run(["node_modules/typescript/bin/tsc", "-p", "tsconfig.types.json"], "type declarations (tsc)");
// dist/node/index.d.ts is the "types" entry: re-export the core's declarations.
writeFileSync("dist/node/index.d.ts", 'export * from "./src/index";\n');
writeFileSync("dist/node/targets/desktop/index.d.mts", 'export * from "./index";\n');
// The package is "type": "module", so without this Node would load the ES5 .js file as an ES module and
// require() would see none of it. The ES5 script is CommonJS-compatible; the .mjs files stay ESM.
writeFileSync("dist/package.json", '{ "type": "commonjs" }\n');

// The lean TypeScript helpers for apps ("kamaelia/helpers"): apps that compile their own components to ES5
// get the same small generators the bundle has. As a module, and as a plain script that defines the
// helpers as globals, for apps built by concatenation (compile those with noEmitHelpers).
const helpersSource = readFileSync("scripts/lean-tslib/index.js", "utf8");
const helperNames = [...helpersSource.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
mkdirSync("dist/helpers", { recursive: true });
writeFileSync("dist/helpers/tslib.mjs", helpersSource);
writeFileSync(
  "dist/helpers/tslib.es5.js",
  helpersSource.replace(/^(\/\*[\s\S]*?\*\/)\n/, "$1\nvar KamaeliaHelpers = (function () {\n").replace(/^export /gm, "") +
    "return { " + helperNames.map((n) => n + ": " + n).join(", ") + " };\n})();\n" +
    helperNames.map((n) => "var " + n + " = KamaeliaHelpers." + n + ";\n").join(""),
);

const es5Files = ["dist/helpers/tslib.es5.js", "dist/kamaelia-quickjs.es5.js", "dist/kamaelia-quickjs.es5.min.js", "dist/kamaelia-mobile.es5.js", "dist/kamaelia-mobile.es5.min.js", "dist/kamaelia.es5.js", "dist/kamaelia.es5.min.js", "dist/kamaelia-core.es5.js", "dist/kamaelia-core.es5.min.js"];
// The ESM file may use import/export syntax (that is what makes it ESM); everything else must be ES5.
const es5Modules = ["dist/kamaelia.es5.mjs", "dist/helpers/tslib.mjs"];
const rows = [...es5Files, ...es5Modules, "dist/node/kamaelia.mjs", "dist/node/desktop.mjs"].map((file) => {
  const bytes = readFileSync(file);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const width = Math.max(...rows.map((r) => r.file.length));
console.log("bundle".padEnd(width) + "  " + "raw".padStart(8) + "  " + "gzip".padStart(8));
for (const r of rows) console.log(r.file.padEnd(width) + "  " + String(r.raw).padStart(8) + "  " + String(r.gzip).padStart(8));

const gated = [...es5Files, ...es5Modules];
const status = reportGates(gated, runGates(gated));
if (status !== 0) {
  console.error("build: gates failed (see above)");
  process.exit(status);
}
run(["node_modules/es-check/lib/cli/index.js", "es5", ...es5Files, "--checkFeatures", "--silent"], "es-check es5");
run(["node_modules/es-check/lib/cli/index.js", "es5", ...es5Modules, "--module", "--checkFeatures", "--allowList=import,export", "--silent"], "es-check es5 --module");


