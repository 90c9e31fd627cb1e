/**
 * Heap: V8's heapUsed after full collections, for bytes-per-object measurements. Needs `--expose-gc`
 * (both suites' scripts pass it to the child that measures); without it the measurement is refused rather
 * than reported wrong.
 */
export function heapUsedAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("memory measurements need node --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
