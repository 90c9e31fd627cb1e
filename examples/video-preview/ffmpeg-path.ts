/**
 * ffmpegPath: where the ffmpeg program is — the binary from the npm package `@ffmpeg-installer/ffmpeg`
 * (installed by `npm ci`), else `ffmpeg` on the PATH — or a clear error saying how to get one.
 *
 * Example:
 *   const ffmpeg = ffmpegPath();   // "/…/node_modules/@ffmpeg-installer/linux-x64/ffmpeg"
 */
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";

/** Thrown when no ffmpeg can be found; its message says how to get one. */
export class FfmpegNotFound extends Error {
  override readonly name = "FfmpegNotFound";
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The ffmpeg to run: the npm package's binary, else one on the PATH; FfmpegNotFound if neither. */
export function ffmpegPath(): string {
  try {
    const installed = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
    if (executable(installed)) return installed;
  } catch {
    // not installed for this platform: try the PATH
  }
  for (const dir of (process.env.PATH || "").split(delimiter)) {
    if (dir !== "" && executable(join(dir, "ffmpeg"))) return join(dir, "ffmpeg");
  }
  throw new FfmpegNotFound(
    "no ffmpeg found: run `npm ci` (it installs @ffmpeg-installer/ffmpeg, which ships ffmpeg for Linux, macOS and Windows on x64/arm64), or install ffmpeg on your PATH (Debian: apt-get install ffmpeg; macOS: brew install ffmpeg)",
  );
}
