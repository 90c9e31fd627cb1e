/**
 * Helpers for the terminal client's tests: plain Node TCP peers that play a server, and the real preview
 * server run in-process.
 */
import * as net from "node:net";
import { PreviewServer } from "../../../examples/video-preview/server/preview-server";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";

/** A listening Node server on 127.0.0.1 and how to close it (destroying its connections). */
export interface TestServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A TCP server on an OS-chosen loopback port running `onConnection` for each client. */
export function peerServer(onConnection: (socket: net.Socket) => void): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    onConnection(socket);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A loopback port nothing listens on (one just released by the OS). */
export async function deadPort(): Promise<number> {
  const server = await peerServer(() => undefined);
  await server.close();
  return server.port;
}

/** `"<n>\n"` then the bytes: one frame on the wire. */
export function frameOnWire(bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(bytes.length + "\n"), Buffer.from(bytes)]);
}

/**
 * The real preview server (examples/video-preview/server/) on its own EventLoopDriver, TCP frames and
 * HTTP on OS-chosen loopback ports, serving `mediaFolder` (default: the sample clip's). `close()` shuts it
 * down in order — connections closed, every ffmpeg stopped — and waits until nothing of it is left.
 */
export async function previewServer(mediaFolder?: string): Promise<TestServer> {
  const driver = new EventLoopDriver({ log: () => undefined });
  const server = new PreviewServer({ mediaFolder, port: 0, httpPort: 0, address: "127.0.0.1" });
  const handle = new AsyncHandle(server, driver);
  const running = driver.run();
  const ready = await handle.get("ready");
  if (ready === undefined) throw new Error("the preview server ended before it listened");
  return {
    port: ready.tcpPort,
    close: async () => {
      await handle.shutdown();
      await running;
      handle.close();
    },
  };
}
