// Measures which ES2015+ built-ins and host globals each engine lacks, and writes the answer to
// scripts/engine-features.json (committed), which scripts/bundle-scan.mjs reads to name the engines a bundle
// would break on. Run it again whenever an engine is upgraded: `node scripts/probe-engine-features.mjs`.
//
// One ES5 probe script runs unchanged on every engine: Duktape, mujs and Hermes as CLI programs (Debian
// `duktape` and `mujs`, npm `hermes-engine-cli`), QuickJS and QuickJS-ng in-process through
// quickjs-emscripten, and Node itself. Each feature is a small function that uses the feature, not just
// looks it up, so a stub that exists but does not work counts as missing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { newQuickJSWASMModuleFromVariant } from "quickjs-emscripten-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = join(root, "scripts/engine-features.json");
const HERMES = join(root, "node_modules/hermes-engine-cli/linux64-bin/hermes");

/** Feature name → ES5 function body that returns true when the feature is there and works. */
export const PROBES = {
  "Object.keys": "return Object.keys({ a: 1 }).length === 1;",
  "Object.create": "return Object.getPrototypeOf(Object.create(Array.prototype)) === Array.prototype;",
  "Object.assign": "return Object.assign({ a: 1 }, { b: 2 }).b === 2;",
  "Object.setPrototypeOf": "var o = {}; Object.setPrototypeOf(o, Array.prototype); return o instanceof Array;",
  "Object.entries": "return Object.entries({ a: 1 })[0][1] === 1;",
  "Object.values": "return Object.values({ a: 1 })[0] === 1;",
  "Array.from": "return Array.from({ length: 2, 0: 'x', 1: 'y' }).join('') === 'xy';",
  "Array.of": "return Array.of(7).length === 1;",
  "Array.prototype.find": "return [1, 2, 3].find(function (x) { return x > 1; }) === 2;",
  "Array.prototype.findIndex": "return [1, 2, 3].findIndex(function (x) { return x > 1; }) === 1;",
  "Array.prototype.includes": "return [1, 2].includes(2) === true;",
  "Array.prototype.fill": "return [0, 0].fill(5)[1] === 5;",
  "String.prototype.startsWith": "return 'abc'.startsWith('ab') === true;",
  "String.prototype.endsWith": "return 'abc'.endsWith('bc') === true;",
  "String.prototype.includes": "return 'abc'.includes('b') === true;",
  "String.prototype.repeat": "return 'ab'.repeat(2) === 'abab';",
  "String.prototype.padStart": "return '7'.padStart(3, '0') === '007';",
  "String.prototype.padEnd": "return '7'.padEnd(3, '0') === '700';",
  Map: "var m = new Map(); m.set('k', 1); return m.get('k') === 1 && m.size === 1;",
  Set: "var s = new Set(); s.add(1); s.add(1); return s.has(1) && s.size === 1;",
  WeakMap: "var k = {}; var m = new WeakMap(); m.set(k, 1); return m.get(k) === 1;",
  WeakSet: "var k = {}; var s = new WeakSet(); s.add(k); return s.has(k);",
  Symbol: "return typeof Symbol === 'function' && typeof Symbol('x') === 'symbol' && typeof Symbol.iterator === 'symbol';",
  Promise: "return typeof Promise === 'function' && typeof Promise.resolve(1).then === 'function';",
  Proxy: "return new Proxy({}, { get: function () { return 5; } }).x === 5;",
  Reflect: "return typeof Reflect === 'object' && Reflect.has({ a: 1 }, 'a');",
  // Every typed-array constructor and DataView, so the scan can map any of them to this one measurement.
  "typed arrays":
    "var all = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, DataView];" +
    " var u = new Uint8Array(2); u[0] = 257; return all.length === 10 && u[0] === 1;",
  ArrayBuffer: "return new ArrayBuffer(8).byteLength === 8;",
  globalThis: "return typeof globalThis === 'object' && globalThis.Object === Object;",
  JSON: "return JSON.stringify(JSON.parse('{\"a\":[1]}')) === '{\"a\":[1]}';",
  "Date.now": "return typeof Date.now() === 'number';",
  "Function.prototype.name": "return (function foo() {}).name === 'foo';",
  setTimeout: "return typeof setTimeout === 'function';",
  console: "return typeof console === 'object' && console !== null && typeof console.log === 'function';",
  print: "return typeof print === 'function';",
};

/** An ES5 expression that evaluates to a JSON string: { feature: true/false }, each probe isolated by try. */
function probeExpression() {
  const lines = Object.keys(PROBES).map(
    (name) => "  try { r[" + JSON.stringify(name) + "] = (function () { " + PROBES[name] + " })() === true; } catch (e) { r[" + JSON.stringify(name) + "] = false; }",
  );
  return "(function () {\n  var r = {};\n" + lines.join("\n") + "\n  return JSON.stringify(r);\n})()";
}

/** Runs the probe as a script file under a CLI engine whose output goes through print(). */
function probeCli(command, args) {
  const dir = mkdtempSync(join(tmpdir(), "kamaelia-probe-"));
  try {
    const file = join(dir, "probe.js");
    writeFileSync(file, "print(" + probeExpression() + ");\n");
    const output = execFileSync(command, [...args, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(output.trim().split("\n").pop());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the probe in a fresh QuickJS context from `variant`, disposing every handle it makes. */
async function probeQuickJS(variant) {
  const module = await newQuickJSWASMModuleFromVariant(variant);
  const runtime = module.newRuntime();
  const context = runtime.newContext();
  try {
    const result = context.evalCode(probeExpression(), "probe.js");
    if (result.error) {
      const error = context.dump(result.error);
      result.error.dispose();
      throw new Error("QuickJS probe threw: " + JSON.stringify(error));
    }
    const text = context.getString(result.value);
    result.value.dispose();
    return JSON.parse(text);
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

/** Node's own globals (print is absent, setTimeout and console present), evaluated in this process. */
function probeNode() {
  return JSON.parse(vm.runInThisContext(probeExpression()));
}

function debianVersion(pkg) {
  const full = execFileSync("dpkg-query", ["-W", "-f=${Version}", pkg], { encoding: "utf8" }).trim();
  return { version: full.replace(/-[^-]*$/, ""), source: "Debian package " + pkg + " " + full };
}

/** The QuickJS release a quickjs-emscripten variant vendors, read from its README ("Version [X](...)"). */
function quickjsVersion(pkg) {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(pkg + "/package.json"));
  const pkgVersion = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  const m = /^Version \[([^\]]+)\]/m.exec(readFileSync(join(dir, "README.md"), "utf8"));
  return { version: m ? m[1] : pkgVersion, source: "npm " + pkg + " " + pkgVersion + " via quickjs-emscripten-core" };
}

function hermesVersion() {
  const text = execFileSync(HERMES, ["--version"], { encoding: "utf8" });
  const m = /Hermes release version: (\S+)/.exec(text);
  return { version: m ? m[1] : "unknown", source: "npm hermes-engine-cli, linux64-bin/hermes -w" };
}

async function main() {
  const engines = [
    { name: "Duktape", ...debianVersion("duktape"), probe: () => probeCli("duk", []) },
    { name: "mujs", ...debianVersion("mujs"), probe: () => probeCli("mujs", []) },
    { name: "Hermes", ...hermesVersion(), probe: () => probeCli(HERMES, ["-w"]) },
    { name: "QuickJS", ...quickjsVersion("@jitl/quickjs-wasmfile-release-sync"), probe: () => probeQuickJS(import("@jitl/quickjs-wasmfile-release-sync")) },
    { name: "QuickJS-ng", ...quickjsVersion("@jitl/quickjs-ng-wasmfile-release-sync"), probe: () => probeQuickJS(import("@jitl/quickjs-ng-wasmfile-release-sync")) },
    { name: "Node", version: process.version, source: "node " + process.version + ", evaluated in-process", probe: probeNode },
  ];
  const table = { engines: {}, measuredWith: {}, missing: {} };
  for (const name of Object.keys(PROBES)) table.missing[name] = [];
  for (const engine of engines) {
    const results = await engine.probe();
    table.engines[engine.name] = engine.version;
    table.measuredWith[engine.name] = engine.source;
    for (const name of Object.keys(PROBES)) {
      if (results[name] !== true && results[name] !== false) throw new Error(engine.name + " gave no answer for " + name);
      if (!results[name]) table.missing[name].push(engine.name);
    }
  }
  writeFileSync(OUTPUT, JSON.stringify(table, null, 2) + "\n");
  for (const name of Object.keys(table.missing)) {
    const lacking = table.missing[name];
    console.log(name.padEnd(28) + (lacking.length ? "missing on " + lacking.join(", ") : "everywhere"));
  }
  console.log("wrote " + OUTPUT);
}

await main();
