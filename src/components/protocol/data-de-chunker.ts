/**
 * DataDeChunker: finds the chunks a DataChunker marked in a stream and gives back the original messages
 * (Kamaelia.Protocol.Framing.DataDeChunker).
 *
 * Example:
 *   new Pipeline(new TCPServer(1500), new DataDeChunker(), new MessageReceiver()).run();
 *   // "XXXXXXXXXXXXXXXXXXXXXXXX50%25 of %58" + "XXXX…" comes out as "50% of X"
 *
 * Behaviour:
 * - The stream may arrive cut anywhere: a sync message or an escape may be split over messages, and one
 *   message may hold many chunks. A chunk goes out on `outbox`, unescaped, once the sync message that
 *   starts the next one has arrived, since only then is it known to be whole.
 * - Anything before the first sync message is dropped: it cannot be known to be a whole chunk.
 * - Flushing the final chunk: a stream's last chunk has no sync message after it, so it is held until a
 *   flush. Any message on the `flush` inbox, and producerFinished or shutdownMicroprocess on `control`,
 *   flush it: the chunk held so far goes out (empty if the stream ended right after a sync message), and
 *   the de-chunker then waits for a sync message again. On a shutdown message it then passes the message
 *   on out of `signal` and ends. A chunk cut short by the stream ending is flushed as it is: sync
 *   framing cannot tell.
 * - `maxFrameSize` (default 1 MiB) bounds a chunk, counted in characters as it travels (escaped). A chunk
 *   that grows past it ends the de-chunker: `producerFinished(this, error)` goes out of `signal`, the
 *   FrameTooLarge error in its `message` field, so the components downstream finish as usual. A message
 *   that is not a string ends it the same way, with a FramingError. Offsets in errors count characters
 *   from the start of the stream.
 * - `syncmessage` must match the DataChunker's (default 24 "X"s). Strings, so it runs on every engine.
 *
 * Against Kamaelia: Kamaelia's DataDeChunker flushed only on `flush`, so a stream's last chunk was lost at
 * shutdown; it sent at most one chunk per incoming message, one message late; and it had no size limit.
 *
 * How it works inside: no growing buffer is searched again and again. Each message is searched once,
 * with the last few characters of the one before (fewer than the sync message's length) in front, in case
 * a sync message was split; the chunk's pieces are kept in a list and joined once, when it is whole.
 */
import { Component, producerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { DEFAULT_SYNC_MESSAGE } from "./data-chunker";
import type { SyncOptions } from "./data-chunker";
import { maxFrameSizeOf } from "./frame-limit";
import type { FrameLimitOptions } from "./frame-limit";
import { FrameTooLarge, FramingError } from "./protocol-errors";
import { syncTable, unescapeSync } from "./sync-escape";
import type { SyncTable } from "./sync-escape";
import { takeShutdown } from "../take-shutdown";

type DeChunkerIn = { inbox: string; control: ShutdownMessage; flush: unknown };
type DeChunkerOut = { outbox: string; signal: ShutdownMessage };

export class DataDeChunker extends Component<DeChunkerIn, DeChunkerOut> {
  static override Name = "DataDeChunker";
  static override Inboxes: BoxDescriptions<DeChunkerIn> = {
    inbox: "the chunked stream, as strings cut anywhere",
    control: "shutdown messages: producerFinished or shutdownMicroprocess (the held chunk is flushed first)",
    flush: "any message: send the chunk held so far now",
  };
  static override Outboxes: BoxDescriptions<DeChunkerOut> = {
    outbox: "the messages, one per chunk, unescaped",
    signal: "the shutdown message, passed on at the end; producerFinished(this, error) if the stream is bad",
  };

  /** The sequence that starts each chunk. */
  readonly syncmessage: string;
  /** The largest chunk accepted, in characters as it travels. */
  readonly maxFrameSize: number;
  private readonly table: SyncTable;
  /** True once a sync message has been seen (since the last flush). */
  private synced = false;
  /** The current chunk so far, in pieces; `held` characters in all. */
  private pieces: string[] = [];
  private held = 0;
  /** The stream's last characters, fewer than the sync message's length: perhaps a sync message's start. */
  private carry = "";
  /** Characters received so far, and the offset where the current chunk's data starts. */
  private position = 0;
  private chunkStart = 0;

  constructor(options?: SyncOptions & FrameLimitOptions) {
    super();
    this.syncmessage = options && options.syncmessage !== undefined ? options.syncmessage : DEFAULT_SYNC_MESSAGE;
    this.table = syncTable(this.syncmessage, "DataDeChunker");
    this.maxFrameSize = maxFrameSizeOf(options, "DataDeChunker");
  }

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const data: unknown = this.recv();
        const error = typeof data === "string" ? this.take(data) : new FramingError("DataDeChunker takes strings, not " + typeof data, this.position);
        if (error !== null) return this.fail(error);
      }
      if (this.dataReady("flush")) {
        while (this.dataReady("flush")) this.recv("flush");
        const error = this.flush();
        if (error !== null) return this.fail(error);
      }
      const finish = takeShutdown(this);
      if (finish !== null) {
        const error = this.flush();
        this.send(error === null ? finish : producerFinished(this, error), "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Send the chunk held so far, if a sync message began it, and wait for a sync message again. */
  private flush(): FramingError | null {
    const error = this.synced ? this.emit(this.pieces.join("") + this.carry) : null;
    this.synced = false;
    this.pieces = [];
    this.held = 0;
    this.carry = "";
    return error;
  }

  /** Take one message of the stream; returns the error that ends the de-chunker, or null. */
  private take(data: string): FramingError | null {
    const sync = this.syncmessage;
    const text = this.carry + data;
    const base = this.position - this.carry.length; // the stream offset of text[0]
    this.position += data.length;
    let from = 0;
    for (let at = text.indexOf(sync); at >= 0; at = text.indexOf(sync, from)) {
      if (this.synced) {
        this.pieces.push(text.substring(from, at));
        const error = this.emit(this.pieces.join(""));
        if (error !== null) return error;
      }
      this.synced = true;
      from = at + sync.length;
      this.chunkStart = base + from;
      this.pieces = [];
      this.held = 0;
    }
    // Keep back what could be the start of a sync message; the rest before it is chunk data (or dropped).
    const keep = Math.min(sync.length - 1, text.length - from);
    const cut = text.length - keep;
    if (this.synced && cut > from) {
      this.pieces.push(text.substring(from, cut));
      this.held += cut - from;
      if (this.held > this.maxFrameSize) return this.tooLarge(this.held);
    }
    this.carry = text.substring(cut);
    return null;
  }

  /** Send one whole chunk, unescaped; or the error if it is over the limit. */
  private emit(chunk: string): FramingError | null {
    if (chunk.length > this.maxFrameSize) return this.tooLarge(chunk.length);
    this.send(unescapeSync(chunk, this.table));
    return null;
  }

  private tooLarge(size: number): FramingError {
    return new FrameTooLarge(" at character offset " + this.chunkStart, this.chunkStart, size, this.maxFrameSize, "");
  }

  /** End with the error: producerFinished(this, error) on signal. Returns nothing, for `return this.fail(e)`. */
  private fail(error: FramingError): void {
    this.send(producerFinished(this, error), "signal");
  }
}
