/**
 * Collector: keeps every message it receives, in order, in `collected` — the sink at the end of a test or a
 * demo pipeline.
 *
 * Example:
 *   const sink = new Collector<string>();
 *   new Pipeline(new DataSource(["a", "b"]), sink).run(scheduler);
 *   sink.collected;   // ["a", "b"]
 *
 * Behaviour:
 * - Everything arriving on `inbox` is appended to `collected`. Nothing is sent on `outbox`.
 * - On `producerFinished` or `shutdownMicroprocess` on `control` it first takes whatever waits in `inbox`,
 *   then forwards the message on `signal` and ends. Other messages on `control` are ignored.
 *
 * How it works inside: drains the whole inbox each step, then looks at `control`, then pauses until the next
 * delivery.
 */
import { Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type CollectorIn<T> = { inbox: T; control: ShutdownMessage };
type CollectorOut = { outbox: never; signal: ShutdownMessage };

export class Collector<T = any> extends Component<CollectorIn<T>, CollectorOut> {
  static override Name = "Collector";
  static override Inboxes: BoxDescriptions<CollectorIn<unknown>> = {
    inbox: "messages to keep in collected",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<CollectorOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on when this ends",
  };

  /** Every message received so far, oldest first. */
  readonly collected: T[] = [];

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.collected.push(this.recv());
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
