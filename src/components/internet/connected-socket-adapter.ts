/**
 * ConnectedSocketAdapter: one accepted connection as a component, for a server — bytes from the peer come
 * out of `outbox`, bytes on `inbox` go to the peer, and the server's per-connection limits are enforced
 * here (Kamaelia.Internet.ConnectedSocketAdapter).
 *
 * Example (what ServerCore does for each connection):
 *   const adapter = new ConnectedSocketAdapter(pending, { maxBufferedBytes: 1 << 20, idleTimeoutMs: 30000 });
 *   this.link([adapter, "outbox"], [handler, "inbox"]);
 *   this.link([handler, "outbox"], [adapter, "inbox"]);
 *   this.link([handler, "signal"], [adapter, "control"]);
 *   this.link([adapter, "signal"], [handler, "control"]);
 *
 * Behaviour:
 * - It adopts the accepted connection (`new io.TCPSocket({ from })`) when it starts; nothing the peer sent
 *   before then is lost.
 * - Bytes from the peer leave on `outbox`; while the destination is full it reads no more, and the socket
 *   then stops reading from the network, so a slow protocol holds the peer back.
 * - Bytes for the peer (Uint8Array, or strings as UTF-8) are taken from `inbox` at once and written as fast
 *   as the peer reads. What the peer has not taken waits here; when more than `maxBufferedBytes` wait, the
 *   connection is closed (a peer that stopped reading cannot make a server grow without bound).
 * - With `idleTimeoutMs`, a connection that carries no byte either way for that long is closed (measured on
 *   the host clock).
 * - It sends exactly one message on `signal`, when the peer will send nothing more: `producerFinished(this,
 *   reason)` — Kamaelia's socketShutdown — where `reason` is the IOEnd `closed` (the peer closed, or
 *   half-closed, its sending half), an IOFailed (`reset`...), or a ConnectionLimit; or the
 *   `shutdownMicroprocess` it was given. After a half-close it carries on sending what it is given until
 *   told to finish.
 * - `producerFinished` on `control` (the protocol has finished): what waits is sent, the connection is
 *   ended in order, and it ends once the peer has closed too. If that `producerFinished` carries an error
 *   (a protocol that met bad input, such as a CorruptFrame), the error goes to the host's log first.
 * - `shutdownMicroprocess` on `control`: it closes the connection at once and passes the message on.
 * - A closed limit goes to the host's log as a warning (the ConnectionLimit's message). `reason` holds why
 *   it ended, for whoever watches it.
 *
 * How it works inside: one TCPSocket watched through the Selector (Readiness on `_ready`); outgoing bytes
 * wait in an array with a head index and a byte count. The idle limit is a `pauseFor` to the moment the
 * connection would become idle, renewed whenever it is woken.
 */
import { Component, ProducerFinished, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, PendingConnection, ShutdownMessage, TCPSocket } from "../../core/index";
import { bytesOf } from "../file/bytes-of";
import { hostLog } from "../util/host-log";
import { ConnectionLimit } from "./connection-limit";
import { IOFailed, needIO } from "./io-errors";
import type { Readiness } from "./readiness";
import { takeEnd } from "./readiness";
import { Selector } from "./selector";

/** Per-connection limits (ServerCore passes its own options on). */
export interface ConnectedSocketAdapterOptions {
  /** Bytes that may wait for a peer that is not reading before the connection is closed. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Close a connection with no traffic either way for this many ms; 0 (the default) never does. */
  idleTimeoutMs?: number;
  /** Received bytes the socket holds before it stops reading from the network. Default 65536. */
  readLimit?: number;
  /** Unsent bytes the socket holds before it refuses more. Default 65536. */
  writeLimit?: number;
}

/** The default for `maxBufferedBytes`: 1 MiB. */
export const DEFAULT_MAX_BUFFERED_BYTES = 1048576;

type AdapterIn = { inbox: Uint8Array | string; control: ShutdownMessage; _ready: Readiness };
type AdapterOut = { outbox: Uint8Array; signal: ShutdownMessage };

export class ConnectedSocketAdapter extends Component<AdapterIn, AdapterOut> {
  static override Name = "ConnectedSocketAdapter";
  static override Inboxes: BoxDescriptions<AdapterIn> = {
    inbox: "bytes for the peer: Uint8Array, or a string sent as UTF-8",
    control: "producerFinished: send what waits, then close in order; shutdownMicroprocess: close now",
    _ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<AdapterOut> = {
    outbox: "bytes from the peer, as Uint8Array chunks",
    signal: "producerFinished(this, IOEnd | IOFailed | ConnectionLimit) once the peer sends no more; or the shutdownMicroprocess",
  };

  /** The peer, as `address:port`. */
  readonly peer: string;
  /** Why it ended (an IOEnd, IOFailed, ConnectionLimit or the shutdown message), once it has. */
  reason: unknown = null;
  private readonly connection: PendingConnection;
  private readonly maxBufferedBytes: number;
  private readonly idleTimeoutMs: number;
  private readonly readLimit: number | undefined;
  private readonly writeLimit: number | undefined;
  /** Bytes waiting for the peer. */
  private queue: Uint8Array[] = [];
  private head = 0;
  private queued = 0;

  constructor(connection: PendingConnection, options?: ConnectedSocketAdapterOptions) {
    super();
    const o = options || {};
    this.connection = connection;
    this.peer = connection.remoteAddress + ":" + connection.remotePort;
    this.maxBufferedBytes = o.maxBufferedBytes !== undefined ? o.maxBufferedBytes : DEFAULT_MAX_BUFFERED_BYTES;
    this.idleTimeoutMs = o.idleTimeoutMs || 0;
    this.readLimit = o.readLimit;
    this.writeLimit = o.writeLimit;
  }

  /** Bytes waiting here for the peer now. */
  bufferedBytes(): number {
    return this.queued;
  }

  override *main(): MainLoop {
    const Socket = needIO(this, "TCPSocket");
    const watch = Selector.watchFor(this, "_ready");
    const socket = new Socket({
      from: this.connection,
      readLimit: this.readLimit,
      writeLimit: this.writeLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      socket.close();
    });
    const outbox = this.outboxes.outbox;
    let end: IOEnd | null = null;
    let told = false;
    let finishing = false;
    let ending = false;
    let lastTraffic = this.now();
    for (;;) {
      end = takeEnd(this, "_ready", end);
      let drained = false;
      while (!outbox.isFull()) {
        const chunk = socket.read();
        if (chunk === undefined) {
          drained = true;
          break;
        }
        lastTraffic = this.now();
        this.send(chunk);
      }
      if (end !== null && drained) {
        this.finish(end.code === "closed" ? end : new IOFailed(this.name, this.peer, end), told);
        return;
      }
      if (drained && socket.readEnded && !told) {
        told = true;
        this.send(producerFinished(this, { code: "closed", message: this.peer + " closed its sending half" }), "signal");
      }
      while (this.dataReady()) {
        const bytes = bytesOf(this.recv(), this.name);
        this.queue.push(bytes);
        this.queued += bytes.length;
      }
      if (this.flush(socket)) lastTraffic = this.now();
      if (this.queued > this.maxBufferedBytes) {
        this.limit(socket, "maxBufferedBytes", this.maxBufferedBytes, told);
        return;
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          socket.close();
          this.reason = message;
          if (!told) this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished && !finishing) {
          finishing = true;
          const why = message.message;
          if (why instanceof Error) hostLog(this, "warn", this.name + " (" + this.peer + "): the protocol finished with " + why.name + ": " + why.message + "; closing the connection");
        }
      }
      if (finishing && !ending && this.queued === 0) {
        ending = true;
        socket.end();
      }
      if (this.idleTimeoutMs > 0) {
        const idle = this.now() - lastTraffic;
        if (idle >= this.idleTimeoutMs) {
          this.limit(socket, "idleTimeoutMs", this.idleTimeoutMs, told);
          return;
        }
        this.pauseFor(this.idleTimeoutMs - idle);
      } else this.pause(); // woken by readiness, by data, by control, or by the protocol collecting
      yield 1;
    }
  }

  /** Write what waits until the socket refuses; true if anything was written. */
  private flush(socket: TCPSocket): boolean {
    const queue = this.queue;
    let wrote = false;
    while (this.head < queue.length && socket.write(queue[this.head])) {
      this.queued -= queue[this.head].length;
      (queue as unknown[])[this.head] = undefined;
      this.head++;
      wrote = true;
    }
    if (this.head === queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return wrote;
  }

  /** The connection ended by itself: say why (unless already said) and remember it. */
  private finish(reason: unknown, told: boolean): void {
    this.reason = reason;
    if (!told) this.send(producerFinished(this, reason), "signal");
  }

  /** A limit was exceeded: log it, close the connection, say why. */
  private limit(socket: TCPSocket, name: "maxBufferedBytes" | "idleTimeoutMs", value: number, told: boolean): void {
    const error = new ConnectionLimit(this.name, this.peer, name, value);
    hostLog(this, "warn", error.message);
    socket.close();
    this.finish(error, told);
  }
}
