/**
 * JpegSplitter: cuts a byte stream of concatenated JPEG images (such as ffmpeg's `-f image2pipe -c:v
 * mjpeg` output) into one Uint8Array per image — the video streamer's frame grabber.
 *
 * Example:
 *   new Pipeline(new SubprocessAdaptor(ffmpeg, args), new JpegSplitter(), new LengthPrefixFramer(), ...)
 *
 * Behaviour:
 * - Chunks on `inbox` may cut the stream anywhere, even inside a marker. Each image, from its SOI marker
 *   (FF D8) to its EOI marker (FF D9) inclusive, goes out on `outbox` as its own copy.
 * - Images are cut by parsing, not by searching for FF D9: marker segments are skipped by their length,
 *   so an embedded thumbnail or a D9 byte in a segment cannot end an image early; in the compressed data,
 *   stuffed bytes (FF 00), restart markers and fill bytes are passed over; progressive images (several
 *   scans) work.
 * - Bad input loses nothing good and never ends the splitter: bytes before an SOI (garbage, or the rest of
 *   a broken image) are skipped and reported as one CorruptFrame on `signal` per run of skipped bytes; an
 *   image over `maxFrameSize` (default 1 MiB) is dropped and reported as FrameTooLarge, and the splitter
 *   resynchronises at the next SOI. Each error gives the byte offset in the stream.
 * - On producerFinished on `control` it splits what is waiting, reports an image cut off by the end of
 *   the stream as a ShortFrame on `signal`, then passes the shutdown message on and ends;
 *   shutdownMicroprocess drops a partial image and passes it on.
 * - Needs typed arrays (Uint8Array): every engine but mujs.
 *
 * How it works inside: a byte-at-a-time state machine (seek SOI, marker, segment length, segment body,
 * entropy-coded data) whose only per-image allocation is the image itself: bytes are kept as `subarray`
 * views of the chunks they came in and copied once when the EOI arrives. Segment bodies are skipped a
 * chunk range at a time, so the per-byte loop runs only where markers can be.
 */
import { Component, ProducerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { isBytes, newBytes } from "./bytes";
import { maxFrameSizeOf } from "./frame-limit";
import type { FrameLimitOptions } from "./frame-limit";
import { CorruptFrame, FrameTooLarge, FramingError, ShortFrame } from "./protocol-errors";
import { takeShutdown } from "../take-shutdown";

type SplitterIn = { inbox: Uint8Array; control: ShutdownMessage };
type SplitterOut = { outbox: Uint8Array; signal: ShutdownMessage | FramingError };

/** Parser states. */
const SEEK = 0; // looking for FF D8
const MARKER = 1; // inside an image, expecting a marker (after FF)
const LENGTH_HIGH = 2; // a segment's length, first byte
const LENGTH_LOW = 3; // a segment's length, second byte
const BODY = 4; // skipping a segment's body
const ENTROPY = 5; // compressed data after SOS, up to the next marker

const FF = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const RST0 = 0xd0;
const RST7 = 0xd7;

export class JpegSplitter extends Component<SplitterIn, SplitterOut> {
  static override Name = "JpegSplitter";
  static override Inboxes: BoxDescriptions<SplitterIn> = {
    inbox: "Uint8Array chunks of a stream of concatenated JPEG images, cut anywhere",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<SplitterOut> = {
    outbox: "one Uint8Array per image, SOI to EOI, each its own copy",
    signal: "CorruptFrame / FrameTooLarge / ShortFrame for bad input (the splitter carries on); the shutdown message at the end",
  };

  /** The largest image accepted, in bytes. */
  readonly maxFrameSize: number;
  private state = SEEK;
  /** True when the previous byte was FF (in SEEK and ENTROPY). */
  private afterFF = false;
  private segmentLeft = 0;
  private marker = 0;
  /** The image so far, as views of the chunks it came in; `size` bytes in all. */
  private pieces: Uint8Array[] = [];
  private size = 0;
  /** Where the current image (or run of skipped bytes) starts in the stream, and the next chunk's offset. */
  private imageStart = 0;
  private skipStart = -1;
  private position = 0;
  /** True while an oversized image is being dropped up to its end. */
  private dropping = false;

  constructor(options?: FrameLimitOptions) {
    super();
    this.maxFrameSize = maxFrameSizeOf(options, "JpegSplitter");
  }

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const chunk: unknown = this.recv();
        if (isBytes(chunk)) this.take(chunk);
        else this.send(new FramingError("JpegSplitter takes Uint8Array chunks, not " + typeof chunk + " (at byte offset " + this.position + ")", this.position), "signal");
      }
      const finish = takeShutdown(this);
      if (finish !== null) {
        this.reportSkipped(this.position);
        if (this.state !== SEEK && !this.dropping && finish instanceof ProducerFinished) {
          this.send(new ShortFrame(" at byte offset " + this.imageStart, this.imageStart, "", -1, this.size), "signal");
        }
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Split one chunk, sending every image it completes. */
  private take(chunk: Uint8Array): void {
    const n = chunk.length;
    const base = this.position;
    this.position += n;
    // Where in this chunk the current image's bytes start (0 if it began in an earlier chunk).
    let from = 0;
    let i = 0;
    while (i < n) {
      const state = this.state;
      if (state === BODY) {
        const take = n - i < this.segmentLeft ? n - i : this.segmentLeft;
        i += take;
        this.segmentLeft -= take;
        if (this.segmentLeft === 0) this.state = this.marker === SOS ? ENTROPY : MARKER;
        continue;
      }
      const byte = chunk[i++];
      if (state === SEEK) {
        if (this.afterFF && byte === SOI) {
          this.reportSkipped(base + i - 2);
          this.startImage(base + i - 2);
          from = i - 2;
          if (from < 0) {
            // The FF was the last byte of the previous chunk.
            this.pieces.push(newFF());
            this.size = 1;
            from = i - 1;
          }
          this.state = MARKER;
          this.afterFF = false;
        } else {
          if (this.skipStart < 0) this.skipStart = base + i - 1;
          this.afterFF = byte === FF;
        }
      } else if (state === MARKER) {
        if (byte === FF) continue; // the marker's own FF, or fill bytes
        this.marker = byte;
        if (byte === EOI) {
          this.endImage(chunk, from, i);
          from = i;
        } else if (byte === SOI || byte === TEM || (byte >= RST0 && byte <= RST7)) {
          // stand-alone markers: no length (a second SOI here is tolerated as a stand-alone marker)
        } else this.state = LENGTH_HIGH;
      } else if (state === LENGTH_HIGH) {
        this.segmentLeft = byte << 8;
        this.state = LENGTH_LOW;
      } else if (state === LENGTH_LOW) {
        this.segmentLeft = (this.segmentLeft | byte) - 2;
        if (this.segmentLeft < 0) {
          this.abandon(base + i, "a segment length below 2");
          from = i;
          continue;
        }
        this.state = this.segmentLeft === 0 ? (this.marker === SOS ? ENTROPY : MARKER) : BODY;
      } else {
        // ENTROPY: compressed data; FF 00 is a stuffed byte, FF D0-D7 restarts, FF FF fill.
        if (this.afterFF) {
          if (byte === FF) continue;
          this.afterFF = false;
          if (byte === 0 || (byte >= RST0 && byte <= RST7)) continue;
          this.marker = byte;
          if (byte === EOI) {
            this.endImage(chunk, from, i);
            from = i;
          } else if (byte === TEM) this.state = MARKER;
          else this.state = LENGTH_HIGH;
        } else if (byte === FF) this.afterFF = true;
      }
      if (this.state !== SEEK && !this.dropping && this.size + (i - from) > this.maxFrameSize) {
        this.send(new FrameTooLarge(" at byte offset " + this.imageStart, this.imageStart, this.size + (i - from), this.maxFrameSize, ""), "signal");
        this.pieces = [];
        this.size = 0;
        this.dropping = true;
      }
    }
    if (this.state !== SEEK && !this.dropping && from < n) {
      this.pieces.push(chunk.subarray(from, n));
      this.size += n - from;
    }
  }

  private startImage(at: number): void {
    this.imageStart = at;
    this.pieces = [];
    this.size = 0;
    this.dropping = false;
  }

  /** The EOI at chunk[end - 1] ends the image: send it (unless it was too large) and seek the next. */
  private endImage(chunk: Uint8Array, from: number, end: number): void {
    if (!this.dropping) {
      this.pieces.push(chunk.subarray(from, end));
      this.size += end - from;
      const image = newBytes(this.size);
      let at = 0;
      for (let p = 0; p < this.pieces.length; p++) {
        image.set(this.pieces[p], at);
        at += this.pieces[p].length;
      }
      this.send(image);
    }
    this.pieces = [];
    this.size = 0;
    this.dropping = false;
    this.state = SEEK;
    this.afterFF = false;
    this.skipStart = -1;
  }

  /** The image is broken (`problem`): report it, drop it, and seek the next SOI. */
  private abandon(at: number, problem: string): void {
    this.send(new CorruptFrame(" at byte offset " + this.imageStart, this.imageStart, "", problem + " at byte offset " + (at - 1)), "signal");
    this.pieces = [];
    this.size = 0;
    this.dropping = false;
    this.state = SEEK;
    this.afterFF = false;
    this.skipStart = -1;
  }

  /** Report the run of bytes skipped before stream offset `end`, if any. */
  private reportSkipped(end: number): void {
    const start = this.skipStart;
    this.skipStart = -1;
    if (start < 0 || end <= start) return;
    this.send(new CorruptFrame(" at byte offset " + start, start, "", "is not a JPEG image: " + (end - start) + " bytes before the next SOI marker (FF D8) were skipped"), "signal");
  }
}

/** A one-byte array holding FF, for an SOI whose FF ended the previous chunk. */
function newFF(): Uint8Array {
  const b = newBytes(1);
  b[0] = FF;
  return b;
}
