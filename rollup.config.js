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

export default [
  {
    input: "src/index.ts",
    treeshake,
    onwarn,
    plugins: [es5()],
    output: [
      { file: "dist/kamaelia.es5.js", format: "iife", name: "Kamaelia", footer: cjsFooter },
      { file: "dist/kamaelia.es5.mjs", format: "es" },
      {
        file: "dist/kamaelia.es5.min.js",
        format: "iife",
        name: "Kamaelia",
        footer: cjsFooter,
        plugins: [terser({ ecma: 5, safari10: true })],
      },
    ],
  },
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
