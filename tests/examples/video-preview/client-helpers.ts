/**
 * Helpers for the terminal client's tests: plain Node TCP peers that play a server, and a stand-in preview
 * server (until the real one in examples/video-preview/server/ can be started from a test) that speaks the
 * same protocol — an optional request line, then `"<n>\n<jpeg>"` frames from its own ffmpeg.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import * as net from "node:net";
import { join } from "node:path";
import { ffmpegPath } from "../../../examples/video-preview/ffmpeg-path";

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
 * A stand-in preview server: per connection it reads the request line (`<video>[ <interval>[ <W>x<H>]]`,
 * defaults after 500 ms of silence: the first video, 2 s, 176x144), runs ffmpeg with the shared design's
 * arguments, cuts its MJPEG output at each end-of-image marker and sends every JPEG framed. An unknown
 * video gets `Invalid request\n` and a close.
 */
export function standInServer(mediaFolder: string): Promise<TestServer> {
  const ffmpeg = ffmpegPath();
  const videos = readdirSync(mediaFolder).filter((n) => n.endsWith(".mpg")).sort();
  const children = new Set<ChildProcess>();
  return peerServer((socket) => {
    let text = "";
    let started = false;
    const start = (line: string): void => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      const [video = videos[0], interval = "2", size = "176x144"] = line.trim().split(/\s+/).filter((f) => f !== "");
      const [w, h] = size.split("x");
      if (!existsSync(join(mediaFolder, video)) || videos.indexOf(video) < 0) {
        socket.end("Invalid request\n");
        return;
      }
      const args = ["-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", join(mediaFolder, video), "-an", "-vf", "fps=1/" + interval + ",scale=" + w + ":" + h, "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "5", "-"];
      const child = spawn(ffmpeg, args, { stdio: ["ignore", "pipe", "ignore"] });
      children.add(child);
      child.on("exit", () => children.delete(child));
      let held = Buffer.alloc(0);
      child.stdout.on("data", (chunk: Buffer) => {
        held = Buffer.concat([held, chunk]);
        for (let end = held.indexOf(Buffer.from([0xff, 0xd9])); end >= 0; end = held.indexOf(Buffer.from([0xff, 0xd9]))) {
          if (!socket.destroyed) socket.write(frameOnWire(held.subarray(0, end + 2)));
          held = held.subarray(end + 2);
        }
      });
      socket.on("close", () => child.kill("SIGKILL"));
    };
    const timer = setTimeout(() => start(""), 500);
    socket.on("data", (d: Buffer) => {
      if (started) return;
      text += d.toString("latin1");
      const newline = text.indexOf("\n");
      if (newline >= 0) start(text.slice(0, newline));
    });
    socket.on("close", () => clearTimeout(timer));
  }).then((server) => ({
    port: server.port,
    close: async () => {
      for (const child of children) child.kill("SIGKILL");
      await server.close();
    },
  }));
}
