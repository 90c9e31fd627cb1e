/**
 * WebSocketClient on the desktop target, against a real `ws` server on loopback: binary and text messages
 * both ways and in order, the server's close, a refused connection, finishing and shutting down from
 * control, backpressure both ways (the server held back by TCP; the producer held back in the inbox), and
 * the set-up mistakes.
 */
import { expect } from "chai";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { WebSocket as ServerSocket } from "ws";
import {
  AxonError,
  Component,
  DataSource,
  IOFailed,
  Pipeline,
  ProducerFinished,
  ShutdownMicroprocess,
  WebSocketClient,
  isShutdownMessage,
  shutdownMicroprocess,
} from "../../../src/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage, WebSocketConnectionOptions } from "../../../src/index";
import { nodeIO } from "../../../targets/desktop/index";
import { NodeWebSocketClient } from "../../../targets/desktop/io/websocket-client";
import { RecordingSink, quietDriver, waitFor } from "../file/io-test-kit";

/** One message as the server got it. */
interface Got {
  binary: boolean;
  data: Buffer;
}

/** A `ws` server on 127.0.0.1 with a free port, keeping its connections and what each received. */
async function startServer(onConnection?: (socket: ServerSocket) => void): Promise<{ server: WebSocketServer; url: string; sockets: ServerSocket[]; got: Got[]; closes: number[] }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const sockets: ServerSocket[] = [];
  const got: Got[] = [];
  const closes: number[] = [];
  server.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data: Buffer, isBinary: boolean) => got.push({ binary: isBinary, data }));
    socket.on("close", (code: number) => closes.push(code));
    if (onConnection) onConnection(socket);
  });
  const port = (server.address() as AddressInfo).port;
  return { server, url: "ws://127.0.0.1:" + port + "/frames", sockets, got, closes };
}

function stopServer(server: WebSocketServer): Promise<void> {
  for (const client of server.clients) client.terminate();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A driver whose WebSocketClient kind records the connections it makes. */
function recordingDriver(): { driver: ReturnType<typeof quietDriver>["driver"]; lines: string[]; made: NodeWebSocketClient[] } {
  const { driver, lines } = quietDriver();
  const made: NodeWebSocketClient[] = [];
  class Recorded extends NodeWebSocketClient {
    constructor(options: WebSocketConnectionOptions) {
      super(options);
      made.push(this);
    }
  }
  driver.host.io = Object.assign({}, nodeIO, { WebSocketClient: Recorded });
  return { driver, lines, made };
}

type GateIn = { inbox: unknown; control: ShutdownMessage };

/** A sink with a bounded inbox that takes nothing until `open` is set (then takes everything). */
class GatedSink extends Component<GateIn, { outbox: never; signal: ShutdownMessage }> {
  static override Name = "GatedSink";
  static override Inboxes: BoxDescriptions<GateIn> = { inbox: "anything, once open", control: "the shutdown message" };
  open = false;
  items: Uint8Array[] = [];
  constructor(size: number) {
    super();
    this.inboxes.inbox.setSize(size);
  }
  release(): void {
    this.open = true;
    this._wake();
  }
  override *main(): MainLoop {
    for (;;) {
      while (this.open && this.dataReady()) this.items.push(this.recv() as Uint8Array);
      if (this.open && this.dataReady("control")) {
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

/** Resolves once `value()` has stayed the same for `polls` polls 20 ms apart (and `ok` holds for it). */
async function settled(value: () => number, what: string, ok: (v: number) => boolean): Promise<number> {
  let last = -1;
  let same = 0;
  await waitFor(() => {
    const v = value();
    same = v === last && ok(v) ? same + 1 : 0;
    last = v;
    return same >= 10;
  }, what, 15000);
  return last;
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
/** A 64 KiB binary message whose first four bytes are `index`. */
function numbered(index: number): Uint8Array {
  const b = Buffer.alloc(65536, index & 255);
  b.writeUInt32BE(index, 0);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}
const indexOf = (m: Uint8Array): number => Buffer.from(m.buffer, m.byteOffset, m.length).readUInt32BE(0);

describe("WebSocketClient (desktop, on ws)", function () {
  this.timeout(20000);

  it("WebSocketClient — the server sends text and binary, then closes — they arrive in order as string and Uint8Array, then producerFinished(closed)", async () => {
    const { server, url } = await startServer((socket) => {
      socket.send("hello");
      socket.send(Buffer.from([1, 2, 3]));
      socket.send("héllo wörld");
      socket.send(Buffer.alloc(100000, 7));
      socket.close(1000, "all sent");
    });
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new WebSocketClient(url), sink));
    expect(sink.items.length).to.equal(4);
    expect(sink.items[0]).to.equal("hello");
    expect(sink.items[1]).to.be.instanceOf(Uint8Array);
    expect(Array.from(sink.items[1] as Uint8Array)).to.deep.equal([1, 2, 3]);
    expect(sink.items[2]).to.equal("héllo wörld");
    expect((sink.items[3] as Uint8Array).length).to.equal(100000);
    expect(sink.end).to.be.instanceOf(ProducerFinished);
    const end = (sink.end as ProducerFinished).message as IOEnd;
    expect(end.code).to.equal("closed");
    expect(end.message).to.contain("1000").and.contain("all sent");
    await stopServer(server);
  });

  it("WebSocketClient — text and binary on its inbox — reach the server in order, each as its own kind of message", async () => {
    const { server, url, got } = await startServer();
    const { driver } = quietDriver();
    const client = new WebSocketClient(url);
    const running = driver.run(new Pipeline(client, new RecordingSink()));
    client.inboxes.inbox.push("one");
    client.inboxes.inbox.push(bytes(2, 2));
    client.inboxes.inbox.push("three");
    client.inboxes.inbox.push(bytes(4, 4, 4, 4));
    await waitFor(() => got.length === 4, "four messages at the server");
    expect(got.map((g) => g.binary)).to.deep.equal([false, true, false, true]);
    expect(got.map((g) => (g.binary ? Array.from(g.data).join(",") : g.data.toString()))).to.deep.equal(["one", "2,2", "three", "4,4,4,4"]);
    client.inboxes.control.push(shutdownMicroprocess());
    await running;
    await stopServer(server);
  });

  it("WebSocketClient — producerFinished after its messages — sends them all, closes with 1000, passes it on", async () => {
    const { server, url, got, closes } = await startServer();
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new DataSource<string | Uint8Array>(["a", bytes(9), "c"]), new WebSocketClient(url), sink));
    expect(sink.end).to.be.instanceOf(ProducerFinished);
    await waitFor(() => closes.length === 1, "the server to see the close");
    expect(got.map((g) => g.data.toString("latin1"))).to.deep.equal(["a", "\u0009", "c"]);
    expect(closes).to.deep.equal([1000]);
    await stopServer(server);
  });

  it("WebSocketClient — shutdownMicroprocess while connected — closes the connection and passes it on", async () => {
    const { server, url, sockets, closes } = await startServer();
    const { driver } = quietDriver();
    const client = new WebSocketClient(url);
    const sink = new RecordingSink();
    const running = driver.run(new Pipeline(client, sink));
    await waitFor(() => sockets.length === 1, "the connection");
    client.inboxes.control.push(shutdownMicroprocess());
    await running;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
    await waitFor(() => closes.length === 1, "the server to see the close");
    await stopServer(server);
  });

  it("WebSocketClient — nothing listening — producerFinished(IOFailed refused) naming the URL, with a warning", async () => {
    const { server, url } = await startServer();
    await stopServer(server); // the port is free again: nothing listens there now
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new WebSocketClient(url), sink));
    const failed = (sink.end as ProducerFinished).message;
    expect(failed).to.be.instanceOf(IOFailed);
    expect((failed as InstanceType<typeof IOFailed>).code).to.equal("refused");
    expect((failed as Error).message).to.contain(url);
    expect(lines.some((l) => l.startsWith("warn:") && l.indexOf(url) >= 0)).to.equal(true);
  });

  it("WebSocketClient — the server drops the TCP connection without a close frame — producerFinished(IOFailed reset)", async () => {
    const { server, url } = await startServer((socket) => {
      socket.send("last words");
      setTimeout(() => socket.terminate(), 20);
    });
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new WebSocketClient(url), sink));
    expect(sink.items).to.deep.equal(["last words"]);
    const failed = (sink.end as ProducerFinished).message as InstanceType<typeof IOFailed>;
    expect(failed).to.be.instanceOf(IOFailed);
    expect(failed.code).to.equal("reset");
    await stopServer(server);
  });

  it("WebSocketClient — its consumer stops taking — it stops reading, the server is held back by TCP, and nothing is lost", async () => {
    const COUNT = 200; // 12.5 MiB
    const { server, url, sockets } = await startServer((socket) => {
      for (let i = 0; i < COUNT; i++) socket.send(numbered(i));
    });
    const { driver, made } = recordingDriver();
    const sink = new GatedSink(2);
    const running = driver.run(new Pipeline(new WebSocketClient(url, { readLimit: 131072 }), sink));
    await waitFor(() => sockets.length === 1, "the connection");
    // Settled with data still unsent at the server: the client read only up to its limit, then stopped.
    const held = await settled(() => sockets[0].bufferedAmount, "the server's unsent bytes to settle above zero", (v) => v > 0);
    expect(held).to.be.greaterThan(0);
    expect(made[0].unreadBytes).to.be.at.most(131072 + 65536);
    expect(sink.items.length).to.equal(0);
    sink.release();
    await waitFor(() => sink.items.length === COUNT, "every message once released");
    expect(sink.items.map(indexOf)).to.deep.equal(Array.from({ length: COUNT }, (_, i) => i));
    sockets[0].close(1000);
    await running;
    await stopServer(server);
  });

  it("WebSocketClient — the server stops reading — it takes no more than writeLimit from its inbox, and sends everything once the server reads again", async () => {
    const COUNT = 400; // 25 MiB, more than the kernel's buffers hold
    const { server, url, sockets, got } = await startServer((socket) => socket.pause());
    const { driver, made } = recordingDriver();
    const client = new WebSocketClient(url, { writeLimit: 131072 });
    const running = driver.run(new Pipeline(client, new RecordingSink()));
    await waitFor(() => sockets.length === 1, "the connection");
    for (let i = 0; i < COUNT; i++) client.inboxes.inbox.push(numbered(i));
    const waiting = await settled(() => client.dataReady(), "the client's inbox to settle", (v) => v < COUNT);
    expect(waiting).to.be.greaterThan(0);
    expect(made[0].unsentBytes).to.be.at.most(131072 + 65536);
    sockets[0].resume();
    await waitFor(() => got.length === COUNT, "every message at the server", 15000);
    expect(got.map((g) => g.data.readUInt32BE(0))).to.deep.equal(Array.from({ length: COUNT }, (_, i) => i));
    client.inboxes.control.push(shutdownMicroprocess());
    await running;
    await stopServer(server);
  });

  it("WebSocketClient — a URL that is not ws:// or wss:// — an AxonError at construction", () => {
    expect(() => new WebSocketClient("http://127.0.0.1/frames")).to.throw(AxonError, /ws:\/\/ or wss:\/\//);
    expect(() => new WebSocketClient("")).to.throw(AxonError);
  });

  it("WebSocketClient — a message that is neither bytes nor text — crashes with an AxonError naming it", async () => {
    const { server, url, sockets } = await startServer();
    const errors: unknown[] = [];
    const { driver } = quietDriver();
    driver.scheduler.hooks = { onError: (error) => errors.push(error) };
    const client = new WebSocketClient(url);
    const running = driver.run(client);
    await waitFor(() => sockets.length === 1, "the connection");
    (client.inboxes.inbox as unknown as { push(m: unknown): void }).push(42);
    await running;
    expect(errors[0]).to.be.instanceOf(AxonError);
    expect((errors[0] as Error).message).to.contain("got number");
    await stopServer(server);
  });
});
