/**
 * Node host: the platform interface the core's Scheduler needs, implemented with Node's clock and console.
 *
 * Example:
 *   const host = createNodeHost();
 *   const scheduler = new Scheduler({ host });
 *   host.onWake = () => driver.kick();   // EventLoopDriver does this for you
 *
 * Behaviour: `now()` is `performance.now()` (monotonic); `log` writes errors and warnings to stderr and
 * the rest to stdout; `print` writes program output to stdout as it is; `wake()` calls `onWake` if set.
 * `io` is the desktop IO (node-io.ts).
 * `sleep(ms)` blocks the thread without spinning (Atomics.wait): only the synchronous `runThreads()` and
 * `Handle.get()` use it, while they wait for a `pauseFor` timer — an EventLoopDriver never sleeps.
 */
import type { Host, LogLevel } from "../../src/index";
import { nodeIO } from "./node-io";

/** A Node Host whose wake-ups go to a settable listener. */
export interface NodeHost extends Host {
  /** Called when the scheduler becomes runnable between slices. */
  onWake: (() => void) | null;
}

/** A cell nobody ever notifies: waiting on it is a plain, CPU-free sleep of the calling thread. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Make a Node host; `log` may be replaced, for example to silence or capture kernel messages. */
export function createNodeHost(log?: (level: LogLevel, message: string) => void): NodeHost {
  const host: NodeHost = {
    onWake: null,
    io: nodeIO,
    now: () => performance.now(),
    log:
      log ||
      ((level, message) => {
        if (level === "error" || level === "warn") console.error("[kamaelia " + level + "] " + message);
        else console.log("[kamaelia " + level + "] " + message);
      }),
    wake: () => {
      if (host.onWake) host.onWake();
    },
    print: (text) => {
      process.stdout.write(text);
    },
    sleep: (ms) => {
      Atomics.wait(sleeper, 0, 0, ms);
    },
  };
  return host;
}
