/**
 * bytesOf: a message on its way to a file, a process or the network, as bytes — what the file, process
 * and UDP components accept on their inboxes.
 *
 * Example:
 *   bytesOf("héllo", this.name)      // the UTF-8 bytes
 *   bytesOf(chunk, this.name)        // a Uint8Array (Node's Buffer too), as it is
 *   bytesOf(42, this.name)           // AxonError: "WriteFileAdaptor_4 can only send ... but got number"
 *
 * Behaviour: a string becomes its UTF-8 bytes, a Uint8Array is returned as it is, and anything else is a
 * wiring mistake: an AxonError naming the component and what it got, which crashes that component.
 */
import { AxonError } from "../../core/index";
import { isBytes } from "../protocol/bytes";
import { encodeUtf8 } from "./utf8";

/** `message` as bytes: strings as UTF-8; anything else is a wiring mistake, reported as `who`'s. */
export function bytesOf(message: unknown, who: string): Uint8Array {
  if (typeof message === "string") return encodeUtf8(message);
  if (isBytes(message)) return message;
  const what = message === null ? "null" : Array.isArray(message) ? "an array" : typeof message;
  throw new AxonError(who + " can only send Uint8Array bytes or strings, but got " + what);
}
