/**
 * The terminal client's graph against plain Node peers on loopback playing the server: the request line
 * goes first; frames are counted, saved and drawn; it ends cleanly when the server closes, after
 * `frames` frames, or on stop(); and every failure — refused, `Invalid request`, another protocol, a
 * connection cut mid-frame — ends with one clear line. A corrupt JPEG is counted and skipped.
 */
import { expect } from "chai";
import jpeg from "jpeg-js";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTerminalClient } from "../../../examples/video-preview/client/terminal-client";
import type { TerminalClientOptions } from "../../../examples/video-preview/client/terminal-client";
import { deadPort, frameOnWire, peerServer } from "./client-helpers";
import type { TestServer } from "./client-helpers";

/** A real 24×16 JPEG, a different shade for each seed. */
function picture(seed: number): Uint8Array {
  const data = Buffer.alloc(24 * 16 * 4, 255);
  for (let i = 0; i < 24 * 16; i++) data[i * 4] = (seed * 40 + i) & 255;
  return new Uint8Array(jpeg.encode({ data, width: 24, height: 16 }, 80).data);
}

describe("the terminal client", function () {
  this.timeout(20000);
  let dir = "";
  let server: TestServer | null = null;
  let screen = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kamaelia-client-"));
    screen = "";
  });
  afterEach(async () => {
    if (server !== null) await server.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });
  const options = (port: number, more?: Partial<TerminalClientOptions>): TerminalClientOptions => ({
    host: "127.0.0.1",
    port,
    display: { write: (t) => (screen += t), columns: 60, rows: 10 },
    ...more,
  });

  it("terminal client — a server that sends 3 frames and closes — 3 saved and drawn, the request line sent first, ok", async () => {
    const frames = [picture(1), picture(2), picture(3)];
    let request = "";
    server = await peerServer((s) => {
      s.once("data", (d: Buffer) => {
        request = d.toString();
        s.end(Buffer.concat(frames.map(frameOnWire)));
      });
    });
    const outcome = await startTerminalClient(options(server.port, { request: "clip.mpg 0.5 176x144", saveDir: dir })).done;
    expect(request).to.equal("clip.mpg 0.5 176x144\n");
    expect(outcome).to.deep.include({ ok: true, frames: 3, saved: 3, failed: 0, corrupt: 0, message: "the server at 127.0.0.1:" + server.port + " closed the connection after 3 frames" });
    expect(outcome.bytes).to.equal(frames[0].length + frames[1].length + frames[2].length);
    expect(readdirSync(dir).sort()).to.deep.equal(["frame-000001.jpg", "frame-000002.jpg", "frame-000003.jpg"]);
    expect(Buffer.from(readFileSync(join(dir, "frame-000003.jpg"))).equals(Buffer.from(frames[2]))).to.equal(true);
    expect(screen).to.contain("frame 3 · " + frames[2].length + " bytes");
    expect(screen.endsWith("\x1b[?25h\n")).to.equal(true);
  });

  it("terminal client — frames 2 of a server that would send 5 — stops after 2 and closes the connection, ok", async () => {
    let closed = false;
    server = await peerServer((s) => {
      s.write(Buffer.concat([1, 2, 3, 4, 5].map((n) => frameOnWire(picture(n)))));
      s.on("close", () => (closed = true));
    });
    const outcome = await startTerminalClient(options(server.port, { frames: 2, saveDir: dir, display: false })).done;
    expect(outcome).to.deep.include({ ok: true, frames: 2, saved: 2 });
    expect(outcome.message).to.match(/^received 2 frames \(\d+ bytes\) from 127\.0\.0\.1:\d+$/);
    expect(readdirSync(dir)).to.have.length(2);
    for (let i = 0; i < 50 && !closed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closed).to.equal(true);
  });

  it("terminal client — a corrupt JPEG between good ones — counted, shown on the status line, the rest decoded", async () => {
    server = await peerServer((s) => s.end(Buffer.concat([frameOnWire(picture(1)), frameOnWire(new TextEncoder().encode("garbage")), frameOnWire(picture(3))])));
    const wide = { write: (t: string) => (screen += t), columns: 200, rows: 10 };
    const outcome = await startTerminalClient(options(server.port, { display: wide })).done;
    expect(outcome).to.deep.include({ ok: true, frames: 3, corrupt: 1 });
    expect(screen).to.contain("errors 1 · frame 2 (7 bytes) is not a JPEG");
    expect(screen).to.contain("frame 3 · ");
  });

  it("terminal client — stop() while the server streams — ends in order, ok, the terminal restored", async () => {
    server = await peerServer((s) => s.write(frameOnWire(picture(1))));
    const run = startTerminalClient(options(server.port));
    for (let i = 0; i < 250 && run.parts.count.frames === 0; i++) await new Promise((r) => setTimeout(r, 20));
    run.stop();
    const outcome = await run.done;
    expect(outcome).to.deep.include({ ok: true, frames: 1, message: "stopped after 1 frame" });
    expect(screen.endsWith("\x1b[?25h\n")).to.equal(true);
  });

  it("terminal client — nothing listens on the port — not ok, one line: cannot connect, connection refused", async () => {
    const port = await deadPort();
    const outcome = await startTerminalClient(options(port)).done;
    expect(outcome.ok).to.equal(false);
    expect(outcome.message).to.equal("cannot connect to 127.0.0.1:" + port + ": connection refused (is the preview server running there, on its TCP frames port?)");
    expect(screen).to.equal("");
  });

  it("terminal client — the server answers Invalid request — not ok, saying the request was refused and why that happens", async () => {
    server = await peerServer((s) => s.once("data", () => s.end("Invalid request\n")));
    const outcome = await startTerminalClient(options(server.port, { request: "nosuch.mpg" })).done;
    expect(outcome.ok).to.equal(false);
    expect(outcome.message).to.match(/^the server at 127\.0\.0\.1:\d+ refused the request 'nosuch\.mpg' \(it answers 'Invalid request' for an unknown video/);
  });

  it("terminal client — another protocol on the port — not ok, it did not send preview frames", async () => {
    server = await peerServer((s) => s.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    const outcome = await startTerminalClient(options(server.port)).done;
    expect(outcome.ok).to.equal(false);
    expect(outcome.message).to.match(/^the server at 127\.0\.0\.1:\d+ did not send preview frames \('<length>\\n<jpeg>'\): corrupt frame at byte offset 0/);
  });

  it("terminal client — the connection is reset in the middle of frame 2 — not ok, naming the frame", async () => {
    const second = frameOnWire(picture(2));
    server = await peerServer((s) => s.write(Buffer.concat([frameOnWire(picture(1)), second.subarray(0, 40)]), () => setTimeout(() => s.resetAndDestroy(), 50)));
    const outcome = await startTerminalClient(options(server.port, { saveDir: dir })).done;
    expect(outcome).to.deep.include({ ok: false, frames: 1, saved: 1 });
    expect(outcome.message).to.match(/^the connection to 127\.0\.0\.1:\d+ ended in the middle of frame 2 \(short frame/);
  });
});
