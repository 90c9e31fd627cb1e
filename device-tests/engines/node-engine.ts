/**
 * Node: the same script in a fresh `node:vm` context whose only extra global is `print`, with a time limit,
 * so the bundle sees no Node API — as on a device.
 */
import vm from "node:vm";
import type { Engine, ScriptRun } from "./engine";

const TIME_LIMIT_MS = 120000;

export const node: Engine = {
  id: "node",
  label: "Node",
  unavailable: () => null,
  version: () => process.version.replace(/^v/, ""),
  runScript(script: string, name: string): Promise<ScriptRun> {
    const lines: string[] = [];
    const context = vm.createContext({ print: (...args: unknown[]) => lines.push(...args.map(String).join(" ").split("\n")) });
    try {
      vm.runInContext(script, context, { filename: name + ".js", timeout: TIME_LIMIT_MS });
      return Promise.resolve({ lines });
    } catch (error) {
      const e = error as { name?: string; message?: string };
      return Promise.resolve({ lines, engineError: (e && e.message ? (e.name || "Error") + ": " + e.message : String(error)) });
    }
  },
};
