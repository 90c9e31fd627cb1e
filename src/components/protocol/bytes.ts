/**
 * Bytes: the one place the byte-level framers reach for typed arrays. The constructor is looked up once,
 * behind a `typeof` guard, so the bundle still loads on engines without typed arrays (mujs) and still
 * passes a plain ES5 check; there, using a byte framer fails with an error saying why.
 *
 * Example:
 *   const frame = newBytes(5);          // a Uint8Array of 5 zero bytes
 *   if (isBytes(chunk)) ...             // chunk is a Uint8Array (Node's Buffer included)
 */
import { AxonError } from "../../core/index";

const ByteArray: Uint8ArrayConstructor | undefined = typeof Uint8Array === "function" ? Uint8Array : undefined;

/** A new zero-filled Uint8Array of `length` bytes; throws a clear AxonError where typed arrays are missing. */
export function newBytes(length: number): Uint8Array {
  if (ByteArray === undefined) {
    throw new AxonError("this engine has no typed arrays (Uint8Array): the length-prefix framers need them");
  }
  return new ByteArray(length);
}

/** True for a Uint8Array (or a subclass, such as Node's Buffer). */
export function isBytes(value: unknown): value is Uint8Array {
  return ByteArray !== undefined && value instanceof ByteArray;
}
