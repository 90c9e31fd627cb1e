/**
 * Framer: turns SimpleFrame values (tag, data) into framed strings `"<tag> <length>\n<data>"`
 * (Kamaelia.Protocol.Framing.Framer).
 *
 * Example:
 *   new Pipeline(new Numbered(), new Framer(), new DataChunker(), new TCPClient(host, 1500)).run();
 *   // a SimpleFrame(7, "hello") comes out as "7 5\nhello"
 *
 * Behaviour:
 * - One framed string on `outbox` per SimpleFrame on `inbox`, in order.
 * - A message that is not a SimpleFrame is reported as a FramingError on `signal`; the Framer carries on.
 * - On producerFinished or shutdownMicroprocess on `control` it frames what is waiting, passes the message
 *   on out of `signal`, and ends.
 * - Strings only, so it runs on every engine, mujs included.
 *
 * How it works inside: SimpleFrame.toString does the writing; this is the standard drain-then-check loop.
 */
import { Component } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { FramingError } from "./protocol-errors";
import { SimpleFrame } from "./simple-frame";
import { takeShutdown } from "../take-shutdown";

type FramerIn = { inbox: SimpleFrame; control: ShutdownMessage };
type FramerOut = { outbox: string; signal: ShutdownMessage | FramingError };

export class Framer extends Component<FramerIn, FramerOut> {
  static override Name = "Framer";
  static override Inboxes: BoxDescriptions<FramerIn> = {
    inbox: "SimpleFrame values (tag, data) to frame",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<FramerOut> = {
    outbox: 'framed strings: "<tag> <length>\\n<data>"',
    signal: "a FramingError for a message that is not a SimpleFrame; the shutdown message, passed on at the end",
  };

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const frame: unknown = this.recv();
        if (frame instanceof SimpleFrame) this.send(frame.toString());
        else this.send(new FramingError("Framer takes SimpleFrame values, not " + typeof frame), "signal");
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
