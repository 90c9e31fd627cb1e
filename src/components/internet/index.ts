/**
 * Internet components: network adaptors built on the platform IO contract (core io/), so they run on every
 * target whose host offers the IO classes they need.
 */
export { Selector, SELECTOR_SERVICE } from "./selector";
export type { Readiness, Watch } from "./readiness";
export { IONotAvailable, IOFailed, needIO } from "./io-errors";
export type { IOError, IOErrorClass } from "./io-errors";
