/**
 * JpegDecoder: turns each JPEG that arrives into pixels — the video preview's desktop client decodes every
 * frame the server sends before the terminal draws it.
 *
 * Example:
 *   new Pipeline(new TCPClient("127.0.0.1", 1500), new LengthPrefixDeFramer(), new JpegDecoder(), new TerminalDisplay());
 *
 * Behaviour:
 * - Each message on `inbox` is one whole JPEG file as a Uint8Array. It goes out on `outbox` as a
 *   DecodedFrame: `{ frame, width, height, rgba, bytes }` — `frame` counts the JPEGs received (from 1,
 *   corrupt ones included, so the numbers match the server's stream and the saver's file names), `rgba` is
 *   width × height × 4 bytes, and `bytes` is the size of the JPEG.
 * - A JPEG that does not decode (cut short, not a JPEG, over `maxMegapixels`) is skipped: a CorruptJpeg
 *   naming the frame number, its size and jpeg-js's reason goes out of `signal` (not a shutdown message:
 *   the TerminalDisplay downstream counts it as an error) and the next frame is decoded as usual. One bad
 *   frame never ends a preview.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: what waits in `inbox` is decoded first, then
 *   the message goes on `signal` and it ends. Other messages on `control` are passed on to `signal` too, so
 *   reports from components before it reach the display.
 * - Node-only (examples/): npm `jpeg-js`, pure JavaScript, so no native build.
 *
 * How it works inside: jpeg-js decodes synchronously; a 176×144 frame takes about a millisecond, so one
 * frame per step keeps the scheduler responsive without splitting the work. While the outbox's destination
 * is full it decodes nothing more, so backpressure reaches the de-framer.
 */
import jpeg from "jpeg-js";
import { Component, isShutdownMessage } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";

/** One decoded frame. */
export interface DecodedFrame {
  /** The number of this JPEG in the stream received, from 1. */
  readonly frame: number;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** The pixels, row by row, 4 bytes each: red, green, blue, alpha (always 255). */
  readonly rgba: Uint8Array;
  /** The size of the JPEG it came from, in bytes. */
  readonly bytes: number;
}

/**
 * A frame that could not be decoded. Likely causes: the server's ffmpeg wrote a broken image (a clip it
 * cannot read), the stream is not this server's (something else listens on that port), or a bug cut the
 * frame short.
 */
export class CorruptJpeg extends Error {
  override readonly name = "CorruptJpeg";
  /** The number of the frame, from 1. */
  readonly frame: number;
  /** Its size in bytes. */
  readonly bytes: number;

  constructor(frame: number, bytes: number, reason: string) {
    super("frame " + frame + " (" + bytes + " bytes) is not a JPEG that decodes: " + reason + "; skipped");
    this.frame = frame;
    this.bytes = bytes;
  }
}

/** Options for a JpegDecoder. */
export interface JpegDecoderOptions {
  /** Larger images are refused as corrupt rather than decoded (a bad header can claim any size). Default 4. */
  maxMegapixels?: number;
}

type DecoderIn = { inbox: Uint8Array; control: ShutdownMessage | CorruptJpeg };
type DecoderOut = { outbox: DecodedFrame; signal: ShutdownMessage | CorruptJpeg };

export class JpegDecoder extends Component<DecoderIn, DecoderOut> {
  static override Name = "JpegDecoder";
  static override Inboxes: BoxDescriptions<DecoderIn> = {
    inbox: "Uint8Array JPEG files, one per message",
    control: "producerFinished or shutdownMicroprocess: decode what waits, then pass it on; anything else is passed on",
  };
  static override Outboxes: BoxDescriptions<DecoderOut> = {
    outbox: "DecodedFrame { frame, width, height, rgba, bytes } per JPEG that decodes",
    signal: "CorruptJpeg for each frame skipped; the shutdown message at the end",
  };

  /** JPEGs received so far, corrupt ones included. */
  received = 0;
  /** JPEGs that did not decode. */
  corrupt = 0;
  private readonly maxMegapixels: number;

  constructor(options?: JpegDecoderOptions) {
    super();
    this.maxMegapixels = (options && options.maxMegapixels) || 4;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) this.decodeOne(this.recv());
      while (this.dataReady() === 0 && this.dataReady("control")) {
        const message = this.recv("control");
        this.send(message, "signal");
        if (isShutdownMessage(message)) return;
      }
      this.pause();
      yield 1;
    }
  }

  private decodeOne(data: Uint8Array): void {
    const frame = ++this.received;
    const size = data && typeof data.length === "number" ? data.length : 0;
    try {
      if (!(data instanceof Uint8Array)) throw new Error("got " + typeof data + ", not a Uint8Array");
      const image = jpeg.decode(data, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: this.maxMegapixels, maxMemoryUsageInMB: 64 });
      if (!(image.width > 0 && image.height > 0)) throw new Error("it has no pixels");
      this.send({ frame: frame, width: image.width, height: image.height, rgba: image.data, bytes: size });
    } catch (e) {
      this.corrupt++;
      this.send(new CorruptJpeg(frame, size, e instanceof Error ? e.message : String(e)), "signal");
    }
  }
}
