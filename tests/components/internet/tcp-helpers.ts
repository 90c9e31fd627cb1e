/**
 * Helpers for the TCP component tests: an Echo protocol, a Recorder sink that keeps the bytes it gets and
 * the message it ended on, a Feeder the test drives, plain Node peers, and counts of live sockets and
 * components for the leak checks. Real loopback sockets on the desktop EventLoopDriver.
 */
import * as net from "node:net";
import { Component, ProducerFinished, isShutdownMessage } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";
import type { EventLoopDriver } from "../../../targets/desktop/index";
export { eventually } from "../../helpers/eventually";

type BytesIn = { inbox: Uint8Array; control: ShutdownMessage };
type BytesOut = { outbox: Uint8Array; signal: ShutdownMessage };

/** The paper's Echo protocol: sends back what it receives; passes a shutdown message on and ends. */
export class Echo extends Component<BytesIn, BytesOut> {
  static override Name = "Echo";
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.send(this.recv());
      if (this.dataReady("control")) {
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

/**
 * Keeps every chunk it receives and the shutdown message it ended on. With `gated`, it collects nothing
 * until `open()` (its inbox is bounded to `size`, so the producer feels it).
 */
export class Recorder extends Component<{ inbox: unknown; control: ShutdownMessage }, { outbox: never; signal: ShutdownMessage }> {
  static override Name = "Recorder";
  static override Inboxes: BoxDescriptions<{ inbox: unknown; control: unknown }> = { inbox: "anything to keep", control: "shutdown messages" };
  readonly items: unknown[] = [];
  ending: ShutdownMessage | null = null;
  private gated: boolean;

  constructor(options?: { gated?: boolean; size?: number }) {
    super();
    this.gated = !!(options && options.gated);
    if (options && options.size !== undefined) this.inboxes.inbox.setSize(options.size);
  }

  /** Start collecting (wakes it). */
  open(): void {
    this.gated = false;
    this._wake();
  }

  /** Every chunk so far as one Buffer. */
  bytes(): Buffer {
    return Buffer.concat(this.items.map((c) => Buffer.from(c as Uint8Array)));
  }

  text(): string {
    return this.bytes().toString();
  }

  /** The `message` of the producerFinished it ended on (undefined if none, or not yet). */
  reason(): unknown {
    return this.ending instanceof ProducerFinished ? this.ending.message : undefined;
  }

  override *main(): MainLoop {
    for (;;) {
      if (!this.gated) while (this.dataReady()) this.items.push(this.recv());
      if (!this.gated && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.ending = message;
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** Sends what the test gives it with `feed`, and `finish()` sends producerFinished. */
export class Feeder extends Component<{ inbox: never; control: ShutdownMessage }, { outbox: Uint8Array | string; signal: ShutdownMessage }> {
  static override Name = "Feeder";
  private waiting: Array<Uint8Array | string> = [];
  private finishing = false;

  feed(data: Uint8Array | string): void {
    this.waiting.push(data);
    this._wake();
  }

  finish(): void {
    this.finishing = true;
    this._wake();
  }

  /** True when the destination is full (the consumer pushes back). */
  blocked(): boolean {
    return this.outboxes.outbox.isFull();
  }

  override *main(): MainLoop {
    for (;;) {
      while (this.waiting.length > 0 && !this.outboxes.outbox.isFull()) this.send(this.waiting.shift() as Uint8Array);
      if (this.finishing && this.waiting.length === 0) {
        this.send(new ProducerFinished(this), "signal");
        return;
      }
      if (this.dataReady("control")) return;
      this.pause();
      yield 1;
    }
  }
}

/** A plain Node peer on loopback; `close()` destroys its connections and stops it. */
export interface Peer {
  port: number;
  sockets: net.Socket[];
  close(): Promise<void>;
}

export async function peerServer(onConnection: (socket: net.Socket) => void, options?: net.ServerOpts): Promise<Peer> {
  const sockets: net.Socket[] = [];
  const server = net.createServer(options || {}, (socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nobody listens on. */
export async function deadPort(): Promise<number> {
  const peer = await peerServer(() => undefined);
  await peer.close();
  return peer.port;
}

/** A plain Node client; resolves once connected, collecting what it receives. */
export async function plainClient(port: number): Promise<{ socket: net.Socket; received: () => Buffer; closed: () => boolean; error: () => string }> {
  const socket = net.connect({ port, host: "127.0.0.1" });
  const parts: Buffer[] = [];
  let closed = false;
  let error = "";
  socket.on("data", (d: Buffer) => parts.push(d));
  socket.on("close", () => (closed = true));
  socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code || e.message));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", reject);
  });
  return { socket, received: () => Buffer.concat(parts), closed: () => closed, error: () => error };
}

/** Live TCP handles in this process (sockets and listeners), from Node's own count. */
export function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "TCPServerWrap").length;
}

/** Components alive on the driver's scheduler. */
export function componentCount(driver: EventLoopDriver): number {
  return driver.scheduler.listAllThreads().length;
}

/** Log lines captured from a driver (pass `log` to its options). */
export function logCapture(): { lines: string[]; log: (level: string, message: string) => void } {
  const lines: string[] = [];
  return { lines, log: (level, message) => lines.push(level + ": " + message) };
}

/** Bytes with a recognisable pattern. */
export function pattern(length: number, seed = 0): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed + (i >> 9)) & 0xff;
  return bytes;
}
