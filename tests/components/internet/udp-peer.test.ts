/**
 * The UDP components on real loopback sockets: UDPReceiver's [sender, data] shape, SimpleUDPSender,
 * two UDPPeers talking, a peer with no remote taking [destination, data], the port being in use
 * (IOFailed, logged), shutdown closing the socket, and a message that cannot be sent anywhere.
 */
import { expect } from "chai";
import { createSocket } from "node:dgram";
import {
  AxonError,
  DataSource,
  IOFailed,
  Pipeline,
  ProducerFinished,
  ShutdownMicroprocess,
  SimpleUDPSender,
  UDPPeer,
  UDPReceiver,
  shutdownMicroprocess,
} from "../../../src/index";
import type { ReceivedDatagram } from "../../../src/index";
import { RecordingSink, quietDriver, stopDrivers, waitFor } from "../file/io-test-kit";

const text = (m: unknown): string => Buffer.from((m as ReceivedDatagram)[1]).toString();

/** True if a plain socket can bind `port` on 127.0.0.1 exclusively (nothing holds it any more). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket("udp4");
    s.on("error", () => resolve(false));
    s.bind(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

describe("UDP components", function () {
  this.timeout(20000);
  afterEach(stopDrivers);

  it("UDPReceiver and SimpleUDPSender — three datagrams — arrive as [{ address, port }, data], in order", async () => {
    const { driver } = quietDriver();
    const receiver = new UDPReceiver(0, "127.0.0.1");
    const sink = new RecordingSink();
    const receiving = driver.run(new Pipeline(receiver, sink));
    await waitFor(() => receiver.localPort > 0, "the receiver to bind");
    const sender = new SimpleUDPSender("127.0.0.1", receiver.localPort, { localAddress: "127.0.0.1" });
    // run() resolves once nothing is left on the driver, so while the receiver runs, wait for the sender.
    const sending = new Pipeline(new DataSource<string | Uint8Array>(["one", "two", new Uint8Array(Buffer.from("three"))]), sender);
    void driver.run(sending);
    await waitFor(() => sink.count === 3 && sending.isStopped(), "three datagrams");
    expect(sink.items.map(text)).to.deep.equal(["one", "two", "three"]);
    const [from, data] = sink.items[0] as ReceivedDatagram;
    expect(from.address).to.equal("127.0.0.1");
    expect(from.port).to.be.a("number").greaterThan(0);
    expect(data).to.be.instanceOf(Uint8Array);
    receiver.inboxes.control.push(shutdownMicroprocess());
    await receiving;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
  });

  it("UDPPeer — two peers, each the other's remote — each receives what the other sends, from the other's port", async () => {
    const { driver } = quietDriver();
    const probeA = new UDPReceiver(0, "127.0.0.1");
    const probeB = new UDPReceiver(0, "127.0.0.1");
    // Two free ports, found by binding and letting go (the peers need each other's port up front).
    const ports = driver.run(probeA, probeB);
    await waitFor(() => probeA.localPort > 0 && probeB.localPort > 0, "two ports");
    const portA = probeA.localPort;
    const portB = probeB.localPort;
    probeA.inboxes.control.push(shutdownMicroprocess());
    probeB.inboxes.control.push(shutdownMicroprocess());
    await ports;
    const a = new UDPPeer("127.0.0.1", portA, "127.0.0.1", portB);
    const b = new UDPPeer("127.0.0.1", portB, "127.0.0.1", portA);
    const sinkA = new RecordingSink();
    const sinkB = new RecordingSink();
    const done = driver.run(new Pipeline(a, sinkA), new Pipeline(b, sinkB));
    await waitFor(() => a.localPort > 0 && b.localPort > 0, "both peers to bind");
    a.inboxes.inbox.push("from a");
    b.inboxes.inbox.push("from b");
    await waitFor(() => sinkA.count > 0 && sinkB.count > 0, "a datagram each way");
    expect(text(sinkB.items[0])).to.equal("from a");
    expect((sinkB.items[0] as ReceivedDatagram)[0]).to.deep.equal({ address: "127.0.0.1", port: portA });
    expect(text(sinkA.items[0])).to.equal("from b");
    a.inboxes.control.push(shutdownMicroprocess());
    b.inboxes.control.push(shutdownMicroprocess());
    await done;
  });

  it("UDPPeer — no remote, messages saying [{ address, port }, data] — each goes where it says", async () => {
    const { driver } = quietDriver();
    const receiver = new UDPReceiver(0, "127.0.0.1");
    const sink = new RecordingSink();
    const receiving = driver.run(new Pipeline(receiver, sink));
    await waitFor(() => receiver.localPort > 0, "the receiver to bind");
    const to = { address: "127.0.0.1", port: receiver.localPort };
    const sending = new Pipeline(new DataSource([[to, "addressed"]]), new UDPPeer("127.0.0.1"));
    void driver.run(sending);
    await waitFor(() => sink.count === 1 && sending.isStopped(), "the datagram");
    expect(text(sink.items[0])).to.equal("addressed");
    receiver.inboxes.control.push(shutdownMicroprocess());
    await receiving;
  });

  it("UDPPeer — no remote and a plain message — crashes with an AxonError saying how to address it", async () => {
    const { driver } = quietDriver();
    const errors: unknown[] = [];
    driver.scheduler.hooks.onError = (error: unknown) => errors.push(error);
    const peer = new UDPPeer("127.0.0.1");
    await driver.run(new Pipeline(new DataSource(["nowhere"]), peer));
    expect(peer.crashed).to.equal(true);
    expect(errors[0]).to.be.instanceOf(AxonError);
    expect((errors[0] as Error).message).to.match(/no destination.*\[\{ address, port \}, data\]/);
  });

  it("UDPReceiver — a port another socket holds — producerFinished with IOFailed in-use, and a log line", async () => {
    const holder = createSocket("udp4");
    await new Promise<void>((resolve) => holder.bind(0, "127.0.0.1", () => resolve()));
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    try {
      await driver.run(new Pipeline(new UDPReceiver(holder.address().port, "127.0.0.1"), sink));
    } finally {
      holder.close();
    }
    const failure = (sink.end as ProducerFinished).message;
    expect(failure).to.be.instanceOf(IOFailed);
    expect(failure).to.include({ code: "in-use" });
    expect(lines.join("\n")).to.match(/UDPReceiver.*in-use/);
  });

  it("UDPReceiver — shutdownMicroprocess — passed on, and its port is free again", async () => {
    const { driver } = quietDriver();
    const receiver = new UDPReceiver(0, "127.0.0.1");
    const sink = new RecordingSink();
    const done = driver.run(new Pipeline(receiver, sink));
    await waitFor(() => receiver.localPort > 0, "the receiver to bind");
    const port = receiver.localPort;
    expect(await portFree(port)).to.equal(false);
    receiver.inboxes.control.push(shutdownMicroprocess());
    await done;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
    expect(await portFree(port)).to.equal(true);
  });

  it("SimpleUDPSender — producerFinished with datagrams waiting — sends them all, then passes it on", async () => {
    const { driver } = quietDriver();
    const receiver = new UDPReceiver(0, "127.0.0.1");
    const got = new RecordingSink();
    const receiving = driver.run(new Pipeline(receiver, got));
    await waitFor(() => receiver.localPort > 0, "the receiver to bind");
    const words: string[] = [];
    for (let i = 0; i < 50; i++) words.push("word " + i);
    const after = new RecordingSink();
    void driver.run(new Pipeline(new DataSource(words), new SimpleUDPSender("127.0.0.1", receiver.localPort), after));
    await waitFor(() => after.end !== null, "the sender to finish");
    expect(after.end).to.be.instanceOf(ProducerFinished);
    await waitFor(() => got.count === 50, "all 50 datagrams");
    expect(got.items.map(text)).to.deep.equal(words);
    receiver.inboxes.control.push(shutdownMicroprocess());
    await receiving;
  });
});
