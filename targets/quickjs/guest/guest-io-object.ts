/**
 * GuestIOObject: the guest half of one host IO object. Each PlatformIO class in the guest (guest-io.ts) is
 * a thin subclass; this holds the id, forwards calls to the host, and receives the callbacks the host
 * delivers between slices.
 *
 * Example (what guest-io.ts builds on):
 *   const socket = new GuestTCPSocket({ address: "127.0.0.1", port: 1500, onReadable: ..., onError: ... });
 *   socket.read();   // -> __kamaeliaHost.read(id) -> the host's real socket.read(), bytes copied in
 *
 * Behaviour: options are sent to the host as JSON, without the callbacks, which stay here. `close()` is
 * idempotent and silences callbacks at once, as the contract requires; the host also drops any event
 * still queued for a closed id.
 *
 * How it works inside: a table from id to object lets `dispatch` find the callbacks. Typed arrays are
 * looked up behind a typeof guard, as in src/components/protocol/bytes.ts, so the bundle passes the ES5
 * gates; QuickJS always has them.
 */
import { hasOwn } from "../../../src/index";
import type { ExitStatus, IOCallbacks, IOEnd } from "../../../src/index";
import type { HostFunctions } from "./host-functions";

const ByteArray: Uint8ArrayConstructor | undefined = typeof Uint8Array === "function" ? Uint8Array : undefined;
const Buffer_: ArrayBufferConstructor | undefined = typeof ArrayBuffer === "function" ? ArrayBuffer : undefined;

/** Bytes from the host (an ArrayBuffer) as a Uint8Array; anything else unchanged. */
export function fromHost(value: unknown): unknown {
  if (Buffer_ !== undefined && value instanceof Buffer_) return new (ByteArray as Uint8ArrayConstructor)(value);
  return value;
}

/** A Uint8Array's bytes as an ArrayBuffer of exactly its length, for the host. */
export function toHost(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer as ArrayBuffer;
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** The key marking an encoded byte array in thread-port JSON (targets/quickjs/bytes-json.ts). */
const BYTES_KEY = "\u0000bytes";

/** JSON text for a thread-port message, each Uint8Array as one character per byte. */
export function encodeBytesJson(value: unknown): string {
  return JSON.stringify(value, function (_key: string, v: unknown) {
    if (ByteArray === undefined || !(v instanceof ByteArray)) return v;
    let text = "";
    for (let i = 0; i < v.length; i++) text += String.fromCharCode(v[i]);
    const out: { [key: string]: string } = {};
    out[BYTES_KEY] = text;
    return out;
  });
}

/** A thread-port message back from JSON text, byte arrays rebuilt. */
export function decodeBytesJson(text: string): unknown {
  return JSON.parse(text, function (_key: string, v: unknown) {
    if (v === null || typeof v !== "object" || typeof (v as { [key: string]: unknown })[BYTES_KEY] !== "string") return v;
    const chars = (v as { [key: string]: string })[BYTES_KEY];
    const bytes = new (ByteArray as Uint8ArrayConstructor)(chars.length);
    for (let i = 0; i < chars.length; i++) bytes[i] = chars.charCodeAt(i);
    return bytes;
  });
}

/** The options that can cross to the host: everything except functions. */
function hostOptions(options: object): string {
  const out: { [key: string]: unknown } = {};
  const source = options as { [key: string]: unknown };
  for (const key in source) if (hasOwn(source, key) && typeof source[key] !== "function") out[key] = source[key];
  return JSON.stringify(out);
}

type AnyCallbacks = IOCallbacks & { onExit?(status: ExitStatus): void };

/** The live objects by host id. */
const live: { [id: string]: GuestIOObject } = {};

export class GuestIOObject {
  /** The host's id for this object. */
  readonly id: number;
  protected readonly host: HostFunctions;
  private callbacks: AnyCallbacks | null;

  constructor(host: HostFunctions, kind: string, options: object) {
    this.host = host;
    this.callbacks = options as AnyCallbacks;
    this.id = host.open(kind, hostOptions(options));
    live[this.id] = this;
  }

  /** Close on the host and silence callbacks. Idempotent. */
  close(): void {
    if (this.callbacks === null) return;
    this.callbacks = null;
    delete live[this.id];
    this.host.close(this.id);
  }

  /** @internal A callback the host delivered: `type` is readable, writable, error or exit. */
  _deliver(type: string, value: unknown): void {
    const c = this.callbacks;
    if (c === null) return;
    if (type === "readable") {
      if (c.onReadable) c.onReadable(value as number);
    } else if (type === "writable") {
      if (c.onWritable) c.onWritable(value as number);
    } else if (type === "exit") {
      if (c.onExit) c.onExit(value as ExitStatus);
    } else if (c.onError) c.onError(value as IOEnd);
  }
}

/** Deliver one host event to the object with `id`, if it is still open. */
export function deliverEvent(id: number, type: string, value: unknown): void {
  const target = live[id];
  if (target !== undefined) target._deliver(type, value);
}
