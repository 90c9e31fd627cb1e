/**
 * Display in the platform IO contract: a screen area that shows one image at a time — bytes plus a mime
 * type, decoded and painted by the platform (a canvas in a browser, a view on a handset).
 *
 * Example:
 *   const display = new io.Display({ onWritable: () => showNext(), onError: (end) => done(end) });
 *   if (!display.show(jpegBytes, "image/jpeg")) keepForLater(jpegBytes);   // still painting the last one
 *
 * Behaviour (beyond io-callbacks.ts):
 * - The first `onWritable` says the display is ready; each later one says the image given to `show()`
 *   is finished with — painted, or found undecodable — so the next may be shown.
 * - `show(bytes, mime)` starts decoding and painting, and returns true; it takes nothing and returns
 *   false while the previous image is still being decoded or painted (or before the display is ready).
 *   The bytes are not changed, and the platform does not keep them after the `onWritable` that follows.
 * - The image is scaled to fit the display, keeping its shape.
 * - `painted` counts the images painted so far and `undecodable` those that could not be decoded (they
 *   are skipped: the display keeps showing the image before), so the owner can tell which happened.
 * - `width` and `height` are the display's size in pixels (0 until it is ready).
 * - The display ends (`onError`) only when it can no longer paint at all, such as when the platform has no
 *   way to draw (`failed`) or the surface it drew on is gone (`closed`).
 * - `close()` releases the display (an image being decoded is dropped) and silences every callback.
 *   Idempotent. What it painted stays on the screen.
 *
 * How it works inside: types only. Which surface a display paints on is the target's business (the mobile
 * target binds its Display kind to the canvas its host was made with), so the options here are only the
 * callbacks.
 */
import type { IOCallbacks } from "./io-callbacks";

/** How to open a display: the callbacks only (`onReadable` is never called). */
export interface DisplayOptions extends IOCallbacks {}

/** A screen area that shows one image at a time. */
export interface Display {
  /** Decode and paint one image (such as `image/jpeg`); false (nothing taken) while still busy with the last. */
  show(bytes: Uint8Array, mime: string): boolean;
  /** Images painted so far. */
  readonly painted: number;
  /** Images that could not be decoded (skipped) so far. */
  readonly undecodable: number;
  /** Width in pixels (0 until ready). */
  readonly width: number;
  /** Height in pixels (0 until ready). */
  readonly height: number;
  /** Release the display; callbacks stop. Idempotent. */
  close(): void;
}
