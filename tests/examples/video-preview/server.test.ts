/**
 * The video preview server for real: ffmpeg on the sample clip, loopback sockets, OS-chosen ports, a
 * 0.25 s interval. Raw TCP clients get valid JPEGs at the asked-for size; malformed requests get exactly
 * `Invalid request\n` and a close while others are still served; equal requests share one ffmpeg, which
 * stops after the grace; browsers get the page, the bundle and binary JPEG messages on /frames; and
 * shutdown leaves no connection, no ffmpeg and no component behind.
 */
import { expect } from "chai";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { DEFAULT_MEDIA_FOLDER } from "../../../examples/video-preview/server/preview-server";
import { FrameClient, eventually, ffmpegChildren, jpegSize, startServer } from "./server-helpers";
import type { RunningServer } from "./server-helpers";

/** Live TCP handles in this process (sockets and listeners). */
function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "TCPServerWrap").length;
}

describe("PreviewServer", function () {
  this.timeout(30000);
  let running: RunningServer | null = null;
  afterEach(async () => {
    if (running !== null) await running.stop();
    running = null;
  });

  it("PreviewServer — a TCP client that sends nothing — gets at least 5 frames, each a valid 176x144 JPEG", async () => {
    running = await startServer();
    const client = new FrameClient(running.ports.tcpPort);
    await client.waitFrames(5);
    client.close();
    for (const frame of client.frames.slice(0, 5)) expect(jpegSize(frame)).to.deep.equal({ width: 176, height: 144 });
    const average = client.frames.reduce((sum, f) => sum + f.length, 0) / client.frames.length;
    expect(average).to.be.below(6 * 1024); // the target for a frame
  });

  it("PreviewServer — the request line 'test-pattern.mpg 0.25 88x72' — gets 88x72 frames", async () => {
    running = await startServer({ interval: 2 });
    const client = new FrameClient(running.ports.tcpPort, "test-pattern.mpg 0.25 88x72\n");
    await client.waitFrames(5);
    client.close();
    for (const frame of client.frames.slice(0, 5)) expect(jpegSize(frame)).to.deep.equal({ width: 88, height: 72 });
  });

  it("PreviewServer — malformed requests of every kind — each gets exactly 'Invalid request\\n' then a close, and a good client is still served", async () => {
    running = await startServer();
    const bad: (string | Buffer)[] = [
      "no-such-video.mpg\n",
      "../etc/passwd\n",
      "/etc/passwd\n",
      "test-pattern.mpg fast\n",
      "test-pattern.mpg 0.01\n",
      "test-pattern.mpg 61\n",
      "test-pattern.mpg 1 8x8\n",
      "test-pattern.mpg 1 1000x1000\n",
      "test-pattern.mpg 1 176by144\n",
      "test-pattern.mpg 1 176x144 extra\n",
      "x".repeat(300), // an oversized line, no newline yet
      "test-pattern.mpg " + "1".repeat(300) + "\n",
      Buffer.from("tést-pattern.mpg\n", "utf8"), // not ASCII
      "test-pattern.mpg\u0001\n",
    ];
    const good = new FrameClient(running.ports.tcpPort, "test-pattern.mpg 0.25\n");
    const clients = bad.map((request) => new FrameClient(running!.ports.tcpPort, request));
    await Promise.all(clients.map((c) => c.closed));
    for (let i = 0; i < clients.length; i++) expect(clients[i].raw.toString("latin1"), "reply to request " + i).to.equal("Invalid request\n");
    await good.waitFrames(3);
    good.close();
    expect(running.log.filter((line) => line.indexOf("invalid request") >= 0)).to.have.length(bad.length);
  });

  it("PreviewServer — two clients asking for the same — share one ffmpeg, kept through the grace, stopped after it", async () => {
    const others = ffmpegChildren();
    running = await startServer({ graceMs: 3000 });
    const channels = running.server.channels;
    const a = new FrameClient(running.ports.tcpPort, "test-pattern.mpg 0.25 176x144\n");
    const b = new FrameClient(running.ports.tcpPort, "test-pattern.mpg 0.250\n");
    await Promise.all([a.waitFrames(2), b.waitFrames(2)]);
    expect(channels.grabberCount()).to.equal(1);
    const pids = ffmpegChildren(others);
    expect(pids).to.have.length(1);
    expect(channels.subscriberCount("preview:test-pattern.mpg:0.25:176x144")).to.equal(2);
    a.close();
    b.close();
    await eventually(() => channels.subscriberCount("preview:test-pattern.mpg:0.25:176x144") === 0, "both to leave");
    // A client arriving within the grace gets the same extraction: no new ffmpeg.
    const c = new FrameClient(running.ports.tcpPort, "test-pattern.mpg 0.25\n");
    await c.waitFrames(2);
    expect(ffmpegChildren(others)).to.deep.equal(pids);
    c.close();
    await eventually(() => channels.grabberCount() === 0 && ffmpegChildren(others).length === 0, "the extraction to stop after the grace");
  });

  it("PreviewServer — a video ffmpeg cannot read — its clients are disconnected with a warning, each time; other videos are still served", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kamaelia-preview-media-"));
    try {
      copyFileSync(join(DEFAULT_MEDIA_FOLDER, "test-pattern.mpg"), join(dir, "good.mpg"));
      writeFileSync(join(dir, "broken.mpg"), "this is not a video\n".repeat(100));
      running = await startServer({ mediaFolder: dir });
      for (let attempt = 0; attempt < 2; attempt++) {
        const broken = new FrameClient(running.ports.tcpPort, "broken.mpg 0.25\n");
        await broken.closed;
        expect(broken.frames).to.have.length(0);
      }
      expect(running.log.filter((line) => /ffmpeg stopped by itself for preview:broken.mpg/.test(line))).to.have.length(2);
      const good = new FrameClient(running.ports.tcpPort, "good.mpg 0.25\n");
      await good.waitFrames(2);
      good.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("PreviewServer — a WebSocket on /frames?interval=0.25 — receives at least 5 binary 176x144 JPEG messages", async () => {
    running = await startServer({ interval: 2 });
    const ws = new WebSocket("ws://127.0.0.1:" + running.ports.httpPort + "/frames?interval=0.25");
    const messages: Buffer[] = [];
    let binary = true;
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      binary = binary && isBinary;
      messages.push(data);
    });
    await eventually(() => messages.length >= 5, "5 WebSocket frames");
    ws.close();
    expect(binary).to.equal(true);
    for (const m of messages.slice(0, 5)) expect(jpegSize(m)).to.deep.equal({ width: 176, height: 144 });
    await eventually(() => running!.server.gateway.socketCount() === 0, "the WebSocket to be let go");
  });

  it("PreviewServer — an invalid /frames query, and other paths — closed with 1008; 404 and 426 over HTTP", async () => {
    running = await startServer();
    const ws = new WebSocket("ws://127.0.0.1:" + running.ports.httpPort + "/frames?video=../secret.mpg");
    const closedWith = await new Promise<[number, string]>((resolve) => ws.on("close", (code: number, reason: Buffer) => resolve([code, reason.toString()])));
    expect(closedWith).to.deep.equal([1008, "Invalid request"]);
    const base = "http://127.0.0.1:" + running.ports.httpPort;
    expect((await fetch(base + "/no-such-file")).status).to.equal(404);
    expect((await fetch(base + "/frames")).status).to.equal(426);
    expect((await fetch(base + "/", { method: "POST" })).status).to.equal(405);
  });

  it("PreviewServer — HTTP GET / — returns the viewer page, and the bundle it references returns JavaScript", async () => {
    running = await startServer();
    const base = "http://127.0.0.1:" + running.ports.httpPort;
    const page = await fetch(base + "/");
    expect(page.status).to.equal(200);
    expect(page.headers.get("content-type")).to.match(/^text\/html/);
    const html = await page.text();
    const scripts = Array.from(html.matchAll(/<script src="([^"]+)"/g), (m) => m[1]);
    expect(scripts).to.include("/kamaelia-mobile.es5.min.js");
    for (const src of scripts) {
      const script = await fetch(base + src);
      expect(script.status, src).to.equal(200);
      expect(script.headers.get("content-type"), src).to.match(/^text\/javascript/);
      expect((await script.text()).length, src).to.be.above(100);
    }
  });

  it("PreviewServer — shut down while TCP and WebSocket clients stream — closes them all; no ffmpeg, socket or component left", async () => {
    const handlesBefore = tcpHandles();
    const others = ffmpegChildren();
    const server = await startServer();
    running = server;
    const tcp = new FrameClient(server.ports.tcpPort, "test-pattern.mpg 0.25 88x72\n");
    const ws = new WebSocket("ws://127.0.0.1:" + server.ports.httpPort + "/frames?interval=0.25");
    let wsFrames = 0;
    ws.on("message", () => wsFrames++);
    const wsClosed = new Promise<number>((resolve) => ws.on("close", (code: number) => resolve(code)));
    await tcp.waitFrames(2);
    await eventually(() => wsFrames >= 2, "WebSocket frames");
    expect(ffmpegChildren(others)).to.have.length(2);
    running = null;
    await server.stop();
    await tcp.closed;
    expect(await wsClosed).to.equal(1001);
    expect(server.server.channels.grabberCount()).to.equal(0);
    expect(server.driver.scheduler.listAllThreads()).to.deep.equal([]);
    await eventually(() => ffmpegChildren(others).length === 0, "every ffmpeg to exit");
    await eventually(() => tcpHandles() <= handlesBefore, "every socket to close");
  });
});
