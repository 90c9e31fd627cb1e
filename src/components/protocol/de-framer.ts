/**
 * DeFramer: turns framed strings `"<tag> <length>\n<data>"`, one per message, back into SimpleFrame values
 * (Kamaelia.Protocol.Framing.DeFramer).
 *
 * Example:
 *   new Pipeline(new TCPServer(1500), new DataDeChunker(), new DeFramer(), new Handler()).run();
 *   // "7 5\nhello" comes out as SimpleFrame { tag: "7", data: "hello" }
 *
 * Behaviour:
 * - Each message on `inbox` is one whole frame; one SimpleFrame goes out on `outbox` per good frame.
 *   Characters after `<length>` characters of data are ignored, as in Kamaelia.
 * - A bad frame is not a crash. Because every frame is its own message, one bad frame cannot disturb the
 *   next, so the DeFramer sends the error itself on `signal` and carries on: CorruptFrame (no newline, no
 *   tag, an empty, negative, non-decimal or over-long length), ShortFrame (fewer data than `<length>`),
 *   FramingError (a message that is not a string). Kamaelia dropped short frames silently.
 * - A length over `maxFrameSize` (default 1 MiB) ends it, as it ends every de-framer: it sends
 *   `producerFinished(this, error)` on `signal`, the error (FrameTooLarge) in the message's `message`
 *   field, and ends. The limit is the line between a bad frame and a broken or hostile peer; the
 *   producerFinished lets the components downstream finish as usual, and nothing else stops.
 * - On producerFinished or shutdownMicroprocess on `control` it reads what is waiting, passes the message
 *   on out of `signal`, and ends.
 * - Errors give the frame's message number and its character offset in the input as a whole.
 * - Strings only, so it runs on every engine, mujs included.
 *
 * How it works inside: parseSimpleFrame (simple-frame.ts) reads each frame and throws the typed error,
 * which is caught here and sent.
 */
import { Component, producerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { maxFrameSizeOf } from "./frame-limit";
import type { FrameLimitOptions } from "./frame-limit";
import { FrameTooLarge, FramingError } from "./protocol-errors";
import { parseSimpleFrame } from "./simple-frame";
import type { SimpleFrame } from "./simple-frame";
import { takeShutdown } from "../take-shutdown";

type DeFramerIn = { inbox: string; control: ShutdownMessage };
type DeFramerOut = { outbox: SimpleFrame; signal: ShutdownMessage | FramingError };

export class DeFramer extends Component<DeFramerIn, DeFramerOut> {
  static override Name = "DeFramer";
  static override Inboxes: BoxDescriptions<DeFramerIn> = {
    inbox: 'framed strings, one whole frame "<tag> <length>\\n<data>" per message',
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<DeFramerOut> = {
    outbox: "SimpleFrame values (tag, data)",
    signal: "a FramingError per bad frame; producerFinished(this, FrameTooLarge) over the limit; else the shutdown message",
  };

  /** The largest `<length>` accepted, in characters. */
  readonly maxFrameSize: number;

  constructor(options?: FrameLimitOptions) {
    super();
    this.maxFrameSize = maxFrameSizeOf(options, "DeFramer");
  }

  override *main(): MainLoop {
    let index = 0;
    let offset = 0;
    for (;;) {
      while (this.dataReady()) {
        const text = this.recv();
        let frame: SimpleFrame | null = null;
        try {
          frame = parseSimpleFrame(text, this.maxFrameSize, index, offset);
        } catch (error) {
          if (error instanceof FrameTooLarge) {
            this.send(producerFinished(this, error), "signal");
            return;
          }
          if (!(error instanceof FramingError)) throw error;
          this.send(error, "signal");
        }
        if (frame !== null) this.send(frame);
        index++;
        if (typeof text === "string") offset += text.length;
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
