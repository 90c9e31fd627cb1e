/**
 * LengthPrefixFramer: frames byte arrays for a byte stream as `"<decimal byte count>\n<bytes>"`, the video
 * streamer's framing (one JPEG per frame).
 *
 * Example:
 *   new Pipeline(new Camera(), new LengthPrefixFramer(), new TCPClient(host, 1500)).run();
 *   // Uint8Array [0xff, 0xd8, 0xff] comes out as Uint8Array [0x33, 0x0a, 0xff, 0xd8, 0xff] ("3\n" + data)
 *
 * Behaviour:
 * - One Uint8Array out per Uint8Array in: the length in ASCII decimal digits (no sign, no leading zeros),
 *   a newline (0x0a), then the bytes. An empty array frames as "0\n".
 * - A message that is not a Uint8Array is reported as a FramingError on `signal`; the framer carries on.
 * - On producerFinished or shutdownMicroprocess on `control` it frames what is waiting, passes the message
 *   on out of `signal`, and ends.
 * - Needs typed arrays (Uint8Array): every engine but mujs. The bundle loads on mujs all the same; only
 *   running this component there fails.
 *
 * How it works inside: each frame is one new array, filled by one `set` of the data (a copy the consumer
 * owns, so a producer may reuse its buffer). Only `new Uint8Array(n)` (through bytes.ts), `set` and `subarray` are used: the
 * typed-array calls Duktape, Hermes and QuickJS all have.
 */
import { Component } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { FramingError } from "./protocol-errors";
import { takeShutdown } from "../take-shutdown";
import { isBytes, newBytes } from "./bytes";

type FramerIn = { inbox: Uint8Array; control: ShutdownMessage };
type FramerOut = { outbox: Uint8Array; signal: ShutdownMessage | FramingError };

/** Newline, which ends a length header. */
const NEWLINE = 10;

/** `data` framed as `"<data.length>\n"` followed by the bytes. */
export function lengthPrefixFrame(data: Uint8Array): Uint8Array {
  const digits = String(data.length);
  const frame = newBytes(digits.length + 1 + data.length);
  for (let i = 0; i < digits.length; i++) frame[i] = digits.charCodeAt(i);
  frame[digits.length] = NEWLINE;
  frame.set(data, digits.length + 1);
  return frame;
}

export class LengthPrefixFramer extends Component<FramerIn, FramerOut> {
  static override Name = "LengthPrefixFramer";
  static override Inboxes: BoxDescriptions<FramerIn> = {
    inbox: "Uint8Array frames (such as JPEGs), one per message",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<FramerOut> = {
    outbox: 'Uint8Array: "<decimal byte count>\\n" then the bytes',
    signal: "a FramingError for a message that is not a Uint8Array; the shutdown message, passed on at the end",
  };

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const data: unknown = this.recv();
        if (isBytes(data)) this.send(lengthPrefixFrame(data));
        else this.send(new FramingError("LengthPrefixFramer takes Uint8Array frames, not " + typeof data), "signal");
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
