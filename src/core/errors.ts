/**
 * Errors: every error the Axon kernel throws, each naming its likely causes.
 *
 * Example:
 *   try { this.send(frame, "outbox"); }
 *   catch (e) { if (e instanceof NoSpaceInBox) { this.pause(); yield 1; } else throw e; }
 *
 * Behaviour: misuse throws at once in the caller (unknown box, full inbox, duplicate service). Operational
 * failures (a dropped connection, a bad frame) are not errors thrown here; they travel as messages out of a
 * component's `signal` outbox.
 *
 * How it works inside: `class X extends Error` loses `instanceof` once downlevelled to ES5 on every engine,
 * and `Object.setPrototypeOf` is missing on mujs, so each error is a plain constructor function whose
 * prototype chain runs through `AxonError.prototype` to `Error.prototype`. `defineError` builds them.
 */

/** The shape of every kernel error: a standard Error with a stable `name`. */
export interface AxonError extends Error {
  readonly name: string;
  readonly message: string;
}

/** A constructor for one kind of kernel error; `instanceof` works on every engine. */
export interface AxonErrorClass<Args extends unknown[]> {
  new (...args: Args): AxonError;
  readonly prototype: AxonError;
}

function defineError<Args extends unknown[]>(
  name: string,
  base: { prototype: object },
  describe: (...args: Args) => string,
): AxonErrorClass<Args> {
  const AxonErrorKind = function (this: { message: string; stack?: string }) {
    const message = describe.apply(null, arguments as unknown as Args);
    this.message = message;
    // Engines differ on whether `stack` is writable (Duktape's is an accessor), so a failure here is fine.
    try {
      this.stack = new Error(message).stack;
    } catch (ignored) {
      // no stack on this engine
    }
  } as unknown as AxonErrorClass<Args>;
  const proto = Object.create(base.prototype);
  proto.constructor = AxonErrorKind;
  proto.name = name;
  (AxonErrorKind as unknown as { prototype: object }).prototype = proto;
  return AxonErrorKind;
}

/** Base of every kernel error. Catch this to catch them all. */
export const AxonError: AxonErrorClass<[message: string]> = defineError(
  "AxonError",
  Error,
  (message: string) => message,
);

/**
 * A send into a bounded inbox that is full. Likely causes: the consumer is slower than the producer (catch
 * it, `pause()` and `yield`; you are woken when the consumer collects), or the consumer has ended and
 * nobody will ever collect.
 */
export const NoSpaceInBox: AxonErrorClass<[box: string, size: number]> = defineError(
  "NoSpaceInBox",
  AxonError,
  (box: string, size: number) =>
    box + " is full (" + size + " messages): its consumer is slow or has ended. Catch this, pause and yield.",
);

/**
 * A box name that the component does not have. Likely causes: a typo, a box missing from the class's
 * `Inboxes`/`Outboxes` declaration, an adaptive box already deleted, or an inbox used where an outbox was
 * meant (passthrough linkages choose which side is which).
 */
export const BoxNotFound: AxonErrorClass<[owner: string, kind: string, box: string]> = defineError(
  "BoxNotFound",
  AxonError,
  (owner: string, kind: string, box: string) =>
    owner + " has no " + kind + " '" + box + "': check the spelling and its " + kind + " declarations.",
);

/** A `recv` on an empty box. Likely cause: no `dataReady()` check before `recv()`. */
export const EmptyBox: AxonErrorClass<[box: string]> = defineError(
  "EmptyBox",
  AxonError,
  (box: string) => box + " is empty: check dataReady() before recv().",
);

/**
 * A second linkage from one source box. Likely causes: linking the same outbox twice (use a Fanout or
 * Splitter to copy messages to several destinations), or forgetting to unlink the old linkage first.
 */
export const BoxAlreadyLinkedToDestination: AxonErrorClass<[source: string, destination: string]> = defineError(
  "BoxAlreadyLinkedToDestination",
  AxonError,
  (source: string, destination: string) =>
    source + " already feeds " + destination + ": unlink it first, or copy with a Fanout.",
);

/** A linkage that would make a chain loop back on itself, so no final destination exists. */
export const CircularLinkage: AxonErrorClass<[source: string, sink: string]> = defineError(
  "CircularLinkage",
  AxonError,
  (source: string, sink: string) =>
    source + " -> " + sink + " would make a loop with no final inbox.",
);

/**
 * A yield the scheduler does not accept. Falsy yields (`yield`, `yield 0`, `yield null`) are reserved, as in
 * Axon. Likely cause: a bare `yield;` where `yield 1;` was meant.
 */
export const ReservedYield: AxonErrorClass<[component: string, value: string]> = defineError(
  "ReservedYield",
  AxonError,
  (component: string, value: string) =>
    component + " yielded " + value + ": falsy yields are reserved; write 'yield 1'.",
);

/** An operation that needs a live component, or one not yet started. Likely cause: activating twice. */
export const BadComponentState: AxonErrorClass<[component: string, problem: string]> = defineError(
  "BadComponentState",
  AxonError,
  (component: string, problem: string) => component + " " + problem,
);

/** `registerService` under a name already taken. Likely cause: two services started for one role. */
export const ServiceAlreadyExists: AxonErrorClass<[service: string]> = defineError(
  "ServiceAlreadyExists",
  AxonError,
  (service: string) =>
    "service '" + service + "' already exists: retrieve it, or deregister it first.",
);

/** `retrieveService` for a name nobody registered. Likely cause: the service is not started yet, or has ended. */
export const ServiceNotFound: AxonErrorClass<[service: string]> = defineError(
  "ServiceNotFound",
  AxonError,
  (service: string) =>
    "no service '" + service + "': is its provider running yet, or has it ended?",
);

/** `deRegisterService` for a name that is not registered. Likely cause: deregistering twice. */
export const MultipleServiceDeletion: AxonErrorClass<[service: string]> = defineError(
  "MultipleServiceDeletion",
  AxonError,
  (service: string) => "service '" + service + "' is not registered (removed twice?).",
);

/** A service registered with something that is not a component. */
export const BadComponent: AxonErrorClass<[service: string]> = defineError(
  "BadComponent",
  AxonError,
  (service: string) => "service '" + service + "' needs a component with inboxes.",
);

/** A service registered with an inbox its component does not have. */
export const BadInbox: AxonErrorClass<[service: string, component: string, inbox: string]> = defineError(
  "BadInbox",
  AxonError,
  (service: string, component: string, inbox: string) =>
    "service '" + service + "': " + component + " has no inbox '" + inbox + "'.",
);

/** `trackValue` for a name already tracked. Likely cause: two components claiming one value; use updateValue. */
export const NamespaceClash: AxonErrorClass<[name: string]> = defineError(
  "NamespaceClash",
  AxonError,
  (name: string) => "'" + name + "' is already tracked: use updateValue.",
);

/** `updateValue`/`retrieveValue` for a name never tracked. Likely cause: trackValue not called yet. */
export const AccessToUndeclaredTrackedVariable: AxonErrorClass<[name: string]> = defineError(
  "AccessToUndeclaredTrackedVariable",
  AxonError,
  (name: string) => "'" + name + "' is not tracked: call trackValue first.",
);
