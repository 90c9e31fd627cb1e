/**
 * The streamer's handset client in QuickJS (examples/video-preview/handset), against the real preview
 * server: TCP, or the threaded adaptor over blocking-only sockets, → LengthPrefixDeFramer → ImageDisplay on
 * a screen written as PNG files. It shows at least five frames, and every screen it showed matches a frame
 * of the source clip as ffmpeg decodes it at PSNR ≥ 25 dB (the evidence for this client).
 */
import { expect } from "chai";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { runHandset } from "../../../examples/video-preview/handset/run-handset";
import { previewServer } from "./client-helpers";
import type { TestServer } from "./client-helpers";
import { bestMatch, sourceFrames } from "./psnr";
import type { SourceFrames } from "./psnr";

const clip = join(import.meta.dirname, "../../../examples/video-preview/media/test-pattern.mpg");
const INTERVAL = 0.5;

describe("video-preview handset client (QuickJS)", function () {
  this.timeout(60000);
  let dir = "";
  let source: SourceFrames;
  before(() => (source = sourceFrames(clip, INTERVAL, 176, 144)));
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "handset-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const threaded of [false, true]) {
    it("handset client — over " + (threaded ? "the threaded blocking-socket adaptor" : "TCPClient") + " — shows 5 frames, each matching the source at PSNR ≥ 25 dB", async () => {
      // A server per test, so the leak check after each test sees nothing of it left.
      const server: TestServer = await previewServer();
      let run;
      try {
        run = await runHandset({ host: "127.0.0.1", port: server.port, request: "test-pattern.mpg " + INTERVAL + " 176x144", threaded, screenDir: dir, frames: 5, timeoutMs: 30000 });
      } finally {
        await server.close();
      }
      expect(run.status.length).to.be.at.least(5);
      expect(run.status[0]).to.match(/^frame 1: \d+ bytes, 176x144 screen/);
      const screens = readdirSync(dir).filter((f) => f.startsWith("screen-")).sort();
      expect(screens.length).to.be.at.least(5);
      const scores = screens.map((file) => {
        const png = PNG.sync.read(readFileSync(join(dir, file)));
        expect([png.width, png.height]).to.deep.equal([176, 144]);
        return bestMatch(new Uint8Array(png.data), source).psnr;
      });
      console.log("      PSNR of each screen against the source: " + scores.map((p) => p.toFixed(2) + " dB").join(", "));
      for (const p of scores) expect(p).to.be.at.least(25);
    });
  }
});
