/**
 * Host functions: what the QuickJS host bridge (targets/quickjs/quickjs-host.ts) defines in the guest as
 * the global `__kamaeliaHost`, typed for the guest-side adaptors. This file and its neighbours are the only
 * guest code that knows it runs inside QuickJS.
 *
 * Behaviour: every function is synchronous and served by the host at once. Bytes cross as ArrayBuffers
 * (copied), structured values as plain objects, thread-port messages as JSON text. IO callbacks do not
 * come through here: the host queues them and delivers them between scheduler slices, through
 * `Kamaelia.quickjsGuest.dispatch` (guest-target.ts).
 */

/** The functions the host bridge puts in the guest. */
export interface HostFunctions {
  /** The PlatformIO classes the host offers, comma-separated, such as `TCPSocket,TCPListener`. */
  kinds(): string;
  /** Milliseconds on the host's monotonic clock. */
  now(): number;
  /** A kernel log line. */
  log(level: string, message: string): void;
  /** Program output. */
  print(text: string): void;
  /** The guest scheduler became runnable between slices: the host should run a slice soon. */
  wake(): void;
  /**
   * A component hit a runtime limit (QuickJS's "out of memory" or "interrupted"), which the scheduler would
   * otherwise survive by removing it: the host ends the whole guest once the current entry returns.
   */
  fatal(message: string): void;
  /** Open a host IO object of `kind` (a PlatformIO member name); options as JSON. Returns its id. */
  open(kind: string, optionsJson: string): number;
  /** That object's `read(arg)`: undefined, an ArrayBuffer, or a plain object (bytes in it as ArrayBuffers). */
  read(id: number, arg?: string): unknown;
  /** That object's `write`: `payload` is an ArrayBuffer (bytes) or JSON text (thread messages). */
  write(id: number, payload: ArrayBuffer | string, a?: string | number, b?: number): boolean;
  /** Call a method without a result, such as `end` or `kill`. */
  call(id: number, method: string, arg?: string): void;
  /** Read a property, such as `port` or `remoteAddress`. */
  get(id: number, property: string): unknown;
  /** Close it (idempotent); the host forgets the id. */
  close(id: number): void;
}

declare const __kamaeliaHost: HostFunctions | undefined;

/** The host functions, or null when this bundle is loaded outside the bridge. */
export function hostFunctions(): HostFunctions | null {
  return typeof __kamaeliaHost === "object" && __kamaeliaHost !== null ? __kamaeliaHost : null;
}
