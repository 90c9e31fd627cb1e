/**
 * Linkage: a record that one component's box forwards into another's, made by `Component.link`.
 *
 * Example:
 *   const l = this.link([producer, "outbox"], [consumer, "inbox"]);
 *   this.unlink(l);        // or: this.unlink(consumer) to undo every linkage this made to it
 *
 * Behaviour: a linkage belongs to the component that created it and is undone when that component ends
 * (or calls `unlink`). Undoing is idempotent. Messages already delivered stay where they are.
 *
 * How it works inside: the boxes do the forwarding (see box.ts); the linkage keeps what introspection and
 * `unlink(component)` need: both ends by component and box name, and the kind. A process-wide count of live
 * linkages backs the leak check run after each test.
 */
import { Box, connectBoxes, disconnectBoxes } from "./box";
import type { Passthrough } from "./types";

let liveLinkages = 0;

/** How many linkages exist and are not yet undone, across every scheduler (for leak checks). */
export function liveLinkageCount(): number {
  return liveLinkages;
}

export class Linkage {
  /** The component whose box messages come from. */
  readonly source: object;
  /** The box name on the source side. */
  readonly sourceBox: string;
  /** The component whose box messages go to. */
  readonly sink: object;
  /** The box name on the sink side. */
  readonly sinkBox: string;
  /** 0 outbox→inbox, 1 inbox→inbox, 2 outbox→outbox (Axon's passthrough numbers). */
  readonly passthrough: Passthrough;
  /** @internal The source box object. */
  readonly _from: Box;
  /** @internal The sink box object. */
  readonly _to: Box;
  private live = true;

  /** @internal Made by `Component.link`; connects at once. */
  constructor(
    source: object,
    sourceBox: string,
    from: Box,
    sink: object,
    sinkBox: string,
    to: Box,
    passthrough: Passthrough,
  ) {
    this.source = source;
    this.sourceBox = sourceBox;
    this.sink = sink;
    this.sinkBox = sinkBox;
    this.passthrough = passthrough;
    this._from = from;
    this._to = to;
    connectBoxes(from, to, this);
    liveLinkages++;
  }

  /** True until the linkage is undone. */
  isLive(): boolean {
    return this.live;
  }

  /** Undo the linkage. Safe to call more than once. */
  unlink(): void {
    if (!this.live) return;
    this.live = false;
    liveLinkages--;
    if (this._from._link === this) disconnectBoxes(this._from);
  }

  /** Readable form for traces: `Producer_1.outbox -> Consumer_2.inbox`. */
  toString(): string {
    return this._from.describe() + " -> " + this._to.describe();
  }
}
