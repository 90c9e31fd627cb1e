/**
 * TCPClient on real loopback sockets (desktop EventLoopDriver) against plain Node peers: the round trip,
 * how it ends (closed, refused, reset, a reset mid-frame), backpressure both ways, the half-close on
 * producerFinished, and shutdownMicroprocess.
 */
import { expect } from "chai";
import type * as net from "node:net";
import { Graphline, IOFailed, LengthPrefixDeFramer, Pipeline, ShortFrame, ShutdownMicroprocess, TCPClient } from "../../../src/index";
import { EventLoopDriver } from "../../../targets/desktop/index";
import { Feeder, Recorder, deadPort, eventually, pattern, peerServer } from "./tcp-helpers";

const quiet = (): void => undefined;

describe("TCPClient", function () {
  this.timeout(20000);

  it("TCPClient — fed bytes and strings, then producerFinished, against an echo peer — every byte back, then closed", async () => {
    const peer = await peerServer((s) => s.pipe(s));
    const driver = new EventLoopDriver({ log: quiet });
    const feeder = new Feeder();
    const recorder = new Recorder();
    const sent = pattern(100000);
    feeder.feed(new Uint8Array(sent));
    feeder.feed("and a string");
    feeder.finish();
    await driver.run(new Pipeline(feeder, new TCPClient("127.0.0.1", peer.port), recorder));
    expect(recorder.bytes().equals(Buffer.concat([sent, Buffer.from("and a string")]))).to.equal(true);
    expect(recorder.reason()).to.deep.include({ code: "closed" });
    await peer.close();
  });

  it("TCPClient — nothing listens on the port — producerFinished with IOFailed, code refused", async () => {
    const port = await deadPort();
    const driver = new EventLoopDriver({ log: quiet });
    const recorder = new Recorder();
    await driver.run(new Pipeline(new TCPClient("127.0.0.1", port), recorder));
    const reason = recorder.reason();
    expect(reason).to.be.instanceOf(IOFailed);
    expect((reason as InstanceType<typeof IOFailed>).code).to.equal("refused");
    expect((reason as Error).message).to.contain("127.0.0.1:" + port);
  });

  it("TCPClient — the server resets after some bytes — those bytes arrive, then IOFailed reset", async () => {
    const peer = await peerServer((s) => s.write("partial", () => setTimeout(() => s.resetAndDestroy(), 20)));
    const driver = new EventLoopDriver({ log: quiet });
    const recorder = new Recorder();
    await driver.run(new Pipeline(new TCPClient("127.0.0.1", peer.port), recorder));
    expect(recorder.text()).to.equal("partial");
    expect((recorder.reason() as InstanceType<typeof IOFailed>).code).to.equal("reset");
    await peer.close();
  });

  it("TCPClient — the server resets mid-frame under a LengthPrefixDeFramer — whole frames arrive, then ShortFrame", async () => {
    const peer = await peerServer((s) => s.write("5\nhello3\nabc10\nabc", () => setTimeout(() => s.resetAndDestroy(), 20)));
    const driver = new EventLoopDriver({ log: quiet });
    const recorder = new Recorder();
    await driver.run(new Pipeline(new TCPClient("127.0.0.1", peer.port), new LengthPrefixDeFramer(), recorder));
    expect(recorder.items.map((f) => Buffer.from(f as Uint8Array).toString())).to.deep.equal(["hello", "abc"]);
    expect(recorder.reason()).to.be.instanceOf(ShortFrame);
    await peer.close();
  });

  it("TCPClient — the consumer stops collecting — it stops reading, the server is held back, then every byte arrives", async () => {
    // More than loopback's kernel buffers can hold (a few MB each way), so most must wait at the server.
    const total = 32 << 20;
    const sent = pattern(total);
    let server: net.Socket | null = null;
    const peer = await peerServer((s) => {
      server = s;
      s.end(sent);
    });
    const driver = new EventLoopDriver({ log: quiet });
    const recorder = new Recorder({ gated: true, size: 4 });
    const done = driver.run(new Pipeline(new TCPClient("127.0.0.1", peer.port, { readLimit: 16384 }), recorder));
    await eventually(() => server !== null && recorder.dataReady() === 4, "the recorder's inbox to fill");
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The server could not hand everything over: most of the 32 MB still waits on its side.
    const unsent = (server as unknown as net.Socket).writableLength;
    expect(unsent).to.be.greaterThan(total / 4);
    expect(recorder.dataReady()).to.equal(4);
    recorder.open();
    await done;
    expect(recorder.bytes().equals(sent)).to.equal(true);
    await peer.close();
  });

  it("TCPClient — the server stops reading — it holds its inbox, the sender sees it full, all arrives once it reads", async () => {
    let server: net.Socket | null = null;
    let received = 0;
    const peer = await peerServer((s) => {
      server = s;
      s.pause();
      s.on("data", (d: Buffer) => (received += d.length));
      s.on("end", () => s.end());
    });
    const driver = new EventLoopDriver({ log: quiet });
    const feeder = new Feeder();
    const client = new TCPClient("127.0.0.1", peer.port, { writeLimit: 16384 });
    client.inboxes.inbox.setSize(4);
    const recorder = new Recorder();
    const chunk = new Uint8Array(65536);
    const chunks = 400; // 25 MB: more than loopback's buffers hold
    for (let i = 0; i < chunks; i++) feeder.feed(chunk);
    feeder.finish();
    const done = driver.run(new Pipeline(feeder, client, recorder));
    await eventually(() => server !== null && feeder.blocked(), "the client's inbox to fill");
    expect(received).to.equal(0);
    (server as unknown as net.Socket).resume();
    await done;
    expect(received).to.equal(chunks * chunk.length);
    expect(recorder.reason()).to.deep.include({ code: "closed" });
    await peer.close();
  });

  it("TCPClient — producerFinished, then the server answers after the half-close — the answer still arrives", async () => {
    const peer = await peerServer(
      (s) => {
        let request = "";
        s.on("data", (d: Buffer) => (request += d.toString()));
        s.on("end", () => s.end("you sent " + request.length + " bytes"));
      },
      { allowHalfOpen: true },
    );
    const driver = new EventLoopDriver({ log: quiet });
    const feeder = new Feeder();
    const recorder = new Recorder();
    feeder.feed("0123456789");
    feeder.finish();
    await driver.run(new Pipeline(feeder, new TCPClient("127.0.0.1", peer.port), recorder));
    expect(recorder.text()).to.equal("you sent 10 bytes");
    expect(recorder.reason()).to.deep.include({ code: "closed" });
    await peer.close();
  });

  it("TCPClient — shutdownMicroprocess on control — closes at once and passes it on", async () => {
    let peerClosed = false;
    const peer = await peerServer((s) => s.on("close", () => (peerClosed = true)));
    const driver = new EventLoopDriver({ log: quiet });
    const client = new TCPClient("127.0.0.1", peer.port);
    const recorder = new Recorder();
    const graph = new Graphline({
      CLIENT: client,
      SINK: recorder,
      linkages: { "self.control": "CLIENT.control", "CLIENT.outbox": "SINK.inbox", "CLIENT.signal": "SINK.control" },
    });
    const done = driver.run(graph);
    await eventually(() => peer.sockets.length === 1, "the connection");
    graph.inboxes.control.push(ShutdownMicroprocess());
    await done;
    expect(recorder.ending).to.be.instanceOf(ShutdownMicroprocess);
    await eventually(() => peerClosed, "the server to see the close");
    await peer.close();
  });
});
