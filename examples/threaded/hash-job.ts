/**
 * The hasher's thread: for each file path on its inbox, read the file and hash it, synchronously, then
 * sleep `slowMs` as if the disk were a slow card — a job that blocks and cannot be cut into small steps.
 * It runs in its own worker thread (loaded by ThreadedComponent), so blocking here stalls nothing else.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isShutdownMessage } from "kamaelia";
import type { ThreadContext } from "kamaelia";

/** A cell nobody notifies: waiting on it is a plain blocking sleep of this thread. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function main(thread: ThreadContext): void {
  const { slowMs } = thread.args as { slowMs: number };
  for (;;) {
    while (thread.dataReady()) {
      const path = thread.recv() as string;
      const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
      Atomics.wait(sleeper, 0, 0, slowMs);
      thread.send(digest + "  " + path);
    }
    if (thread.dataReady("control")) {
      const message = thread.recv("control");
      if (isShutdownMessage(message)) {
        thread.send(message, "signal");
        return;
      }
    }
    thread.pause();
  }
}
