/**
 * mediaVideos: the videos a preview server offers — the video files in its media folder, by name, sorted
 * (the first is the default for clients that ask for nothing).
 *
 * Example:
 *   mediaVideos("examples/video-preview/media");   // ["test-pattern.mpg"]
 *
 * Behaviour: lists the folder once (call it at start-up) and keeps regular files whose extension is a
 * video container ffmpeg reads (.mpg, .mpeg, .mp4, .m4v, .mov, .mkv, .webm, .avi, .ts, .m2ts, .vob, .flv,
 * .ogv, .wmv), sorted by name. Clients name a video by this exact name, never by path. A folder that is
 * missing, or holds no video, is an error that says so.
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";

/** Extensions taken as videos (lower case). */
const VIDEO_EXTENSIONS = [".mpg", ".mpeg", ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".ts", ".m2ts", ".vob", ".flv", ".ogv", ".wmv"];

/** The video file names in `folder`, sorted. Throws if there is none. */
export function mediaVideos(folder: string): string[] {
  const dir = resolve(folder);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new Error("the media folder " + dir + " cannot be read (" + (error as Error).message + "): give an existing folder of videos with --media");
  }
  const videos = names.filter((name) => VIDEO_EXTENSIONS.indexOf(extname(name).toLowerCase()) >= 0 && statSync(join(dir, name)).isFile()).sort();
  if (videos.length === 0) {
    throw new Error("the media folder " + dir + " holds no video (" + VIDEO_EXTENSIONS.join(" ") + "): put an MPEG there, or run examples/video-preview/make-sample-clip.ts");
  }
  return videos;
}
