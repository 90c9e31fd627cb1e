/**
 * NodeTCPListener (desktop IO) against the contract: port 0 and its one onWritable, accepted connections
 * held paused until adopted (nothing lost meanwhile), a taken port, and close() closing what was never
 * adopted. Plain Node `net` clients on loopback.
 */
import { expect } from "chai";
import * as net from "node:net";
import { NodeTCPListener } from "../../../targets/desktop/io/tcp-listener";
import { NodeTCPSocket } from "../../../targets/desktop/io/tcp-socket";
import type { PendingConnection } from "../../../src/index";
import { CallbackRecorder } from "./callback-recorder";

function listen(rec: CallbackRecorder, port = 0): NodeTCPListener {
  return rec.during(() => new NodeTCPListener({ port, address: "127.0.0.1", onReadable: rec.onReadable, onWritable: rec.onWritable, onError: rec.onError }));
}

/** A plain client; resolves once connected, collecting what it receives and whether it was closed. */
async function client(port: number): Promise<{ socket: net.Socket; received: () => string; closed: () => boolean }> {
  const socket = net.connect({ port, host: "127.0.0.1" });
  let text = "";
  let closed = false;
  socket.on("data", (d: Buffer) => (text += d.toString()));
  socket.on("close", () => (closed = true));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, received: () => text, closed: () => closed };
}

async function eventually(test: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > 10000) throw new Error("timed out waiting for " + what);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("NodeTCPListener", function () {
  this.timeout(20000);

  it("NodeTCPListener — port 0 — one onWritable, then `port` is the port the OS chose", async () => {
    const rec = new CallbackRecorder();
    const listener = listen(rec);
    expect(listener.port).to.equal(0);
    await rec.until(() => rec.count("writable") > 0, "listening");
    expect(listener.port).to.be.greaterThan(0);
    rec.during(() => listener.close());
    expect(rec.count("writable")).to.equal(1);
    expect(rec.reentrant).to.deep.equal([]);
  });

  it("NodeTCPListener — a client sends before the connection is adopted — nothing is lost, replies reach it", async () => {
    const rec = new CallbackRecorder();
    const listener = listen(rec);
    await rec.until(() => rec.count("writable") > 0, "listening");
    const peer = await client(listener.port);
    peer.socket.write("early bytes");
    await rec.until(() => rec.count("readable") > 0, "a connection");
    // Let the bytes arrive at this host before adopting: the connection must hold them.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const from = rec.during(() => listener.read()) as PendingConnection;
    expect(from.remoteAddress).to.equal("127.0.0.1");
    expect(from.remotePort).to.equal(peer.socket.localPort);
    expect(listener.read()).to.equal(undefined);
    const srec = new CallbackRecorder();
    const socket = srec.during(() => new NodeTCPSocket({ from, onReadable: srec.onReadable, onWritable: srec.onWritable, onError: srec.onError }));
    expect(socket.remotePort).to.equal(peer.socket.localPort);
    expect(socket.localPort).to.equal(listener.port);
    let got = "";
    await srec.until(() => {
      let chunk: Uint8Array | undefined;
      while ((chunk = socket.read()) !== undefined) got += Buffer.from(chunk).toString();
      return got === "early bytes";
    }, "the early bytes");
    expect(srec.count("writable")).to.be.greaterThan(0);
    socket.write(new Uint8Array(Buffer.from("welcome")));
    await eventually(() => peer.received() === "welcome", "the reply");
    socket.close();
    peer.socket.destroy();
    listener.close();
    expect(srec.reentrant).to.deep.equal([]);
    expect(() => new NodeTCPSocket({ from })).to.throw(Error, /adopted/);
  });

  it("NodeTCPListener — a port that is taken — ends with in-use", async () => {
    const first = new CallbackRecorder();
    const holder = listen(first);
    await first.until(() => first.count("writable") > 0, "listening");
    const rec = new CallbackRecorder();
    const second = listen(rec, holder.port);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("in-use");
    expect(rec.count("writable")).to.equal(0);
    second.close();
    holder.close();
  });

  it("NodeTCPListener — close() — connections never adopted are closed, new ones are refused, no callbacks", async () => {
    const rec = new CallbackRecorder();
    const listener = listen(rec);
    await rec.until(() => rec.count("writable") > 0, "listening");
    const port = listener.port;
    const peer = await client(port);
    await rec.until(() => rec.count("readable") > 0, "a connection");
    const calls = rec.calls.length;
    rec.during(() => listener.close());
    rec.during(() => listener.close());
    await eventually(() => peer.closed(), "the unadopted connection to close");
    const refused = await new Promise<string>((resolve) => {
      const late = net.connect({ port, host: "127.0.0.1" });
      late.on("connect", () => {
        late.destroy();
        resolve("connected");
      });
      late.on("error", (error: NodeJS.ErrnoException) => resolve(error.code || "error"));
    });
    expect(refused).to.equal("ECONNREFUSED");
    expect(rec.calls.length).to.equal(calls);
  });

  it("NodeTCPListener — bad port — throws at once, naming the range", () => {
    expect(() => new NodeTCPListener({ port: -1 })).to.throw(RangeError, /0 \(any free port\) to 65535/);
    expect(() => new NodeTCPListener({ port: 1.5 })).to.throw(RangeError);
  });
});
