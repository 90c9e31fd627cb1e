/**
 * Cases: every device-test case, compiled from TypeScript to an ES5 script (no modules, and no helpers in
 * the file: `noEmitHelpers`), and the complete script an engine runs: the shipped bundle, the shipped lean
 * helpers script (dist/helpers/tslib.es5.js, as an app built by concatenation uses it), the harness, the
 * case, then `DeviceTest.runAll()`. So every case also tests the helpers apps get on every engine.
 *
 * The case files are type-checked by device-tests/tsconfig.json (part of `npm run typecheck`); here each is
 * transpiled on its own, which needs no type information.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

export const root = resolve(import.meta.dirname, "..");
const CASES_DIR = join(root, "device-tests/cases");
const HARNESS = join(root, "device-tests/harness/harness.js");
/** The lean TypeScript helpers shipped for apps ("kamaelia/helpers"), as a global script. */
const HELPERS = join(root, "dist/helpers/tslib.es5.js");

/** The bundle device tests run: the minified ES5 file, as shipped to devices (override with KAMAELIA_DEVICE_BUNDLE). */
export const bundlePath = resolve(root, process.env.KAMAELIA_DEVICE_BUNDLE || "dist/kamaelia.es5.min.js");

export interface DeviceCase {
  /** File name without extension, such as "round-robin-order": the id in the skip list. */
  id: string;
  /** The behaviour, as the case names itself. */
  name: string;
  /** The case compiled to ES5. */
  code: string;
}

function caseName(source: string, id: string): string {
  const m = /DeviceTest\.define\(\s*"([^"]+)"/.exec(source);
  return m ? m[1] : id;
}

/** Every case, sorted by file name. */
export function loadCases(): DeviceCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((file) => {
      const source = readFileSync(join(CASES_DIR, file), "utf8");
      const id = file.replace(/\.ts$/, "");
      const out = ts.transpileModule(source, {
        fileName: file,
        compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, noEmitHelpers: true, removeComments: false },
      });
      return { id, name: caseName(source, id), code: out.outputText };
    });
}

/** The complete script for one case, or an error if the bundle has not been built. */
export function scriptFor(deviceCase: DeviceCase): string {
  if (!existsSync(bundlePath)) throw new Error(bundlePath + " is missing: run npm run build first");
  const bundle = readFileSync(bundlePath, "utf8");
  const harness = readFileSync(HARNESS, "utf8");
  const helpers = readFileSync(HELPERS, "utf8");
  // Each part ends with its own newline and semicolon, so no part can run into the next.
  return [bundle, ";", helpers, ";", harness, ";", deviceCase.code, ";", "DeviceTest.runAll();", ""].join("\n");
}
