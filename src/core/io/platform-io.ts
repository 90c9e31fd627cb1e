/**
 * PlatformIO: the IO a target offers, as ECMA-419-style constructors. A target puts one on its Host
 * (`host.io`); network, file, process and thread components find it there, so the same components run on
 * every target that implements the contract.
 *
 * Example:
 *   const io = this.scheduler.host.io;     // inside a component's main()
 *   if (!io || !io.TCPSocket) throw new IONotAvailable(this.name, "TCPSocket");
 *
 * Behaviour: every member is optional, because a handset may offer sockets but no processes, and a browser
 * neither files nor listeners (only a WebSocketClient and a Display); components check for what they need
 * and say clearly what is missing.
 * Clock, timers and logging are the Host's own `now`, `runSlice` timer results and `log`.
 *
 * How it works inside: types only.
 */
import type { FileReader, FileReaderOptions, FileWriter, FileWriterOptions } from "./files";
import type { Subprocess, SubprocessOptions } from "./subprocess";
import type { TCPListener, TCPListenerOptions, TCPSocket, TCPSocketOptions } from "./tcp";
import type { ThreadPort, ThreadPortOptions } from "./thread-port";
import type { UDPSocket, UDPSocketOptions } from "./udp";
import type { WebSocketConnection, WebSocketConnectionOptions } from "./websocket";
import type { Display, DisplayOptions } from "./display";

/** The IO classes a target offers. */
export interface PlatformIO {
  /** Which target this is, for errors: `desktop`, `quickjs`, `mobile`. */
  readonly target: string;
  TCPSocket?: new (options: TCPSocketOptions) => TCPSocket;
  TCPListener?: new (options: TCPListenerOptions) => TCPListener;
  UDPSocket?: new (options: UDPSocketOptions) => UDPSocket;
  FileReader?: new (options: FileReaderOptions) => FileReader;
  FileWriter?: new (options: FileWriterOptions) => FileWriter;
  Subprocess?: new (options: SubprocessOptions) => Subprocess;
  ThreadPort?: new (options: ThreadPortOptions) => ThreadPort;
  WebSocketClient?: new (options: WebSocketConnectionOptions) => WebSocketConnection;
  Display?: new (options: DisplayOptions) => Display;
}

/** The names of the IO classes, for `IONotAvailable` errors. */
export type IOKind = Exclude<keyof PlatformIO, "target">;
