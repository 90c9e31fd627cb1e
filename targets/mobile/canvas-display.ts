/**
 * CanvasDisplay (mobile): the platform IO contract's Display (src/core/io/display.ts) on a `<canvas>`:
 * the browser decodes each image and the display draws it, scaled to fit, into the canvas.
 *
 * Example:
 *   const Kind = canvasDisplayKind(document.getElementById("screen"), browserGlobals());
 *   const display = new Kind({ onWritable: () => next(), onError: (end) => failed(end) });
 *   display.show(jpegBytes, "image/jpeg");
 *
 * Behaviour (the contract's, in browser terms):
 * - Decoding is the browser's: the bytes become a Blob and an object URL that an Image loads (the URL is
 *   revoked as soon as the image has loaded or failed). Where there is no Blob or object URL (very old
 *   browsers) a `data:` URL is used instead; where there is no Image but `createImageBitmap` (a worker),
 *   that decodes the Blob.
 * - The image is drawn scaled to fit the canvas, keeping its shape and centred; bars left over are
 *   painted black. A 176×144 frame on a 176×144 canvas is drawn pixel for pixel; the page's CSS scales
 *   the canvas up for the screen.
 * - It is ready (the first `onWritable`) on the next turn of the page's loop. A canvas without a 2D
 *   context ends it at once with `failed`, naming the problem.
 * - `width` and `height` are the canvas's own pixel size.
 * - `close()` drops an image still decoding (its URL is still revoked) and silences every callback.
 *
 * How it works inside: one image in flight at most; its load or error event finishes it and calls
 * `onWritable`. Those events are the browser's own, so no callback runs inside `show` or `close`.
 */
import type { Display, DisplayOptions, IOCallbacks, IOEnd } from "../../src/index";
import type { BrowserGlobals, CanvasElement, Context2D, ImageBitmapLike, ImageElement, ObjectURLs } from "./browser-globals";
import { exactBuffer } from "./browser-websocket";

/** Bytes turned into a string per `String.fromCharCode.apply` call: small enough for any engine's argument limit. */
const CHARS_PER_CALL = 8192;

/** A `data:` URL for `bytes`, for browsers without object URLs. */
function dataUrl(bytes: Uint8Array, mime: string, btoa: (binary: string) => string): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHARS_PER_CALL) {
    // A plain array: old engines' apply() takes no typed array as its argument list.
    const part: number[] = Array.prototype.slice.call(bytes.subarray(i, Math.min(bytes.length, i + CHARS_PER_CALL)));
    binary += String.fromCharCode.apply(null, part);
  }
  return "data:" + mime + ";base64," + btoa(binary);
}

export class CanvasDisplay implements Display {
  painted = 0;
  undecodable = 0;
  private readonly canvas: CanvasElement;
  private readonly g: BrowserGlobals;
  private readonly context: Context2D | null;
  private callbacks: IOCallbacks | null;
  private ready = false;
  private busy = false;
  private closed = false;

  constructor(options: DisplayOptions, canvas: CanvasElement, g: BrowserGlobals) {
    this.callbacks = options;
    this.canvas = canvas;
    this.g = g;
    this.context = typeof canvas.getContext === "function" ? canvas.getContext("2d") : null;
    const self = this;
    this.later(function () {
      if (self.context === null) self.end({ code: "failed", message: "the display's canvas has no 2D context (is it a <canvas>?)" });
      else if (!self.canDecode()) self.end({ code: "failed", message: "this browser has no way to decode an image here (no Image, and no createImageBitmap with Blob)" });
      else {
        self.ready = true;
        self.writable();
      }
    });
  }

  get width(): number {
    return this.ready ? this.canvas.width : 0;
  }

  get height(): number {
    return this.ready ? this.canvas.height : 0;
  }

  show(bytes: Uint8Array, mime: string): boolean {
    if (!this.ready || this.busy || this.closed) return false;
    this.busy = true;
    const g = this.g;
    const urls: ObjectURLs | undefined = g.URL && g.URL.createObjectURL ? g.URL : g.webkitURL && g.webkitURL.createObjectURL ? g.webkitURL : undefined;
    const self = this;
    if (g.Image) {
      let url: string;
      let revoke = false;
      if (g.Blob && urls !== undefined && urls.createObjectURL) {
        url = urls.createObjectURL(new g.Blob([exactBuffer(bytes)], { type: mime }));
        revoke = true;
      } else url = dataUrl(bytes, mime, g.btoa as (binary: string) => string);
      const image: ImageElement = new g.Image();
      const done = function (ok: boolean): void {
        image.onload = null;
        image.onerror = null;
        if (revoke && urls !== undefined && urls.revokeObjectURL) urls.revokeObjectURL(url);
        self.finished(ok ? image : null, ok ? image.naturalWidth || image.width : 0, ok ? image.naturalHeight || image.height : 0);
      };
      image.onload = function () {
        done(true);
      };
      image.onerror = function () {
        done(false);
      };
      image.src = url;
    } else {
      // A worker: no Image, but createImageBitmap (checked by canDecode before the display was ready).
      const decode = g.createImageBitmap as NonNullable<BrowserGlobals["createImageBitmap"]>;
      const blob = new (g.Blob as NonNullable<BrowserGlobals["Blob"]>)([exactBuffer(bytes)], { type: mime });
      decode(blob).then(
        function (bitmap: ImageBitmapLike) {
          self.finished(bitmap, bitmap.width, bitmap.height);
          if (bitmap.close) bitmap.close();
        },
        function () {
          self.finished(null, 0, 0);
        },
      );
    }
    return true;
  }

  close(): void {
    this.closed = true;
    this.callbacks = null;
  }

  /** The image in flight decoded (`image` with its size) or not (null): draw it, count it, say so. */
  private finished(image: unknown, w: number, h: number): void {
    this.busy = false;
    if (this.closed) return;
    const ctx = this.context as Context2D;
    if (image !== null && w > 0 && h > 0) {
      const cw = this.canvas.width;
      const ch = this.canvas.height;
      const scale = Math.min(cw / w, ch / h);
      const dw = Math.round(w * scale);
      const dh = Math.round(h * scale);
      if (dw < cw || dh < ch) {
        ctx.fillStyle = "#000";
        ctx.fillRect(0, 0, cw, ch);
      }
      ctx.drawImage(image, Math.floor((cw - dw) / 2), Math.floor((ch - dh) / 2), dw, dh);
      this.painted++;
    } else this.undecodable++;
    this.writable();
  }

  private canDecode(): boolean {
    const g = this.g;
    if (g.Image) return !!((g.Blob && ((g.URL && g.URL.createObjectURL) || (g.webkitURL && g.webkitURL.createObjectURL))) || g.btoa);
    return !!(g.createImageBitmap && g.Blob);
  }

  private writable(): void {
    const cb = this.callbacks;
    if (cb !== null && cb.onWritable) cb.onWritable(1);
  }

  private end(end: IOEnd): void {
    const cb = this.callbacks;
    this.callbacks = null;
    this.closed = true;
    if (cb !== null && cb.onError) cb.onError(end);
  }

  /** Run `fn` on a later turn of the page's loop (never inside the constructor's caller). */
  private later(fn: () => void): void {
    const g = this.g;
    if (g.setTimeout) g.setTimeout(fn, 0);
  }
}

/** The Display kind drawing on `canvas`, for a host on `g`. */
export function canvasDisplayKind(canvas: CanvasElement, g: BrowserGlobals): new (options: DisplayOptions) => Display {
  return function CanvasDisplayKind(options: DisplayOptions) {
    return new CanvasDisplay(options, canvas, g);
  } as unknown as new (options: DisplayOptions) => Display;
}
