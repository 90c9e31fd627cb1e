/**
 * The platform IO contract (types only): what a target implements so that network, file, process,
 * thread and display components run on it. See platform-io.ts for the whole, and each file for one kind.
 */
export type { IOCallbacks, IOEnd, IOEndCode } from "./io-callbacks";
export type { TCPSocket, TCPSocketOptions, TCPListener, TCPListenerOptions, PendingConnection } from "./tcp";
export type { UDPSocket, UDPSocketOptions, Datagram, MulticastOptions } from "./udp";
export type { FileReader, FileReaderOptions, FileWriter, FileWriterOptions } from "./files";
export type { Subprocess, SubprocessOptions, ExitStatus, OutputStream } from "./subprocess";
export type { ThreadPort, ThreadPortOptions, ThreadMessage, ThreadContext, ThreadMain, ThreadEnd, ThreadThrown } from "./thread-port";
export type { WebSocketConnection, WebSocketConnectionOptions } from "./websocket";
export type { Display, DisplayOptions } from "./display";
export type { PlatformIO, IOKind } from "./platform-io";
export type { BlockingTCPSocket, BlockingNetwork, BlockingSocketFailure } from "./blocking-socket";
