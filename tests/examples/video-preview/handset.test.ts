/**
 * The streamer's handset client in QuickJS (examples/video-preview/handset): TCP, or the threaded adaptor
 * over blocking-only sockets, → LengthPrefixDeFramer → ImageDisplay on a screen written as PNG files. It
 * shows at least five frames from a server, and the screen holds a 176×144 picture of the stream.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo, Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { ffmpegPath } from "../../../examples/video-preview/ffmpeg-path";
import { runHandset } from "../../../examples/video-preview/handset/run-handset";

const clip = join(import.meta.dirname, "../../../examples/video-preview/media/test-pattern.mpg");

/** A stand-in preview server: ffmpeg's JPEGs every 0.25 s, framed "<n>\n<jpeg>", one ffmpeg per client. */
async function standInServer(): Promise<{ server: Server; port: number; children: ChildProcess[] }> {
  const children: ChildProcess[] = [];
  const server = createServer((socket) => {
    const ffmpeg = spawn(ffmpegPath(), ["-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip, "-an", "-vf", "fps=4,scale=176:144", "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "5", "-"]);
    children.push(ffmpeg);
    let pending = Buffer.alloc(0);
    ffmpeg.stdout.on("data", (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      for (let end = pending.indexOf(Buffer.from([0xff, 0xd9])); end >= 0; end = pending.indexOf(Buffer.from([0xff, 0xd9]))) {
        const jpeg = pending.subarray(0, end + 2);
        pending = pending.subarray(end + 2);
        socket.write(jpeg.length + "\n");
        socket.write(jpeg);
      }
    });
    const stop = () => ffmpeg.kill("SIGKILL");
    socket.on("close", stop);
    socket.on("error", stop);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, port: (server.address() as AddressInfo).port, children };
}

describe("video-preview handset client (QuickJS)", function () {
  this.timeout(60000);
  let dir = "";
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "handset-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const threaded of [false, true]) {
    it("handset client — over " + (threaded ? "the threaded blocking-socket adaptor" : "TCPClient") + " — shows 5 frames and the screen holds the picture", async () => {
      const { server, port, children } = await standInServer();
      try {
        const run = await runHandset({ host: "127.0.0.1", port, threaded, screenDir: dir, frames: 5, timeoutMs: 30000 });
        expect(run.status.length).to.be.at.least(5);
        expect(run.status[0]).to.match(/^frame 1: \d+ bytes, 176x144 screen/);
        const screens = readdirSync(dir).filter((f) => f.startsWith("screen-"));
        expect(screens.length).to.be.at.least(5);
        const png = PNG.sync.read(readFileSync(join(dir, "latest.png")));
        expect([png.width, png.height]).to.deep.equal([176, 144]);
        // testsrc2's colour bars: the screen is far from blank.
        let lit = 0;
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i] + png.data[i + 1] + png.data[i + 2] > 60) lit++;
        expect(lit).to.be.greaterThan((176 * 144) / 2);
      } finally {
        server.close();
        for (const c of children) c.kill("SIGKILL");
      }
    });
  }
});
