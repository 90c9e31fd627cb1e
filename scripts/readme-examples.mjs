// Extracts README.md's TypeScript examples into build/readme-examples/, so they can be type-checked
// (tsconfig.readme.json) and run (tests/project/readme-examples.test.ts). Every ```ts block is an example;
// a ```text block straight after it is the output the example must print. The ```ts blocks of the pages
// under docs/ go to build/readme-examples/docs/ to be type-checked too (many need a server or a network to
// run, so they are compiled, not run).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const EXAMPLES_DIR = "build/readme-examples";

/** [{ name, code, expected }] for every ```ts block in the markdown text, in order. */
export function readmeExamples(markdown) {
  const blocks = [];
  const fence = /```(\w+)\n([\s\S]*?)```/g;
  let m;
  while ((m = fence.exec(markdown)) !== null) blocks.push({ lang: m[1], body: m[2], end: fence.lastIndex });
  const examples = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].lang !== "ts") continue;
    const next = blocks[i + 1];
    const between = next ? markdown.slice(blocks[i].end, markdown.indexOf("```" + next.lang, blocks[i].end)) : "";
    const expected = next && next.lang === "text" && between.trim() === "" ? next.body : null;
    examples.push({ name: "example-" + String(examples.length + 1).padStart(2, "0"), code: blocks[i].body, expected });
  }
  return examples;
}

/** Write each example as build/readme-examples/<name>.ts; returns the examples. */
export function writeReadmeExamples(readmePath = "README.md") {
  const examples = readmeExamples(readFileSync(readmePath, "utf8"));
  rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  // Each example is its own module, so names may repeat across examples.
  for (const e of examples) writeFileSync(join(EXAMPLES_DIR, e.name + ".ts"), e.code + "\nexport {};\n");
  return examples;
}

/** Every markdown file under `dir`. */
function markdownFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (name.endsWith(".md")) found.push(path);
  }
  return found;
}

/** Write each docs/ page's examples as build/readme-examples/docs/<page>-<n>.ts; returns how many. */
export function writeDocsExamples(docsDir = "docs") {
  const out = join(EXAMPLES_DIR, "docs");
  mkdirSync(out, { recursive: true });
  let count = 0;
  for (const file of markdownFiles(docsDir)) {
    const page = relative(docsDir, file).replace(/\.md$/, "").replace(/[\\/]/g, "-");
    for (const e of readmeExamples(readFileSync(file, "utf8"))) {
      writeFileSync(join(out, page + "-" + e.name + ".ts"), e.code + "\nexport {};\n");
      count++;
    }
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const examples = writeReadmeExamples();
  const docs = writeDocsExamples();
  console.log(`readme examples: wrote ${examples.length} from README.md and ${docs} from docs/ to ${EXAMPLES_DIR}`);
}
