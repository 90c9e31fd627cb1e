/**
 * ConnectionLimit: why a server closed one connection on its own — a limit it was given was exceeded.
 *
 * Example:
 *   // in a protocol handler, on control:
 *   const m = this.recv("control");
 *   if (m instanceof ProducerFinished && m.message instanceof ConnectionLimit) note(m.message.limit);
 *
 * Behaviour: it travels as the `message` of the `producerFinished` a ConnectedSocketAdapter sends when it
 * closes its connection for a limit (and the same words go to the host's log). `limit` names the option:
 * - `maxBufferedBytes`: the peer does not read what is sent to it, and more than that many bytes waited
 *   for it. Likely causes: a client that stopped reading, or a protocol that sends faster than the link.
 * - `idleTimeoutMs`: no byte went either way for that long. Likely causes: a client that went away without
 *   closing (a dropped network), or one that keeps a connection open doing nothing.
 * - `maxConnections`: the server already had that many connections, so this one was closed at once.
 * It is `instanceof AxonError`.
 *
 * How it works inside: the kernel's technique (src/core/errors.ts), repeated because its helper is not
 * exported: a plain constructor function whose prototype chain runs through AxonError to Error.
 */
import { AxonError } from "../../core/index";

/** The limit options a server enforces per connection. */
export type ConnectionLimitName = "maxBufferedBytes" | "idleTimeoutMs" | "maxConnections";

/** A connection closed for a limit: which one, its value, and who closed it. */
export interface ConnectionLimit extends AxonError {
  /** The component that closed the connection, such as `ConnectedSocketAdapter_12`. */
  readonly component: string;
  /** Which limit. */
  readonly limit: ConnectionLimitName;
  /** The limit's value (bytes, milliseconds or connections). */
  readonly value: number;
  /** The peer, as `address:port`. */
  readonly peer: string;
}

/** Makes ConnectionLimit errors; `instanceof` works on every engine. */
export interface ConnectionLimitClass {
  new (component: string, peer: string, limit: ConnectionLimitName, value: number): ConnectionLimit;
  readonly prototype: ConnectionLimit;
}

/** The reason in words, for the message. */
function reason(limit: ConnectionLimitName, value: number): string {
  if (limit === "maxBufferedBytes") return "more than " + value + " bytes waited for a peer that is not reading";
  if (limit === "idleTimeoutMs") return value + " ms passed with no byte either way";
  return value + " connections were open already";
}

export const ConnectionLimit: ConnectionLimitClass = (function () {
  const Kind = function (this: { [field: string]: unknown }, component: string, peer: string, limit: ConnectionLimitName, value: number) {
    this.component = component;
    this.peer = peer;
    this.limit = limit;
    this.value = value;
    this.message = component + " closed the connection from " + peer + ": " + reason(limit, value) + " (" + limit + " " + value + ")";
  } as unknown as ConnectionLimitClass;
  const proto = Object.create(AxonError.prototype);
  proto.constructor = Kind;
  proto.name = "ConnectionLimit";
  (Kind as unknown as { prototype: object }).prototype = proto;
  return Kind;
})();
