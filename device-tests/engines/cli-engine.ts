/**
 * CLI engines: Duktape (`duk`), mujs (`mujs`) and Hermes (`hermes`, from the hermes-engine-cli package),
 * each run as a child process on a temporary file. Hermes also runs as bytecode: `hermesc -O -emit-binary`
 * first, as apps ship it.
 *
 * Facts these rely on (ENGINES.md): all three print through a global `print`; an uncaught throw exits
 * non-zero; duk has no argv, so the script is one self-contained file; mujs takes extra arguments as
 * `scriptArgs`, so everything is concatenated into one file; Hermes 0.12 accepts only ES5 (no `class`).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Engine, ScriptRun } from "./engine";

const root = resolve(import.meta.dirname, "../..");
const HERMES_DIR = join(root, "node_modules/hermes-engine-cli/linux64-bin");
/** Longest one case may run before it is killed (the 1,000-component case takes about a second on mujs). */
const TIME_LIMIT_MS = 120000;

function onPath(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v " + command], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIME_LIMIT_MS);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => {
      clearTimeout(timer);
      done({ code: -1, stdout, stderr: stderr + String(e), timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

function tail(text: string): string {
  const lines = text.trim().split("\n");
  return lines.slice(-8).join("\n");
}

/** An engine run as `command [...args] file.js`. */
class CliEngine implements Engine {
  private versionText: string | null = null;
  private workDir: string | null = null;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly findCommand: () => string | null,
    private readonly installHint: string,
    private readonly readVersion: (command: string) => string,
    private readonly argsFor: (command: string, file: string) => Promise<string[] | string>,
  ) {}

  unavailable(): string | null {
    return this.findCommand() === null ? this.label + " is not installed here (" + this.installHint + ")" : null;
  }

  version(): string {
    if (this.versionText === null) {
      const command = this.findCommand();
      try {
        this.versionText = command === null ? "" : this.readVersion(command);
      } catch {
        this.versionText = "?";
      }
    }
    return this.versionText;
  }

  async runScript(script: string, name: string): Promise<ScriptRun> {
    const command = this.findCommand() as string;
    if (this.workDir === null) this.workDir = mkdtempSync(join(tmpdir(), "kamaelia-" + this.id + "-"));
    const file = join(this.workDir, name + ".js");
    writeFileSync(file, script);
    const args = await this.argsFor(command, file);
    if (typeof args === "string") return { lines: [], engineError: args };
    const result = await run(command, args);
    const lines = result.stdout.split("\n").filter((l) => l.length > 0);
    if (result.timedOut) return { lines, engineError: this.label + " did not finish within " + TIME_LIMIT_MS / 1000 + " s" };
    if (result.code !== 0) {
      return { lines, engineError: this.label + " exited with status " + result.code + ":\n" + tail(result.stderr || result.stdout) };
    }
    return { lines };
  }

  close(): void {
    if (this.workDir !== null) rmSync(this.workDir, { recursive: true, force: true });
    this.workDir = null;
  }
}

function debianVersion(pkg: string): string {
  return execFileSync("dpkg-query", ["-W", "-f=${Version}", pkg], { encoding: "utf8" }).trim();
}

const hermesBinary = (): string | null => (existsSync(join(HERMES_DIR, "hermes")) ? join(HERMES_DIR, "hermes") : null);
const hermesVersion = (command: string): string => {
  const text = execFileSync(command, ["--version"], { encoding: "utf8" });
  const m = /Hermes release version: (\S+)/.exec(text);
  return m ? m[1] : text.split("\n")[0];
};

export const duktape: Engine = new CliEngine(
  "duktape",
  "Duktape",
  () => onPath("duk"),
  "apt-get install -y duktape",
  () => debianVersion("duktape"),
  async (_command, file) => [file],
);

export const mujs: Engine = new CliEngine(
  "mujs",
  "mujs",
  () => onPath("mujs"),
  "apt-get install -y mujs",
  () => debianVersion("mujs"),
  async (_command, file) => [file],
);

export const hermes: Engine = new CliEngine(
  "hermes",
  "Hermes",
  hermesBinary,
  "npm ci installs hermes-engine-cli",
  hermesVersion,
  async (_command, file) => ["-w", file],
);

export const hermesBytecode: Engine = new CliEngine(
  "hermes-bytecode",
  "Hermes (bytecode)",
  hermesBinary,
  "npm ci installs hermes-engine-cli",
  hermesVersion,
  async (_command, file) => {
    const bytecode = file.replace(/\.js$/, ".hbc");
    const compiled = await run(join(HERMES_DIR, "hermesc"), ["-O", "-emit-binary", "-w", "-out", bytecode, file]);
    if (compiled.code !== 0) return "hermesc could not compile the script:\n" + tail(compiled.stderr || compiled.stdout);
    return [bytecode];
  },
);
