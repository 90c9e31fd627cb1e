/**
 * NodeTCPSocket (desktop IO) against the contract, with a plain Node `net` peer on loopback: connecting,
 * bytes both ways, the pushback of readLimit and writeLimit, half-closes either way, refused and reset
 * ends, and close() silencing it. Real sockets, so waits are for events, with generous time-outs.
 */
import { expect } from "chai";
import * as net from "node:net";
import { NodeTCPSocket } from "../../../targets/desktop/io/tcp-socket";
import { CallbackRecorder, turn } from "./callback-recorder";

/** A loopback peer: a plain Node server with `onConnection`; `close()` destroys its connections too. */
interface Peer {
  port: number;
  close(): Promise<void>;
}

async function peerServer(onConnection: (socket: net.Socket) => void): Promise<Peer> {
  const sockets: net.Socket[] = [];
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once `test()` holds, polling the real clock; rejects after 10 s. */
async function eventually(test: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > 10000) throw new Error("timed out waiting for " + what);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function connect(port: number, rec: CallbackRecorder, more?: { readLimit?: number; writeLimit?: number }): NodeTCPSocket {
  return rec.during(
    () => new NodeTCPSocket({ address: "127.0.0.1", port, onReadable: rec.onReadable, onWritable: rec.onWritable, onError: rec.onError, ...more }),
  );
}

/** Everything readable now, concatenated (read inside `during`, so a re-entrant callback is noticed). */
function drain(socket: NodeTCPSocket, rec: CallbackRecorder): Buffer {
  const parts: Buffer[] = [];
  let chunk: Uint8Array | undefined;
  while ((chunk = rec.during(() => socket.read())) !== undefined) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function pattern(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
  return bytes;
}

/** A port nobody listens on: bind one, note it, close it. */
async function deadPort(): Promise<number> {
  const peer = await peerServer(() => undefined);
  await peer.close();
  return peer.port;
}

describe("NodeTCPSocket", function () {
  this.timeout(20000);

  it("NodeTCPSocket — connect to an echo peer — first onWritable says connected, bytes come back in order", async () => {
    const { close, port } = await peerServer((s) => s.pipe(s));
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    expect(socket.remoteAddress).to.equal("");
    await rec.until(() => rec.count("writable") > 0, "connected");
    expect(socket.remoteAddress).to.equal("127.0.0.1");
    expect(socket.remotePort).to.equal(port);
    expect(socket.localPort).to.be.greaterThan(0);
    const sent = pattern(5000);
    expect(rec.during(() => socket.write(new Uint8Array(sent)))).to.equal(true);
    let got = Buffer.alloc(0);
    await rec.until(() => (got = Buffer.concat([got, drain(socket, rec)])).length >= sent.length, "the echo");
    expect(got.equals(sent)).to.equal(true);
    rec.during(() => socket.close());
    await close();
    expect(rec.reentrant).to.deep.equal([]);
  });

  it("NodeTCPSocket — nothing listens on the port — ends once with refused", async () => {
    const port = await deadPort();
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    await turn();
    expect(rec.ends()).to.have.length(1);
    expect(rec.ends()[0].code).to.equal("refused");
    expect(rec.ends()[0].message).to.contain("ECONNREFUSED");
    expect(rec.count("writable")).to.equal(0);
    expect(socket.write(new Uint8Array(1))).to.equal(false);
    socket.close();
  });

  it("NodeTCPSocket — the peer resets the connection — ends with reset, data before it still readable", async () => {
    const { close, port } = await peerServer((s) => {
      s.write("last words", () => setTimeout(() => s.resetAndDestroy(), 20));
    });
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("reset");
    expect(drain(socket, rec).toString()).to.equal("last words");
    socket.close();
    await close();
  });

  it("NodeTCPSocket — the owner reads nothing — the Node socket pauses near readLimit, then every byte arrives", async () => {
    const total = 1 << 20;
    const sent = pattern(total);
    const { close, port } = await peerServer((s) => s.end(sent));
    const rec = new CallbackRecorder();
    const readLimit = 16384;
    const socket = connect(port, rec, { readLimit });
    await rec.until(() => rec.count("readable") > 0, "data");
    // Give the peer time to push more than the limit, if nothing held it back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readableCounts = rec.calls.filter((c) => c.kind === "readable").map((c) => (c as { count: number }).count);
    // Node hands over chunks of up to 64 KiB: the socket stops after the one that crosses the limit.
    expect(Math.max(...readableCounts)).to.be.lessThan(readLimit + 65536 + 1);
    let got = Buffer.alloc(0);
    await rec.until(() => (got = Buffer.concat([got, drain(socket, rec)])).length >= total && socket.readEnded, "every byte");
    expect(got.equals(sent)).to.equal(true);
    socket.close();
    await close();
    expect(rec.reentrant).to.deep.equal([]);
  });

  it("NodeTCPSocket — the peer reads nothing — write returns false at writeLimit, onWritable once the peer reads", async () => {
    let peer: net.Socket | null = null;
    const { close, port } = await peerServer((s) => {
      peer = s;
      s.pause();
    });
    const rec = new CallbackRecorder();
    const writeLimit = 32768;
    const socket = connect(port, rec, { writeLimit });
    await rec.until(() => rec.count("writable") > 0 && peer !== null, "connected");
    const chunk = new Uint8Array(8192);
    let accepted = 0;
    // The kernel's buffers take a few MB before Node starts to hold bytes; write until the socket refuses.
    while (rec.during(() => socket.write(chunk))) {
      accepted += chunk.length;
      if (accepted % (1 << 20) === 0) await turn();
      expect(accepted).to.be.lessThan(64 << 20);
    }
    const writablesBefore = rec.count("writable");
    let received = 0;
    (peer as unknown as net.Socket).on("data", (d: Buffer) => (received += d.length));
    (peer as unknown as net.Socket).resume();
    await rec.until(() => rec.count("writable") > writablesBefore, "onWritable");
    expect(rec.during(() => socket.write(chunk))).to.equal(true);
    socket.close();
    await close();
    expect(rec.reentrant).to.deep.equal([]);
  });

  it("NodeTCPSocket — the peer half-closes after its request — readEnded, the reply still goes out, then closed", async () => {
    let answer = "";
    const { close, port } = await peerServer((s) => {
      s.end("request");
      s.on("data", (d: Buffer) => (answer += d.toString()));
    });
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    await rec.until(() => socket.readEnded, "the peer's half-close");
    expect(drain(socket, rec).toString()).to.equal("request");
    expect(rec.ends()).to.deep.equal([]);
    expect(rec.during(() => socket.write(new Uint8Array(Buffer.from("reply"))))).to.equal(true);
    rec.during(() => socket.end());
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("closed");
    await eventually(() => answer === "reply", "the reply at the peer");
    socket.close();
    await close();
    expect(rec.reentrant).to.deep.equal([]);
  });

  it("NodeTCPSocket — the owner ends first — the peer still answers, then closed after the answer", async () => {
    const { close, port } = await peerServer((s) => {
      let got = "";
      s.on("data", (d: Buffer) => (got += d.toString()));
      s.on("end", () => s.end("you said " + got));
    });
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    await rec.until(() => rec.count("writable") > 0, "connected");
    socket.write(new Uint8Array(Buffer.from("hello")));
    rec.during(() => socket.end());
    expect(socket.write(new Uint8Array(1))).to.equal(false);
    await rec.until(() => rec.ends().length > 0, "the end");
    expect(rec.ends()[0].code).to.equal("closed");
    expect(drain(socket, rec).toString()).to.equal("you said hello");
    socket.close();
    await close();
  });

  it("NodeTCPSocket — close() with data arriving — idempotent, no callback afterwards, the peer sees the close", async () => {
    let peerClosed = false;
    let peer: net.Socket | null = null;
    const { close, port } = await peerServer((s) => {
      peer = s;
      s.on("close", () => (peerClosed = true));
    });
    const rec = new CallbackRecorder();
    const socket = connect(port, rec);
    await rec.until(() => rec.count("writable") > 0 && peer !== null, "connected");
    (peer as unknown as net.Socket).write("more");
    rec.during(() => socket.close());
    rec.during(() => socket.close());
    const calls = rec.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rec.calls.length).to.equal(calls);
    expect(socket.read()).to.equal(undefined);
    await eventually(() => peerClosed, "the peer to see the close");
    await close();
  });

  it("NodeTCPSocket — bad options — throw at once, naming what to give", () => {
    expect(() => new NodeTCPSocket({ port: 1 })).to.throw(TypeError, /address/);
    expect(() => new NodeTCPSocket({ address: "127.0.0.1", port: 0 })).to.throw(RangeError, /1 to 65535/);
    expect(() => new NodeTCPSocket({ address: "127.0.0.1", port: 80, readLimit: 0 })).to.throw(RangeError, /readLimit/);
    expect(() => new NodeTCPSocket({ from: { remoteAddress: "x", remotePort: 1 } })).to.throw(TypeError, /TCPListener/);
  });
});
