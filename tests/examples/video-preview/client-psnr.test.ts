/**
 * The PSNR evidence for the desktop terminal client (issue 8): the client, its display writing into a
 * string, receives frames from the real preview server (examples/video-preview/server/) on loopback, saves them, and every frame is a valid
 * 176×144 JPEG whose pixels match a frame of the source clip at PSNR ≥ 25 dB against ffmpeg's own decode
 * (see psnr.ts). The PSNRs are printed.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startTerminalClient } from "../../../examples/video-preview/client/terminal-client";
import { previewServer } from "./client-helpers";
import type { TestServer } from "./client-helpers";
import { bestJpegMatch, sourceFrames } from "./psnr";

const root = resolve(import.meta.dirname, "../../..");
const clip = join(root, "examples/video-preview/media/test-pattern.mpg");
/** Seconds between frames: a divisor of the 12 s clip, so every pass of the loop samples the same frames. */
const INTERVAL = 0.5;
const FRAMES = 6;

describe("the terminal client against a preview server", function () {
  this.timeout(30000);
  let dir = "";
  let server: TestServer | null = null;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-preview-psnr-"))));
  afterEach(async () => {
    if (server !== null) await server.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it("terminal client — 6 frames of test-pattern.mpg at 0.5 s, 176x144 — each a 176×144 JPEG within 25 dB PSNR of the source", async () => {
    server = await previewServer();
    let screen = "";
    const run = startTerminalClient({
      host: "127.0.0.1",
      port: server.port,
      request: "test-pattern.mpg " + INTERVAL + " 176x144",
      saveDir: dir,
      frames: FRAMES,
      display: { write: (text) => (screen += text), columns: 60, rows: 20 },
    });
    const outcome = await run.done;
    expect(outcome.ok, outcome.message).to.equal(true);
    expect(outcome.frames).to.equal(FRAMES);
    expect(outcome.saved).to.equal(FRAMES);
    expect(outcome.corrupt).to.equal(0);
    expect(screen).to.contain("\u2580").and.to.contain("frame " + FRAMES + " · ");

    const source = sourceFrames(clip, INTERVAL, 176, 144);
    const files = readdirSync(dir).sort();
    expect(files).to.have.length(FRAMES);
    const results: string[] = [];
    for (const file of files) {
      const match = bestJpegMatch(new Uint8Array(readFileSync(join(dir, file))), source);
      results.push(file + ": " + match.width + "×" + match.height + ", source frame " + match.index + ", PSNR " + match.psnr.toFixed(2) + " dB");
      expect([match.width, match.height], file).to.deep.equal([176, 144]);
      expect(match.psnr, file).to.be.at.least(25);
    }
    console.log("      " + results.join("\n      "));
  });
});
