/**
 * Thread errors: what a ThreadedComponent crashes with when its thread fails, or when a message cannot
 * cross to it. Each names the component and the likely causes.
 *
 * Example:
 *   const scheduler = new Scheduler({ host, hooks: { onError(error, component) {
 *     if (error instanceof ThreadFailed) log(error.component + ": " + error.errorName + ": " + error.errorMessage);
 *   } } });
 *
 * Behaviour: both are `instanceof AxonError`. A ThreadedComponent throws them from its main loop, so the
 * component crashes (hooks.onError receives the error, the rest of the system runs on) and its parent can
 * read `child.error`.
 *
 * How it works inside: the kernel's technique (src/core/errors.ts), repeated as io-errors.ts does: plain
 * constructor functions whose prototype chain runs through AxonError to Error, so `instanceof` works once
 * downlevelled to ES5 on every engine.
 */
import { AxonError } from "../../core/index";
import type { IOEndCode, ThreadEnd } from "../../core/index";

/** A thread's failure, as the scheduler sees it. */
export interface ThreadFailed extends AxonError {
  /** The ThreadedComponent whose thread failed, such as `Hasher_7`. */
  readonly component: string;
  /** The thread's module, as the component was given it. */
  readonly module: string;
  /** How the thread port ended: `failed`, or `not-found` when the module is not there. */
  readonly code: IOEndCode;
  /** The name of what the thread threw (`RangeError`), or the port's end code when nothing was thrown. */
  readonly errorName: string;
  /** Its message. */
  readonly errorMessage: string;
  /** Its stack inside the thread, or "". */
  readonly errorStack: string;
}

/** A message that cannot cross to a thread. */
export interface ThreadMessageNotCloneable extends AxonError {
  readonly component: string;
  /** The inbox it was for: `inbox` or `control`. */
  readonly box: string;
}

interface ThreadErrorClass<Args extends unknown[], E> {
  new (...args: Args): E;
  readonly prototype: E;
}

function defineThreadError<Args extends unknown[], E>(name: string, fill: (self: { [field: string]: unknown }, args: Args) => void): ThreadErrorClass<Args, E> {
  const Kind = function (this: { [field: string]: unknown }) {
    fill(this, Array.prototype.slice.call(arguments) as unknown as Args);
  } as unknown as ThreadErrorClass<Args, E>;
  const proto = Object.create(AxonError.prototype);
  proto.constructor = Kind;
  proto.name = name;
  (Kind as unknown as { prototype: object }).prototype = proto;
  return Kind;
}

/**
 * The thread of a ThreadedComponent failed. Likely causes: its `main` threw (the thread's own stack is in
 * `errorStack` and in `stack`); the module path or export name does not resolve (relative paths are taken
 * from the process's working directory: pass an absolute path or a file URL); the thread sent data that
 * cannot be cloned (functions, components); or the thread ended the worker itself (process.exit).
 */
export const ThreadFailed: ThreadErrorClass<[component: string, module: string, end: ThreadEnd], ThreadFailed> = defineThreadError(
  "ThreadFailed",
  (self, a: [string, string, ThreadEnd]) => {
    const end = a[2];
    // A Worker that died without throwing (process.exit, out of memory) has only the port's own words.
    const thrown = end.thrown || { name: end.code, message: end.message, stack: "" };
    self.component = a[0];
    self.module = a[1];
    self.code = end.code;
    self.errorName = thrown.name;
    self.errorMessage = thrown.message;
    self.errorStack = thrown.stack;
    self.message = a[0] + "'s thread (" + a[1] + ") failed: " + thrown.name + ": " + thrown.message;
    // The thread's own frames are the useful ones: show them under this error's line.
    const frames = thrown.stack.indexOf("\n") >= 0 ? thrown.stack.slice(thrown.stack.indexOf("\n")) : "";
    self.stack = "ThreadFailed: " + self.message + frames;
  },
);

/**
 * A message for a ThreadedComponent's thread cannot be cloned across. Likely causes: it is or holds a
 * function, a component, a promise or a host object; send plain data (objects, arrays, strings, numbers,
 * byte arrays) instead. Class instances cross as plain objects, without their methods.
 */
export const ThreadMessageNotCloneable: ThreadErrorClass<[component: string, box: string, reason: string], ThreadMessageNotCloneable> = defineThreadError(
  "ThreadMessageNotCloneable",
  (self, a: [string, string, string]) => {
    self.component = a[0];
    self.box = a[1];
    self.message = a[0] + ": a message for its thread's " + a[1] + " cannot cross to the thread (" + a[2] + "): only cloneable data crosses";
    try {
      self.stack = new Error(self.message as string).stack;
    } catch (ignored) {
      // no stack on this engine
    }
  },
);
