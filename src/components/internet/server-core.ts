/**
 * ServerCore: a TCP server that gives every connection its own protocol component
 * (Kamaelia.Chassis.ConnectedServer.ServerCore).
 *
 * Example:
 *   const server = new ServerCore(() => new Echo(), 1601);     // an Echo per connection
 *   await new EventLoopDriver().run(server);
 *
 * Behaviour:
 * - It listens on `port` through a TCPServer child (0 asks the OS for a free port). Once listening, `port`
 *   holds the actual port, and the port is sent once out of `serverPort`.
 * - For each connection it calls the ProtocolFactory with the ConnectionInfo, and wires what it returns (the
 *   handler) to the connection's ConnectedSocketAdapter: the peer's bytes arrive on the handler's `inbox`;
 *   what the handler sends on `outbox` goes to the peer. Both run as its children.
 * - When the peer closes (or half-closes) its side, or the connection fails or hits a limit, the handler
 *   gets `producerFinished` on `control` whose `message` says why (an IOEnd, IOFailed or ConnectionLimit:
 *   Kamaelia's socketShutdown) and should finish and end. After a half-close the handler may still answer
 *   before it ends.
 * - When the handler sends `producerFinished` on `signal`, what it sent goes out and the connection is
 *   closed in order; `shutdownMicroprocess` on its `signal` closes it at once. A handler that ends without a
 *   word, or crashes (reported through hooks.onError or the host's log), gets its connection closed too.
 * - Limits (options; see TCPServerOptions): `maxConnections` (excess connections are closed as they
 *   arrive, logged), `maxBufferedBytes` per connection (bytes waiting for a peer that does not read; over
 *   it, that connection is closed, logged), `idleTimeoutMs` (a silent connection is closed, logged). Only
 *   the one connection is affected.
 * - A factory that throws (or returns something that is not a component) costs only that connection: it
 *   is closed at once and the error is logged.
 * - `connectionCount()` is the number of connections whose adapter or handler is still running. When both
 *   have ended, their linkages, boxes and children go, so nothing grows with the connections served.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: it stops listening, closes every connection
 *   at once (each handler receives `shutdownMicroprocess`, unless it was already told its peer finished),
 *   waits for every handler to end, then passes the message on out of `signal` and ends. Handlers are not
 *   stopped by force: a container handler's own children would be left running.
 * - If it cannot listen (port taken...), it closes everything and ends with the TCPServer's
 *   `producerFinished(IOFailed)` on `signal`.
 *
 * How it works inside: Kamaelia's shape — a TCPServer child hands over { adapter, connection } records on
 * `_newConnection`; this links adapter and handler both ways (data and signals), plus one outbox of its own
 * per connection to the adapter's `control`, used when the handler dies silently or on shutdown. Children
 * ending wake it; it then looks over its connections (a linear scan: no Map on ES5 engines).
 */
import { AdaptiveCommsComponent, AxonError, Component, ShutdownMicroprocess, isShutdownMessage, newComponent, producerFinished } from "../../core/index";
import type { AnyComponent, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import type { ConnectionInfo, ProtocolFactory } from "../chassis/protocol-factory";
import { hostLog } from "../util/host-log";
import type { ConnectedSocketAdapter } from "./connected-socket-adapter";
import { needIO } from "./io-errors";
import { TCPServer } from "./tcp-server";
import type { NewCSA, TCPServerOptions } from "./tcp-server";

/** One connection: its adapter, its handler (null if the factory failed) and the outbox to the adapter. */
interface Connection {
  readonly info: ConnectionInfo;
  readonly adapter: ConnectedSocketAdapter;
  readonly handler: AnyComponent | null;
  readonly toAdapter: string;
  /** The adapter has been told to finish (in order, or at once). */
  told: boolean;
  /** The adapter has been told to close at once. */
  shut: boolean;
}

type CoreIn = { inbox: never; control: ShutdownMessage; _newConnection: NewCSA; _serverPort: number; _serverSignal: ShutdownMessage };
type CoreOut = { outbox: never; signal: ShutdownMessage; serverPort: number; _serverControl: ShutdownMessage };

export class ServerCore extends AdaptiveCommsComponent<CoreIn, CoreOut> {
  static override Name = "ServerCore";
  static override Inboxes: BoxDescriptions<CoreIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: stop listening, close every connection, end",
    _newConnection: "accepted connections from the TCPServer child (internal)",
    _serverPort: "the port, from the TCPServer child once listening (internal)",
    _serverSignal: "the TCPServer child's signal: it stopped or could not listen (internal)",
  };
  static override Outboxes: BoxDescriptions<CoreOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message passed on; or producerFinished(TCPServer, IOFailed) if it could not listen",
    serverPort: "the port listened on, sent once when listening starts",
    _serverControl: "shutdown to the TCPServer child (internal)",
  };

  /** The port listened on: 0 until listening, then the actual port. */
  port = 0;
  /** The port asked for (0: any free port). */
  readonly askedPort: number;
  private readonly factory: ProtocolFactory;
  private readonly options: TCPServerOptions;
  private connections: Connection[] = [];

  constructor(factory: ProtocolFactory, port: number, options?: TCPServerOptions) {
    super();
    if (typeof factory !== "function") throw new AxonError(this.name + " needs a protocol factory: new ServerCore((connection) => new Echo(), 1601)");
    if (typeof port !== "number" || port !== Math.floor(port) || port < 0 || port > 65535) {
      throw new AxonError(this.name + " needs a port from 0 (any free port) to 65535, not " + String(port));
    }
    this.factory = factory;
    this.askedPort = port;
    this.options = options || {};
  }

  /** Connections whose adapter or handler is still running. */
  connectionCount(): number {
    return this.connections.length;
  }

  override *main(): MainLoop {
    // Checked here too, so a host without TCP crashes this component, not only its TCPServer child.
    needIO(this, "TCPListener");
    needIO(this, "TCPSocket");
    const server = new TCPServer(this.askedPort, this.options);
    this.link([server, "protocolHandlerSignal"], [this, "_newConnection"]);
    this.link([server, "serverPort"], [this, "_serverPort"]);
    this.link([server, "signal"], [this, "_serverSignal"]);
    this.link([this, "_serverControl"], [server, "control"]);
    this.addChildren(server);
    yield newComponent(server);
    let finishing: ShutdownMessage | null = null;
    let serverTold = false;
    for (;;) {
      while (this.dataReady("_serverPort")) {
        this.port = this.recv("_serverPort");
        this.send(this.port, "serverPort");
      }
      const started: AnyComponent[] = [];
      while (this.dataReady("_newConnection")) this.start(this.recv("_newConnection"), finishing !== null, started);
      if (started.length > 0) yield newComponent(started);
      while (this.dataReady("_serverSignal")) {
        const message = this.recv("_serverSignal");
        if (finishing === null) finishing = message; // it could not listen: close everything
      }
      if (finishing === null && server.isStopped()) finishing = producerFinished(this, server.error); // it crashed
      while (finishing === null && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) finishing = message;
      }
      if (finishing !== null && !serverTold) {
        serverTold = true;
        if (!server.isStopped()) this.send(ShutdownMicroprocess(), "_serverControl");
      }
      this.look(finishing !== null);
      if (finishing !== null && server.isStopped() && this.connections.length === 0) {
        this.removeChild(server);
        this.send(finishing, "signal");
        return;
      }
      this.pause(); // woken by the TCPServer, by control, and by any child ending
      yield 1;
    }
  }

  /** Make and wire the handler for one accepted connection; add what to activate to `started`. */
  private start(record: NewCSA, closing: boolean, started: AnyComponent[]): void {
    const adapter = record.adapter;
    const info = record.connection;
    const toAdapter = this.addOutbox("toAdapter_" + info.id);
    this.link([this, toAdapter], [adapter, "control"]);
    let handler: AnyComponent | null = null;
    if (!closing) {
      try {
        const made: unknown = this.factory(info);
        if (!(made instanceof Component)) throw new AxonError("it returned " + (made === null ? "null" : typeof made) + ", not a component");
        handler = made;
        this.link([adapter, "outbox"], [handler, "inbox"]);
        this.link([handler, "outbox"], [adapter, "inbox"]);
        this.link([handler, "signal"], [adapter, "control"]);
        this.link([adapter, "signal"], [handler, "control"]);
      } catch (error) {
        if (handler !== null) this.unlink(handler);
        handler = null;
        const why = error instanceof Error ? error.message : String(error);
        hostLog(this, "error", this.name + ": the protocol factory failed for connection " + info.id + " from " + info.peerAddress + ":" + info.peerPort + " (" + why + "); that connection is closed");
      }
    }
    const failed = handler === null;
    this.connections.push({ info: info, adapter: adapter, handler: handler, toAdapter: toAdapter, told: failed, shut: failed });
    if (handler === null) {
      // The adapter adopts the connection only to close it at once.
      this.send(ShutdownMicroprocess(), toAdapter);
      this.addChildren(adapter);
      started.push(adapter);
    } else {
      this.addChildren(adapter, handler);
      started.push(adapter, handler);
    }
  }

  /**
   * Look over every connection: close the connection of a handler that ended without closing it (every
   * connection when `closing`), and forget connections whose adapter and handler have both ended.
   */
  private look(closing: boolean): void {
    const list = this.connections;
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i];
      const handler = c.handler;
      const adapterDone = c.adapter.isStopped();
      if (!adapterDone && closing && !c.shut) {
        c.told = c.shut = true;
        this.send(ShutdownMicroprocess(), c.toAdapter);
      } else if (!adapterDone && !c.told && handler !== null && handler.isStopped()) {
        // A crashed handler: close now. One that ended without closing its connection: close in order.
        c.told = true;
        c.shut = handler.crashed;
        this.send(handler.crashed ? ShutdownMicroprocess() : producerFinished(this), c.toAdapter);
      }
      if (adapterDone && (handler === null || handler.isStopped())) {
        list.splice(i, 1);
        this.removeChild(c.adapter);
        if (handler !== null) this.removeChild(handler);
        this.deleteOutbox(c.toAdapter);
      }
    }
  }
}
