/**
 * FrameCount: counts the frames (and their bytes) passing through, and with a limit ends the preview after
 * that many — `kamaelia-preview --frames N`.
 *
 * Example:
 *   new Graphline({
 *     CLIENT: new TCPClient(host, port), DEFRAMER: new LengthPrefixDeFramer(), COUNT: new FrameCount(3), ...
 *     linkages: { "DEFRAMER.outbox": "COUNT.inbox", "COUNT.stopSource": "CLIENT.control", ... },
 *   });
 *
 * Behaviour:
 * - Each message on `inbox` (a frame: a Uint8Array, or anything with a `length`) goes out of `outbox`
 *   unchanged; `frames` and `bytes` count them.
 * - With a `limit`, the frame that reaches it is sent on, then `shutdownMicroprocess` goes out of
 *   `stopSource` (link it to the connection's `control`: the socket closes at once), then
 *   `producerFinished(this)` out of `signal`, so everything downstream finishes what it has, in order,
 *   and ends. It ends too; whatever the source sends after that is not passed on.
 * - `producerFinished` or `shutdownMicroprocess` on `control` (the stream ended first): what waits in
 *   `inbox` is passed on, then the message goes on `signal`, and it ends.
 *
 * How it works inside: the standard pass-through loop, with the count checked after each frame.
 */
import { AxonError, Component, isShutdownMessage, producerFinished, shutdownMicroprocess } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";

type CountIn = { inbox: Uint8Array; control: ShutdownMessage };
type CountOut = { outbox: Uint8Array; signal: ShutdownMessage; stopSource: ShutdownMessage };

export class FrameCount extends Component<CountIn, CountOut> {
  static override Name = "FrameCount";
  static override Inboxes: BoxDescriptions<CountIn> = {
    inbox: "frames, passed on unchanged",
    control: "producerFinished or shutdownMicroprocess: pass on what waits, then the message, and end",
  };
  static override Outboxes: BoxDescriptions<CountOut> = {
    outbox: "the frames",
    signal: "producerFinished(this) when the limit is reached; else the shutdown message received",
    stopSource: "shutdownMicroprocess for the source (the TCPClient) when the limit is reached",
  };

  /** Frames passed on so far. */
  frames = 0;
  /** Their bytes. */
  bytes = 0;
  /** How many frames to pass before ending, or 0 for no limit. */
  readonly limit: number;

  constructor(limit?: number) {
    super();
    if (limit !== undefined && !(limit >= 0 && Math.floor(limit) === limit)) throw new AxonError("FrameCount needs a whole number of frames (0 for no limit), not " + limit);
    this.limit = limit || 0;
  }

  /** True once the limit has been reached. */
  reachedLimit(): boolean {
    return this.limit > 0 && this.frames >= this.limit;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) {
        const frame = this.recv();
        this.frames++;
        this.bytes += frame && typeof frame.length === "number" ? frame.length : 0;
        this.send(frame);
        if (this.reachedLimit()) {
          this.send(shutdownMicroprocess(this), "stopSource");
          this.send(producerFinished(this), "signal");
          return;
        }
      }
      while (this.dataReady() === 0 && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}
