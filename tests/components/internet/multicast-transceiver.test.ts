/**
 * MulticastTransceiver on loopback (interface 127.0.0.1, a 239.255.x.y group): the paper's sender and
 * receiver pair carrying a file read by ReadFileAdaptor, two receivers sharing one port, and a group
 * address that is not multicast ending in IOFailed. Skipped with the reason on a machine without multicast
 * on loopback, except under CI=true.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Detuple, IOFailed, MulticastTransceiver, Pipeline, ProducerFinished, ReadFileAdaptor, shutdownMicroprocess } from "../../../src/index";
import type { ReceivedDatagram } from "../../../src/index";
import { TEST_GROUP, needMulticast } from "../../desktop/io/multicast-probe";
import { RecordingSink, quietDriver, stopDrivers, waitFor } from "../file/io-test-kit";

const LOOPBACK = { interfaceAddress: "127.0.0.1" };

describe("MulticastTransceiver", function () {
  this.timeout(20000);
  afterEach(stopDrivers);
  let dir = "";
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-mc-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("MulticastTransceiver — the paper's pair, a file sent at a bit rate — the receiver gets every chunk in order", async function () {
    await needMulticast(this);
    const group = TEST_GROUP + "10";
    const path = join(dir, "clip.bin");
    const content = Buffer.alloc(20000);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7) & 0xff;
    writeFileSync(path, content);
    const { driver } = quietDriver();
    const receiver = new MulticastTransceiver("0.0.0.0", 0, group, 0, LOOPBACK);
    const sink = new RecordingSink();
    const receiving = driver.run(new Pipeline(receiver, new Detuple(1), sink));
    await waitFor(() => receiver.localPort > 0, "the receiver to join the group");
    const sender = new MulticastTransceiver("0.0.0.0", 0, group, receiver.localPort, LOOPBACK);
    const sending = new Pipeline(new ReadFileAdaptor(path, { mode: "bitrate", bitsPerSecond: 8000000, chunkSize: 1000 }), sender);
    void driver.run(sending);
    await waitFor(() => sink.bytes >= content.length && sending.isStopped(), "the whole file");
    expect(Buffer.concat(sink.items as Uint8Array[]).equals(content)).to.equal(true);
    receiver.inboxes.control.push(shutdownMicroprocess());
    await receiving;
  });

  it("MulticastTransceiver — two receivers on one port — both hear the group, with the sender's address", async function () {
    await needMulticast(this);
    const group = TEST_GROUP + "11";
    const { driver } = quietDriver();
    const first = new MulticastTransceiver("0.0.0.0", 0, group, 0, LOOPBACK);
    const sinkA = new RecordingSink();
    const done = driver.run(new Pipeline(first, sinkA));
    await waitFor(() => first.localPort > 0, "the first receiver");
    const second = new MulticastTransceiver("0.0.0.0", first.localPort, group, 0, LOOPBACK);
    const sinkB = new RecordingSink();
    void driver.run(new Pipeline(second, sinkB));
    await waitFor(() => second.localPort > 0, "the second receiver");
    const sender = new MulticastTransceiver("0.0.0.0", 0, group, first.localPort, LOOPBACK);
    void driver.run(sender);
    sender.inboxes.inbox.push("hello, group");
    await waitFor(() => sinkA.count > 0 && sinkB.count > 0, "both receivers to hear it");
    for (const sink of [sinkA, sinkB]) {
      const [from, data] = sink.items[0] as ReceivedDatagram;
      expect(Buffer.from(data).toString()).to.equal("hello, group");
      expect(from.port).to.equal(sender.localPort);
    }
    for (const c of [first, second, sender]) c.inboxes.control.push(shutdownMicroprocess());
    await done;
  });

  it("MulticastTransceiver — a group address that is not multicast — producerFinished with IOFailed", async () => {
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new MulticastTransceiver("0.0.0.0", 0, "10.1.2.3", 1600, LOOPBACK), sink));
    expect((sink.end as ProducerFinished).message).to.be.instanceOf(IOFailed);
    expect(lines.join("\n")).to.contain("10.1.2.3");
  });
});
