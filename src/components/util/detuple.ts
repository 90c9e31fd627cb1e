/**
 * Detuple: takes one element out of each array (Kamaelia's tuples) and sends it on.
 *
 * Example:
 *   new Pipeline(new DataSource([["a", 1], ["b", 2]]), new Detuple(1), new Collector()).run();
 *   // the collector holds [1, 2]
 *
 * Behaviour:
 * - Each message on `inbox` must be an array; element `index` of it is sent on `outbox`. A negative index
 *   counts from the end, as in Python: `new Detuple(-1)` takes the last element.
 * - A message that is not an array, or has no element at `index`, is a wiring mistake: the component
 *   crashes with an AxonError naming itself, what it got and the index, and the rest of the system runs on.
 * - A full bounded destination holds messages in this component's inbox until it has room.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the inbox is processed to the end first,
 *   then the message is forwarded on `signal` and the component ends.
 * - An index that is not a whole number is an AxonError at construction.
 *
 * How it works inside: the standard drain-then-control loop. `Array.isArray` is the test (ES5, and true for
 * arrays from another realm too).
 */
import { AxonError, Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type DetupleIn<T> = { inbox: readonly T[]; control: ShutdownMessage };
type DetupleOut<T> = { outbox: T; signal: ShutdownMessage };

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return 'the string "' + (value.length > 20 ? value.slice(0, 20) + "..." : value) + '"';
  if (Array.isArray(value)) return "an array of length " + value.length;
  return typeof value === "object" ? "an object" : typeof value + " " + String(value);
}

export class Detuple<T = any> extends Component<DetupleIn<T>, DetupleOut<T>> {
  static override Name = "Detuple";
  static override Inboxes: BoxDescriptions<DetupleIn<unknown>> = {
    inbox: "arrays",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<DetupleOut<unknown>> = {
    outbox: "element `index` of each array",
    signal: "the shutdown message, passed on when this ends",
  };

  /** Which element to take; negative counts from the end. */
  readonly index: number;

  constructor(index: number) {
    super();
    if (typeof index !== "number" || Math.floor(index) !== index || !isFinite(index)) {
      throw new AxonError("Detuple needs a whole-number index (negative counts from the end), not " + String(index));
    }
    this.index = index;
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) this.send(this.pick(this.recv()));
      const finish = this.dataReady() === 0 ? takeShutdown(this) : null;
      if (finish !== null) {
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  private pick(message: readonly T[]): T {
    if (!Array.isArray(message)) {
      throw new AxonError(this.name + " received " + describeValue(message) + ", not an array; it takes element " + this.index + " of each array.");
    }
    const i = this.index < 0 ? message.length + this.index : this.index;
    if (i < 0 || i >= message.length) {
      throw new AxonError(this.name + " received an array of length " + message.length + ", which has no element " + this.index + ".");
    }
    return message[i];
  }
}
