/**
 * Engine: what every device-test runner provides — its name, whether it is installed here (and how to
 * install it if not), its version, and a way to run one ES5 script and collect what it printed.
 *
 * A script is the shipped bundle, the harness and one case, concatenated; it prints `__RESULT__ <json>`
 * last. `runScript` resolves with the printed lines or an engine error text; it never rejects.
 */

/** What running one script produced. */
export interface ScriptRun {
  /** Every line the script printed. */
  lines: string[];
  /** Set when the engine itself failed: non-zero exit, uncaught error, out of memory, interrupted. */
  engineError?: string;
}

export interface Engine {
  /** Stable id used in the skip list and the table: "node", "quickjs", "quickjs-ng", "hermes", ... */
  readonly id: string;
  /** Column heading, such as "Hermes (bytecode)". */
  readonly label: string;
  /** Null when the engine can run here; otherwise why not and how to install it. */
  unavailable(): string | null;
  /** Version text, such as "2.7.0" (empty when unavailable). */
  version(): string;
  /** Run one complete script. */
  runScript(script: string, name: string): Promise<ScriptRun>;
  /** Release anything held (WASM modules, temp files). */
  close?(): void;
}
