/**
 * LengthPrefixDeFramer: reassembles `"<decimal byte count>\n<bytes>"` frames from a byte stream cut
 * anywhere — the video streamer's receiving end.
 *
 * Example:
 *   new Pipeline(new TCPClient(host, 1500), new LengthPrefixDeFramer(), new JpegViewer()).run();
 *   // chunks [0x33, 0x0a, 0xff] and [0xd8, 0xff, 0x30, 0x0a] come out as [0xff, 0xd8, 0xff] and []
 *
 * Behaviour:
 * - Chunks on `inbox` are Uint8Arrays of the stream, cut at any byte: many frames in one chunk, one frame
 *   over many, a header split between chunks. Each whole frame goes out on `outbox` as a new Uint8Array
 *   of exactly its bytes, which the consumer owns.
 * - A header is 1 or more ASCII digits then a newline. The stream is bad, and the de-framer ends, on a
 *   header that is empty, negative, has a byte that is not a digit, or is longer than any valid length
 *   (more digits than `maxFrameSize` has, which also bounds a header that never ends); on a length over
 *   `maxFrameSize` (default 1 MiB = 1048576 bytes); or on a chunk that is not a Uint8Array. It sends
 *   `producerFinished(this, error)` out of `signal` — the CorruptFrame, FrameTooLarge or FramingError in
 *   the message's `message` field — and ends. Frames before the bad header have been sent. The
 *   producerFinished ends the components downstream as usual; nothing upstream is told (Axon's linkages
 *   run one way), so whoever holds the graph decides about them.
 * - Errors give the byte offset in the stream where the bad frame starts, the header as read, and the
 *   limit.
 * - On producerFinished on `control` it reads what is waiting, then passes the message on out of
 *   `signal` and ends; if the stream stopped inside a frame, it sends `producerFinished(this, error)`
 *   instead, with a ShortFrame (cut in the data) or CorruptFrame (cut in the header). On
 *   shutdownMicroprocess ("stop now") it drops a partial frame and passes the message on.
 * - Needs typed arrays (Uint8Array): every engine but mujs. The bundle loads on mujs all the same; only
 *   running this component there fails.
 *
 * How it works inside: the header is read byte by byte into a number (no strings); the data is kept as a
 * list of `subarray` views of the chunks it came in, and copied once, into the frame's own array, when
 * the last byte arrives. So every byte is copied once whatever the chunking, and nothing grows
 * quadratically. Only `new Uint8Array(n)` (through bytes.ts), `set` and `subarray` are used.
 */
import { Component, producerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { digitsOf, maxFrameSizeOf } from "./frame-limit";
import type { FrameLimitOptions } from "./frame-limit";
import { CorruptFrame, FrameTooLarge, FramingError, ShortFrame, hex2 } from "./protocol-errors";
import { takeShutdown } from "../take-shutdown";
import { isBytes, newBytes } from "./bytes";

type DeFramerIn = { inbox: Uint8Array; control: ShutdownMessage };
type DeFramerOut = { outbox: Uint8Array; signal: ShutdownMessage };

/** Byte values the header uses. */
const NEWLINE = 10;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

export class LengthPrefixDeFramer extends Component<DeFramerIn, DeFramerOut> {
  static override Name = "LengthPrefixDeFramer";
  static override Inboxes: BoxDescriptions<DeFramerIn> = {
    inbox: "Uint8Array chunks of the byte stream, cut anywhere",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<DeFramerOut> = {
    outbox: "Uint8Array frames, each its own copy",
    signal: "the shutdown message, passed on at the end; producerFinished(this, error) if the stream is bad",
  };

  /** The largest frame accepted, in bytes. */
  readonly maxFrameSize: number;
  private readonly maxDigits: number;
  /** Header digits read so far (kept while the data is read, for errors). */
  private digits = 0;
  /** True once the header's newline has come: reading the frame's data. */
  private inData = false;
  /** The header's value so far; then the frame's length. */
  private length = 0;
  /** The frame's data so far, as views of the chunks it came in; `received` bytes in all. */
  private pieces: Uint8Array[] = [];
  private received = 0;
  /** The stream offset of the current frame's header, and of the next chunk's first byte. */
  private frameStart = 0;
  private position = 0;

  constructor(options?: FrameLimitOptions) {
    super();
    this.maxFrameSize = maxFrameSizeOf(options, "LengthPrefixDeFramer");
    this.maxDigits = digitsOf(this.maxFrameSize);
  }

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const chunk: unknown = this.recv();
        const error = isBytes(chunk)
          ? this.take(chunk)
          : new FramingError("LengthPrefixDeFramer takes Uint8Array chunks, not " + typeof chunk + " (at byte offset " + this.position + ")", this.position);
        if (error !== null) {
          this.send(producerFinished(this, error), "signal");
          return;
        }
      }
      const finish = takeShutdown(this);
      if (finish !== null) {
        const error = finish instanceof producerFinished ? this.unfinished() : null;
        this.send(error === null ? finish : producerFinished(this, error), "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Take one chunk of the stream, sending every frame it completes; returns an error that ends it, or null. */
  private take(chunk: Uint8Array): FramingError | null {
    const n = chunk.length;
    const base = this.position;
    this.position += n;
    let i = 0;
    while (i < n) {
      if (!this.inData) {
        const byte = chunk[i];
        if (byte >= ZERO && byte <= NINE && this.digits < this.maxDigits) {
          this.length = this.length * 10 + (byte - ZERO);
          this.digits++;
          i++;
        } else if (byte === NEWLINE && this.digits > 0) {
          if (this.length > this.maxFrameSize) {
            return new FrameTooLarge(this.where(), this.frameStart, this.length, this.maxFrameSize, this.header());
          }
          i++;
          this.inData = true;
          this.received = 0;
          if (this.length === 0) this.frameDone(newBytes(0), base + i);
        } else return this.badHeader(byte, base + i);
      } else {
        const need = this.length - this.received;
        const take = n - i < need ? n - i : need;
        const piece = chunk.subarray(i, i + take);
        i += take;
        if (take === need && this.received === 0) {
          // The whole frame is in this chunk: one copy straight from it.
          const frame = newBytes(take);
          frame.set(piece);
          this.frameDone(frame, base + i);
        } else {
          this.pieces.push(piece);
          this.received += take;
          if (this.received === this.length) this.frameDone(this.assemble(), base + i);
        }
      }
    }
    return null;
  }

  /** The frame's pieces copied, once, into one array. */
  private assemble(): Uint8Array {
    const frame = newBytes(this.length);
    let at = 0;
    for (let p = 0; p < this.pieces.length; p++) {
      frame.set(this.pieces[p], at);
      at += this.pieces[p].length;
    }
    this.pieces = [];
    return frame;
  }

  /** Send a whole frame and expect the next header at stream offset `next`. */
  private frameDone(frame: Uint8Array, next: number): void {
    this.digits = 0;
    this.inData = false;
    this.length = 0;
    this.received = 0;
    this.frameStart = next;
    this.send(frame);
  }

  /** What is wrong with a header byte that is neither a digit (within the limit) nor its newline. */
  private badHeader(byte: number, at: number): FramingError {
    const shown = this.header() + String.fromCharCode(byte);
    let problem: string;
    if (byte >= ZERO && byte <= NINE) {
      problem = "is longer than any valid length (maxFrameSize " + this.maxFrameSize + " has " + this.maxDigits + " digits)";
    } else if (byte === NEWLINE) problem = "is empty: a frame starts '<decimal byte count>\\n'";
    else if (byte === MINUS && this.digits === 0) problem = "has a negative length";
    else problem = "has byte 0x" + hex2(byte) + " at byte offset " + at + ", which is not a decimal digit";
    return new CorruptFrame(this.where(), this.frameStart, shown, problem, this.maxFrameSize);
  }

  /** The error for a stream that stopped inside a frame, or null if it stopped between frames. */
  private unfinished(): FramingError | null {
    if (this.inData) return new ShortFrame(this.where(), this.frameStart, this.header(), this.length, this.received);
    if (this.digits > 0) return new CorruptFrame(this.where(), this.frameStart, this.header(), "is cut off: the stream ended before its newline");
    return null;
  }

  /** The header digits read so far, leading zeros included. */
  private header(): string {
    return this.digits === 0 ? "" : ("0000000000000000" + this.length).slice(-this.digits);
  }

  private where(): string {
    return " at byte offset " + this.frameStart;
  }
}
