// Bundles: the dependency-free core as ES5 (UMD with global `Kamaelia`, plus ESM and a minified UMD) for
// QuickJS, Hermes, Duktape, mujs and old browsers; and a modern ES2020 build (ESM + CJS) for Node, with the
// desktop target beside it. Types come from tsc (scripts/build.mjs). ENGINES.md explains the pins.
import typescript from "@rollup/plugin-typescript";
import terser from "@rollup/plugin-terser";
import { fileURLToPath } from "node:url";

// Circular imports between scheduler and tracker are by design (each uses the other only at run time).
function onwarn(warning, warn) {
  if (warning.code === "CIRCULAR_DEPENDENCY") return;
  warn(warning);
}

// The ES5 bundles use lean helpers (scripts/lean-tslib) instead of tslib's: one object per generator with
// shared methods, rather than an object and six closures — most of an idle component's memory on engines
// without native generators. tests/bundle/lean-generator.test.ts proves they behave as tslib's do.
const es5 = (tsconfig = "./tsconfig.json") =>
  typescript({
    tsconfig,
    include: ["src/**/*.ts", "targets/quickjs/guest/**/*.ts", "targets/mobile/**/*.ts"],
    compilerOptions: { target: "ES5", declaration: false },
    tslib: fileURLToPath(new URL("./scripts/lean-tslib/index.js", import.meta.url)),
  });

const modern = () =>
  typescript({
    tsconfig: "./tsconfig.node.json",
    include: ["src/**/*.ts", "targets/desktop/**/*.ts", "targets/quickjs/*.ts"],
  });

// The ES5 file is a script defining the global `Kamaelia` (QuickJS, Duktape, mujs, Hermes, <script>), and
// a CommonJS module under Node. Rollup's UMD wrapper probes `globalThis`, which es-check rejects as ES2020.
const cjsFooter = 'if (typeof module === "object" && module.exports) module.exports = Kamaelia;';

// `unknownGlobalSideEffects: false` drops a dead tslib statement from the ES5 bundle (ENGINES.md).
const treeshake = { unknownGlobalSideEffects: false };

// One shared chunk for the core and one for the desktop target (the QuickJS bridge uses its IO).
const manualChunks = (id) => (id.includes("/src/") ? "core" : id.includes("/targets/desktop/") ? "desktop-io" : undefined);

// Internal member names, renamed in the minified bundles to save bytes. Only names that never appear in a
// public interface or as a box name (box names are strings, which property mangling would break): the
// list is explicit rather than a pattern for that reason. The device tests run the minified bundle.
const INTERNAL_NAMES = [
  "_task", "_teardown", "_closeDown", "_needScheduler", "_wake",
  "_parent", "_children", "_linkages", "_in", "_out", "_inbox", "_outbox",
  "_wakes", "_link", "_sources", "_producers", "_items", "_head", "_tail", "_size", "_append",
  "_from", "_to", "_activate", "_enqueue", "_setTimer", "_stopOne", "_forgetProvider",
  "runQueue", "survivors", "arrivals", "inSlice", "wakeRequested", "endCycle", "fireTimers", "removeTimer",
  "activateAll", "closeGenerators", "callHook", "hasResumeError", "resumeError", "stopRequested", "timerAt",
  "listener", "delivered", "delegate", "life", "putBoxes", "getBoxes", "checkOpen", "controlsNobodyFeeds",
  "controlLinked", "signalLinked", "addBox", "deleteBox",
];
// sequences: false — terser otherwise joins the ~150 export assignments into one comma expression, which
// mujs cannot parse ("too much recursion"); the cost is under 200 bytes gzipped.
const minify = () =>
  terser({
    ecma: 5,
    safari10: true,
    compress: { passes: 2, sequences: false },
    mangle: { properties: { regex: new RegExp("^(" + INTERNAL_NAMES.join("|") + ")$") } },
  });

/** The ES5 outputs for one entry: a readable script, a minified script, and (for the full bundle) ESM. */
function es5Bundle(input, base, withEsm, tsconfig) {
  const output = [
    { file: `dist/${base}.es5.js`, format: "iife", name: "Kamaelia", footer: cjsFooter },
    { file: `dist/${base}.es5.min.js`, format: "iife", name: "Kamaelia", footer: cjsFooter, plugins: [minify()] },
  ];
  if (withEsm) output.push({ file: `dist/${base}.es5.mjs`, format: "es" });
  return { input, treeshake, onwarn, plugins: [es5(tsconfig)], output };
}

export default [
  // Everything: the kernel and all of Kamaelia's components.
  es5Bundle("src/index.ts", "kamaelia", true),
  // The kernel bundle: Axon plus Pipeline and Graphline, held to the 8 KiB budget (docs/size-budget.md).
  es5Bundle("src/kernel.ts", "kamaelia-core", false),
  // The QuickJS guest bundle: everything, plus the guest-side adaptors the host bridge drives.
  es5Bundle("targets/quickjs/guest/index.ts", "kamaelia-quickjs", false, "./targets/quickjs/guest/tsconfig.json"),
  // The mobile bundle: everything, plus the browser / React Native host, driver, WebSocket and canvas display.
  es5Bundle("targets/mobile/index.ts", "kamaelia-mobile", false, "./targets/mobile/tsconfig.json"),
  {
    input: {
      kamaelia: "src/index.ts",
      desktop: "targets/desktop/index.ts",
      quickjs: "targets/quickjs/index.ts",
      // Thread modules the desktop provides by name (kamaelia:<name>); NodeThreadPort finds them here.
      "threads/blocking-tcp-client": "targets/desktop/threads/blocking-tcp-client.ts",
    },
    treeshake,
    onwarn,
    // Node built-ins and the packages the targets use at run time stay imports (package.json lists them).
    external: (id) => /^(node:|quickjs-emscripten|@jitl\/|ws$|jpeg-js$|pngjs$)/.test(id),
    plugins: [modern()],
    // One shared "core" chunk, so kamaelia and kamaelia/desktop use the same classes (instanceof holds).
    output: [
      { dir: "dist/node", format: "es", entryFileNames: "[name].mjs", chunkFileNames: "[name].mjs", manualChunks },
      { dir: "dist/node", format: "cjs", entryFileNames: "[name].cjs", chunkFileNames: "[name].cjs", manualChunks },
    ],
  },
];
