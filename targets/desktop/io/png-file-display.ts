/**
 * PngFileDisplay: a desktop Display (src/core/io/display.ts) whose "screen" is a PNG file — what a handset
 * would show, for headless tests and demos. Each painted image is decoded (JPEG, with jpeg-js), scaled to
 * fit the screen keeping its shape (letterboxed on black), and the whole screen written as
 * `screen-000001.png`, `screen-000002.png`, … plus `latest.png`.
 *
 * Example:
 *   const io = { ...nodeIO, Display: pngFileDisplay({ dir: "/tmp/screen", width: 240, height: 320 }) };
 *   const host = await QuickJSHost.create({ io });    // a QuickJS "handset" whose screen is /tmp/screen
 *
 * Behaviour: as the contract — the first onWritable says ready; each later one says the image given to
 * show() is done (painted or undecodable); `show` returns false while one is in progress. Only image/jpeg
 * decodes; anything else counts as undecodable. Writing is synchronous (small files), the callbacks are
 * not: they follow on the next turn of Node's loop. `keep: false` writes only latest.png.
 *
 * How it works inside: nearest-neighbour scaling into one RGBA buffer per display; pngjs encodes it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import type { Display, DisplayOptions } from "../../../src/index";

/** Where and how big the screen is. */
export interface PngFileDisplayOptions {
  /** Folder for the PNG files (created if missing). */
  dir: string;
  /** Screen width in pixels. Default 176. */
  width?: number;
  /** Screen height in pixels. Default 144. */
  height?: number;
  /** Keep every screen as its own numbered file (default true), besides latest.png. */
  keep?: boolean;
}

/** A Display class painting into PNG files, for a host's `io.Display`. */
export function pngFileDisplay(options: PngFileDisplayOptions): new (display: DisplayOptions) => Display {
  const width = options.width ?? 176;
  const height = options.height ?? 144;
  mkdirSync(options.dir, { recursive: true });

  return class PngFileDisplay implements Display {
    painted = 0;
    undecodable = 0;
    width = 0;
    height = 0;
    private callbacks: DisplayOptions | null;
    private busy = true;
    private readonly screen = new PNG({ width, height });

    constructor(display: DisplayOptions) {
      this.callbacks = display;
      setImmediate(() => {
        this.width = width;
        this.height = height;
        this.ready();
      });
    }

    show(bytes: Uint8Array, mime: string): boolean {
      if (this.busy || this.callbacks === null) return false;
      this.busy = true;
      let image: { width: number; height: number; data: Uint8Array } | null = null;
      if (mime === "image/jpeg") {
        try {
          image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 64 });
        } catch {
          image = null;
        }
      }
      if (image === null) this.undecodable++;
      else {
        this.paint(image);
        this.painted++;
        const png = PNG.sync.write(this.screen);
        if (options.keep !== false) writeFileSync(join(options.dir, "screen-" + String(this.painted).padStart(6, "0") + ".png"), png);
        writeFileSync(join(options.dir, "latest.png"), png);
      }
      setImmediate(() => this.ready());
      return true;
    }

    close(): void {
      this.callbacks = null;
    }

    private ready(): void {
      this.busy = false;
      const c = this.callbacks;
      if (c !== null && c.onWritable) c.onWritable(1);
    }

    /** Letterbox `image` into the screen: scaled to fit, centred, black around it. */
    private paint(image: { width: number; height: number; data: Uint8Array }): void {
      const out = this.screen.data;
      out.fill(0);
      for (let i = 3; i < out.length; i += 4) out[i] = 255;
      const scale = Math.min(width / image.width, height / image.height);
      const w = Math.max(1, Math.round(image.width * scale));
      const h = Math.max(1, Math.round(image.height * scale));
      const left = Math.floor((width - w) / 2);
      const top = Math.floor((height - h) / 2);
      for (let y = 0; y < h; y++) {
        const sy = Math.min(image.height - 1, Math.floor(y / scale));
        for (let x = 0; x < w; x++) {
          const sx = Math.min(image.width - 1, Math.floor(x / scale));
          const from = (sy * image.width + sx) * 4;
          const to = ((top + y) * width + left + x) * 4;
          out[to] = image.data[from];
          out[to + 1] = image.data[from + 1];
          out[to + 2] = image.data[from + 2];
          out[to + 3] = 255;
        }
      }
    }
  };
}
