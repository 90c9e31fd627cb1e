/**
 * Thread messages: how Axon's shutdown messages cross into and out of a thread. Only structured-cloneable
 * data crosses (thread-port.ts), and a clone of a `producerFinished` would arrive as a plain object that no
 * `instanceof` recognises; so both sides encode before crossing and rebuild after.
 *
 * Example:
 *   port.write("control", encodeThreadMessage(producerFinished(this)));   // the scheduler's side
 *   const m = decodeThreadMessage(data);                                 // the thread's side
 *   if (isShutdownMessage(m)) ...                                        // true again
 *
 * Behaviour:
 * - `producerFinished(caller, message)` crosses as plain data; it is rebuilt with the caller's name (a
 *   component cannot cross) and the same `message`, which must itself be cloneable (an IOEnd is).
 * - `shutdownMicroprocess(...)` is rebuilt without its list of microprocesses (components cannot cross).
 * - Everything else passes through unchanged: the platform clones it.
 * - The rebuilt messages are instances of the classes of the copy of kamaelia that decodes them, so a
 *   thread module must import kamaelia from the same place as the worker side (see ThreadedComponent).
 *
 * How it works inside: an encoded message is a plain object with one marker field naming the Ipc type.
 */
import { ProducerFinished, ShutdownMicroprocess } from "../../core/index";

/** The marker field of an encoded Ipc message; unlikely in anyone's own data. */
const MARK = "__kamaeliaIpc";

/** A caller as it can cross: a component (anything with a string `name`) by name, functions not at all. */
function crossingCaller(caller: unknown): unknown {
  if (typeof caller === "function") return undefined;
  if (caller !== null && typeof caller === "object" && typeof (caller as { name?: unknown }).name === "string") {
    return (caller as { name: string }).name;
  }
  return caller;
}

/** `message` as plain data that the platform can clone, with shutdown messages marked for rebuilding. */
export function encodeThreadMessage(message: unknown): unknown {
  if (message instanceof ProducerFinished) {
    const encoded: { [field: string]: unknown } = { caller: crossingCaller(message.caller), message: message.message };
    encoded[MARK] = "producerFinished";
    return encoded;
  }
  if (message instanceof ShutdownMicroprocess) {
    const encoded: { [field: string]: unknown } = {};
    encoded[MARK] = "shutdownMicroprocess";
    return encoded;
  }
  return message;
}

/** The message `data` was encoded from: shutdown messages rebuilt as this side's classes. */
export function decodeThreadMessage(data: unknown): unknown {
  if (data === null || typeof data !== "object") return data;
  const kind = (data as { [field: string]: unknown })[MARK];
  if (kind === "producerFinished") {
    const fields = data as { caller: unknown; message: unknown };
    return new ProducerFinished(fields.caller, fields.message);
  }
  if (kind === "shutdownMicroprocess") return new ShutdownMicroprocess();
  return data;
}
