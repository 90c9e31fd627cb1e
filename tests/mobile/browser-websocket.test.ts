/**
 * BrowserWebSocketClient on a fake browser WebSocket: opening, whole messages as strings and Uint8Arrays,
 * writes as text and exact ArrayBuffers, the send-buffer limit polled for room, the ends (refused before
 * opening, reset on 1006, closed otherwise), a Blob-only browser, and close() silencing everything.
 */
import { expect } from "chai";
import type { IOEnd, WebSocketConnection } from "../../src/index";
import { browserWebSocketKind } from "../../targets/mobile/index";
import { fakeGlobals } from "./fake-globals";
import type { Fakes } from "./fake-globals";

/** A client on fakes, recording its callbacks as "readable", "writable" and "error code: message". */
function open(fakes: Fakes, extra: { protocols?: string[]; writeLimit?: number } = {}): { ws: WebSocketConnection; events: string[] } {
  const Kind = browserWebSocketKind(fakes.g);
  if (Kind === undefined) throw new Error("no kind");
  const events: string[] = [];
  const ws = new Kind({
    url: "ws://phone.test/frames",
    protocols: extra.protocols,
    writeLimit: extra.writeLimit,
    onReadable: () => events.push("readable"),
    onWritable: () => events.push("writable"),
    onError: (end: IOEnd) => events.push("error " + end.code + ": " + end.message),
  });
  return { ws, events };
}

describe("BrowserWebSocketClient (mobile)", () => {
  it("browserWebSocketKind — a platform without WebSocket — undefined, so the host offers no WebSocketClient", () => {
    expect(browserWebSocketKind(fakeGlobals(["WebSocket"]).g)).to.equal(undefined);
  });

  it("BrowserWebSocketClient — made and opened — arraybuffer binaryType, no protocols argument, write false until the first onWritable", () => {
    const fakes = fakeGlobals();
    const { ws, events } = open(fakes);
    const socket = fakes.sockets[0];
    expect(socket.args).to.deep.equal(["ws://phone.test/frames"]);
    expect(socket.binaryType).to.equal("arraybuffer");
    expect(ws.write("too soon")).to.equal(false);
    expect(events).to.deep.equal([]);
    socket.open();
    expect(events).to.deep.equal(["writable"]);
    expect(ws.write("now")).to.equal(true);
    expect(socket.sent).to.deep.equal(["now"]);
  });

  it("BrowserWebSocketClient — protocols given — passed to the WebSocket", () => {
    const fakes = fakeGlobals();
    open(fakes, { protocols: ["jpeg.v1"] });
    expect(fakes.sockets[0].args).to.deep.equal(["ws://phone.test/frames", ["jpeg.v1"]]);
  });

  it("BrowserWebSocketClient — text and binary messages — read whole and in order, as strings and Uint8Arrays", () => {
    const fakes = fakeGlobals();
    const { ws, events } = open(fakes);
    const socket = fakes.sockets[0];
    socket.open();
    socket.receive("hello");
    socket.receive(new Uint8Array([1, 2, 3]).buffer);
    expect(events).to.deep.equal(["writable", "readable", "readable"]);
    expect(ws.read()).to.equal("hello");
    const bytes = ws.read();
    expect(bytes).to.be.instanceOf(Uint8Array);
    expect(Array.from(bytes as Uint8Array)).to.deep.equal([1, 2, 3]);
    expect(ws.read()).to.equal(undefined);
  });

  it("BrowserWebSocketClient — a Uint8Array view into a larger buffer — sent as an ArrayBuffer of exactly its bytes", () => {
    const fakes = fakeGlobals();
    const { ws } = open(fakes);
    fakes.sockets[0].open();
    const whole = new Uint8Array([9, 8, 7, 6, 5]);
    expect(ws.write(whole.subarray(1, 4))).to.equal(true);
    expect(ws.write(whole)).to.equal(true);
    const [part, all] = fakes.sockets[0].sent as ArrayBuffer[];
    expect(Array.from(new Uint8Array(part))).to.deep.equal([8, 7, 6]);
    expect(all).to.equal(whole.buffer); // a view of the whole buffer goes without a copy
  });

  it("BrowserWebSocketClient — bufferedAmount at writeLimit — write refuses, then a poll finds room and calls onWritable", () => {
    const fakes = fakeGlobals();
    const { ws, events } = open(fakes, { writeLimit: 100 });
    const socket = fakes.sockets[0];
    socket.open();
    socket.bufferedAmount = 100;
    expect(ws.write("x")).to.equal(false);
    expect(ws.write("x")).to.equal(false); // one poll timer, however many refusals
    expect(fakes.pending()).to.equal(1);
    fakes.flush(1);
    expect(events).to.deep.equal(["writable"]); // still full: polled again, no call
    socket.bufferedAmount = 40;
    fakes.flush(1);
    expect(events).to.deep.equal(["writable", "writable"]);
    expect(fakes.pending()).to.equal(0);
    expect(ws.write("x")).to.equal(true);
  });

  it("BrowserWebSocketClient — closed before it opened — ends refused, the message listing the likely causes", () => {
    const fakes = fakeGlobals();
    const { events } = open(fakes);
    fakes.sockets[0].closed(1006);
    expect(events.length).to.equal(1);
    expect(events[0]).to.match(/^error refused: could not open ws:\/\/phone\.test\/frames/);
    expect(events[0]).to.contain("nothing listening there");
  });

  it("BrowserWebSocketClient — closed after opening — 1006 ends reset; a close frame ends closed with its code and reason; messages stay readable", () => {
    const broken = fakeGlobals();
    const a = open(broken);
    broken.sockets[0].open();
    broken.sockets[0].receive("last");
    broken.sockets[0].closed(1006);
    expect(a.events[2]).to.match(/^error reset: /);
    expect(a.ws.read()).to.equal("last");

    const orderly = fakeGlobals();
    const b = open(orderly);
    orderly.sockets[0].open();
    orderly.sockets[0].closed(1001, "going away");
    expect(b.events).to.deep.equal(["writable", "error closed: closed with code 1001: going away"]);
    expect(b.ws.write("after")).to.equal(false);
  });

  it("BrowserWebSocketClient — a browser that delivers Blobs — ends failed, saying arraybuffer is needed", () => {
    const fakes = fakeGlobals();
    const { events } = open(fakes);
    fakes.sockets[0].open();
    fakes.sockets[0].receive({ size: 3, type: "" });
    expect(events[1]).to.match(/^error failed: .*Blobs.*arraybuffer/);
  });

  it("BrowserWebSocketClient — close() — closes with 1000, stops polling and silences every callback; idempotent", () => {
    const fakes = fakeGlobals();
    const { ws, events } = open(fakes, { writeLimit: 1 });
    const socket = fakes.sockets[0];
    socket.open();
    socket.bufferedAmount = 5;
    ws.write("x");
    ws.close();
    ws.close();
    expect(socket.closedWith).to.equal(1000);
    expect(fakes.pending()).to.equal(0);
    socket.receive("late");
    socket.closed(1000);
    expect(events).to.deep.equal(["writable"]);
    expect(ws.read()).to.equal(undefined);
  });
});
