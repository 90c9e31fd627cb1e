/**
 * Makes the streamer's bundled sample clip, media/test-pattern.mpg: 12 seconds of ffmpeg's synthetic
 * `testsrc2` pattern (colour bars, a running clock and frame counter, moving shapes) at 352×288, 25 fps,
 * MPEG-1 video at about 400 kbit/s (~700 KB). Every frame differs, so a test can tell which source frame a
 * received JPEG shows. Committed, so `npm start` needs nothing else; re-run to regenerate:
 *
 *   node --import tsx examples/video-preview/make-sample-clip.ts
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { ffmpegPath } from "./ffmpeg-path";

const output = join(import.meta.dirname, "media", "test-pattern.mpg");
execFileSync(
  ffmpegPath(),
  ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=352x288:rate=25:duration=12", "-c:v", "mpeg1video", "-b:v", "400k", "-g", "25", output],
  { stdio: "inherit" },
);
console.log("wrote " + output + " (" + statSync(output).size + " bytes)");
