// Types for scripts/bundle-scan.mjs, so the TypeScript tests can import the scans.

/** The committed engine table (scripts/engine-features.json), written by scripts/probe-engine-features.mjs. */
export type EngineFeatures = {
  /** Engine name → the version measured ("Duktape": "2.7.0"). */
  engines: { [engine: string]: string };
  /** Engine name → where that engine came from and how it was run. */
  measuredWith?: { [engine: string]: string };
  /** Feature name → the engines that lack it ([] when every engine has it). */
  missing: { [feature: string]: string[] };
};

export declare const ENGINE_FEATURES: EngineFeatures;

/** Module syntax and forbidden host globals in a bundle's text, each as `what at line N`. */
export declare function scanForHostReach(text: string): { moduleSyntax: string[]; globals: string[] };

/** Unguarded ES2015+ built-ins some engine lacks, as `feature at line N: missing on engine version, …`. */
export declare function scanForFeatures(text: string, table?: EngineFeatures): string[];
