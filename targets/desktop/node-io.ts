/**
 * Node IO: the desktop target's implementation of the platform IO contract (src/core/io), gathered into
 * one PlatformIO. `createNodeHost()` puts it on the host, so network, file, process and thread components
 * find it without being told.
 *
 * Example:
 *   const host = createNodeHost();          // host.io === nodeIO
 *   new TCPClient("127.0.0.1", 1500)...     // uses host.io.TCPSocket
 *
 * Behaviour: each class lives in io/ under the name of the kind it implements, with Node's net, dgram, fs,
 * child_process and worker_threads underneath.
 */
import type { PlatformIO } from "../../src/index";
import { NodeFileReader } from "./io/file-reader";
import { NodeFileWriter } from "./io/file-writer";
import { NodeSubprocess } from "./io/subprocess";
import { NodeTCPListener } from "./io/tcp-listener";
import { NodeTCPSocket } from "./io/tcp-socket";
import { NodeThreadPort } from "./io/thread-port";
import { NodeUDPSocket } from "./io/udp-socket";
import { NodeWebSocketClient } from "./io/websocket-client";

/** The desktop PlatformIO. */
export const nodeIO: PlatformIO = {
  target: "desktop",
  TCPSocket: NodeTCPSocket,
  TCPListener: NodeTCPListener,
  UDPSocket: NodeUDPSocket,
  FileReader: NodeFileReader,
  FileWriter: NodeFileWriter,
  Subprocess: NodeSubprocess,
  ThreadPort: NodeThreadPort,
  WebSocketClient: NodeWebSocketClient,
};
