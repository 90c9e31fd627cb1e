/**
 * The video preview viewer in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) emulating a phone opens the viewer page, served by a small HTTP + `ws` server here that
 * serves viewerFiles() and sends real JPEG frames (made with jpeg-js) on /frames. The test reads the status
 * line and the canvas's pixels as a person would see them, and saves a screenshot to build/mobile-viewer.png.
 * (The README's screenshot comes from the real server: tests/browser/streamer-viewer.test.ts.)
 *
 * Without /usr/bin/chromium the test is skipped, saying so — except under CI=true, where it fails
 * (.ci/run installs Chromium).
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import jpeg from "jpeg-js";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { WebSocketServer } from "ws";
import { viewerFiles } from "../../examples/video-preview/viewer/serve-viewer";

const CHROMIUM = "/usr/bin/chromium";
const root = resolve(import.meta.dirname, "../..");
const SCREENSHOT_RUN = resolve(root, "build/mobile-viewer.png");
const PHONE_UA = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

const W = 176;
const H = 144;
/** Colour bars across the top two thirds of every frame: white, yellow, cyan, green, magenta, red, blue. */
const BARS: [number, number, number][] = [
  [235, 235, 235],
  [235, 235, 16],
  [16, 235, 235],
  [16, 235, 16],
  [235, 16, 235],
  [235, 16, 16],
  [16, 16, 235],
];
/** The bottom third's colour, one per frame, so the canvas shows which frame was painted last. */
const FRAME_COLOURS: [number, number, number][] = [
  [200, 40, 40],
  [40, 200, 40],
  [40, 40, 200],
  [200, 200, 40],
  [40, 200, 200],
  [200, 40, 200],
  [230, 130, 30],
  [30, 130, 230],
];
const BAR_BOTTOM = 96;

/** A real baseline JPEG: the bars, the frame's colour below them, and a white block that moves per frame. */
function frameJpeg(index: number): Buffer {
  const data = Buffer.alloc(W * H * 4);
  const block = 8 + index * 18;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let rgb = y < BAR_BOTTOM ? BARS[Math.min(BARS.length - 1, Math.floor((x * BARS.length) / W))] : FRAME_COLOURS[index];
      if (y >= 108 && y < 132 && x >= block && x < block + 16) rgb = [250, 250, 250];
      const i = (y * W + x) * 4;
      data[i] = rgb[0];
      data[i + 1] = rgb[1];
      data[i + 2] = rgb[2];
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ data, width: W, height: H }, 90).data;
}

/** The viewer's files over HTTP, and `frames` sent on /frames one every `everyMs` to each connection. */
async function startServer(frames: Buffer[], everyMs: number): Promise<{ server: Server; wss: WebSocketServer; base: string; requested: string[] }> {
  const files = viewerFiles();
  const requested: string[] = [];
  const server = createServer((req, res) => {
    const file = files[new URL(req.url || "/", "http://localhost").pathname];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": file.type, "cache-control": "no-cache" }).end(file.body);
  });
  const wss = new WebSocketServer({ server, path: "/frames" });
  wss.on("connection", (socket, request) => {
    requested.push(request.url || "");
    let next = 0;
    const timer = setInterval(() => {
      if (next >= frames.length) {
        clearInterval(timer);
        return;
      }
      socket.send(frames[next++], { binary: true });
    }, everyMs);
    socket.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  return { server, wss, base: "http://127.0.0.1:" + (server.address() as AddressInfo).port, requested };
}

/** The canvas pixel at (x, y) in its own coordinates. */
function pixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.getElementById("screen") as HTMLCanvasElement;
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      return Array.prototype.slice.call(ctx.getImageData(px, py, 1, 1).data, 0, 3) as number[];
    },
    [x, y],
  );
}

function near(actual: number[], expected: number[], tolerance = 24): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
}

describe("mobile viewer files", () => {
  it("viewer.js — checked by es-check — is plain ES5, as old handsets need with no build step", () => {
    const es5Check = resolve(root, "node_modules/es-check/lib/cli/index.js");
    execFileSync(process.execPath, [es5Check, "es5", resolve(root, "examples/video-preview/viewer/viewer.js"), "--checkFeatures", "--silent"], { stdio: "pipe" });
  });

  it("viewerFiles — called — the page, its script and the mobile bundle, each with its content type", () => {
    const files = viewerFiles();
    expect(Object.keys(files).sort()).to.deep.equal(["/", "/index.html", "/kamaelia-mobile.es5.min.js", "/viewer.js"]);
    expect(files["/"].type).to.equal("text/html; charset=utf-8");
    expect(files["/"].body.toString()).to.contain('<canvas id="screen" width="176" height="144">');
    expect(files["/viewer.js"].type).to.equal("text/javascript; charset=utf-8");
    expect(files["/kamaelia-mobile.es5.min.js"].body.toString()).to.contain("Kamaelia");
  });
});

describe("mobile viewer in a real browser", function () {
  this.timeout(40000);
  let browser: Browser | null = null;

  before(function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === "true") throw new Error(CHROMIUM + " is missing under CI: .ci/run should have installed Debian's chromium");
      console.log("    skipped: " + CHROMIUM + " is missing (install it with `apt-get install -y chromium` to run the browser test)");
      this.skip();
    }
  });

  after(async () => {
    if (browser !== null) await browser.close();
  });

  it("viewer page — a phone-sized Chromium, eight JPEG frames on /frames — status counts them, the canvas shows the last, the query reaches the server", async () => {
    const frames = FRAME_COLOURS.map((_, i) => frameJpeg(i));
    const { server, wss, base, requested } = await startServer(frames, 150);
    const errors: string[] = [];
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
      const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: PHONE_UA });
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(base + "/?video=test-pattern.mpg&interval=0.15&size=176x144");

      // Every frame is either painted or replaced by a newer one (newest wins); at least five are painted.
      const counted = (text: string): { frame: number; dropped: number } => ({
        frame: Number((/frame (\d+)/.exec(text) || [])[1] || 0),
        dropped: Number((/(\d+) dropped/.exec(text) || [])[1] || 0),
      });
      await page.waitForFunction(
        (total) => {
          const text = (document.getElementById("status") as HTMLElement).textContent || "";
          const frame = Number((/frame (\d+)/.exec(text) || [])[1] || 0);
          const dropped = Number((/(\d+) dropped/.exec(text) || [])[1] || 0);
          return frame + dropped >= total;
        },
        frames.length,
        { timeout: 20000 },
      );
      const status = (await page.textContent("#status")) || "";
      const { frame, dropped } = counted(status);
      expect(frame).to.be.at.least(5);
      expect(frame + dropped).to.equal(frames.length);
      expect(status).to.match(/^frame \d+ · [\d.]+ KB · [\d.]+ kbit\/s/);

      // The canvas holds the last frame: its colour below the bars, and the bars above.
      expect(near(await pixel(page, 40, 138), FRAME_COLOURS[frames.length - 1])).to.equal(true, "bottom: " + String(await pixel(page, 40, 138)));
      expect(near(await pixel(page, 6, 40), BARS[0])).to.equal(true, "white bar: " + String(await pixel(page, 6, 40)));
      expect(near(await pixel(page, Math.floor((5.5 * W) / 7), 40), BARS[5])).to.equal(true, "red bar");
      expect(near(await pixel(page, W - 6, 40), BARS[6])).to.equal(true, "blue bar");

      // Scaled up to a whole multiple that fits the phone: 2× on a 360 px wide screen.
      const box = await page.evaluate(() => {
        const r = (document.getElementById("screen") as HTMLElement).getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      expect(box).to.deep.equal({ width: 2 * W, height: 2 * H });

      expect(requested).to.deep.equal(["/frames?video=test-pattern.mpg&interval=0.15&size=176x144"]);
      expect(errors).to.deep.equal([]);

      const png = await page.screenshot();
      mkdirSync(dirname(SCREENSHOT_RUN), { recursive: true });
      writeFileSync(SCREENSHOT_RUN, png);
    } finally {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });

  it("viewer page — the server goes away — the status line says the connection ended and that it will reconnect", async () => {
    const { server, wss, base } = await startServer([frameJpeg(0)], 50);
    browser = browser || (await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] }));
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, userAgent: PHONE_UA });
    const page = await context.newPage();
    try {
      await page.goto(base + "/");
      await page.waitForFunction(() => /frame 1/.test((document.getElementById("status") as HTMLElement).textContent || ""), undefined, { timeout: 20000 });
      for (const client of wss.clients) client.close(1001, "server going away");
      await page.waitForFunction(() => /reconnecting/.test((document.getElementById("status") as HTMLElement).textContent || ""), undefined, { timeout: 20000 });
      expect(await page.textContent("#status")).to.contain("closed with code 1001: server going away");
    } finally {
      await context.close();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
