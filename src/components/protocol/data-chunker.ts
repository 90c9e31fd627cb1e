/**
 * DataChunker: marks where each message starts in a stream, by prefixing it with a sync message and
 * escaping that sync message out of the data (Kamaelia.Protocol.Framing.DataChunker).
 *
 * Example:
 *   new Pipeline(new MessageSource(), new DataChunker(), new TCPClient(host, 1500)).run();
 *   // "50% of X" comes out as "XXXXXXXXXXXXXXXXXXXXXXXX50%25 of %58"
 *
 * Behaviour:
 * - Each message on `inbox` is one chunk: out goes the sync message followed by the message with "%" and
 *   every character of the sync message escaped as "%xx" (sync-escape.ts), so a receiver can find chunk
 *   starts anywhere in the stream, even after joining it midway. DataDeChunker reverses it.
 * - `syncmessage` (Kamaelia's keyword) defaults to 24 "X"s. It must be characters U+0000–U+00FF with at
 *   least one that is not "%", 0–9 or a–f; otherwise the constructor throws.
 * - A message that is not a string is reported as a FramingError on `signal`; the DataChunker carries on.
 * - On producerFinished or shutdownMicroprocess on `control` it chunks what is waiting, passes the message
 *   on out of `signal`, and ends.
 * - Strings, as in Kamaelia, so it runs on every engine, mujs included.
 *
 * How it works inside: the escape table is built once, in the constructor.
 */
import { Component } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { FramingError } from "./protocol-errors";
import { escapeSync, syncTable } from "./sync-escape";
import type { SyncTable } from "./sync-escape";
import { takeShutdown } from "../take-shutdown";

/** Kamaelia's default sync message: 24 "X"s. */
export const DEFAULT_SYNC_MESSAGE = "XXXXXXXXXXXXXXXXXXXXXXXX";

/** What DataChunker and DataDeChunker are made with. */
export interface SyncOptions {
  /** The sequence that starts each chunk; default DEFAULT_SYNC_MESSAGE. */
  syncmessage?: string;
}

type ChunkerIn = { inbox: string; control: ShutdownMessage };
type ChunkerOut = { outbox: string; signal: ShutdownMessage | FramingError };

export class DataChunker extends Component<ChunkerIn, ChunkerOut> {
  static override Name = "DataChunker";
  static override Inboxes: BoxDescriptions<ChunkerIn> = {
    inbox: "message strings, each one chunk",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<ChunkerOut> = {
    outbox: "chunks: the sync message, then the message with the sync characters and '%' escaped",
    signal: "a FramingError for a message that is not a string; the shutdown message, passed on at the end",
  };

  /** The sequence that starts each chunk. */
  readonly syncmessage: string;
  private readonly table: SyncTable;

  constructor(options?: SyncOptions) {
    super();
    this.syncmessage = options && options.syncmessage !== undefined ? options.syncmessage : DEFAULT_SYNC_MESSAGE;
    this.table = syncTable(this.syncmessage, "DataChunker");
  }

  /** One message as a chunk (Kamaelia's `encodeChunk`). */
  encodeChunk(message: string): string {
    return this.syncmessage + escapeSync(message, this.table);
  }

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const message: unknown = this.recv();
        if (typeof message === "string") this.send(this.encodeChunk(message));
        else this.send(new FramingError("DataChunker takes strings, not " + typeof message), "signal");
      }
      const finish = takeShutdown(this);
      if (finish !== null) {
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }
}
