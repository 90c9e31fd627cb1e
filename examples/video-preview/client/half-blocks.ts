/**
 * halfBlocks: a picture as terminal text — each character cell shows two pixels, one above the other, as
 * an upper half block `▀` whose 24-bit foreground colour is the upper pixel and background the lower. The
 * terminal client's renderer; `fitSize` and `scaleImage` make a frame fit the terminal first.
 *
 * Example:
 *   const size = fitSize(176, 144, 80, 23);                  // { width: 56, height: 46 }: 56 × 23 cells
 *   const rows = halfBlocks(scaleImage(frame, size.width, size.height));
 *   process.stdout.write(rows.join("\n") + "\n");
 *
 * Behaviour:
 * - `halfBlocks(image)` gives one string per row of cells (pixel rows 0–1, 2–3, …). In each row a colour
 *   is set only when it differs from the cell before (`ESC[38;2;R;G;Bm` foreground, `ESC[48;2;R;G;Bm`
 *   background, both in one `ESC[38;2;…;48;2;…m` when both change), every cell is `▀`, and the row ends
 *   with `ESC[0m` so nothing bleeds past it. An odd last pixel row has the terminal's own background
 *   below it (`ESC[49m`). Alpha is ignored.
 * - `fitSize(width, height, columns, rows)`: the largest size, never larger than the image, that keeps its
 *   shape (a cell is two pixels high, so a half-block pixel is about square) and fits in `columns` × `rows`
 *   cells; the height is even, so every cell has two pixels. At least 1 × 2.
 * - `scaleImage(image, width, height)`: each new pixel is the average of the block of source pixels it
 *   covers (a box filter: shrinking a 176-pixel frame to 56 columns keeps thin lines visible rather than
 *   picking every third pixel); enlarging repeats pixels.
 *
 * How it works inside: plain loops over the RGBA bytes; a row's text is collected in an array and joined
 * once. A 56 × 23-cell frame is about 30 KB of text when every colour changes, far less on flat areas.
 */

/** An image as RGBA bytes, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes: red, green, blue, alpha. */
  readonly rgba: Uint8Array;
}

/** The upper half block: its foreground is the cell's upper pixel, its background the lower. */
export const UPPER_HALF_BLOCK = "\u2580";
const ESC = "\x1b[";
/** Select Graphic Rendition 0: back to the terminal's colours. */
export const RESET = ESC + "0m";

/** The size to draw a `width` × `height` image at, in pixels, to fit `columns` × `rows` character cells. */
export function fitSize(width: number, height: number, columns: number, rows: number): { width: number; height: number } {
  const scale = Math.min(1, columns / width, (2 * rows) / height);
  const w = Math.max(1, Math.min(columns, Math.round(width * scale)));
  const cellRows = Math.max(1, Math.min(rows, Math.round((height * scale) / 2)));
  return { width: w, height: cellRows * 2 };
}

/** `image` resized to `width` × `height` by averaging the source pixels each new pixel covers. */
export function scaleImage(image: RgbaImage, width: number, height: number): RgbaImage {
  if (width === image.width && height === image.height) return image;
  const src = image.rgba;
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * 4;
          r += src[i];
          g += src[i + 1];
          b += src[i + 2];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return { width, height, rgba: out };
}

function colourAt(image: RgbaImage, x: number, y: number): string {
  const i = (y * image.width + x) * 4;
  return image.rgba[i] + ";" + image.rgba[i + 1] + ";" + image.rgba[i + 2];
}

/** One string per row of cells: `image` drawn with `▀` in 24-bit colour, two pixel rows per cell row. */
export function halfBlocks(image: RgbaImage): string[] {
  const rows: string[] = [];
  for (let y = 0; y < image.height; y += 2) {
    const parts: string[] = [];
    let fg = "";
    let bg = "";
    const lowerExists = y + 1 < image.height;
    for (let x = 0; x < image.width; x++) {
      const upper = colourAt(image, x, y);
      const lower = lowerExists ? colourAt(image, x, y + 1) : "";
      const codes: string[] = [];
      if (upper !== fg || x === 0) codes.push("38;2;" + upper);
      if (lower !== bg || x === 0) codes.push(lowerExists ? "48;2;" + lower : "49");
      if (codes.length > 0) parts.push(ESC + codes.join(";") + "m");
      parts.push(UPPER_HALF_BLOCK);
      fg = upper;
      bg = lower;
    }
    parts.push(RESET);
    rows.push(parts.join(""));
  }
  return rows;
}
