/**
 * IO errors: what network, file, process and thread components report when the platform lacks what they
 * need, or when the IO object under them ends badly. Each says which component, where, and why.
 *
 * Example:
 *   // downstream of a TCPClient, on the control inbox its signal feeds:
 *   const m = this.recv("control");
 *   if (m instanceof ProducerFinished && m.message instanceof IOFailed) log(m.message.code + ": " + m.message.message);
 *
 * Behaviour:
 * - IONotAvailable is thrown (the component crashes, reported through hooks.onError) when the host has no
 *   `io`, or its `io` lacks the class the component needs: a set-up mistake, not an operational failure.
 * - IOFailed travels as the `message` of the `producerFinished` a component sends when its IO object
 *   ended other than in order (refused, reset, not found...); an orderly end (`closed`) sends a plain
 *   `producerFinished` whose message is the IOEnd itself.
 * Every one is `instanceof AxonError`.
 *
 * How it works inside: the kernel's technique (src/core/errors.ts), repeated because its helper is not
 * exported: plain constructor functions whose prototype chain runs through AxonError to Error, so
 * `instanceof` works once downlevelled to ES5 on every engine.
 */
import { AxonError } from "../../core/index";
import type { IOEnd, IOEndCode, IOKind, PlatformIO } from "../../core/index";

/** An IO error: an AxonError with the component's name and the IOEnd code (or "failed"). */
export interface IOError extends AxonError {
  /** The component that met it, such as `TCPClient_7`. */
  readonly component: string;
  /** Why, in the contract's words (io-callbacks.ts). */
  readonly code: IOEndCode;
}

/** A constructor for one kind of IO error; `instanceof` works on every engine. */
export interface IOErrorClass<Args extends unknown[]> {
  new (...args: Args): IOError;
  readonly prototype: IOError;
}

function defineIOError<Args extends unknown[]>(
  name: string,
  build: (...args: Args) => [message: string, component: string, code: IOEndCode],
): IOErrorClass<Args> {
  const Kind = function (this: { [field: string]: unknown }) {
    const made = build.apply(null, arguments as unknown as Args);
    this.message = made[0];
    this.component = made[1];
    this.code = made[2];
  } as unknown as IOErrorClass<Args>;
  const proto = Object.create(AxonError.prototype);
  proto.constructor = Kind;
  proto.name = name;
  (Kind as unknown as { prototype: object }).prototype = proto;
  return Kind;
}

/**
 * The host offers no IO, or not the class needed. Likely causes: the scheduler was made without a
 * target's host (use the desktop EventLoopDriver or `createNodeHost()`, or the QuickJS bridge), or this
 * target does not offer that kind at all (a browser has no TCP listener).
 */
export const IONotAvailable: IOErrorClass<[component: string, kind: IOKind, target: string]> = defineIOError(
  "IONotAvailable",
  (component: string, kind: IOKind, target: string) => [
    component +
      " needs the platform's " +
      kind +
      (target === "" ? ", but its scheduler's host has no io: run it on a target's host (such as the desktop EventLoopDriver)" : ", which the " + target + " target does not offer"),
    component,
    "failed",
  ],
);

/**
 * An IO object ended badly. `where` says what it was talking to, such as `127.0.0.1:1500`. Likely causes
 * by code: `refused` nothing listens there; `reset` the peer crashed or the network dropped; `not-found`
 * a wrong host name or path; `denied` permissions; `in-use` another program holds the port.
 */
export const IOFailed: IOErrorClass<[component: string, where: string, end: IOEnd]> = defineIOError(
  "IOFailed",
  (component: string, where: string, end: IOEnd) => [component + " (" + where + "): " + end.code + ": " + end.message, component, end.code],
);

/** The host's IO class `kind` for `component`, or IONotAvailable. Call it from inside main(). */
export function needIO<K extends IOKind>(component: { name: string; scheduler: { host: { io?: PlatformIO } } | null }, kind: K): NonNullable<PlatformIO[K]> {
  const io = component.scheduler === null ? undefined : component.scheduler.host.io;
  const found = io === undefined ? undefined : io[kind];
  if (found === undefined) throw new IONotAvailable(component.name, kind, io === undefined ? "" : io.target);
  return found as NonNullable<PlatformIO[K]>;
}
