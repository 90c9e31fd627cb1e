/**
 * UDP in the platform IO contract: a datagram socket, which may also join a multicast group.
 *
 * Example:
 *   const socket = new io.UDPSocket({ port: 1600, multicast: { group: "224.168.2.9" }, onReadable: ... });
 *   socket.write(bytes, "224.168.2.9", 1600);
 *   const datagram = socket.read();   // { address, port, data } or undefined
 *
 * Behaviour (beyond io-callbacks.ts): datagrams are kept whole and in arrival order; when more than
 * `readLimit` datagrams wait unread, the newest arrivals are dropped (UDP may lose datagrams anyway) and
 * counted in `dropped`. `write` sends one datagram. Binding may take the platform a moment: the first
 * `onWritable` says the socket is bound (and has joined its group), and `port` is 0 until then.
 *
 * How it works inside: types only.
 */
import type { IOCallbacks } from "./io-callbacks";

/** One received datagram. */
export interface Datagram {
  /** Sender's address. */
  readonly address: string;
  /** Sender's port. */
  readonly port: number;
  /** The payload. */
  readonly data: Uint8Array;
}

/** Multicast membership for a UDP socket. */
export interface MulticastOptions {
  /** Group address to join, such as `224.168.2.9`. */
  group: string;
  /** Local interface address to join on; default chosen by the platform. */
  interfaceAddress?: string;
  /** Receive our own datagrams sent to the group (default true, which loopback tests need). */
  loopback?: boolean;
  /** Hops a sent datagram may travel (default 1: the local network). */
  ttl?: number;
}

/** How to make a UDP socket. */
export interface UDPSocketOptions extends IOCallbacks {
  /** Local port; 0 or absent picks a free one. */
  port?: number;
  /** Local address to bind; default all interfaces. */
  address?: string;
  /** Share the port with other sockets (needed for several multicast receivers on one host). */
  reuseAddress?: boolean;
  /** Join a multicast group. */
  multicast?: MulticastOptions;
  /** Datagrams held unread before new arrivals are dropped. Default 1024. */
  readLimit?: number;
}

/** A bound UDP socket. */
export interface UDPSocket {
  /** The next datagram, or `undefined` if none is waiting. */
  read(): Datagram | undefined;
  /** Send one datagram to `address`:`port`; false when the platform cannot take it now. */
  write(data: Uint8Array, address: string, port: number): boolean;
  /** Close and leave any group; callbacks stop. Idempotent. */
  close(): void;
  /** The local port actually bound (0 until the first `onWritable`). */
  readonly port: number;
  /** Datagrams dropped because `readLimit` were waiting unread. */
  readonly dropped: number;
}
