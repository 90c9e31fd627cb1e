/**
 * What a guest script sees: the kernel bundle's global `Kamaelia`, the engine's `print`, the input the
 * device suite prepends (`__INPUT`), and whichever clock and memory probes the engine offers.
 */
declare const Kamaelia: typeof import("../../src/index");

type MainLoop = import("../../src/index").MainLoop;
type ShutdownMessage = import("../../src/index").ShutdownMessage;
type AnyComponent = import("../../src/index").AnyComponent;

/** The sizes of this run, prepended by the device suite as `var __INPUT = {...};`. */
interface GuestInput {
  /** Messages (linear), hops (ring) or components (idle) per trial. */
  work: number;
  /** Ring size (ring only). */
  size: number;
  warmups: number;
  repetitions: number;
}
declare const __INPUT: GuestInput;

declare function print(...args: unknown[]): void;
/** QuickJS host clock (performance.now() on the host), when present. */
declare const hostNow: (() => number) | undefined;
/** QuickJS host memory probe (runtime memory_used_size), when the suite asks for it. */
declare const hostMemoryUsed: (() => number) | undefined;
/** Hermes's CLI: a full collection. */
declare const gc: (() => void) | undefined;
/** Hermes's CLI: heap statistics. */
declare const HermesInternal: { getInstrumentedStats?: () => { js_allocatedBytes: number } } | undefined;
