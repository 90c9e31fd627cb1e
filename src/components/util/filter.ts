/**
 * Filter: passes on the messages a predicate accepts and drops the rest.
 *
 * Example:
 *   new Pipeline(new DataSource([1, 2, 3, 4]), new Filter((n: number) => n % 2 === 0), new Collector()).run();
 *   // the collector holds [2, 4]
 *
 * Behaviour:
 * - Each message on `inbox` for which `predicate(message)` is truthy is sent unchanged on `outbox`, in order;
 *   the others are dropped. (Kamaelia's Filter takes a filter object whose `filter(x)` returns the output or
 *   None; a predicate is the common case, and PureTransformer returning `undefined` covers the rest.)
 * - A full bounded destination holds messages in this component's inbox until it has room.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the inbox is filtered to the end first, then
 *   the message is forwarded on `signal` and the component ends.
 * - A predicate that throws crashes the component (reported, removed; the rest runs on).
 *
 * How it works inside: the standard drain-then-control loop.
 */
import { AxonError, Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type FilterIn<T> = { inbox: T; control: ShutdownMessage };
type FilterOut<T> = { outbox: T; signal: ShutdownMessage };

export class Filter<T = any> extends Component<FilterIn<T>, FilterOut<T>> {
  static override Name = "Filter";
  static override Inboxes: BoxDescriptions<FilterIn<unknown>> = {
    inbox: "messages to test",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<FilterOut<unknown>> = {
    outbox: "the messages the predicate accepts, unchanged",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The test each message must pass. */
  readonly predicate: (message: T) => unknown;

  constructor(predicate: (message: T) => unknown) {
    super();
    if (typeof predicate !== "function") throw new AxonError("Filter needs a predicate function: new Filter((m) => ...)");
    this.predicate = predicate;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) {
        const message = this.recv();
        if (this.predicate(message)) this.send(message);
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
