// Bundles: the dependency-free core as ES5 (UMD with global `Kamaelia`, plus ESM and a minified UMD) for
// QuickJS, Hermes, Duktape, mujs and old browsers; and a modern ES2020 build (ESM + CJS) for Node, with the
// desktop target beside it. Types come from tsc (scripts/build.mjs). ENGINES.md explains the pins.
import typescript from "@rollup/plugin-typescript";
import terser from "@rollup/plugin-terser";

// Circular imports between scheduler and tracker are by design (each uses the other only at run time).
function onwarn(warning, warn) {
  if (warning.code === "CIRCULAR_DEPENDENCY") return;
  warn(warning);
}

const es5 = () =>
  typescript({
    tsconfig: "./tsconfig.json",
    include: ["src/**/*.ts"],
    compilerOptions: { target: "ES5", declaration: false },
  });

const modern = () =>
  typescript({
    tsconfig: "./tsconfig.node.json",
    include: ["src/**/*.ts", "targets/desktop/**/*.ts"],
  });

// The ES5 file is a script defining the global `Kamaelia` (QuickJS, Duktape, mujs, Hermes, <script>), and
// a CommonJS module under Node. Rollup's UMD wrapper probes `globalThis`, which es-check rejects as ES2020.
const cjsFooter = 'if (typeof module === "object" && module.exports) module.exports = Kamaelia;';

// `unknownGlobalSideEffects: false` drops a dead tslib statement from the ES5 bundle (ENGINES.md).
const treeshake = { unknownGlobalSideEffects: false };

const manualChunks = (id) => (id.includes("/src/") ? "core" : undefined);

// sequences: false — terser otherwise joins the ~150 export assignments into one comma expression, which
// mujs cannot parse ("too much recursion"); the cost is under 200 bytes gzipped.
const minify = () => terser({ ecma: 5, safari10: true, compress: { sequences: false } });

/** The ES5 outputs for one entry: a readable script, a minified script, and (for the full bundle) ESM. */
function es5Bundle(input, base, withEsm) {
  const output = [
    { file: `dist/${base}.es5.js`, format: "iife", name: "Kamaelia", footer: cjsFooter },
    { file: `dist/${base}.es5.min.js`, format: "iife", name: "Kamaelia", footer: cjsFooter, plugins: [minify()] },
  ];
  if (withEsm) output.push({ file: `dist/${base}.es5.mjs`, format: "es" });
  return { input, treeshake, onwarn, plugins: [es5()], output };
}

export default [
  // Everything: the kernel and all of Kamaelia's components.
  es5Bundle("src/index.ts", "kamaelia", true),
  // The kernel bundle: Axon plus Pipeline and Graphline, held to the 8 KiB budget (docs/size-budget.md).
  es5Bundle("src/kernel.ts", "kamaelia-core", false),
  {
    input: { kamaelia: "src/index.ts", desktop: "targets/desktop/index.ts" },
    treeshake,
    onwarn,
    external: (id) => id.startsWith("node:"),
    plugins: [modern()],
    // One shared "core" chunk, so kamaelia and kamaelia/desktop use the same classes (instanceof holds).
    output: [
      { dir: "dist/node", format: "es", entryFileNames: "[name].mjs", chunkFileNames: "[name].mjs", manualChunks },
      { dir: "dist/node", format: "cjs", entryFileNames: "[name].cjs", chunkFileNames: "[name].cjs", manualChunks },
    ],
  },
];
