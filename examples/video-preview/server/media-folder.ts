/**
 * mediaVideos: the videos a preview server offers — the video files in its media folder, by name, sorted
 * (the first is the default for clients that ask for nothing).
 *
 * Example:
 *   mediaVideos("examples/video-preview/media");   // ["test-pattern.mpg"]
 *
 * `mediaSource(path)` takes either a folder or one video file, as the server's `--media` does: a file is
 * offered alone, from its own folder.
 *
 * Behaviour: lists the folder once (call it at start-up) and keeps regular files whose extension is a
 * video container ffmpeg reads (.mpg, .mpeg, .mp4, .m4v, .mov, .mkv, .webm, .avi, .ts, .m2ts, .vob, .flv,
 * .ogv, .wmv), sorted by name. Clients name a video by this exact name, never by path. A folder that is
 * missing, or holds no video, is an error that says so.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

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

/** Where videos come from: a folder of them, or one video file (offered alone). */
export function mediaSource(path: string): { folder: string; videos: string[] } {
  const full = resolve(path);
  let file = false;
  try {
    file = statSync(full).isFile();
  } catch {
    // not there: mediaVideos says so below
  }
  if (!file) return { folder: full, videos: mediaVideos(full) };
  const name = basename(full);
  if (VIDEO_EXTENSIONS.indexOf(extname(name).toLowerCase()) < 0) {
    throw new Error(full + " is not a video file (" + VIDEO_EXTENSIONS.join(" ") + "): give a video, or a folder of them, with --media");
  }
  return { folder: dirname(full), videos: [name] };
}
