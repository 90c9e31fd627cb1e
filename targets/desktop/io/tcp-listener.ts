/**
 * NodeTCPListener (desktop): the platform IO contract's listening socket (src/core/io/tcp.ts), on Node's
 * `net.Server`.
 *
 * Example:
 *   const listener = new NodeTCPListener({ port: 0, address: "127.0.0.1",
 *     onWritable: () => console.log("listening on", listener.port),
 *     onReadable: () => { let from; while ((from = listener.read())) adopt(new NodeTCPSocket({ from, ... })); } });
 *
 * Behaviour:
 * - `onWritable` is called once, when it listens; `port` is then the port actually bound (0 asks the OS).
 *   A port it cannot have ends it through `onError` (`in-use`, `denied`, or `failed`).
 * - Each accepted connection waits, paused, reading nothing, until `read()` hands it out and
 *   `new NodeTCPSocket({ from })` adopts it; `onReadable(count)` says how many wait.
 * - `close()` stops listening, closes connections not yet handed out (handed-out ones belong to whoever
 *   has them), and silences every callback. Idempotent.
 * - No callback runs inside `read`, `close` or the constructor.
 *
 * How it works inside: `net.createServer({ pauseOnConnect, allowHalfOpen })`, so accepted sockets read
 * nothing until adopted and are never ended by Node on the peer's FIN (see tcp-socket.ts).
 */
import * as net from "node:net";
import type { IOCallbacks, TCPListener, TCPListenerOptions } from "../../../src/index";
import { endFromError } from "./end-from-error";
import { AcceptedConnection } from "./tcp-socket";

export class NodeTCPListener implements TCPListener {
  port = 0;
  private readonly server: net.Server;
  private callbacks: IOCallbacks | null;
  private waiting: AcceptedConnection[] = [];
  private ended = false;

  constructor(options: TCPListenerOptions) {
    const { port, address, backlog } = options;
    if (typeof port !== "number" || port !== Math.floor(port) || port < 0 || port > 65535) {
      throw new RangeError("TCPListener: port must be a whole number from 0 (any free port) to 65535 (got " + String(port) + ")");
    }
    this.callbacks = options;
    const server = (this.server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }));
    server.on("connection", (socket: net.Socket) => {
      if (this.callbacks === null) {
        socket.destroy();
        return;
      }
      this.waiting.push(new AcceptedConnection(socket));
      this.call("onReadable", this.waiting.length);
    });
    server.on("listening", () => {
      const bound = server.address();
      this.port = bound !== null && typeof bound === "object" ? bound.port : port;
      this.call("onWritable", 1);
    });
    server.on("error", (error: Error) => {
      if (this.ended) return;
      this.ended = true;
      this.call("onError", endFromError(error));
      server.close();
    });
    // Binding happens on a later tick (and after a look-up when an address is given), so every callback
    // above runs on Node's loop, never inside this constructor.
    server.listen({ port, host: address === "" ? undefined : address, backlog });
  }

  read(): AcceptedConnection | undefined {
    return this.waiting.shift();
  }

  close(): void {
    if (this.callbacks === null) return;
    this.callbacks = null;
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const connection of waiting) connection._discard();
    if (this.server.listening) this.server.close();
    else this.server.on("listening", () => this.server.close());
  }

  private call<K extends keyof IOCallbacks>(which: K, value: Parameters<NonNullable<IOCallbacks[K]>>[0]): void {
    const callbacks = this.callbacks;
    const callback = callbacks === null ? undefined : callbacks[which];
    if (callback !== undefined) (callback as (v: typeof value) => void).call(this, value);
  }
}
