/**
 * ReadFileAdaptor: reads a file and sends it on — as byte chunks, as lines of text, or as byte chunks paced
 * at a bit rate (Kamaelia's ReadFileAdaptor, whose bit-rate mode fed the multicast streamer).
 *
 * Example:
 *   new Pipeline(new ReadFileAdaptor("notes.txt", { mode: "lines" }), new ConsoleEchoer()).activate(driver.scheduler);
 *   // a file streamed at 128 kbit/s, in 1 KiB chunks, to a multicast group
 *   new Pipeline(new ReadFileAdaptor("clip.ogg", { mode: "bitrate", bitsPerSecond: 128000, chunkSize: 1024 }),
 *                new MulticastTransceiver("0.0.0.0", 0, "224.168.2.9", 1600));
 *
 * Behaviour:
 * - `bytes` (the default): Uint8Array chunks of `chunkSize` bytes (default 4096), the last one shorter.
 * - `lines`: one string per line, decoded as UTF-8, without its "\n" (or "\r\n"); a line split across
 *   chunks comes out whole, and a last line without a newline still comes out.
 * - `bitrate`: chunks as in `bytes`, each sent when the ones before it have "played" at `bitsPerSecond`
 *   on the host clock (the first at once). A slow consumer delays the stream; it never catches up in a
 *   burst afterwards.
 * - Backpressure: it reads no further while its outbox's destination is full (a bounded inbox), so at
 *   most the platform's read-ahead (`readLimit`, default 262144 bytes) plus one chunk is held.
 * - At the end of the file it sends `producerFinished(this, end)` on `signal` (the IOEnd, code `closed`).
 *   A file that cannot be read ends it with `producerFinished(this, IOFailed)` — code `not-found`,
 *   `denied` or `failed` — and a warning in the host's log naming the path.
 * - `shutdownMicroprocess` on `control` stops it at once; the message is forwarded on `signal`. A
 *   `producerFinished` on `control` lets it read to the end; that message is then forwarded instead.
 * - Options that make no sense (an unknown mode, a chunk size that is not a positive whole number, a
 *   bit rate missing in `bitrate` mode) are an AxonError at construction. It needs the host's
 *   `io.FileReader` (IONotAvailable otherwise).
 *
 * How it works inside: a FileReader watched through the Selector (readiness arrives on `ready`). Each step
 * drains readiness and control, then moves chunks from the reader to the outbox until the reader is empty,
 * the destination is full, or (bit rate) the next chunk is not yet due — then it sleeps with `pauseFor`
 * until it is. One chunk may be held between steps because the reader cannot be peeked.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import { IOFailed, needIO } from "../internet/io-errors";
import type { Readiness } from "../internet/readiness";
import { takeEnd } from "../internet/readiness";
import { Selector } from "../internet/selector";
import { hostLog } from "../util/host-log";
import { LineSplitter } from "./line-splitter";
import { takeControl } from "../take-shutdown";

/** How ReadFileAdaptor sends the file. */
export type ReadMode = "bytes" | "lines" | "bitrate";

/** What each mode sends. */
export interface ReadModeOutput {
  bytes: Uint8Array;
  lines: string;
  bitrate: Uint8Array;
}

/** Options for ReadFileAdaptor. */
export interface ReadFileAdaptorOptions<M extends ReadMode = ReadMode> {
  /** `bytes` (default), `lines` or `bitrate`. */
  mode?: M;
  /** Bytes per chunk read (and sent, in `bytes` and `bitrate` modes). Default 4096. */
  chunkSize?: number;
  /** The pace in `bitrate` mode, in bits per second. */
  bitsPerSecond?: number;
  /** Bytes the platform may read ahead. Default 262144. */
  readLimit?: number;
}

/** The default chunk size, in bytes. */
const DEFAULT_CHUNK_SIZE = 4096;

type ReadIn = { inbox: never; control: ShutdownMessage; ready: Readiness };
type ReadOut<T> = { outbox: T; signal: ShutdownMessage };

function isCount(n: unknown): n is number {
  return typeof n === "number" && n >= 1 && Math.floor(n) === n && isFinite(n);
}

export class ReadFileAdaptor<M extends ReadMode = "bytes"> extends Component<ReadIn, ReadOut<ReadModeOutput[M]>> {
  static override Name = "ReadFileAdaptor";
  static override Inboxes: BoxDescriptions<ReadIn> = {
    inbox: "NOT USED",
    control: "shutdownMicroprocess: stop now; producerFinished: read to the end, then pass it on",
    ready: "readiness of the file, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ReadOut<unknown>> = {
    outbox: "the file: Uint8Array chunks, or strings in lines mode",
    signal: "producerFinished at the end of the file (its message the IOEnd, or IOFailed), or the shutdown message",
  };

  /** The file's path. */
  readonly path: string;
  /** The mode. */
  readonly mode: ReadMode;
  /** Bytes per chunk. */
  readonly chunkSize: number;
  /** Bits per second in `bitrate` mode (0 otherwise). */
  readonly bitsPerSecond: number;
  private readonly readLimit: number | undefined;

  constructor(path: string, options?: ReadFileAdaptorOptions<M>) {
    super();
    const o: ReadFileAdaptorOptions = options || {};
    if (typeof path !== "string" || path === "") throw new AxonError("ReadFileAdaptor needs the path of a file to read, not " + String(path));
    const mode = o.mode !== undefined ? o.mode : "bytes";
    if (mode !== "bytes" && mode !== "lines" && mode !== "bitrate") {
      throw new AxonError('ReadFileAdaptor mode must be "bytes", "lines" or "bitrate", not ' + String(mode));
    }
    const chunkSize = o.chunkSize !== undefined ? o.chunkSize : DEFAULT_CHUNK_SIZE;
    if (!isCount(chunkSize)) throw new AxonError("ReadFileAdaptor needs a chunkSize of a whole number of bytes, at least 1, not " + String(chunkSize));
    const bps = o.bitsPerSecond;
    if (mode === "bitrate" && !(typeof bps === "number" && bps > 0 && isFinite(bps))) {
      throw new AxonError("ReadFileAdaptor in bitrate mode needs bitsPerSecond, a positive number, not " + String(bps));
    }
    this.path = path;
    this.mode = mode;
    this.chunkSize = chunkSize;
    this.bitsPerSecond = mode === "bitrate" ? (bps as number) : 0;
    this.readLimit = o.readLimit;
  }

  override *main(): MainLoop {
    const FileReader = needIO(this, "FileReader");
    const watch = Selector.watchFor(this, "ready");
    const reader = new FileReader({
      path: this.path,
      chunkSize: this.chunkSize,
      readLimit: this.readLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      reader.close();
    });
    const outbox = this.outboxes.outbox;
    const splitter = this.mode === "lines" ? new LineSplitter() : null;
    const msPerByte = this.mode === "bitrate" ? 8000 / this.bitsPerSecond : 0;
    let lines: string[] = [];
    let nextLine = 0;
    let held: Uint8Array | null = null;
    let due = this.now();
    let end: IOEnd | null = null;
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      end = takeEnd(this, "ready", end);
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      let wait = 0;
      for (;;) {
        while (nextLine < lines.length && !outbox.isFull()) this.send(lines[nextLine++] as ReadModeOutput[M]);
        if (nextLine < lines.length || outbox.isFull()) break;
        if (held === null) {
          const chunk = reader.read();
          if (chunk === undefined) break;
          held = chunk;
        }
        if (msPerByte > 0) {
          const now = this.now();
          if (now < due) {
            wait = due - now;
            break;
          }
          due = Math.max(due, now) + held.length * msPerByte;
        }
        if (splitter !== null) {
          lines = splitter.push(held);
          nextLine = 0;
        } else this.send(held as ReadModeOutput[M]);
        held = null;
      }
      // Everything read before the end has been taken once the reader is empty and nothing is held.
      if (end !== null && held === null && nextLine >= lines.length && wait === 0 && !outbox.isFull()) {
        if (splitter !== null) {
          lines = splitter.finish();
          nextLine = 0;
          if (lines.length > 0) continue;
        }
        if (end.code === "closed") this.send(finishing || producerFinished(this, end), "signal");
        else {
          hostLog(this, "warn", this.name + " could not read " + this.path + ": " + end.code + ": " + end.message);
          this.send(producerFinished(this, new IOFailed(this.name, this.path, end)), "signal");
        }
        return;
      }
      if (wait > 0) this.pauseFor(Math.ceil(wait));
      else this.pause(); // woken by readiness, by control, or by the consumer collecting
      yield 1;
    }
  }
}
