/**
 * Pipeline: components in a row, each one's outbox feeding the next one's inbox, like a Unix pipeline.
 *
 * Example:
 *   new Pipeline(new Reader(), new Upper(), new Printer()).run();
 *
 * Behaviour:
 * - Neighbours are linked outbox → inbox and signal → control, so a producerFinished from the first
 *   component travels down the row and each component ends in turn.
 * - The pipeline's own `inbox` and `control` pass through to the first child; the last child's `outbox`
 *   and `signal` pass through to the pipeline's, so a pipeline is itself a component you can nest.
 * - It activates its children and ends when all of them have ended.
 *
 * How it works inside: exactly Axon's Pipeline — the linkages are the pipeline's own, so they go away with
 * it; `childrenDone()` removes finished children as they end.
 */
import { AxonError, Component, newComponent } from "../../core/index";
import type { AnyComponent, MainLoop } from "../../core/index";

export class Pipeline extends Component {
  static override Name = "Pipeline";
  /** The components, first to last. */
  readonly components: AnyComponent[];

  /** The components, first to last: `new Pipeline(a, b, c)`, or one array (`new Pipeline(list)`) for many. */
  constructor(...components: AnyComponent[] | [AnyComponent[]]) {
    super();
    const list = (components.length === 1 && components[0] instanceof Array ? components[0] : components) as AnyComponent[];
    if (list.length === 0) throw new AxonError("Pipeline needs components");
    this.components = list;
  }

  override *main(): MainLoop {
    const parts = this.components;
    this.addChildren(parts);
    for (let i = 1; i < parts.length; i++) {
      this.link([parts[i - 1], "outbox"], [parts[i], "inbox"]);
      this.link([parts[i - 1], "signal"], [parts[i], "control"]);
    }
    const first = parts[0];
    const last = parts[parts.length - 1];
    this.link([this, "inbox"], [first, "inbox"], 1);
    this.link([this, "control"], [first, "control"], 1);
    this.link([last, "outbox"], [this, "outbox"], 2);
    this.link([last, "signal"], [this, "signal"], 2);
    yield newComponent(parts);
    while (!this.childrenDone()) {
      this.pause();
      yield 1;
    }
  }

  /** Reads like the graph: `Pipeline_3(Reader_1 -> Upper_2)`. */
  override toString(): string {
    const names: string[] = [];
    for (let i = 0; i < this.components.length; i++) names.push(this.components[i].name);
    return this.name + "(" + names.join(" -> ") + ")";
  }
}
