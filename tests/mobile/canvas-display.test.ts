/**
 * CanvasDisplay on fake browser globals: ready on a later turn, one image in flight, drawn to fit (pixel
 * for pixel, or scaled and centred with black bars), object URLs revoked, undecodable images counted, the
 * data: URL and createImageBitmap fallbacks, a canvas with no 2D context, and close() during a decode.
 */
import { expect } from "chai";
import type { Display, IOEnd } from "../../src/index";
import { canvasDisplayKind } from "../../targets/mobile/index";
import type { BrowserGlobals } from "../../targets/mobile/index";
import { FakeBlob, fakeCanvas, fakeGlobals } from "./fake-globals";

function make(g: BrowserGlobals, canvas = fakeCanvas()): { display: Display; events: string[]; canvas: ReturnType<typeof fakeCanvas> } {
  const events: string[] = [];
  const Kind = canvasDisplayKind(canvas, g);
  const display = new Kind({ onWritable: () => events.push("writable"), onError: (end: IOEnd) => events.push("error " + end.code + ": " + end.message) });
  return { display, events, canvas };
}

const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

describe("CanvasDisplay (mobile)", () => {
  it("CanvasDisplay — just made — not ready (show refuses, size 0) until a later turn says so", () => {
    const fakes = fakeGlobals();
    const { display, events } = make(fakes.g);
    expect(events).to.deep.equal([]);
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(false);
    expect([display.width, display.height]).to.deep.equal([0, 0]);
    fakes.flush();
    expect(events).to.deep.equal(["writable"]);
    expect([display.width, display.height]).to.deep.equal([176, 144]);
  });

  it("CanvasDisplay — an image of the canvas's size — decoded from a Blob URL, drawn pixel for pixel, URL revoked, then writable", () => {
    const fakes = fakeGlobals();
    const { display, events, canvas } = make(fakes.g);
    fakes.flush();
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(true);
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(false); // busy
    const image = fakes.images[0];
    expect(image.src).to.equal("blob:fake/1");
    fakes.images[0].load(176, 144);
    expect(canvas.context.calls).to.deep.equal(["drawImage 0,0,176,144"]);
    expect(display.painted).to.equal(1);
    expect(fakes.urls.revoked).to.deep.equal(["blob:fake/1"]);
    expect(events).to.deep.equal(["writable", "writable"]);
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(true);
  });

  it("CanvasDisplay — the Blob — holds exactly the image's bytes with its mime type", () => {
    const fakes = fakeGlobals();
    const blobs: FakeBlob[] = [];
    fakes.g.Blob = class extends FakeBlob {
      constructor(parts: unknown[], options?: { type: string }) {
        super(parts, options);
        blobs.push(this);
      }
    };
    const { display } = make(fakes.g);
    fakes.flush();
    const inside = new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(2, 5);
    display.show(inside, "image/png");
    expect(blobs[0].options).to.deep.equal({ type: "image/png" });
    expect(Array.from(new Uint8Array(blobs[0].parts[0] as ArrayBuffer))).to.deep.equal([2, 3, 4]);
  });

  it("CanvasDisplay — a wider image — scaled to fit, centred, with black bars above and below", () => {
    const fakes = fakeGlobals();
    const { display, canvas } = make(fakes.g);
    fakes.flush();
    display.show(jpegBytes, "image/jpeg");
    fakes.images[0].load(352, 144);
    expect(canvas.context.calls).to.deep.equal(["fillRect 0,0,176,144 #000", "drawImage 0,36,176,72"]);
  });

  it("CanvasDisplay — an image that does not decode — counted undecodable, nothing drawn, URL revoked, writable again", () => {
    const fakes = fakeGlobals();
    const { display, events, canvas } = make(fakes.g);
    fakes.flush();
    display.show(jpegBytes, "image/jpeg");
    fakes.images[0].fail();
    expect([display.painted, display.undecodable]).to.deep.equal([0, 1]);
    expect(canvas.context.calls).to.deep.equal([]);
    expect(fakes.urls.revoked).to.deep.equal(["blob:fake/1"]);
    expect(events).to.deep.equal(["writable", "writable"]);
  });

  it("CanvasDisplay — a browser without Blob or object URLs — loads a base64 data: URL instead", () => {
    const fakes = fakeGlobals(["Blob", "URL"]);
    const { display } = make(fakes.g);
    fakes.flush();
    display.show(new Uint8Array([0xff, 0xd8, 0x00, 0x41]), "image/jpeg");
    expect(fakes.images[0].src).to.equal("data:image/jpeg;base64," + Buffer.from([0xff, 0xd8, 0x00, 0x41]).toString("base64"));
  });

  it("CanvasDisplay — no Image but createImageBitmap (a worker) — decodes through it and closes the bitmap", () => {
    const fakes = fakeGlobals(["Image"]);
    let resolveBitmap: ((bitmap: { width: number; height: number; close(): void }) => void) | null = null;
    let closedBitmap = false;
    fakes.g.createImageBitmap = () => ({
      then(ok: (bitmap: { width: number; height: number; close(): void }) => void) {
        resolveBitmap = ok;
        return undefined;
      },
    });
    const { display, canvas } = make(fakes.g);
    fakes.flush();
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(true);
    (resolveBitmap as unknown as (b: { width: number; height: number; close(): void }) => void)({ width: 176, height: 144, close: () => (closedBitmap = true) });
    expect(canvas.context.calls).to.deep.equal(["drawImage 0,0,176,144"]);
    expect(closedBitmap).to.equal(true);
  });

  it("CanvasDisplay — a canvas with no 2D context — ends failed, naming the canvas", () => {
    const fakes = fakeGlobals();
    const { events } = make(fakes.g, fakeCanvas(176, 144, false));
    fakes.flush();
    expect(events).to.deep.equal(["error failed: the display's canvas has no 2D context (is it a <canvas>?)"]);
  });

  it("CanvasDisplay — close() while an image decodes — nothing drawn or called back, the URL still revoked", () => {
    const fakes = fakeGlobals();
    const { display, events, canvas } = make(fakes.g);
    fakes.flush();
    display.show(jpegBytes, "image/jpeg");
    display.close();
    display.close();
    fakes.images[0].load(176, 144);
    expect(canvas.context.calls).to.deep.equal([]);
    expect(events).to.deep.equal(["writable"]);
    expect(fakes.urls.revoked).to.deep.equal(["blob:fake/1"]);
    expect(display.show(jpegBytes, "image/jpeg")).to.equal(false);
  });
});
