/**
 * TCPServer: a listening TCP socket as a component — each accepted connection comes out as a
 * ConnectedSocketAdapter, ready to be wired to whatever serves it (Kamaelia.Internet.TCPServer).
 * ServerCore builds on it; use it directly to handle connections your own way.
 *
 * Example:
 *   const server = new TCPServer(1601, { address: "127.0.0.1" });
 *   // a component linked to server.protocolHandlerSignal gets { adapter, connection } per connection,
 *   // wires adapter's boxes and activates it: yield newComponent(adapter)
 *
 * Behaviour:
 * - It listens on `port` (0 asks the OS for a free one) at `address` (default: every interface). Once
 *   listening, `port` holds the actual port and it is also sent, once, out of `serverPort`.
 * - Each accepted connection leaves on `protocolHandlerSignal` as a NewCSA `{ adapter, connection }` (Kamaelia's
 *   newCSA): an inactive ConnectedSocketAdapter for it, carrying the per-connection limits, and the
 *   ConnectionInfo. Whoever receives it must activate the adapter, which adopts the connection — or the
 *   connection stays open, unread.
 * - With `maxConnections`, a connection that arrives while that many adapters it made are still running is
 *   closed at once, with the ConnectionLimit's words in the host's log.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: it stops listening (connections already
 *   handed out carry on; they are not its own) and passes the message on out of `signal`.
 * - If it cannot listen (the port is taken, no permission) or the listener fails, it ends with
 *   `producerFinished(this, IOFailed)` (code `in-use`, `denied`...) on `signal`, logged as a warning.
 * - It needs the host's `io.TCPListener` and `io.TCPSocket` (IONotAvailable otherwise).
 *
 * How it works inside: one TCPListener watched through the Selector (Readiness on `_listener`). Each adapter
 * it makes gets a teardown that lowers its count of live connections, however the adapter ends.
 */
import { Component, isShutdownMessage, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import type { ConnectionInfo } from "../chassis/protocol-factory";
import { hostLog } from "../util/host-log";
import { ConnectedSocketAdapter } from "./connected-socket-adapter";
import type { ConnectedSocketAdapterOptions } from "./connected-socket-adapter";
import { ConnectionLimit } from "./connection-limit";
import { IOFailed, needIO } from "./io-errors";
import type { Readiness } from "./readiness";
import { Selector } from "./selector";

/** How a TCPServer (and a ServerCore) listens, and the limits it gives each connection. */
export interface TCPServerOptions extends ConnectedSocketAdapterOptions {
  /** Local address to listen on; default every interface. "127.0.0.1" keeps it to this machine. */
  address?: string;
  /** Connections the platform may queue before refusing more. */
  backlog?: number;
  /** Most connections open at once; more are closed as they arrive. 0 (the default): no limit. */
  maxConnections?: number;
}

/** One accepted connection, as a TCPServer hands it on (Kamaelia's newCSA). */
export interface NewCSA {
  /** The adapter for the connection: inactive until the receiver activates it. */
  readonly adapter: ConnectedSocketAdapter;
  /** Who connected, and where. */
  readonly connection: ConnectionInfo;
}

type ServerIn = { inbox: never; control: ShutdownMessage; _listener: Readiness };
type ServerOut = { outbox: never; signal: ShutdownMessage; protocolHandlerSignal: NewCSA; serverPort: number };

export class TCPServer extends Component<ServerIn, ServerOut> {
  static override Name = "TCPServer";
  static override Inboxes: BoxDescriptions<ServerIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: stop listening (handed-out connections carry on)",
    _listener: "readiness of the listening socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ServerOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message passed on; or producerFinished(this, IOFailed) if it could not listen",
    protocolHandlerSignal: "a NewCSA { adapter, connection } per accepted connection; activate the adapter",
    serverPort: "the port listened on, sent once when listening starts",
  };

  /** The port listened on: 0 until listening (then the actual port, even when asked for 0). */
  port = 0;
  private readonly askedPort: number;
  private readonly options: TCPServerOptions;
  private live = 0;
  private nextId = 1;

  constructor(port: number, options?: TCPServerOptions) {
    super();
    this.askedPort = port;
    this.options = options || {};
  }

  /** Adapters this server made that are still running (or not yet activated). */
  connectionCount(): number {
    return this.live;
  }

  override *main(): MainLoop {
    const Listener = needIO(this, "TCPListener");
    const Socket = needIO(this, "TCPSocket");
    const o = this.options;
    const where = (o.address || "*") + ":" + this.askedPort;
    const watch = Selector.watchFor(this, "_listener");
    const listener = new Listener({
      port: this.askedPort,
      address: o.address,
      backlog: o.backlog,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      listener.close();
    });
    const self = this;
    const lower = function (): void {
      self.live--;
    };
    const max = o.maxConnections || 0;
    let end: IOEnd | null = null;
    for (;;) {
      while (this.dataReady("_listener")) {
        const r = this.recv("_listener");
        if (r.writable && this.port === 0) {
          this.port = listener.port;
          this.send(this.port, "serverPort");
        }
        if (r.end !== null && end === null) end = r.end;
      }
      for (;;) {
        const pending = listener.read();
        if (pending === undefined) break;
        if (max > 0 && this.live >= max) {
          new Socket({ from: pending }).close();
          hostLog(this, "warn", new ConnectionLimit(this.name, pending.remoteAddress + ":" + pending.remotePort, "maxConnections", max).message);
          continue;
        }
        const adapter = new ConnectedSocketAdapter(pending, o);
        adapter.addTeardown(lower);
        this.live++;
        const connection: ConnectionInfo = {
          id: this.nextId++,
          peerAddress: pending.remoteAddress,
          peerPort: pending.remotePort,
          localPort: this.port,
          bufferedBytes: function () {
            return adapter.bufferedBytes();
          },
        };
        this.send({ adapter: adapter, connection: connection }, "protocolHandlerSignal");
      }
      if (end !== null) {
        const failure = new IOFailed(this.name, where, end);
        hostLog(this, "warn", failure.message);
        this.send(producerFinished(this, failure), "signal");
        return;
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}
