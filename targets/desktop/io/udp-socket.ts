/**
 * NodeUDPSocket: the desktop's UDPSocket (src/core/io/udp.ts) on Node's dgram, multicast included.
 *
 * Example:
 *   const socket = new NodeUDPSocket({ port: 0, multicast: { group: "239.255.0.1", interfaceAddress: "127.0.0.1" },
 *     onReadable: () => drain(), onWritable: () => bound(), onError: (end) => failed(end) });
 *   socket.write(bytes, "239.255.0.1", 1600);
 *
 * Behaviour (beyond the contract):
 * - Binding takes Node a moment: `port` is 0 until the first `onWritable`, which says the socket is bound
 *   (and has joined its group). Datagrams written before then are sent once it is bound.
 * - `write` copies the bytes (the caller may reuse its array at once) and returns false while 256 KiB of
 *   datagrams are still on their way out; `onWritable` follows when they have gone.
 * - A datagram the platform refuses to send (no route to the group, too big, a name that does not
 *   resolve) ends the socket through `onError`: such errors repeat for every datagram, and hiding them
 *   would leave a component sending into nothing.
 * - A bad `port` argument to `write` is a programming mistake and throws at once, as dgram does.
 * - `close()` silences the callbacks and stops receiving at once, but lets datagrams already written go
 *   out before it releases the socket: `write` means "send", so a sender that writes its last datagram
 *   and closes does not lose it.
 *
 * How it works inside: received datagrams wait in an array with a head index; Node's `message`,
 * `listening` and `error` events, and send completions, are the only places callbacks are made from, so
 * none is ever synchronous with the owner's own call.
 */
import { createSocket, type Socket } from "node:dgram";
import { isIPv6 } from "node:net";
import type { Datagram, IOCallbacks, IOEnd, UDPSocket, UDPSocketOptions } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** Datagrams held unread before new arrivals are dropped, when the owner does not say. */
const DEFAULT_READ_LIMIT = 1024;
/** Bytes of datagrams on their way out before `write` returns false. */
const SEND_LIMIT = 262144;

export class NodeUDPSocket implements UDPSocket {
  /** The local port, once bound (0 before). */
  port = 0;
  /** Datagrams dropped because `readLimit` were waiting unread. */
  dropped = 0;
  private callbacks: IOCallbacks | null;
  private readonly socket: Socket;
  private readonly readLimit: number;
  private queue: Datagram[] = [];
  private head = 0;
  private sending = 0;
  private wantWritable = false;
  private ended = false;
  private closed = false;

  constructor(options: UDPSocketOptions) {
    this.callbacks = options;
    this.readLimit = options.readLimit !== undefined ? options.readLimit : DEFAULT_READ_LIMIT;
    const multicast = options.multicast;
    const v6 = (options.address !== undefined && isIPv6(options.address)) || (multicast !== undefined && isIPv6(multicast.group));
    const socket = createSocket({ type: v6 ? "udp6" : "udp4", reuseAddr: options.reuseAddress === true });
    this.socket = socket;
    socket.on("error", (error) => this.fail(endFromError(error)));
    socket.on("message", (data, from) => this.arrived(data, from.address, from.port));
    socket.on("listening", () => {
      if (this.closed || this.ended) return;
      try {
        if (multicast !== undefined) {
          socket.setMulticastLoopback(multicast.loopback !== false);
          socket.setMulticastTTL(multicast.ttl !== undefined ? multicast.ttl : 1);
          if (multicast.interfaceAddress !== undefined) socket.setMulticastInterface(multicast.interfaceAddress);
          socket.addMembership(multicast.group, multicast.interfaceAddress);
        }
      } catch (error) {
        this.fail(endFromError(error));
        return;
      }
      this.port = socket.address().port;
      const cb = this.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(SEND_LIMIT - this.sending);
    });
    socket.bind({ port: options.port !== undefined ? options.port : 0, address: options.address });
  }

  read(): Datagram | undefined {
    if (this.head >= this.queue.length) return undefined;
    const datagram = this.queue[this.head];
    (this.queue as unknown[])[this.head] = undefined;
    this.head++;
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return datagram;
  }

  write(data: Uint8Array, address: string, port: number): boolean {
    if (this.closed || this.ended) return false;
    if (this.sending >= SEND_LIMIT) {
      this.wantWritable = true;
      return false;
    }
    const copy = Buffer.from(data);
    this.sending += copy.length;
    this.socket.send(copy, port, address, (error) => {
      this.sending -= copy.length;
      if (this.closed) {
        if (this.sending === 0 && !this.ended) this.shut();
        return;
      }
      if (error) {
        this.fail(endFromError(error));
        return;
      }
      if (this.wantWritable && this.sending < SEND_LIMIT) {
        this.wantWritable = false;
        const cb = this.callbacks;
        if (cb !== null && cb.onWritable) cb.onWritable(SEND_LIMIT - this.sending);
      }
    });
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    if (this.sending === 0 || this.ended) this.shut(); // else the last send's completion does it
  }

  private arrived(data: Buffer, address: string, port: number): void {
    if (this.closed || this.ended) return;
    if (this.queue.length - this.head >= this.readLimit) {
      this.dropped++;
      return;
    }
    this.queue.push({ address, port, data });
    const cb = this.callbacks;
    if (cb !== null && cb.onReadable) cb.onReadable(this.queue.length - this.head);
  }

  private fail(end: IOEnd): void {
    if (this.closed || this.ended) return;
    this.ended = true;
    this.shut();
    const cb = this.callbacks;
    this.callbacks = null;
    if (cb !== null && cb.onError) cb.onError(end);
  }

  private shut(): void {
    try {
      this.socket.close(); // leaves any group too
    } catch {
      // already closed by Node after a bind failure: nothing left to release
    }
  }
}
