/**
 * ImageDisplay: shows each image it receives on the platform's display — the handset's screen in the video
 * preview streamer, where each JPEG the server grabs from the video is painted as it arrives.
 *
 * Example:
 *   new Pipeline(
 *     new WebSocketClient("ws://" + location.host + "/frames"),
 *     new ImageDisplay(),
 *     new PureTransformer(function (r: ShownReport) { status.textContent = "frame " + r.frame; }),
 *   ).activate();
 *
 * Behaviour:
 * - Each message on `inbox` is an image: a Uint8Array of encoded bytes (of type `mime`, default
 *   `image/jpeg`), or `{ bytes, mime }`. Anything else is a wiring mistake: it crashes with an AxonError
 *   naming what it got.
 * - Newest wins: while the display is busy painting one image, newer arrivals replace each other, so only
 *   the newest waits; the ones it replaced are counted as `dropped`. A preview wants the newest picture, and
 *   a slow handset then never falls further and further behind the stream. For the same reason it always
 *   takes its whole inbox, so it never pushes back on whatever feeds it.
 * - After each paint it sends a ShownReport on `outbox`: the frame number (its count of paints, from 1),
 *   that image's bytes, all image bytes received so far, the drop count, the display's size and the time
 *   — for a status line or a test. A report finding the outbox's destination full is skipped (reports
 *   are hints). With `reports: false` it sends none: reports nobody collects pile up in the outbox, so in
 *   a long-running program either link the outbox or turn them off.
 * - An image the platform cannot decode is skipped, with a warning in the host's log; the display keeps
 *   showing the image before it.
 * - `producerFinished` on `control`: the newest image still waiting is painted first, then the message is
 *   passed on `signal` and it ends. `shutdownMicroprocess`: it passes the message on at once and ends.
 *   Either way its display is closed; what was painted stays on the screen.
 * - If the display ends (the platform can no longer paint), it sends `producerFinished(this, IOFailed)`
 *   with a warning in the host's log.
 * - It needs the host's `io.Display` (IONotAvailable otherwise): the mobile target's paints on a canvas.
 *
 * How it works inside: a Display (src/core/io/display.ts) watched through the Selector, so readiness
 * arrives on `ready`. At most one image is in flight at the platform and one waits here. A writable
 * readiness after a `show` means the platform is finished with that image; its `painted` and
 * `undecodable` counters say which way.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import { IOFailed, needIO } from "../internet/io-errors";
import type { Readiness } from "../internet/readiness";
import { takeEnd } from "../internet/readiness";
import { Selector } from "../internet/selector";
import { isBytes } from "../protocol/bytes";
import { hostLog } from "../util/host-log";
import { takeControl } from "../take-shutdown";

/** An image for ImageDisplay: encoded bytes with their mime type. */
export interface ImageMessage {
  /** The encoded image, such as a whole JPEG file. */
  bytes: Uint8Array;
  /** Its type, such as `image/jpeg` or `image/png`. */
  mime: string;
}

/** What ImageDisplay sends after each paint. */
export interface ShownReport {
  /** How many images it has painted, this one included (1 for the first). */
  readonly frame: number;
  /** This image's size in bytes. */
  readonly bytes: number;
  /** Bytes of every image received so far, painted or dropped: the stream's volume. */
  readonly totalBytes: number;
  /** Images replaced by newer ones before they could be painted, so far. */
  readonly dropped: number;
  /** The display's width in pixels. */
  readonly width: number;
  /** The display's height in pixels. */
  readonly height: number;
  /** When it was painted, on the host clock (ms). */
  readonly at: number;
}

/** Options for ImageDisplay. */
export interface ImageDisplayOptions {
  /** The type of images that arrive as bare Uint8Arrays. Default `image/jpeg`. */
  mime?: string;
  /** Send a ShownReport after each paint (default true). */
  reports?: boolean;
}

type DisplayIn = { inbox: Uint8Array | ImageMessage; control: ShutdownMessage; ready: Readiness };
type DisplayOut = { outbox: ShownReport; signal: ShutdownMessage };

export class ImageDisplay extends Component<DisplayIn, DisplayOut> {
  static override Name = "ImageDisplay";
  static override Inboxes: BoxDescriptions<DisplayIn> = {
    inbox: "images: Uint8Array bytes (of the default mime type) or { bytes, mime }; the newest wins",
    control: "producerFinished: paint the newest waiting image, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the display, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<DisplayOut> = {
    outbox: "a ShownReport after each paint: { frame, bytes, totalBytes, dropped, width, height, at }",
    signal: "the shutdown message when it ends, or producerFinished(IOFailed) if the display failed",
  };

  /** The type of images that arrive as bare bytes. */
  readonly mime: string;
  /** Whether it sends ShownReports. */
  readonly reports: boolean;

  constructor(options?: ImageDisplayOptions) {
    super();
    const o = options || {};
    if (o.mime !== undefined && (typeof o.mime !== "string" || o.mime.indexOf("/") < 1)) {
      throw new AxonError("ImageDisplay needs a mime type such as image/jpeg, not " + String(o.mime));
    }
    this.mime = o.mime || "image/jpeg";
    this.reports = o.reports !== false;
  }

  override *main(): MainLoop {
    const DisplayKind = needIO(this, "Display");
    const watch = Selector.watchFor(this, "ready");
    const display = new DisplayKind({ onReadable: watch.onReadable, onWritable: watch.onWritable, onError: watch.onError });
    this.addTeardown(function () {
      display.close();
    });
    const outbox = this.outboxes.outbox;
    let waiting: ImageMessage | null = null;
    let inFlight: ImageMessage | null = null;
    let painted = display.painted;
    let undecodable = display.undecodable;
    let frame = 0;
    let totalBytes = 0;
    let dropped = 0;
    let end: IOEnd | null = null;
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      end = takeEnd(this, "ready", end);
      while (this.dataReady() > 0) {
        const image = this.imageOf(this.recv());
        totalBytes += image.bytes.length;
        if (waiting !== null) dropped++;
        waiting = image;
      }
      if (inFlight !== null && display.painted > painted) {
        painted = display.painted;
        frame++;
        if (this.reports && !outbox.isFull()) {
          const report: ShownReport = {
            frame: frame,
            bytes: inFlight.bytes.length,
            totalBytes: totalBytes,
            dropped: dropped,
            width: display.width,
            height: display.height,
            at: this.now(),
          };
          this.send(report);
        }
        inFlight = null;
      } else if (inFlight !== null && display.undecodable > undecodable) {
        undecodable = display.undecodable;
        hostLog(this, "warn", this.name + " could not decode a " + inFlight.mime + " image of " + inFlight.bytes.length + " bytes: skipped it");
        inFlight = null;
      }
      if (end !== null) {
        hostLog(this, "warn", this.name + ": the display ended: " + end.code + ": " + end.message);
        this.send(producerFinished(this, new IOFailed(this.name, "display", end)), "signal");
        return;
      }
      if (waiting !== null && inFlight === null && display.show(waiting.bytes, waiting.mime)) {
        inFlight = waiting;
        waiting = null;
      }
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      if (finishing !== null && waiting === null && inFlight === null) {
        this.send(finishing, "signal");
        return;
      }
      this.pause(); // woken by readiness (a paint finished), by an image, or by control
      yield 1;
    }
  }

  /** `message` as an image; anything else is a wiring mistake, named. */
  private imageOf(message: unknown): ImageMessage {
    if (isBytes(message)) return { bytes: message, mime: this.mime };
    if (message !== null && typeof message === "object") {
      const m = message as { bytes?: unknown; mime?: unknown };
      if (isBytes(m.bytes) && typeof m.mime === "string") return { bytes: m.bytes, mime: m.mime };
    }
    const what = message === null ? "null" : Array.isArray(message) ? "an array" : typeof message;
    throw new AxonError(this.name + " shows Uint8Array image bytes or { bytes, mime }, but got " + what);
  }
}
