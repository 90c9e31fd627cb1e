/**
 * MarshallingError: the one error of the marshalling family — a value that could not be turned into text,
 * text that could not be turned back, or a MimeDict header that cannot be written.
 *
 * Example:
 *   // A Marshaller whose codec throws sends one of these on "signal" and carries on:
 *   if (message instanceof MarshallingError) log(message.message, message.input, message.cause);
 *   // MimeDict misuse throws one at once:
 *   dict.add("Bad Name", "x");      // MarshallingError: not a header name (space)
 *
 * Behaviour: `instanceof MarshallingError` and `instanceof AxonError` both hold on every engine. `input` is
 * the message that failed (when there was one) and `cause` what the codec threw. Likely causes: the input
 * is not in the codec's format (corrupt, truncated, or a different protocol), the input is of a different
 * type than the codec expects (a string where a MimeDict was meant), or a header name or value that a
 * MimeDict cannot write back unchanged.
 *
 * How it works inside: the kernel's errors pattern (errors.ts): a plain constructor function whose
 * prototype chain runs through AxonError.prototype, because `class X extends Error` loses `instanceof`
 * once downlevelled to ES5 and mujs has no `Object.setPrototypeOf`.
 */
import { AxonError } from "../../core/index";

/** A marshalling failure: what failed (`input`) and why (`cause`). */
export interface MarshallingError extends AxonError {
  /** The message or value that could not be converted, if there was one. */
  readonly input: unknown;
  /** What the codec threw, if anything. */
  readonly cause: unknown;
}

/** Constructor type of MarshallingError. */
export interface MarshallingErrorClass {
  new (message: string, input?: unknown, cause?: unknown): MarshallingError;
  readonly prototype: MarshallingError;
}

export const MarshallingError: MarshallingErrorClass = function (
  this: { message: string; input: unknown; cause: unknown; stack?: string },
  message: string,
  input?: unknown,
  cause?: unknown,
) {
  this.message = message;
  this.input = input;
  this.cause = cause;
  // Engines differ on whether `stack` is writable (Duktape's is an accessor), so a failure here is fine.
  try {
    const stack = new Error(message).stack;
    if (stack) this.stack = stack.indexOf("Error") === 0 ? "MarshallingError" + stack.slice(5) : stack;
  } catch (ignored) {
    // no stack on this engine
  }
} as unknown as MarshallingErrorClass;

const proto = Object.create(AxonError.prototype);
proto.constructor = MarshallingError;
proto.name = "MarshallingError";
(MarshallingError as unknown as { prototype: object }).prototype = proto;

/** A short description of what a codec threw, for an error message; never throws itself. */
export function describeCause(cause: unknown): string {
  try {
    if (cause && typeof cause === "object" && "message" in cause) {
      const e = cause as { name?: unknown; message?: unknown };
      return String(e.name || "Error") + ": " + String(e.message);
    }
    return String(cause);
  } catch (ignored) {
    return "(a value that cannot be shown)"; // e.g. an object with no prototype and so no toString
  }
}
