/**
 * Ipc: the messages components and the scheduler exchange, with Axon's names and fields.
 *
 * Example:
 *   yield newComponent(child);                        // the scheduler activates child
 *   const total = yield WaitComplete(this.count());   // run a sub-generator to its end first
 *   this.send(producerFinished(this), "signal");      // "I have finished producing"
 *   if (msg instanceof ShutdownMicroprocess) ...      // "please stop now"
 *
 * Behaviour: each message type is a constructor that also works without `new`, so Axon's spelling
 * (`yield newComponent(x)`, `yield WaitComplete(gen)`) reads as it does in Python. The lowercase names
 * (`producerFinished`, `shutdownMicroprocess`, `newComponent`, `notify`, `status`) are the same functions as
 * the PascalCase ones, so `msg instanceof producerFinished` works too.
 *
 * The shutdown convention (docs/shutdown.md): a component that receives `ProducerFinished` or
 * `ShutdownMicroprocess` on `control` finishes its work, forwards that message on `signal`, and ends. A
 * source that runs out of data sends `ProducerFinished` on `signal`.
 *
 * How it works inside: plain ES5 constructor functions, typed through interfaces, because a TypeScript
 * class cannot be called without `new`.
 */

/** Marker base: every Ipc message is `instanceof Ipc`. */
export interface Ipc {
  readonly ipcType: string;
}

/** Callable and constructible: `ProducerFinished(x)` and `new ProducerFinished(x)` are the same. */
export interface IpcClass<Args extends unknown[], T extends Ipc> {
  new (...args: Args): T;
  (...args: Args): T;
  readonly prototype: T;
}

function defineIpc<Args extends unknown[], T extends Ipc>(
  ipcType: string,
  // The message is filled before it is typed as T, so its fields are still writable here.
  fill: (message: any, args: Args) => void, // eslint-disable-line @typescript-eslint/no-explicit-any
): IpcClass<Args, T> {
  const IpcKind = function (this: T) {
    const self: T = this instanceof IpcKind ? this : Object.create(IpcKind.prototype);
    fill(self, Array.prototype.slice.call(arguments) as unknown as Args);
    return self;
  } as unknown as IpcClass<Args, T>;
  const proto = Object.create(Ipc.prototype);
  proto.constructor = IpcKind;
  proto.ipcType = ipcType;
  (IpcKind as unknown as { prototype: object }).prototype = proto;
  return IpcKind;
}

/** The common base of all Ipc messages (Axon's `ipc`). */
export const Ipc = function Ipc() {} as unknown as { readonly prototype: Ipc };

/** "I have finished producing": sent on `signal` by a source that has run out, forwarded down a chain. */
export interface ProducerFinished extends Ipc {
  /** The component that finished, if it said. */
  readonly caller: unknown;
  /** An optional final word, such as why a connection closed. */
  readonly message: unknown;
}
export const ProducerFinished: IpcClass<[caller?: unknown, message?: unknown], ProducerFinished> = defineIpc(
  "producerFinished",
  (m: { caller: unknown; message: unknown }, a: [unknown?, unknown?]) => {
    m.caller = a[0];
    m.message = a[1];
  },
);

/** "Please stop now": sent on `control`, forwarded on `signal`, then the receiver ends. */
export interface ShutdownMicroprocess extends Ipc {
  /** The microprocesses to shut down, if the sender named any (Axon's `microprocesses()`). */
  microprocesses(): unknown[];
}
export const ShutdownMicroprocess: IpcClass<unknown[], ShutdownMicroprocess> = defineIpc(
  "shutdownMicroprocess",
  (m: { targets: unknown[] }, a: unknown[]) => {
    m.targets = a;
  },
);
ShutdownMicroprocess.prototype.microprocesses = function (this: { targets: unknown[] }) {
  return this.targets;
};

/**
 * Yielded from `main()`: the scheduler activates these components on the parent's scheduler, starting on
 * the next cycle. It does not make them children; call `addChildren` for that.
 */
export interface NewComponent extends Ipc {
  components(): ActivatableLike[];
}
/** What `NewComponent` can carry: anything with an `activate(scheduler)` method. */
export interface ActivatableLike {
  activate(scheduler?: unknown): unknown;
}
/** `newComponent(a, b, c)`, or `newComponent([a, b, c])` — the array form for many components at once. */
export const NewComponent: IpcClass<ActivatableLike[] | [ActivatableLike[]], NewComponent> = defineIpc(
  "newComponent",
  (m: { list: ActivatableLike[] }, a: ActivatableLike[] | [ActivatableLike[]]) => {
    // An array argument spares engines a call with thousands of arguments (mujs overflows its stack).
    m.list = a.length === 1 && a[0] instanceof Array ? a[0] : (a as ActivatableLike[]);
  },
);
NewComponent.prototype.components = function (this: { list: ActivatableLike[] }) {
  return this.list;
};

/**
 * Yielded from `main()`: run `generator` to its end before resuming the caller. Its yields are the caller's
 * yields (it may pause, activate components, or wait on further generators); its return value becomes the
 * value of the caller's `yield`, and an exception it throws is thrown at the caller's `yield`.
 */
export interface WaitComplete extends Ipc {
  readonly generator: Iterator<unknown, unknown, unknown>;
}
export const WaitComplete: IpcClass<[generator: Iterator<unknown, unknown, unknown>], WaitComplete> = defineIpc(
  "WaitComplete",
  (m: { generator: unknown }, a: [unknown]) => {
    m.generator = a[0];
  },
);

/** A general notification carrying a payload (Axon's `notify`; the payload is in `object`). */
export interface Notify extends Ipc {
  readonly caller: unknown;
  readonly object: unknown;
}
export const Notify: IpcClass<[caller: unknown, payload: unknown], Notify> = defineIpc(
  "notify",
  (m: { caller: unknown; object: unknown }, a: [unknown, unknown]) => {
    m.caller = a[0];
    m.object = a[1];
  },
);

/** A status report (Axon's `status`), read with `status()`. */
export interface Status extends Ipc {
  status(): unknown;
}
export const Status: IpcClass<[status: unknown], Status> = defineIpc(
  "status",
  (m: { statusMessage: unknown }, a: [unknown]) => {
    m.statusMessage = a[0];
  },
);
Status.prototype.status = function (this: { statusMessage: unknown }) {
  return this.statusMessage;
};

/** Axon's lowercase spellings: the same constructors. */
export const producerFinished = ProducerFinished;
export const shutdownMicroprocess = ShutdownMicroprocess;
export const newComponent = NewComponent;
export const notify = Notify;
export const status = Status;

/** The messages that mean "finish and pass it on" under the shutdown convention. */
export type ShutdownMessage = ProducerFinished | ShutdownMicroprocess;

/** True for `ProducerFinished` and `ShutdownMicroprocess`: the messages that end a component. */
export function isShutdownMessage(message: unknown): message is ShutdownMessage {
  return message instanceof ProducerFinished || message instanceof ShutdownMicroprocess;
}
