/**
 * NodeUDPSocket (desktop IO): binding (port known at the first onWritable), whole datagrams with the
 * sender's address, readLimit dropping the newest, a port in use, a datagram too big to send, multicast on
 * loopback, and close() silencing it. Real sockets on 127.0.0.1.
 */
import { expect } from "chai";
import { NodeUDPSocket } from "../../../targets/desktop/io/udp-socket";
import { CallbackRecorder } from "./callback-recorder";
import { TEST_GROUP, needMulticast } from "./multicast-probe";

type More = ConstructorParameters<typeof NodeUDPSocket>[0];

function socketOn(rec: CallbackRecorder, more: Omit<More, "onReadable">): NodeUDPSocket {
  return new NodeUDPSocket({ onReadable: rec.onReadable, onWritable: rec.onWritable, onError: rec.onError, ...more });
}

async function bound(socket: NodeUDPSocket, rec: CallbackRecorder): Promise<number> {
  await rec.until(() => rec.count("writable") > 0 || rec.ends().length > 0, "the socket to bind");
  return socket.port;
}

const text = (data: Uint8Array): string => Buffer.from(data).toString();

describe("NodeUDPSocket", function () {
  this.timeout(20000);
  const open: NodeUDPSocket[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  function make(rec: CallbackRecorder, more: Omit<More, "onReadable">): NodeUDPSocket {
    const s = socketOn(rec, more);
    open.push(s);
    return s;
  }

  it("NodeUDPSocket — port 0 — port is 0 until the first onWritable, then the port the OS chose", async () => {
    const rec = new CallbackRecorder();
    const socket = make(rec, { address: "127.0.0.1", port: 0 });
    expect(socket.port).to.equal(0);
    expect(await bound(socket, rec)).to.be.greaterThan(0);
  });

  it("NodeUDPSocket — datagrams between two sockets — arrive whole, in order, with the sender's address and port", async () => {
    const recA = new CallbackRecorder();
    const recB = new CallbackRecorder();
    const a = make(recA, { address: "127.0.0.1" });
    const b = make(recB, { address: "127.0.0.1" });
    const portA = await bound(a, recA);
    const portB = await bound(b, recB);
    for (const word of ["one", "two", "three"]) expect(recA.during(() => a.write(Buffer.from(word), "127.0.0.1", portB))).to.equal(true);
    await recB.until(() => recB.count("readable") >= 3, "three datagrams");
    const got = [b.read(), b.read(), b.read()];
    expect(got.map((d) => text(d!.data))).to.deep.equal(["one", "two", "three"]);
    expect(got[0]).to.include({ address: "127.0.0.1", port: portA });
    expect(b.read()).to.equal(undefined);
    expect(recA.reentrant.concat(recB.reentrant)).to.deep.equal([]);
  });

  it("NodeUDPSocket — more than readLimit unread — the newest are dropped and counted", async () => {
    const recA = new CallbackRecorder();
    const recB = new CallbackRecorder();
    const a = make(recA, { address: "127.0.0.1" });
    const b = make(recB, { address: "127.0.0.1", readLimit: 3 });
    await bound(a, recA);
    const portB = await bound(b, recB);
    for (let i = 0; i < 5; i++) a.write(Buffer.from("d" + i), "127.0.0.1", portB);
    await recB.until(() => b.dropped === 2, "two drops");
    expect([b.read(), b.read(), b.read()].map((d) => text(d!.data))).to.deep.equal(["d0", "d1", "d2"]);
    expect(b.read()).to.equal(undefined);
  });

  it("NodeUDPSocket — a port another socket holds — ends in-use", async () => {
    const recA = new CallbackRecorder();
    const a = make(recA, { address: "127.0.0.1" });
    const port = await bound(a, recA);
    const recB = new CallbackRecorder();
    make(recB, { address: "127.0.0.1", port });
    await recB.until(() => recB.ends().length > 0, "the end");
    expect(recB.ends()[0].code).to.equal("in-use");
    expect(recB.count("writable")).to.equal(0);
  });

  it("NodeUDPSocket — a datagram too big to send — ends failed, saying why", async () => {
    const rec = new CallbackRecorder();
    const socket = make(rec, { address: "127.0.0.1" });
    await bound(socket, rec);
    socket.write(new Uint8Array(70000), "127.0.0.1", 9);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("failed");
    expect(rec.ends()[0].message).to.match(/EMSGSIZE/);
    expect(socket.write(Buffer.from("x"), "127.0.0.1", 9)).to.equal(false);
  });

  it("NodeUDPSocket — multicast on loopback — a member receives what is sent to the group", async function () {
    await needMulticast(this);
    const group = TEST_GROUP + "2";
    const recR = new CallbackRecorder();
    const receiver = make(recR, { port: 0, reuseAddress: true, multicast: { group, interfaceAddress: "127.0.0.1" } });
    const port = await bound(receiver, recR);
    const recS = new CallbackRecorder();
    const sender = make(recS, { multicast: { group, interfaceAddress: "127.0.0.1" } });
    await bound(sender, recS);
    sender.write(Buffer.from("to the group"), group, port);
    await recR.until(() => recR.count("readable") > 0, "the group datagram");
    const got = receiver.read()!;
    expect(text(got.data)).to.equal("to the group");
    expect(got.port).to.equal(sender.port);
  });

  it("NodeUDPSocket — write() then close() at once — the datagram still goes out", async () => {
    const recA = new CallbackRecorder();
    const recB = new CallbackRecorder();
    const a = make(recA, { address: "127.0.0.1" });
    const b = make(recB, { address: "127.0.0.1" });
    await bound(a, recA);
    const portB = await bound(b, recB);
    a.write(Buffer.from("last words"), "127.0.0.1", portB);
    a.close();
    await recB.until(() => recB.count("readable") > 0, "the last datagram");
    expect(text(b.read()!.data)).to.equal("last words");
  });

  it("NodeUDPSocket — closed, twice — no callback comes and write() returns false", async () => {
    const recA = new CallbackRecorder();
    const recB = new CallbackRecorder();
    const a = make(recA, { address: "127.0.0.1" });
    const b = make(recB, { address: "127.0.0.1" });
    await bound(a, recA);
    const portB = await bound(b, recB);
    a.write(Buffer.from("late"), "127.0.0.1", portB);
    recB.during(() => b.close());
    recB.during(() => b.close());
    const seen = recB.calls.length;
    // A third socket receiving after b closed shows the datagram had time to arrive.
    const recC = new CallbackRecorder();
    const c = make(recC, { address: "127.0.0.1" });
    const portC = await bound(c, recC);
    a.write(Buffer.from("check"), "127.0.0.1", portC);
    await recC.until(() => recC.count("readable") > 0, "the control datagram");
    expect(recB.calls.length).to.equal(seen);
    expect(b.write(Buffer.from("x"), "127.0.0.1", portC)).to.equal(false);
  });
});
