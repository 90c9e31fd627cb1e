/**
 * PSNR evidence for the video preview clients (issue 8): how closely a received frame's pixels match the
 * source video, against ffmpeg's own decode of the clip.
 *
 * Example:
 *   const source = sourceFrames("examples/video-preview/media/test-pattern.mpg", 0.5, 176, 144);
 *   const match = bestJpegMatch(jpegBytes, source);   // { index: 3, psnr: 28.1, width: 176, height: 144 }
 *   expect(match.psnr).to.be.at.least(25);
 *
 * Behaviour:
 * - `sourceFrames(clip, interval, w, h)` runs ffmpeg (ffmpegPath()) with the server's own filter,
 *   `-vf fps=1/<interval>,scale=<w>:<h> -f rawvideo -pix_fmt rgb24 -`, over one pass of the clip: the
 *   frames a server grabbing at that interval and size can send, as packed RGB.
 * - `psnr(a, aChannels, b, bChannels, pixels, bOffset)` is the peak signal-to-noise ratio in dB over the
 *   red, green and blue of `pixels` pixels (alpha ignored), 10·log10(255² / mean squared error); Infinity
 *   for identical pixels. Either side may be RGBA (4 channels) or RGB (3).
 * - `bestMatch(rgba, source)`: the source frame the picture is closest to, and the PSNR against it — the
 *   stream loops and a client joins mid-stream, so which frame it got first is not known. `bestJpegMatch`
 *   decodes a JPEG with jpeg-js first, and says its size; a size other than the source's is a failed match
 *   (PSNR -Infinity), not an exception, so a test reports every frame.
 *
 * How it works inside: spawnSync with a buffer big enough for the clip; plain loops over the bytes.
 */
import { spawnSync } from "node:child_process";
import jpeg from "jpeg-js";
import { ffmpegPath } from "../../../examples/video-preview/ffmpeg-path";

/** Decoded source frames: `count` frames of width × height packed RGB, one after another. */
export interface SourceFrames {
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly rgb: Uint8Array;
}

/** The frames of `clip` at one every `interval` seconds, scaled to `width` × `height`, decoded by ffmpeg. */
export function sourceFrames(clip: string, interval: number, width: number, height: number): SourceFrames {
  const args = ["-hide_banner", "-loglevel", "error", "-i", clip, "-an", "-vf", "fps=1/" + interval + ",scale=" + width + ":" + height, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"];
  const run = spawnSync(ffmpegPath(), args, { maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error("ffmpeg could not decode " + clip + " (status " + run.status + "): " + String(run.stderr));
  const frameSize = width * height * 3;
  const count = Math.floor(run.stdout.length / frameSize);
  if (count === 0) throw new Error("ffmpeg decoded no frames from " + clip);
  return { width, height, count, rgb: new Uint8Array(run.stdout.buffer, run.stdout.byteOffset, count * frameSize) };
}

/** PSNR in dB between `pixels` pixels of `a` and of `b` (from pixel `bOffset`), over red, green and blue. */
export function psnr(a: Uint8Array, aChannels: number, b: Uint8Array, bChannels: number, pixels: number, bOffset = 0): number {
  let squared = 0;
  let ai = 0;
  let bi = bOffset * bChannels;
  for (let p = 0; p < pixels; p++) {
    const dr = a[ai] - b[bi];
    const dg = a[ai + 1] - b[bi + 1];
    const db = a[ai + 2] - b[bi + 2];
    squared += dr * dr + dg * dg + db * db;
    ai += aChannels;
    bi += bChannels;
  }
  if (squared === 0) return Infinity;
  return 10 * Math.log10((255 * 255) / (squared / (pixels * 3)));
}

/** The source frame closest to an RGBA picture of the source's size, and the PSNR against it. */
export function bestMatch(rgba: Uint8Array, source: SourceFrames): { index: number; psnr: number } {
  const pixels = source.width * source.height;
  let best = { index: -1, psnr: -Infinity };
  for (let i = 0; i < source.count; i++) {
    const value = psnr(rgba, 4, source.rgb, 3, pixels, i * pixels);
    if (value > best.psnr) best = { index: i, psnr: value };
  }
  return best;
}

/** A JPEG decoded and matched against the source: its size, the closest source frame, and the PSNR. */
export function bestJpegMatch(bytes: Uint8Array, source: SourceFrames): { index: number; psnr: number; width: number; height: number } {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  if (image.width !== source.width || image.height !== source.height) return { index: -1, psnr: -Infinity, width: image.width, height: image.height };
  return { ...bestMatch(image.data, source), width: image.width, height: image.height };
}
