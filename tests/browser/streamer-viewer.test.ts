/**
 * The whole streamer in a real browser: the real preview server (ffmpeg on the sample clip, the web
 * gateway serving the viewer page and /frames) and headless Chromium emulating a phone (360×640, touch, a
 * mobile user agent). Frames arrive, the canvas shows the source clip, and the screenshot is saved: build/streamer-viewer.png on every run, and
 * docs/images/mobile-viewer.png (shown in the README) when UPDATE_SCREENSHOTS=1.
 *
 * Without /usr/bin/chromium it is skipped, saying so — except under CI=true, where it fails.
 */
import { expect } from "chai";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { AsyncHandle, EventLoopDriver } from "../../targets/desktop/index";
import { PreviewServer } from "../../examples/video-preview/server/preview-server";
import type { PreviewServerReady } from "../../examples/video-preview/server/preview-server";
import { bestMatch, sourceFrames } from "../examples/video-preview/psnr";

const CHROMIUM = "/usr/bin/chromium";
const root = resolve(import.meta.dirname, "../..");
const clip = join(root, "examples/video-preview/media/test-pattern.mpg");
const PHONE_UA = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
const INTERVAL = 0.5;

describe("the streamer in a real browser", function () {
  this.timeout(60000);

  before(function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === "true") throw new Error(CHROMIUM + " is missing under CI: .ci/run should have installed Debian's chromium");
      console.log("    skipped: " + CHROMIUM + " is missing (install it with `apt-get install -y chromium` to run the browser test)");
      this.skip();
    }
  });

  it("viewer page from the real server — on a phone-sized Chromium — paints at least 5 frames of the clip", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const server = new AsyncHandle(new PreviewServer({ port: 0, httpPort: 0, address: "127.0.0.1" }), driver);
    const running = driver.run();
    const ready = (await server.get("ready")) as PreviewServerReady;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: PHONE_UA });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto("http://127.0.0.1:" + ready.httpPort + "/?video=test-pattern.mpg&interval=" + INTERVAL + "&size=176x144");
      await page.waitForFunction(() => Number((/frame (\d+)/.exec(document.getElementById("status")?.textContent || "") || [])[1] || 0) >= 5, undefined, { timeout: 30000 });
      const status = (await page.textContent("#status")) || "";
      expect(status).to.match(/^frame \d+ · [\d.]+ KB · [\d.]+ kbit\/s/);
      // The canvas as the page painted it, compared with every source frame; the best must match well.
      const rgba = await page.evaluate(() => {
        const canvas = document.getElementById("screen") as HTMLCanvasElement;
        const data = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
        return { width: canvas.width, height: canvas.height, data: Array.prototype.slice.call(data) as number[] };
      });
      expect([rgba.width, rgba.height]).to.deep.equal([176, 144]);
      const match = bestMatch(new Uint8Array(rgba.data), sourceFrames(clip, INTERVAL, 176, 144));
      console.log("      canvas against the source: " + match.psnr.toFixed(2) + " dB (frame " + match.index + "); status: " + status);
      // The browser decodes the JPEG itself, with its own chroma upsampling, so the canvas sits about 1 dB
      // below what jpeg-js gives the Node clients (25+ dB); 22 dB still singles out the source frame shown.
      expect(match.psnr).to.be.at.least(22);
      expect(errors).to.deep.equal([]);
      const png = await page.screenshot();
      const run = join(root, "build/streamer-viewer.png");
      mkdirSync(dirname(run), { recursive: true });
      writeFileSync(run, png);
      if (process.env.UPDATE_SCREENSHOTS === "1") writeFileSync(join(root, "docs/images/mobile-viewer.png"), png);
    } finally {
      await browser.close();
      await server.shutdown();
      await running;
      server.close();
    }
  });
});
