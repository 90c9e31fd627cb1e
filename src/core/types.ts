/**
 * Types: the kernel's shared vocabulary — the host interface, the hooks object, what `main()` may yield,
 * and the box-table types that make box names and message types checkable by the compiler.
 *
 * Example:
 *   type EchoIn = { inbox: string; control: ShutdownMessage };
 *   class Echo extends Component<EchoIn, { outbox: string; signal: ShutdownMessage }> {
 *     static override Inboxes: BoxDescriptions<EchoIn> = { inbox: "text to echo", control: "shutdown" };
 *     ...
 *   }
 *
 * How it works inside: nothing here exists at run time except the numeric constants.
 */
import type { NewComponent, WaitComplete } from "./ipc";
import type { PlatformIO } from "./io/index";

/** How a log line matters. */
export type LogLevel = "error" | "warn" | "info" | "debug";

/**
 * What the kernel needs from the platform it runs on. The core never touches host globals; a target passes
 * one of these to its Scheduler. Every member but `now` is optional.
 */
export interface Host {
  /** Milliseconds on a clock that never goes backwards. Timers (`pauseFor`) are measured on it. */
  now(): number;
  /** Receives the kernel's log lines, such as a component crash when no `onError` hook is set. */
  log?(level: LogLevel, message: string): void;
  /**
   * Called when a scheduler that is between slices becomes runnable again (a delivery from outside, such as
   * a socket callback, woke a component). An event-loop driver schedules a `runSlice` in response.
   */
  wake?(): void;
  /** Block for `ms` milliseconds; lets `runThreads` wait for a timer without spinning on hosts with no loop. */
  sleep?(ms: number): void;
  /** Write program output (ConsoleEchoer uses it): stdout on a desktop, the console or screen elsewhere. */
  print?(text: string): void;
  /**
   * The platform's IO classes (sockets, files, processes, threads; see io/platform-io.ts). Network, file,
   * process and thread components find them here; a host without IO leaves it out.
   */
  io?: PlatformIO;
}

/** Anything the scheduler runs, as hooks and introspection see it. */
export interface Runnable {
  /** Unique readable name, such as `Echo_7`. */
  readonly name: string;
  /** Activation order number, unique per process. */
  readonly id: number;
}

/**
 * The one extension seam: tracing, error reporting and instrumentation. Each member is optional. Hooks run
 * inside the scheduler; one that throws is reported through `host.log` and otherwise ignored.
 */
export interface Hooks {
  /** A microprocess was activated. */
  onActivate?(who: Runnable): void;
  /** A microprocess ended, normally, by `stop()`, or by crashing (then `onError` ran first). */
  onFinish?(who: Runnable): void;
  /** A microprocess's `main()` threw. It has been removed; the rest of the system runs on. */
  onError?(error: unknown, who: Runnable): void;
}

/**
 * What `main()` may yield: a truthy number or `true` hands control back to the scheduler (Axon's
 * `yield 1`), `NewComponent` activates components, `WaitComplete` runs a sub-generator first. Falsy
 * yields are reserved and end the component with a `ReservedYield` error.
 */
export type YieldValue = number | boolean | NewComponent | WaitComplete;

/** The type of every `main()` and of every generator passed to `WaitComplete`. */
export type MainLoop<Return = void> = Generator<YieldValue, Return, unknown>;

/** Box name → human description: the box table that is also the component's interface documentation. */
export type BoxDescriptions<Boxes> = { readonly [Name in keyof Boxes]: string };

/** Box name → message type. `any` leaves a box untyped (the opt-out). */
export type BoxTypes = object;

/* eslint-disable @typescript-eslint/no-explicit-any -- the untyped defaults are the documented opt-out */
/** Default inboxes: `inbox` for data, `control` for shutdown messages. Untyped unless a component says. */
export type DefaultInboxes = { inbox: any; control: any };
/** Default outboxes: `outbox` for data, `signal` for shutdown messages. Untyped unless a component says. */
export type DefaultOutboxes = { outbox: any; signal: any };
/* eslint-enable @typescript-eslint/no-explicit-any */

/** `runSlice` result: there is runnable work; call again soon. */
export const SLICE_BUSY = 0;
/** `runSlice` result: every live component is paused and no timer is set; wait for `host.wake()`. */
export const SLICE_IDLE = -1;
/** `runSlice` result: no live components remain. (A positive result is the milliseconds to the next timer.) */
export const SLICE_DONE = -2;

/** Linkage kind: outbox → inbox, the ordinary linkage between siblings. */
export const LINK_NORMAL = 0;
/** Linkage kind: inbox → inbox, a parent's inbox passing through to a child's (Axon's `passthrough=1`). */
export const LINK_INBOX_PASSTHROUGH = 1;
/** Linkage kind: outbox → outbox, a child's outbox passing through to its parent's (Axon's `passthrough=2`). */
export const LINK_OUTBOX_PASSTHROUGH = 2;

/** One of the three linkage kinds above. */
export type Passthrough = 0 | 1 | 2;
