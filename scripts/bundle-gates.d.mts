// Types for scripts/bundle-gates.mjs, so the TypeScript tests can call the gate runner.
import type { EngineFeatures } from "./bundle-scan.mjs";

export declare const BUDGET_DOC: string;
export declare const ES5_BUNDLES: string[];

/** Bundle path (as written in the table) → gzip budget in bytes. */
export declare function readBudgets(markdown: string): { [bundle: string]: number };
export declare function gzipSize(bytes: Uint8Array): number;
/** A failure message naming bundle, size, budget and excess, or undefined within budget. */
export declare function checkBudget(bundle: string, size: number, budget: number): string | undefined;
/** Every gate failure for the bundles at `files`; [] when all pass. */
export declare function runGates(files: string[], options?: { budgets?: { [bundle: string]: number }; table?: EngineFeatures }): string[];
/** Prints the outcome and returns the exit status (0 or 1). */
export declare function reportGates(files: string[], failures: string[]): number;
