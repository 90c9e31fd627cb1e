/**
 * The terminal client's picture: the half-block renderer (exact escape sequences for a 4×4 image, an odd
 * last row, fitting and box-filter scaling), the kbit/s average, and TerminalDisplay on a virtual clock —
 * drawing in place, the status line, errors, newest-wins drops, and restoring the cursor at the end.
 */
import { expect } from "chai";
import { Handle, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { BitRate } from "../../../examples/video-preview/client/bit-rate";
import { fitSize, halfBlocks, scaleImage } from "../../../examples/video-preview/client/half-blocks";
import type { RgbaImage } from "../../../examples/video-preview/client/half-blocks";
import { CorruptJpeg } from "../../../examples/video-preview/client/jpeg-decoder";
import type { DecodedFrame } from "../../../examples/video-preview/client/jpeg-decoder";
import { TerminalDisplay } from "../../../examples/video-preview/client/terminal-display";
import { testScheduler } from "../../helpers/test-scheduler";

type RGB = [number, number, number];
const RED: RGB = [255, 0, 0];
const GREEN: RGB = [0, 255, 0];
const BLUE: RGB = [0, 0, 255];
const BLACK: RGB = [0, 0, 0];
const WHITE: RGB = [255, 255, 255];

/** An image from rows of colours. */
function image(rows: RGB[][]): RgbaImage {
  const height = rows.length;
  const width = rows[0].length;
  const rgba = new Uint8Array(width * height * 4);
  rows.forEach((row, y) => row.forEach((c, x) => rgba.set([c[0], c[1], c[2], 255], (y * width + x) * 4)));
  return { width, height, rgba };
}

/** The 4×4 test image: a red, red, green, blue row over black, black, black, white; then two white rows. */
const TEST_4X4 = image([
  [RED, RED, GREEN, BLUE],
  [BLACK, BLACK, BLACK, WHITE],
  [WHITE, WHITE, WHITE, WHITE],
  [WHITE, WHITE, WHITE, WHITE],
]);
const E = "\x1b[";
const ROW_0 = E + "38;2;255;0;0;48;2;0;0;0m▀▀" + E + "38;2;0;255;0m▀" + E + "38;2;0;0;255;48;2;255;255;255m▀" + E + "0m";
const ROW_1 = E + "38;2;255;255;255;48;2;255;255;255m▀▀▀▀" + E + "0m";

function frame(n: number, img: RgbaImage, bytes: number): DecodedFrame {
  return { frame: n, width: img.width, height: img.height, rgba: img.rgba, bytes };
}

describe("the half-block renderer", () => {
  it("halfBlocks — the 4×4 test image — two rows of ▀ with 24-bit colours set only where they change", () => {
    expect(halfBlocks(TEST_4X4)).to.deep.equal([ROW_0, ROW_1]);
  });

  it("halfBlocks — an odd number of pixel rows — the last cells have the terminal's background below", () => {
    const rows = halfBlocks(image([[RED, GREEN], [BLUE, BLUE], [WHITE, WHITE]]));
    expect(rows[1]).to.equal(E + "38;2;255;255;255;49m▀▀" + E + "0m");
  });

  it("fitSize — a 176×144 frame in 80×23 cells — 56×46 pixels, its shape kept, two pixels per cell row", () => {
    expect(fitSize(176, 144, 80, 23)).to.deep.equal({ width: 56, height: 46 });
    expect(fitSize(176, 144, 20, 50)).to.deep.equal({ width: 20, height: 16 });
    expect(fitSize(4, 4, 100, 100)).to.deep.equal({ width: 4, height: 4 }); // never enlarged
    expect(fitSize(4, 3, 4, 2)).to.deep.equal({ width: 4, height: 4 }); // height made even
  });

  it("scaleImage — 4×4 to 2×2 and 2×1 to 4×2 — each new pixel the average of the block it covers; enlarging repeats", () => {
    const small = scaleImage(TEST_4X4, 2, 2);
    expect(Array.from(small.rgba)).to.deep.equal([128, 0, 0, 255, 64, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
    const big = scaleImage(image([[RED, BLUE]]), 4, 2);
    expect(halfBlocks(big)).to.deep.equal([E + "38;2;255;0;0;48;2;255;0;0m▀▀" + E + "38;2;0;0;255;48;2;0;0;255m▀▀" + E + "0m"]);
  });
});

describe("BitRate", () => {
  it("BitRate — 4500-byte frames every 2 s in a 5 s window — 18 kbit/s; unknown before the second frame", () => {
    const rate = new BitRate(5000);
    rate.add(0, 4500);
    expect(rate.kbitPerSecond()).to.equal(null);
    rate.add(2000, 4500);
    rate.add(4000, 4500);
    rate.add(6000, 4500);
    expect(rate.kbitPerSecond()).to.equal(18);
  });

  it("BitRate — frames slower than the window — the two newest still give a rate", () => {
    const rate = new BitRate(5000);
    rate.add(0, 1000);
    rate.add(10000, 5000);
    expect(rate.kbitPerSecond()).to.equal(4);
  });
});

describe("TerminalDisplay", () => {
  function display(columns: number, rows: number): { handle: Handle<TerminalDisplay>; screen: () => string; clock: { advance(ms: number): void } } {
    const scheduler = testScheduler();
    let text = "";
    const component = new TerminalDisplay({ write: (t) => (text += t), columns, rows });
    const handle = new Handle(component, scheduler);
    return {
      handle,
      screen: () => {
        handle.get(); // run until idle
        const out = text;
        text = "";
        return out;
      },
      clock: scheduler.host,
    };
  }

  it("TerminalDisplay — the 4×4 image in 60×3 cells — hides the cursor, draws both rows, then the status line", () => {
    const d = display(60, 3);
    d.handle.put(frame(1, TEST_4X4, 120));
    expect(d.screen()).to.equal(
      E + "?25l" + ROW_0 + E + "K\n" + ROW_1 + E + "K\n" + "frame 1 · 120 bytes · – kbit/s · dropped 0 · errors 0" + E + "J",
    );
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — a second frame 2 s later — redrawn in place over the first, with its kbit/s", () => {
    const d = display(60, 3);
    d.handle.put(frame(1, TEST_4X4, 100));
    d.screen();
    d.clock.advance(2000);
    d.handle.put(frame(2, TEST_4X4, 500));
    expect(d.screen()).to.equal("\r" + E + "2A" + ROW_0 + E + "K\n" + ROW_1 + E + "K\n" + "frame 2 · 500 bytes · 2.0 kbit/s · dropped 0 · errors 0" + E + "J");
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — a 176×144 frame in 57×24 cells — scaled to 56 columns and 23 rows above the status line", () => {
    const d = display(57, 24);
    const big = { width: 176, height: 144, rgba: new Uint8Array(176 * 144 * 4).fill(200) };
    d.handle.put(frame(1, big, 4000));
    const lines = d.screen().split("\n");
    expect(lines).to.have.length(24);
    expect(lines[0].split("▀")).to.have.length(57);
    expect(lines[23]).to.match(/^frame 1 · 4000 bytes/);
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — a CorruptJpeg on control — the status line alone is redrawn, counting the error and saying it", () => {
    const d = display(200, 3);
    d.handle.put(frame(1, TEST_4X4, 100));
    d.screen();
    d.handle.put(new CorruptJpeg(2, 7, "SOI not found") as never, "control" as never);
    expect(d.screen()).to.equal("\rframe 1 · 100 bytes · – kbit/s · dropped 0 · errors 1 · frame 2 (7 bytes) is not a JPEG that decodes: SOI not found; skipped" + E + "J");
    expect(d.handle.component.errors).to.equal(1);
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — a status line wider than the terminal — cut to the width with an ellipsis", () => {
    const d = display(20, 3);
    d.handle.put(frame(1, TEST_4X4, 100));
    expect(d.screen()).to.contain("\nframe 1 · 100 bytes…" + E + "J");
    expect(d.handle.component.status()).to.equal("frame 1 · 100 bytes…");
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — three frames arrive together — only the newest is drawn, two counted as dropped, all three in the rate", () => {
    const d = display(80, 3);
    d.handle.put(frame(1, TEST_4X4, 100));
    d.handle.put(frame(2, TEST_4X4, 100));
    d.handle.put(frame(3, TEST_4X4, 100));
    expect(d.screen()).to.contain("frame 3 · 100 bytes · – kbit/s · dropped 2 · errors 0");
    expect([d.handle.component.received, d.handle.component.drawn, d.handle.component.dropped]).to.deep.equal([3, 1, 2]);
    d.handle.shutdown();
    d.handle.close();
  });

  it("TerminalDisplay — producerFinished with a frame still waiting — draws it, shows the cursor on a new line, passes the message on", () => {
    const d = display(80, 3);
    const end = producerFinished();
    d.handle.put(frame(1, TEST_4X4, 100));
    d.handle.put(end as never, "control" as never);
    const out = d.screen();
    expect(out).to.contain("frame 1 ·");
    expect(out.endsWith(E + "0m" + E + "?25h\n")).to.equal(true);
    expect(d.handle.get("signal" as never)).to.equal(end);
    expect(d.handle.component.isStopped()).to.equal(true);
    d.handle.close();
  });

  it("TerminalDisplay — stopped from outside after drawing — its teardown still shows the cursor", () => {
    const d = display(80, 3);
    d.handle.put(frame(1, TEST_4X4, 100));
    d.screen();
    d.handle.put(shutdownMicroprocess() as never, "control" as never);
    expect(d.screen()).to.equal(E + "0m" + E + "?25h\n");
    d.handle.close();
    let text = "";
    const scheduler = testScheduler();
    const other = new TerminalDisplay({ write: (t) => (text += t), columns: 80, rows: 3 });
    const handle = new Handle(other, scheduler);
    handle.put(frame(1, TEST_4X4, 100));
    handle.get();
    other.stop();
    expect(text.endsWith(E + "?25h\n")).to.equal(true);
    handle.close();
  });

  it("TerminalDisplay — ended before any frame — writes nothing at all", () => {
    const d = display(80, 3);
    d.handle.shutdown();
    expect(d.screen()).to.equal("");
    d.handle.close();
  });
});
