/**
 * npm run graph -- <example> [--out <dir>]: draw an example's component graph without running it for ever.
 *
 * Writes <dir>/<example>.dot, .svg and .html (default dir: build/graphs) and prints their paths.
 *
 * The convention: examples/<example>/system.ts exports `buildSystem(): AnyComponent`, which makes the
 * system without activating it (the example's main.ts runs the same system). This script:
 * 1. activates the system on a fresh Scheduler whose host has a virtual clock that never moves and a
 *    `print` that keeps output to itself (so a Printer stays quiet), and no `sleep`;
 * 2. runs it one step at a time, at most MAX_STEPS steps, until nothing can run without time passing or a
 *    delivery from outside (a timer, an idle or a finished scheduler) — by then containers have linked
 *    their children and sources have made their first sends;
 * 3. keeps the fullest snapshot seen along the way (most components and linkages; the latest among equals),
 *    so a system that finishes at once is still drawn with everything it had;
 * 4. writes the three files, then stops the scheduler, which ends every component.
 *
 * It uses the built package ("kamaelia", from dist/) because the examples do: components must come from
 * the same module as snapshotGraph for `instanceof` to hold. Run `npm run build` first.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnyComponent, GraphSnapshot, Host } from "kamaelia";

/** The most steps the system may take before the snapshot is taken anyway (a system that never settles). */
const MAX_STEPS = 2000;

const root = resolve(import.meta.dirname, "..");

function fail(message: string): never {
  console.error("graph: " + message);
  process.exit(1);
}

function parseArgs(argv: string[]): { example: string; out: string } {
  let example = "";
  let out = join(root, "build/graphs");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = resolve(argv[++i] || fail("--out needs a directory"));
    else if (argv[i].startsWith("-")) fail("unknown option " + argv[i]);
    else if (example === "") example = argv[i];
    else fail("one example at a time");
  }
  if (example === "") fail("usage: npm run graph -- <example> [--out <dir>]   (an examples/<example>/system.ts)");
  if (!/^[A-Za-z0-9_-]+$/.test(example)) fail("an example is a folder name under examples/, such as countdown");
  return { example, out };
}

function weight(s: GraphSnapshot): number {
  return s.nodes.length + s.links.length;
}

async function main(): Promise<void> {
  const { example, out } = parseArgs(process.argv.slice(2));
  let kamaelia: typeof import("kamaelia");
  try {
    kamaelia = await import("kamaelia");
  } catch (error) {
    fail("cannot load the built package from dist/ (run npm run build first): " + (error as Error).message);
  }
  if (typeof kamaelia.snapshotGraph !== "function") fail("dist/ has no snapshotGraph: run npm run build first");
  const systemFile = join(root, "examples", example, "system.ts");
  if (!existsSync(systemFile)) {
    fail("no " + join("examples", example, "system.ts") + ": each example exports buildSystem() from its system.ts");
  }
  const module = (await import(pathToFileURL(systemFile).href)) as { buildSystem?: () => AnyComponent };
  if (typeof module.buildSystem !== "function") fail(systemFile + " does not export buildSystem()");

  const printed: string[] = [];
  const host: Host = {
    now: () => 0, // virtual time that never moves: timers never fire, so the system settles
    print: (text) => {
      printed.push(text);
    },
    log: (level, message) => {
      if (level === "error" || level === "warn") console.error("[kamaelia " + level + "] " + message);
    },
  };
  const scheduler = new kamaelia.Scheduler({ host });
  const system = module.buildSystem();
  if (!(system instanceof kamaelia.Component)) fail("buildSystem() must return a component made with the kamaelia package");
  system.activate(scheduler);

  let best = kamaelia.snapshotGraph(scheduler);
  let steps = 0;
  let settled = false;
  try {
    while (!settled && steps < MAX_STEPS) {
      const result = scheduler.runSlice(1);
      steps++;
      const now = kamaelia.snapshotGraph(scheduler);
      if (weight(now) >= weight(best)) best = now;
      settled = result !== kamaelia.SLICE_BUSY;
    }
  } finally {
    scheduler.stop();
  }

  mkdirSync(out, { recursive: true });
  const options = { title: example };
  const files: [string, string][] = [
    [example + ".dot", kamaelia.toDot(best, options)],
    [example + ".svg", kamaelia.toSvg(best, options)],
    [example + ".html", kamaelia.toHtml(best, options)],
  ];
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  console.log(
    "graph: " + example + ": " + best.nodes.length + " components, " + best.links.length + " linkages after " + steps +
      " steps" + (settled ? "" : " (did not settle; drawn as it was)"),
  );
  for (const [name] of files) console.log("  " + join(out, name));
}

await main();
