/**
 * Internet components: network adaptors built on the platform IO contract (core io/), so they run on every
 * target whose host offers the IO classes they need.
 */
export { Selector, SELECTOR_SERVICE } from "./selector";
export type { Readiness, Watch } from "./readiness";
export { takeEnd } from "./readiness";
export { IONotAvailable, IOFailed, needIO } from "./io-errors";
export type { IOError, IOErrorClass } from "./io-errors";

// UDP and multicast: datagrams as [{ address, port }, data]
export { UDPEndpoint } from "./udp-endpoint";
export type { UDPAddress, ReceivedDatagram, OutgoingDatagram, UDPEndpointSetup } from "./udp-endpoint";
export { UDPPeer } from "./udp-peer";
export { SimpleUDPSender } from "./udp-sender";
export type { SimpleUDPSenderOptions } from "./udp-sender";
export { UDPReceiver } from "./udp-receiver";
export { MulticastTransceiver } from "./multicast-transceiver";
export type { MulticastTransceiverOptions } from "./multicast-transceiver";
export { ThreadedTCPClient } from "./threaded-tcp-client";
export type { ThreadedTCPClientOptions } from "./threaded-tcp-client";
export { runBlockingTCPClient } from "./blocking-tcp-client-loop";
export type { BlockingTCPClientArgs } from "./blocking-tcp-client-loop";

// WebSocket: a client connection carrying whole messages (binary as Uint8Array, text as strings)
export { WebSocketClient } from "./websocket-client";
export type { WebSocketClientOptions, WebSocketMessage } from "./websocket-client";

// TCP: a client, and servers giving each connection its own protocol component
export { TCPClient } from "./tcp-client";
export type { TCPClientOptions } from "./tcp-client";
export { ConnectedSocketAdapter, DEFAULT_MAX_BUFFERED_BYTES } from "./connected-socket-adapter";
export type { ConnectedSocketAdapterOptions } from "./connected-socket-adapter";
export { ConnectionLimit } from "./connection-limit";
export type { ConnectionLimitName, ConnectionLimitClass } from "./connection-limit";
export { TCPServer } from "./tcp-server";
export type { NewCSA, TCPServerOptions } from "./tcp-server";
export { ServerCore } from "./server-core";
export { SimpleServer } from "./simple-server";
