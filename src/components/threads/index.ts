/**
 * Threads: components whose work runs on a platform thread, where it may block, built on the platform IO
 * contract's ThreadPort. A thread module's entry point is a ThreadMain taking a ThreadContext: both types
 * are the core's, exported by kamaelia beside these (see threaded-component.ts for a thread module).
 */
export { ThreadedComponent } from "./threaded-component";
export type { ThreadedComponentOptions } from "./threaded-component";
export { ThreadFailed, ThreadMessageNotCloneable } from "./thread-errors";
export { encodeThreadMessage, decodeThreadMessage } from "./thread-messages";
