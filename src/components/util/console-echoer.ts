/**
 * ConsoleEchoer: writes each message it receives to the host's output — the console, stdout or a screen —
 * and optionally passes it on.
 *
 * Example:
 *   new Pipeline(new DataSource(["hello", "world"]), new ConsoleEchoer({ tag: "> ", eol: "\n" })).run();
 *   // > hello
 *   // > world
 *
 * Behaviour:
 * - Each message on `inbox` is written, in order, as `tag + text + eol`, where text is `String(message)`,
 *   or with `useRepr` a JSON rendering (Kamaelia's `use_repr`: strings come out quoted, objects as JSON;
 *   whatever JSON cannot render falls back to String). `tag` and `eol` default to "": as in Kamaelia, the
 *   text is written as it is, so messages that are lines should end with "\n" or set `eol: "\n"`.
 * - The text goes to the host's `print`. A host without `print` gets it as an "info" line in its `log`;
 *   a host with neither gets nothing.
 * - With `forwarder: true` every message is also sent on, unchanged, on `outbox` (and a full bounded
 *   destination holds messages back in its inbox); otherwise nothing is sent on `outbox`.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the inbox is written out to the end first,
 *   then the message is forwarded on `signal` and it ends.
 *
 * How it works inside: the standard drain-then-control loop; the host is the scheduler's (the core never
 * touches a console itself).
 */
import { Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, Host, MainLoop, ShutdownMessage } from "../../core/index";

/** Options for ConsoleEchoer. */
export interface ConsoleEchoerOptions {
  /** Also send each message on, unchanged, on `outbox` (default false). */
  forwarder?: boolean;
  /** Write a JSON rendering instead of String(message) (Kamaelia's use_repr; default false). */
  useRepr?: boolean;
  /** Text written before each message (default ""). */
  tag?: string;
  /** Text written after each message (default ""; "\n" for one message per line). */
  eol?: string;
}

type EchoIn<T> = { inbox: T; control: ShutdownMessage };
type EchoOut<T> = { outbox: T; signal: ShutdownMessage };

function repr(message: unknown): string {
  try {
    const text = JSON.stringify(message);
    if (text !== undefined) return text;
  } catch (e) {
    // a cycle, or something JSON cannot render: fall back to String
  }
  return String(message);
}

export class ConsoleEchoer<T = any> extends Component<EchoIn<T>, EchoOut<T>> {
  static override Name = "ConsoleEchoer";
  static override Inboxes: BoxDescriptions<EchoIn<unknown>> = {
    inbox: "messages to write to the host's output",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<EchoOut<unknown>> = {
    outbox: "each message, unchanged, if forwarder is set; otherwise NOT USED",
    signal: "the shutdown message, passed on when this ends",
  };

  /** True when messages are also sent on. */
  readonly forwarder: boolean;
  /** True when messages are written as JSON. */
  readonly useRepr: boolean;
  /** Written before each message. */
  readonly tag: string;
  /** Written after each message. */
  readonly eol: string;

  constructor(options?: ConsoleEchoerOptions) {
    super();
    const o = options || {};
    this.forwarder = !!o.forwarder;
    this.useRepr = !!o.useRepr;
    this.tag = o.tag === undefined ? "" : String(o.tag);
    this.eol = o.eol === undefined ? "" : String(o.eol);
  }

  override *main(): MainLoop {
    const host = (this.scheduler as { host: Host }).host;
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !(this.forwarder && outbox.isFull())) {
        const message = this.recv();
        const text = this.tag + (this.useRepr ? repr(message) : String(message)) + this.eol;
        if (host.print) host.print(text);
        else if (host.log) host.log("info", text);
        if (this.forwarder) this.send(message);
      }
      const finish = this.dataReady() === 0 ? takeShutdown(this) : null;
      if (finish !== null) {
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }
}
