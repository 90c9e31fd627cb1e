/**
 * Check: the one assertion a trial makes on its result. A benchmark that computes the wrong answer must
 * fail loudly, never report a fast time.
 *
 * Example:
 *   expectEqual(sink.total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
 */

/** The result a benchmark computed was wrong: the pipeline lost, duplicated or skipped messages. */
export class BenchmarkCheckFailed extends Error {
  constructor(what: string, actual: unknown, expected: unknown) {
    super(what + " is " + String(actual) + ", expected " + String(expected) + ": the benchmarked system is broken");
    this.name = "BenchmarkCheckFailed";
  }
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new BenchmarkCheckFailed(what, actual, expected);
}
