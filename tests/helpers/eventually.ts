/**
 * eventually: wait on the event loop until a condition holds, for tests with real sockets, threads or
 * processes, where things happen when the platform gets to them. Fails with what it was waiting for.
 */

/** Resolve once `test()` is true; reject with "timed out waiting for <what>" after `ms`. */
export async function eventually(test: () => boolean, what: string, ms = 15000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error("timed out waiting for " + what);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
