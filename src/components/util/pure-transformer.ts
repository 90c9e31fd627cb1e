/**
 * PureTransformer: applies a function to each message and sends on the result — `map` for a pipeline.
 *
 * Example:
 *   new Pipeline(new DataSource([1, 2, 3]), new PureTransformer((n: number) => n * 10), new Collector()).run();
 *   // the collector holds [10, 20, 30]
 *
 * Behaviour:
 * - Each message on `inbox` goes through `fn`, in order, and the result is sent on `outbox`. A result of
 *   `undefined` sends nothing, as Kamaelia's PureTransformer sends nothing for `None`: one function can
 *   transform and drop. (`null` is a value and is sent.)
 * - If the destination is bounded and full, messages wait in this component's own inbox until it has room,
 *   so backpressure reaches the producer.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: everything already in `inbox` is transformed
 *   and sent first, then the message is forwarded on `signal` and the component ends.
 * - If `fn` throws, the component crashes: it is removed, the error is reported (hooks.onError, or the
 *   host's log) and kept in `error`, and the rest of the system runs on.
 *
 * How it works inside: the standard loop — drain the inbox while the outbox has room, then look at control,
 * then pause until the next delivery or collect.
 */
import { AxonError, Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type TransformerIn<A> = { inbox: A; control: ShutdownMessage };
type TransformerOut<B> = { outbox: B; signal: ShutdownMessage };

export class PureTransformer<A = any, B = any> extends Component<TransformerIn<A>, TransformerOut<B>> {
  static override Name = "PureTransformer";
  static override Inboxes: BoxDescriptions<TransformerIn<unknown>> = {
    inbox: "messages to transform",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<TransformerOut<unknown>> = {
    outbox: "fn(message) for each message, unless that is undefined",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The transformation. */
  readonly fn: (message: A) => B | undefined;

  constructor(fn: (message: A) => B | undefined) {
    super();
    if (typeof fn !== "function") throw new AxonError("PureTransformer needs a function: new PureTransformer((m) => ...)");
    this.fn = fn;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) {
        const result = this.fn(this.recv());
        if (result !== undefined) this.send(result);
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
