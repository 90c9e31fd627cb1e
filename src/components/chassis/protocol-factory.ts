/**
 * The per-connection protocol factory: the shape ServerCore-style servers (the network components) use to
 * give every connection its own protocol handler component.
 *
 * Example:
 *   const echoProtocol: ProtocolFactory = (connection) => new Echo();   // a handler per connection
 *   new SimpleServer(echoProtocol, 1601).run();
 *
 * The contract a handler keeps, as in Kamaelia's ServerCore:
 * - it receives the bytes the peer sent on `inbox` and sends the bytes for the peer on `outbox`;
 * - when the connection closes, it receives a shutdown message on `control` (Kamaelia's `socketShutdown`
 *   arrives as `producerFinished` whose `message` says why) and should end;
 * - when it sends `producerFinished` or `shutdownMicroprocess` on `signal`, the server closes the socket.
 * The factory runs once per accepted connection; what it returns is activated by the server. A factory
 * that throws costs only that connection, which is closed with the error logged.
 */
import type { AnyComponent } from "../../core/index";

/** What a server knows about one accepted connection. */
export interface ConnectionInfo {
  /** A number unique among the server's connections. */
  readonly id: number;
  /** The peer's address, such as "127.0.0.1". */
  readonly peerAddress: string;
  /** The peer's port. */
  readonly peerPort: number;
  /** The local port the connection was accepted on. */
  readonly localPort: number;
  /**
   * Bytes the handler has sent that the socket has not taken yet (0 when there is no such measure). A
   * protocol that would rather drop or merge messages than queue them for a slow peer holds back while
   * this is above 0 (the video streamer keeps only the newest frames).
   */
  readonly bufferedBytes?: () => number;
}

/** Makes the protocol handler for one connection. */
export type ProtocolFactory<Handler extends AnyComponent = AnyComponent> = (connection: ConnectionInfo) => Handler;
