/**
 * Introspector: a component that watches the graph of its own scheduler and reports how it changes
 * (Kamaelia.Util.Introspector / Axon.Introspector).
 *
 * Example:
 *   new Pipeline(new Introspector(1000), new ConsoleEchoer()).activate(scheduler);   // prints Kamaelia's text
 *   // or keep the typed form:
 *   link([introspector, "outbox"], [viewer, "inbox"]);   // viewer gets GraphUpdate objects
 *
 * Behaviour:
 * - Each time it runs it takes `snapshotGraph(scheduler)`, diffs it against the last one it reported, and
 *   if anything changed sends one GraphUpdate on "outbox": `{ snapshot, events, text }`. The first update
 *   describes everything (its text starts with "DEL ALL", as Kamaelia's did); later ones only the changes.
 *   `String(update)` is the text, so a text printer shows Kamaelia's commands.
 * - It runs when woken: every `intervalMs` on the host clock (default 1000, with `pauseFor`), and at once
 *   when a message arrives. Any message on "inbox" asks for a full report again (a new viewer joined).
 * - The graph includes the Introspector itself, as Kamaelia's did.
 * - Shutdown: producerFinished or shutdownMicroprocess on "control" is forwarded on "signal" and it ends.
 *   Its timer keeps a scheduler's `runThreads()` going until then, like any `pauseFor` loop.
 *
 * How it works inside: a poll loop around snapshotGraph and diffGraphs (graph-snapshot.ts, graph-diff.ts);
 * the last reported snapshot is the only state.
 */
import { Component, isShutdownMessage } from "../../core/index";
import type { BoxDescriptions, MainLoop, Scheduler, ShutdownMessage } from "../../core/index";
import { diffGraphs, graphEventsText } from "./graph-diff";
import type { GraphEvent } from "./graph-diff";
import { snapshotGraph } from "./graph-snapshot";
import type { GraphSnapshot } from "./graph-snapshot";

/** One report: the graph now, what changed since the last report, and the change as Kamaelia's text. */
export interface GraphUpdate {
  snapshot: GraphSnapshot;
  events: GraphEvent[];
  /** Kamaelia's text commands for `events` (starting "DEL ALL" in a full report). */
  text: string;
  /** The same as `text`. */
  toString(): string;
}

type IntrospectorIn = { inbox: unknown; control: ShutdownMessage };
type IntrospectorOut = { outbox: GraphUpdate; signal: ShutdownMessage };

const EMPTY: GraphSnapshot = { time: 0, nodes: [], links: [] };

/** The default time between looks at the graph, in ms. */
const DEFAULT_INTERVAL_MS = 1000;

function textOf(this: GraphUpdate): string {
  return this.text;
}

export class Introspector extends Component<IntrospectorIn, IntrospectorOut> {
  static override Name = "Introspector";
  static override Inboxes: BoxDescriptions<IntrospectorIn> = {
    inbox: "any message: send a full report next, as for a new viewer",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<IntrospectorOut> = {
    outbox: "GraphUpdate { snapshot, events, text } whenever the graph has changed",
    signal: "shutdown messages, passed on when this ends",
  };
  /** Milliseconds between looks at the graph. */
  readonly intervalMs: number;

  constructor(intervalMs?: number) {
    super();
    this.intervalMs = intervalMs === undefined ? DEFAULT_INTERVAL_MS : intervalMs;
  }

  override *main(): MainLoop {
    let last: GraphSnapshot | null = null;
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      while (this.dataReady()) {
        this.recv();
        last = null;
      }
      const now = snapshotGraph(this.scheduler as Scheduler); // set: this is running
      const events = diffGraphs(last || EMPTY, now);
      if (last === null || events.length > 0) {
        const text = (last === null ? "DEL ALL\n" : "") + graphEventsText(events);
        this.send({ snapshot: now, events: events, text: text, toString: textOf });
      }
      last = now;
      this.pauseFor(this.intervalMs);
      yield 1;
    }
  }
}
