/**
 * Bytes in JSON: how thread-port messages, which may hold Uint8Arrays (a threaded socket's data), cross
 * between the host and a QuickJS guest as JSON text. A Uint8Array becomes `{ "\u0000bytes": "<latin1>" }`,
 * one character per byte, which JSON escapes compactly; the guest side (guest/guest-io-object.ts) does the
 * same in ES5.
 *
 * Example:
 *   decodeBytesJson(encodeBytesJson({ box: "outbox", message: new Uint8Array([104, 105]) }))
 */

/** The key marking an encoded byte array. */
export const BYTES_KEY = "\u0000bytes";

/** JSON text for `value`, with every Uint8Array encoded. */
export function encodeBytesJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_KEY]: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("latin1") } : v));
}

/** The value back from `encodeBytesJson` text, byte arrays rebuilt. */
export function decodeBytesJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && typeof (v as { [BYTES_KEY]?: unknown })[BYTES_KEY] === "string") {
      return new Uint8Array(Buffer.from((v as { [BYTES_KEY]: string })[BYTES_KEY], "latin1"));
    }
    return v;
  });
}
