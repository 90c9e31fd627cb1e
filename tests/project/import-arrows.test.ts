/**
 * Imports point inwards only (STYLE.md): src/core imports nothing outside itself, src/components only the
 * core's public index, src never reaches targets/ or a host module, and targets use src through its index.
 */
import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** Each import specifier in a file, resolved to a repo-relative path when it is relative. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const spec = m[1];
    found.push(spec.startsWith(".") ? relative(root, resolve(dirname(file), spec)) : spec);
  }
  return found;
}

function violations(files: string[], allowed: (target: string, file: string) => boolean): string[] {
  const bad: string[] = [];
  for (const file of files) for (const target of imports(file)) if (!allowed(target, file)) bad.push(relative(root, file) + " imports " + target);
  return bad;
}

describe("import arrows", () => {
  it("src/core — imports only modules inside src/core", () => {
    const bad = violations(tsFiles(join(root, "src/core")), (t) => t.startsWith("src/core/"));
    expect(bad).to.deep.equal([]);
  });

  it("src/components — imports only the core's public index and other components", () => {
    const bad = violations(tsFiles(join(root, "src/components")), (t) => t === "src/core/index" || t.startsWith("src/components/"));
    expect(bad).to.deep.equal([]);
  });

  it("targets — import src only through its public index", () => {
    const bad = violations(tsFiles(join(root, "targets")), (t, file) => {
      if (!t.startsWith("src/")) return true; // node:*, npm packages and same-target files
      return t === "src/index" && file.length > 0;
    });
    expect(bad).to.deep.equal([]);
  });
});
