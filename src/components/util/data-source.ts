/**
 * DataSource: sends each of a list of items, in order, then `producerFinished` — the source at the start of
 * a test or a demo pipeline.
 *
 * Example:
 *   new Pipeline(new DataSource(["hello\n", "world\n"]), new ConsoleEchoer()).run();
 *
 * Behaviour:
 * - Sends the items on `outbox` as fast as the destination takes them (all in its first step when the
 *   destination is unbounded), then `producerFinished(this)` on `signal`, and ends.
 * - A bounded destination that is full holds it back: it pauses and carries on when the consumer collects,
 *   so nothing is lost and nothing is sent twice.
 * - `shutdownMicroprocess` on `control` stops it at once: it is forwarded on `signal` and the items not yet
 *   sent are not sent. `producerFinished` on `control` (an upstream stage finished) lets it finish its own
 *   items first; that message is then forwarded instead of its own.
 * - The list is copied when the component is made, so changing the caller's array later changes nothing.
 *
 * How it works inside: an index into the copied list; before each send it asks whether the destination is
 * full (`Box.isFull`), so it never has to catch NoSpaceInBox.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { takeControl } from "../take-shutdown";

type DataSourceIn = { inbox: never; control: ShutdownMessage };
type DataSourceOut<T> = { outbox: T; signal: ShutdownMessage };

export class DataSource<T = any> extends Component<DataSourceIn, DataSourceOut<T>> {
  static override Name = "DataSource";
  static override Inboxes: BoxDescriptions<DataSourceIn> = {
    inbox: "NOT USED",
    control: "shutdownMicroprocess: stop now; producerFinished: send the rest, then pass it on",
  };
  static override Outboxes: BoxDescriptions<DataSourceOut<unknown>> = {
    outbox: "the items, in order",
    signal: "producerFinished once every item is sent (or the shutdown message received)",
  };

  /** The items to send (a copy of the list given). */
  readonly items: T[];

  constructor(items: T[]) {
    super();
    if (!Array.isArray(items)) throw new AxonError("DataSource needs an array of items: new DataSource([a, b, c])");
    this.items = items.slice();
  }

  override *main(): MainLoop {
    const items = this.items;
    let next = 0;
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      while (next < items.length && !this.outboxes.outbox.isFull()) this.send(items[next++]);
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      if (next >= items.length) {
        this.send(finishing || producerFinished(this), "signal");
        return;
      }
      this.pause(); // woken when the consumer collects, or by control
      yield 1;
    }
  }
}
