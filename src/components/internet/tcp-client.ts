/**
 * TCPClient: a TCP connection as a component — bytes on `inbox` go to the server, bytes from the server
 * come out of `outbox` (Kamaelia.Internet.TCPClient).
 *
 * Example:
 *   new Pipeline(new DataSource(["GET / HTTP/1.0\r\n\r\n"]), new TCPClient("127.0.0.1", 8080), new Collector()).run();
 *
 * Behaviour:
 * - It connects to `host`:`port` when it starts. Messages on `inbox` are Uint8Arrays (Node's Buffer too) or
 *   strings (sent as UTF-8); they are sent in order once connected. Received bytes leave on `outbox` as
 *   Uint8Arrays, cut wherever the network cut them.
 * - Backpressure both ways: while its outbox's destination is full it reads nothing more from the socket
 *   (which then stops reading from the network, so the server is held back); while the socket will take
 *   no more it holds the chunk it has and collects nothing more from `inbox`, so a sender with a bounded
 *   inbox here feels it.
 * - `producerFinished` on `control`: everything waiting on `inbox` is sent, then the sending half closes
 *   (a half-close); it keeps passing on what the server sends until the server closes too.
 * - `shutdownMicroprocess` on `control`: it closes at once, unsent bytes dropped, and passes the message on
 *   out of `signal`.
 * - When the server closes its sending half, this client closes its own (what the socket has taken still
 *   goes out; bytes still in its inbox are dropped, as nobody will read them) — Kamaelia's client ends when
 *   the server closes.
 * - It ends with `producerFinished(this, reason)` on `signal` once every received byte has gone out of
 *   `outbox`: `reason` is the IOEnd `{ code: "closed" }` for an orderly close, or an IOFailed (code
 *   `refused`, `reset`, `not-found`, `timeout`...) when the connection failed or could not be made.
 * - It needs the host's `io.TCPSocket` (IONotAvailable otherwise). A message that is neither bytes nor a
 *   string is a wiring mistake: an AxonError that crashes it (its socket is closed).
 *
 * How it works inside: one TCPSocket watched through the Selector (Readiness on `_ready`). The loop reads
 * until the socket is empty or the outbox full, then writes until the inbox is empty or the socket full,
 * then looks at `control`. One chunk may be held between steps when `write` refuses it.
 */
import { Component, ProducerFinished, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import { bytesOf } from "../file/bytes-of";
import { IOFailed, needIO } from "./io-errors";
import type { Readiness } from "./readiness";
import { Selector } from "./selector";

/** Socket limits for a TCPClient (see TCPSocketOptions). */
export interface TCPClientOptions {
  /** Received bytes the socket holds before it stops reading from the network. Default 65536. */
  readLimit?: number;
  /** Unsent bytes the socket holds before it refuses more. Default 65536. */
  writeLimit?: number;
}

type ClientIn = { inbox: Uint8Array | string; control: ShutdownMessage; _ready: Readiness };
type ClientOut = { outbox: Uint8Array; signal: ShutdownMessage };

export class TCPClient extends Component<ClientIn, ClientOut> {
  static override Name = "TCPClient";
  static override Inboxes: BoxDescriptions<ClientIn> = {
    inbox: "bytes to send: Uint8Array, or a string sent as UTF-8",
    control: "producerFinished: send what is waiting, then half-close; shutdownMicroprocess: close now",
    _ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ClientOut> = {
    outbox: "bytes received, as Uint8Array chunks",
    signal: "producerFinished(this, IOEnd) when the connection closed, or producerFinished(this, IOFailed); or the shutdownMicroprocess passed on",
  };

  /** The host connected to. */
  readonly host: string;
  /** The port connected to. */
  readonly port: number;
  private readonly options: TCPClientOptions;

  constructor(host: string, port: number, options?: TCPClientOptions) {
    super();
    this.host = host;
    this.port = port;
    this.options = options || {};
  }

  override *main(): MainLoop {
    const Socket = needIO(this, "TCPSocket");
    const where = this.host + ":" + this.port;
    const watch = Selector.watchFor(this, "_ready");
    const socket = new Socket({
      address: this.host,
      port: this.port,
      readLimit: this.options.readLimit,
      writeLimit: this.options.writeLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      socket.close();
    });
    const outbox = this.outboxes.outbox;
    let connected = false;
    let end: IOEnd | null = null;
    let held: Uint8Array | null = null;
    let finishing = false;
    let ending = false;
    for (;;) {
      while (this.dataReady("_ready")) {
        const r = this.recv("_ready");
        if (r.writable) connected = true;
        if (r.end !== null && end === null) end = r.end;
      }
      let drained = false;
      while (!outbox.isFull()) {
        const chunk = socket.read();
        if (chunk === undefined) {
          drained = true;
          break;
        }
        this.send(chunk);
      }
      if (end !== null && drained) {
        this.send(producerFinished(this, end.code === "closed" ? end : new IOFailed(this.name, where, end)), "signal");
        return;
      }
      if (drained && socket.readEnded && !ending) {
        // The server has finished sending: finish ours, so the connection closes.
        ending = true;
        held = null;
        socket.end();
      }
      if (connected && !ending && end === null) {
        for (;;) {
          if (held === null) {
            if (this.dataReady() === 0) break;
            held = bytesOf(this.recv(), this.name);
          }
          if (!socket.write(held)) break; // the socket says when it has room
          held = null;
        }
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          socket.close();
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished) finishing = true;
      }
      if (finishing && !ending && held === null && this.dataReady() === 0) {
        ending = true;
        socket.end();
      }
      this.pause(); // woken by readiness, by data, by control, or by the consumer collecting
      yield 1;
    }
  }
}
