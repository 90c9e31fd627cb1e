/**
 * FrameGrabber: one video's frames, a JPEG every `interval` seconds at W×H, published on a Backplane —
 * ffmpeg run by a SubprocessAdaptor, its MJPEG stream cut into images by a JpegSplitter.
 *
 * Example:
 *   new Backplane("preview:clip.mpg:2:176x144").activate(scheduler);
 *   new FrameGrabber(ffmpegPath(), "media/clip.mpg", { video: "clip.mpg", interval: 2, width: 176, height: 144 },
 *     "preview:clip.mpg:2:176x144").activate(scheduler);
 *
 *   Pipeline( SubprocessAdaptor(ffmpeg …) ──▶ JpegSplitter ──▶ PublishTo(backplane) )
 *
 * Behaviour:
 * - ffmpeg reads the file at its native speed and loops it for ever (`-re -stream_loop -1`), so a frame
 *   is published every `interval` seconds of real time, for as long as the grabber runs. Its standard error
 *   is discarded (`-loglevel error` keeps it quiet anyway); the command line is in `args` to run by hand.
 * - `shutdownMicroprocess` on `control` kills ffmpeg and ends the grabber. If ffmpeg exits by itself (a
 *   broken file), the grabber ends with ffmpeg's `producerFinished(status)` on `signal`.
 *
 * How it works inside: a Pipeline subclass, so it reads as the graph it is:
 * `FrameGrabber_9(SubprocessAdaptor_6 -> JpegSplitter_7 -> PublishTo_8)`.
 */
import { JpegSplitter, Pipeline, PublishTo, SubprocessAdaptor } from "../../../src/index";
import type { PreviewRequest } from "./request";

/** ffmpeg's arguments for one (file, interval, size): a JPEG (quality 5) every `interval` seconds. */
export function ffmpegArgs(file: string, request: PreviewRequest): string[] {
  return [
    "-hide_banner", "-loglevel", "error",
    "-re", "-stream_loop", "-1", "-i", file,
    "-an", "-vf", "fps=1/" + String(request.interval) + ",scale=" + request.width + ":" + request.height,
    "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "5", "-",
  ];
}

export class FrameGrabber extends Pipeline {
  static override Name = "FrameGrabber";
  /** The ffmpeg arguments it runs with. */
  readonly args: string[];

  constructor(ffmpeg: string, file: string, request: PreviewRequest, backplane: string) {
    const args = ffmpegArgs(file, request);
    super(new SubprocessAdaptor(ffmpeg, args, { stderr: "discard" }), new JpegSplitter(), new PublishTo(backplane, { waitMs: 5000 }));
    this.args = args;
  }
}
