/**
 * ThreadedTCPClient: a TCP client on blocking-only sockets (the desktop's real blocking socket API, served
 * by a socket thread), whose blocking calls run on a platform thread. Echo round trip and an orderly
 * finish; a refused connection reported with its code; and the point of it all: while the thread sits
 * blocked in `recv` for 500 ms, a clock on the same scheduler keeps ticking.
 */
import { expect } from "chai";
import { createServer } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";
import { Clock, Collector, Component, Graphline, ProducerFinished, ThreadedTCPClient, producerFinished } from "../../../src/index";
import type { MainLoop } from "../../../src/index";
import { EventLoopDriver } from "../../../targets/desktop/index";
import { liveThreadPorts } from "../../../targets/desktop/io/thread-port";
import { eventually } from "../../helpers/eventually";

/** A loopback server running `onConnection` for each client; resolves with it once listening. */
function server(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const s = createServer(onConnection);
    s.listen(0, "127.0.0.1", () => resolve({ server: s, port: (s.address() as AddressInfo).port }));
  });
}

/** Sends the given byte messages, then producerFinished; ends. */
class Sender extends Component {
  static override Name = "Sender";
  constructor(private readonly messages: Uint8Array[]) {
    super();
  }
  override *main(): MainLoop {
    for (const m of this.messages) this.send(m);
    yield 1;
    this.send(producerFinished(this), "signal");
  }
}

const text = (chunks: unknown[]): string => chunks.map((c) => Buffer.from(c as Uint8Array).toString()).join("");

describe("ThreadedTCPClient", function () {
  this.timeout(20000);

  it("ThreadedTCPClient — against an echo server — echoes bytes and strings, then ends closed after producerFinished", async () => {
    const { server: s, port } = await server((socket) => socket.pipe(socket));
    const driver = new EventLoopDriver();
    const collector = new Collector();
    const signals = new Collector();
    const system = new Graphline({
      source: new Sender([Buffer.from("hello "), "blocking world" as unknown as Uint8Array]),
      client: new ThreadedTCPClient("127.0.0.1", port, { pollMs: 20 }),
      sink: collector,
      signals,
      linkages: { "source.outbox": "client.inbox", "source.signal": "client.control", "client.outbox": "sink.inbox", "client.signal": "signals.inbox" },
    });
    const run = driver.run(system);
    await eventually(() => signals.collected.length > 0, "the client to end");
    expect(text(collector.collected)).to.equal("hello blocking world");
    const end = signals.collected[0] as ProducerFinished;
    expect(end).to.be.instanceOf(ProducerFinished);
    expect((end.message as { code: string }).code).to.equal("closed");
    driver.stop();
    await run;
    s.close();
  });

  it("ThreadedTCPClient — nothing listening — ends with producerFinished whose message has code refused", async () => {
    const { server: s, port } = await server(() => undefined);
    await new Promise<void>((r) => s.close(() => r()));
    const driver = new EventLoopDriver();
    const signals = new Collector();
    const run = driver.run(new Graphline({ client: new ThreadedTCPClient("127.0.0.1", port), signals, linkages: { "client.signal": "signals.inbox" } }));
    await eventually(() => signals.collected.length > 0, "the client to end");
    driver.stop();
    await run;
    const end = signals.collected[0] as ProducerFinished;
    expect(end).to.be.instanceOf(ProducerFinished);
    expect((end.message as { code: string }).code).to.equal("refused");
    await eventually(() => liveThreadPorts() === 0, "every thread Worker to exit");
    expect(liveThreadPorts()).to.equal(0);
  });

  it("ThreadedTCPClient — its thread blocked in recv for 500 ms — does not stop a clock on the same scheduler ticking", async () => {
    let sentAt = 0;
    const { server: s, port } = await server((socket) => {
      setTimeout(() => {
        sentAt = Date.now();
        socket.end("late reply");
      }, 500);
    });
    const driver = new EventLoopDriver();
    const ticks = new Collector();
    const received = new Collector();
    const signals = new Collector();
    // pollMs far above 500: the thread makes one recv call and blocks in it until the reply comes.
    const client = new ThreadedTCPClient("127.0.0.1", port, { pollMs: 5000 });
    const clock = new Clock(10);
    const run = driver.run(
      new Graphline({
        client,
        received,
        signals,
        linkages: { "client.outbox": "received.inbox", "client.signal": "signals.inbox" },
      }),
      new Graphline({ clock, ticks, linkages: { "clock.outbox": "ticks.inbox" } }),
    );
    await eventually(() => signals.collected.length > 0, "the client to end");
    expect(text(received.collected)).to.equal("late reply");
    expect(sentAt).to.be.greaterThan(0);
    // Ticks counted while the client's thread was blocked: a stalled scheduler would have none.
    const during = (ticks.collected as number[]).length;
    expect(during).to.be.greaterThan(10);
    driver.stop();
    await run;
    s.close();
    await eventually(() => liveThreadPorts() === 0, "every thread Worker to exit");
    expect(liveThreadPorts()).to.equal(0);
  });
});
