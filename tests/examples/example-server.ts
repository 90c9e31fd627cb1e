/**
 * Runs an example server (examples/<name>/server.ts) as its own process on a free port, for the example
 * tests: resolves once it prints "listening on port N"; `stop()` sends SIGTERM and resolves with its exit
 * code once it has shut down in order. Examples use the built package, so dist/ must exist.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

export interface ExampleServer {
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

export async function startExampleServer(example: string): Promise<ExampleServer> {
  if (!existsSync(resolve(root, "dist/node/kamaelia.mjs"))) throw new Error("dist/ is missing: run npm run build first");
  const child = spawn(process.execPath, ["--import", "tsx", "examples/" + example + "/server.ts", "0"], { cwd: root });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(example + " server never said it was listening: " + output)), 20000);
    const look = (): void => {
      const m = /listening on port (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        fail(new Error(example + " server exited early: " + output));
      } else setTimeout(look, 10);
    };
    look();
  });
  return {
    port,
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
