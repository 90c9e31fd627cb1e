/**
 * CallbackRecorder: the callbacks an IO object is given, recording each call, for tests of the desktop IO
 * classes. `during(fn)` runs the test's own call (read, write, close) and notes any callback made while it
 * runs — the contract forbids that. `until(test)` waits, on the real event loop, for a condition (checked after each callback and
 * every few milliseconds).
 */
import type { ExitStatus, IOEnd } from "../../../src/index";

export type Call = { kind: "readable" | "writable"; count: number } | { kind: "error"; end: IOEnd } | { kind: "exit"; status: ExitStatus };

export class CallbackRecorder {
  calls: Call[] = [];
  /** Callbacks made synchronously inside one of the owner's calls (must stay empty). */
  reentrant: Call[] = [];
  private inside = false;
  private waiters: Array<() => void> = [];

  readonly onReadable = (count: number): void => this.record({ kind: "readable", count });
  readonly onWritable = (count: number): void => this.record({ kind: "writable", count });
  readonly onError = (end: IOEnd): void => this.record({ kind: "error", end });
  readonly onExit = (status: ExitStatus): void => this.record({ kind: "exit", status });

  /** Run one of the owner's calls, noting callbacks made inside it. */
  during<T>(call: () => T): T {
    this.inside = true;
    try {
      return call();
    } finally {
      this.inside = false;
    }
  }

  /** The ends reported so far. */
  ends(): IOEnd[] {
    const found: IOEnd[] = [];
    for (const c of this.calls) if (c.kind === "error") found.push(c.end);
    return found;
  }

  count(kind: Call["kind"]): number {
    return this.calls.filter((c) => c.kind === kind).length;
  }

  /** Resolves once `test()` is true (checked now and after every callback), or rejects after `ms`. */
  until(test: () => boolean, what: string, ms = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (test()) return resolve();
      // Also polled, for conditions no callback announces (such as a dropped datagram being counted).
      const poll = setInterval(() => check(), 5);
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error("timed out waiting for " + what));
      }, ms);
      let done = false;
      const check = (): void => {
        if (done) return;
        if (test()) {
          done = true;
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        } else if (this.waiters.indexOf(check) < 0) this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  private record(call: Call): void {
    this.calls.push(call);
    if (this.inside) this.reentrant.push(call);
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

/** Resolves after a turn of the event loop (lets already-due callbacks run). */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
