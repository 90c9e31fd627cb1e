/**
 * Kamaelia builds: the two builds benchmarked on Node, loaded the way a user loads them.
 *
 * Example:
 *   const K = await loadKamaelia("es5");   // dist/kamaelia.es5.js through require, as on older toolchains
 *   new K.Pipeline(new Source(), new Sink()).run();
 *
 * Behaviour:
 * - "kamaelia" is the modern ES2020 build, `dist/node/kamaelia.mjs`, imported as an ES module.
 * - "kamaelia-es5" is the ES5 bundle, `dist/kamaelia.es5.js`, loaded with `createRequire`: the same file
 *   the device engines run, with its generators downlevelled to a state machine.
 * - Both must be built first (`npm run build`, which `npm run bench` does). The suites copy `dist/` to a
 *   snapshot directory first and pass it in `KAMAELIA_BENCH_DIST`, so every row of one run measures the
 *   same build even if `dist/` is rebuilt meanwhile (several engineers share one work tree).
 *
 * How it works inside: the benchmark code is written once against the public API's type
 * (`typeof import("../src/index")`) and each scenario builds its component classes from whichever build it
 * is given, so both rows run exactly the same component code. Only public exports are used.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The kernel's public API, as either build exposes it. */
export type KamaeliaApi = typeof import("../src/index");

export type KamaeliaBuild = "kamaelia" | "kamaelia-es5";

export const root = resolve(import.meta.dirname, "..");

/** Each build's file, relative to `dist/`. */
export const buildFiles: { [build in KamaeliaBuild]: string } = {
  kamaelia: "node/kamaelia.mjs",
  "kamaelia-es5": "kamaelia.es5.js",
};

/** Where the builds are read from: the suite's snapshot of `dist/`, or `dist/` itself. */
export function distDir(): string {
  return process.env.KAMAELIA_BENCH_DIST || join(root, "dist");
}

export async function loadKamaelia(build: KamaeliaBuild): Promise<KamaeliaApi> {
  const file = join(distDir(), buildFiles[build]);
  if (!existsSync(file)) throw new Error(file + " is missing: run npm run build first");
  if (build === "kamaelia") return (await import(pathToFileURL(file).href)) as KamaeliaApi;
  return createRequire(import.meta.url)(file) as KamaeliaApi;
}
