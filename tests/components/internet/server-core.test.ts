/**
 * ServerCore on real loopback sockets (desktop EventLoopDriver): a protocol component per connection,
 * the handler told why its socket closed, half-closes, bad input to a de-framing protocol, the limits
 * (maxBufferedBytes, maxConnections, idleTimeoutMs), a failing factory or handler costing one connection,
 * a taken port, and shutdown closing everything. Each test ends with nothing left running.
 */
import { expect } from "chai";
import {
  Component,
  ConnectionLimit,
  CorruptFrame,
  IOFailed,
  LengthPrefixDeFramer,
  LengthPrefixFramer,
  Pipeline,
  ProducerFinished,
  ServerCore,
  ShutdownMicroprocess,
  SimpleServer,
  TCPClient,
  isShutdownMessage,
  liveLinkageCount,
} from "../../../src/index";
import type { ConnectionInfo, MainLoop } from "../../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { Echo, Feeder, Recorder, componentCount, eventually, logCapture, pattern, plainClient, tcpHandles } from "./tcp-helpers";

/** A server on the driver, listening on a free loopback port; resolves once it listens. */
async function listening(driver: EventLoopDriver, server: ServerCore): Promise<{ port: number; stop: () => Promise<void> }> {
  const handle = new AsyncHandle(server, driver);
  const port = (await handle.get("serverPort")) as number;
  return {
    port,
    stop: async () => {
      await handle.shutdown();
      handle.close();
    },
  };
}

/** One TCPClient conversation: send `data`, half-close, collect the reply until the server closes. */
function converse(driver: EventLoopDriver, port: number, data: Uint8Array | string): Promise<Recorder> {
  const feeder = new Feeder();
  const recorder = new Recorder();
  feeder.feed(data);
  feeder.finish();
  const pipeline = new Pipeline(feeder, new TCPClient("127.0.0.1", port), recorder);
  pipeline.activate(driver.scheduler);
  driver.kick();
  return eventually(() => pipeline.isStopped(), "the conversation to end").then(() => recorder);
}

/** Records what its control received, then ends (passing it on). */
class Watcher extends Component {
  static override Name = "Watcher";
  static seen: unknown[] = [];
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.recv();
      if (this.dataReady("control")) {
        const message = this.recv("control");
        Watcher.seen.push(message);
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

/** Throws on its first step. */
class Crasher extends Component {
  static override Name = "Crasher";
  override *main(): MainLoop {
    throw new Error("handler bug");
  }
}

const local = { address: "127.0.0.1" };

describe("ServerCore", function () {
  this.timeout(20000);

  it("ServerCore — an Echo per connection, three clients — each gets its own bytes back, then all is gone", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const linkagesBefore = liveLinkageCount();
    const handlesBefore = tcpHandles();
    const seen: ConnectionInfo[] = [];
    const server = new ServerCore(
      (connection) => {
        seen.push(connection);
        return new Echo();
      },
      0,
      local,
    );
    const { port, stop } = await listening(driver, server);
    expect(server.port).to.equal(port);
    const baseline = componentCount(driver);
    const replies = await Promise.all([converse(driver, port, pattern(50000, 1)), converse(driver, port, "two"), converse(driver, port, pattern(3, 3))]);
    expect(replies[0].bytes().equals(pattern(50000, 1))).to.equal(true);
    expect(replies[1].text()).to.equal("two");
    expect(replies[2].bytes().equals(pattern(3, 3))).to.equal(true);
    for (const r of replies) expect(r.reason()).to.deep.include({ code: "closed" });
    expect(seen.map((c) => c.id).sort()).to.deep.equal([1, 2, 3]);
    expect(seen[0]).to.include({ peerAddress: "127.0.0.1", localPort: port });
    // Each connection says how many of its handler's bytes its socket has not taken: none, once echoed.
    for (const c of seen) expect((c.bufferedBytes as () => number)()).to.equal(0);
    await eventually(() => server.connectionCount() === 0 && componentCount(driver) === baseline, "the connections to go");
    await stop();
    expect(componentCount(driver)).to.equal(0);
    expect(liveLinkageCount()).to.equal(linkagesBefore);
    await eventually(() => tcpHandles() === handlesBefore, "the sockets to close");
  });

  it("ServerCore — the peer resets — the handler gets producerFinished carrying IOFailed reset", async () => {
    Watcher.seen = [];
    const driver = new EventLoopDriver({ log: () => undefined });
    const server = new ServerCore(() => new Watcher(), 0, local);
    const { port, stop } = await listening(driver, server);
    const client = await plainClient(port);
    client.socket.write("hi");
    await eventually(() => server.connectionCount() === 1, "the connection");
    client.socket.resetAndDestroy();
    await eventually(() => Watcher.seen.length > 0 && server.connectionCount() === 0, "the handler to hear");
    const told = Watcher.seen[0] as InstanceType<typeof ProducerFinished>;
    expect(told).to.be.instanceOf(ProducerFinished);
    expect(told.message).to.be.instanceOf(IOFailed);
    expect((told.message as InstanceType<typeof IOFailed>).code).to.equal("reset");
    await stop();
  });

  it("ServerCore — a client half-closes after its request — the Echo still answers it all, then closes", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const server = new ServerCore(() => new Echo(), 0, local);
    const { port, stop } = await listening(driver, server);
    const client = await plainClient(port);
    const request = pattern(200000, 7);
    client.socket.end(request);
    await eventually(() => client.closed(), "the server to close");
    expect(client.received().equals(request)).to.equal(true);
    expect(client.error()).to.equal("");
    await eventually(() => server.connectionCount() === 0, "the connection to go");
    await stop();
  });

  it("ServerCore — garbage to a LengthPrefixDeFramer protocol — CorruptFrame logged, that connection closed, the server serves on", async () => {
    const captured = logCapture();
    const driver = new EventLoopDriver({ log: captured.log });
    const framedEcho = (): Pipeline => new Pipeline(new LengthPrefixDeFramer(), new Echo(), new LengthPrefixFramer());
    const server = new ServerCore(framedEcho, 0, local);
    const { port, stop } = await listening(driver, server);
    const bad = await plainClient(port);
    bad.socket.write("3\nabcGARBAGE\n");
    await eventually(() => bad.closed(), "the bad connection to close");
    expect(bad.received().toString()).to.equal("3\nabc");
    const line = captured.lines.find((l) => l.indexOf("CorruptFrame") >= 0);
    expect(line, "a log line naming CorruptFrame").to.be.a("string");
    expect(line).to.match(/^warn: ConnectedSocketAdapter_\d+ \(127\.0\.0\.1:\d+\)/);
    const good = await converse(driver, port, "5\nhello");
    expect(good.text()).to.equal("5\nhello");
    await eventually(() => server.connectionCount() === 0, "the connections to go");
    expect(server.isRunning()).to.equal(true);
    await stop();
    expect(CorruptFrame).to.be.a("function");
  });

  it("ServerCore — a client that stops reading — its connection closes at maxBufferedBytes, logged; others unaffected", async () => {
    const captured = logCapture();
    const driver = new EventLoopDriver({ log: captured.log });
    Watcher.seen = [];
    const reasons: unknown[] = [];
    /** Echo that also notes why it was told to finish. */
    class NotingEcho extends Echo {
      static override Name = "NotingEcho";
      override *main(): MainLoop {
        for (;;) {
          while (this.dataReady()) this.send(this.recv());
          if (this.dataReady("control")) {
            const message = this.recv("control");
            reasons.push(message instanceof ProducerFinished ? message.message : message);
            this.send(message, "signal");
            return;
          }
          this.pause();
          yield 1;
        }
      }
    }
    const server = new ServerCore(() => new NotingEcho(), 0, { ...local, maxBufferedBytes: 256 * 1024, writeLimit: 16384 });
    const { port, stop } = await listening(driver, server);
    const stuck = await plainClient(port);
    stuck.socket.pause(); // reads nothing: everything echoed piles up on the server side
    const block = Buffer.alloc(65536, 7);
    let wrote = 0;
    // Keep sending until the server gives up on this client (the kernel buffers take a few MB first).
    while (!stuck.closed() && wrote < 256 << 20) {
      if (stuck.socket.writableLength > 4 << 20) {
        await new Promise((resolve) => setTimeout(resolve, 5)); // the server has stopped reading us for now
        continue;
      }
      stuck.socket.write(block);
      wrote += block.length;
      if (wrote === 1 << 20) {
        // Meanwhile another client is served normally.
        const other = await converse(driver, port, "still here");
        expect(other.text()).to.equal("still here");
      }
    }
    expect(wrote).to.be.greaterThan(1 << 20);
    await eventually(() => server.connectionCount() === 0, "the stuck connection to go");
    const limit = reasons.find((r) => r instanceof ConnectionLimit) as InstanceType<typeof ConnectionLimit>;
    expect(limit, "a ConnectionLimit reason").to.not.equal(undefined);
    expect(limit.limit).to.equal("maxBufferedBytes");
    expect(captured.lines.some((l) => l.startsWith("warn:") && l.indexOf("maxBufferedBytes 262144") >= 0)).to.equal(true);
    stuck.socket.destroy();
    await stop();
  });

  it("ServerCore — maxConnections 2, a third client — the third is closed at once and logged, the two are served", async () => {
    const captured = logCapture();
    const driver = new EventLoopDriver({ log: captured.log });
    const server = new ServerCore(() => new Echo(), 0, { ...local, maxConnections: 2 });
    const { port, stop } = await listening(driver, server);
    const a = await plainClient(port);
    const b = await plainClient(port);
    await eventually(() => server.connectionCount() === 2, "two connections");
    const c = await plainClient(port);
    await eventually(() => c.closed(), "the third to be closed");
    expect(captured.lines.some((l) => l.indexOf("maxConnections 2") >= 0)).to.equal(true);
    a.socket.write("a");
    b.socket.write("b");
    await eventually(() => a.received().toString() === "a" && b.received().toString() === "b", "the echoes");
    a.socket.end();
    await eventually(() => a.closed() && server.connectionCount() === 1, "a to go");
    const d = await converse(driver, port, "d");
    expect(d.text()).to.equal("d");
    b.socket.destroy();
    await eventually(() => server.connectionCount() === 0, "the connections to go");
    await stop();
  });

  it("ServerCore — idleTimeoutMs 150 — a silent connection is closed, its handler told ConnectionLimit", async () => {
    Watcher.seen = [];
    const captured = logCapture();
    const driver = new EventLoopDriver({ log: captured.log });
    const server = new ServerCore(() => new Watcher(), 0, { ...local, idleTimeoutMs: 150 });
    const { port, stop } = await listening(driver, server);
    const client = await plainClient(port);
    client.socket.write("something, then silence");
    await eventually(() => client.closed(), "the idle connection to close");
    await eventually(() => server.connectionCount() === 0, "the connection to go");
    const told = Watcher.seen[0] as InstanceType<typeof ProducerFinished>;
    expect(told.message).to.be.instanceOf(ConnectionLimit);
    expect((told.message as InstanceType<typeof ConnectionLimit>).limit).to.equal("idleTimeoutMs");
    expect(captured.lines.some((l) => l.indexOf("idleTimeoutMs 150") >= 0)).to.equal(true);
    await stop();
  });

  it("ServerCore — a factory that throws, then a handler that crashes — each costs only its connection", async () => {
    const captured = logCapture();
    const driver = new EventLoopDriver({ log: captured.log });
    let n = 0;
    const server = new ServerCore(
      () => {
        n++;
        if (n === 1) throw new Error("no handler for you");
        if (n === 2) return new Crasher();
        return new Echo();
      },
      0,
      local,
    );
    const { port, stop } = await listening(driver, server);
    const first = await plainClient(port);
    await eventually(() => first.closed(), "the first connection to close");
    expect(captured.lines.some((l) => l.startsWith("error:") && l.indexOf("no handler for you") >= 0)).to.equal(true);
    const second = await plainClient(port);
    await eventually(() => second.closed(), "the second connection to close");
    expect(captured.lines.some((l) => l.indexOf("handler bug") >= 0)).to.equal(true);
    const third = await converse(driver, port, "third");
    expect(third.text()).to.equal("third");
    await eventually(() => server.connectionCount() === 0, "the connections to go");
    await stop();
  });

  it("ServerCore — shutdownMicroprocess with connections open — stops listening, closes them, ends every handler", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const linkagesBefore = liveLinkageCount();
    const server = new SimpleServer(() => new Echo(), 0, local);
    expect(server.name).to.match(/^SimpleServer_/);
    const { port, stop } = await listening(driver, server);
    const clients = await Promise.all([plainClient(port), plainClient(port), plainClient(port)]);
    await eventually(() => server.connectionCount() === 3, "three connections");
    await stop();
    expect(server.isStopped()).to.equal(true);
    expect(componentCount(driver)).to.equal(0);
    expect(liveLinkageCount()).to.equal(linkagesBefore);
    await eventually(() => clients.every((c) => c.closed()), "every client to be closed");
    const refused = await plainClient(port).then(
      (c) => {
        c.socket.destroy();
        return "connected";
      },
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(refused).to.equal("ECONNREFUSED");
  });

  it("ServerCore — the port is taken — ends with producerFinished carrying IOFailed in-use", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const first = new ServerCore(() => new Echo(), 0, local);
    const { port, stop } = await listening(driver, first);
    const second = new ServerCore(() => new Echo(), port, local);
    const recorder = new Recorder();
    const pipeline = new Pipeline(second, recorder).activate(driver.scheduler);
    driver.kick();
    await eventually(() => pipeline.isStopped(), "the second server to end");
    expect(recorder.reason()).to.be.instanceOf(IOFailed);
    expect((recorder.reason() as InstanceType<typeof IOFailed>).code).to.equal("in-use");
    await stop();
  });

  it("ServerCore — bad arguments — AxonErrors naming what to give", () => {
    expect(() => new ServerCore(undefined as never, 1601)).to.throw(/protocol factory/);
    expect(() => new ServerCore(() => new Echo(), 70000)).to.throw(/0 \(any free port\) to 65535/);
    expect(ShutdownMicroprocess).to.be.a("function");
  });
});
