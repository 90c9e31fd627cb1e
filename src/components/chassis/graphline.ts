/**
 * Graphline: named components wired as any graph, including to the graphline's own boxes.
 *
 * Example:
 *   new Graphline({
 *     READER: new FileReader("clip.mpg"),
 *     FRAMER: new LengthPrefixFramer(),
 *     SENDER: new TCPClient("127.0.0.1", 1500),
 *     linkages: {
 *       "READER.outbox": "FRAMER.inbox",
 *       "FRAMER.outbox": "SENDER.inbox",
 *       "READER.signal": "FRAMER.control",
 *       "FRAMER.signal": "SENDER.control",
 *       "self.inbox": "READER.inbox",        // the graphline's own inbox passes through to READER
 *       "SENDER.signal": "self.signal",      // and SENDER's signal passes out of the graphline
 *     },
 *   });
 *
 * Behaviour:
 * - Linkage notation: `"NAME.box": "NAME.box"`, source on the left, destination on the right, `self` for
 *   the graphline itself. A `self` source is an inbox→inbox passthrough into a child; a `self` destination
 *   is an outbox→outbox passthrough out of the graphline. The same list may also be given as an array of
 *   `[["NAME", "box"], ["NAME", "box"]]` pairs. Unknown names and boxes are errors at construction.
 * - A `self` box that a component doesn't have by default (say `self.errors`) is created for this
 *   graphline instance only; the class's box tables are never changed.
 * - It activates its children and ends when all of them have ended. Then, unless the layout links
 *   something to `self.signal`, it sends on `signal` the shutdown message it received on `control`, or
 *   `producerFinished` if it received none.
 * - Unless the layout links `self.control`, a shutdown message arriving on `control` is passed to the
 *   `control` inbox of every child that nothing in the layout feeds, so the whole graph shuts down.
 *
 * How it works inside: Kamaelia's Graphline, with the box additions made through AdaptiveCommsComponent
 * so they are per instance.
 */
import { AdaptiveCommsComponent, AxonError, hasOwn, isShutdownMessage, newComponent, producerFinished } from "../../core/index";
import type { AnyComponent, MainLoop, Passthrough, ShutdownMessage } from "../../core/index";

/** One end of a Graphline linkage: a child's name (or "self") and a box name. */
export type GraphlineEnd = readonly [name: string, box: string];

/** Linkages as `{ "NAME.box": "NAME.box" }`, or as `[from, to]` pairs of `[name, box]`. */
export type GraphlineLinkages = { readonly [from: string]: string } | ReadonlyArray<readonly [GraphlineEnd, GraphlineEnd]>;

/** What a Graphline is made from: named components plus `linkages`. */
export type GraphlineSpec = { linkages: GraphlineLinkages } & { [name: string]: AnyComponent | GraphlineLinkages };

const SELF = "self";

function parseEnd(text: string): GraphlineEnd {
  const dot = text.lastIndexOf(".");
  if (dot <= 0 || dot === text.length - 1) {
    throw new AxonError("Graphline linkage end '" + text + "' is not NAME.box (e.g. SRC.outbox, self.inbox)");
  }
  return [text.slice(0, dot), text.slice(dot + 1)];
}

function layoutOf(linkages: GraphlineLinkages): [GraphlineEnd, GraphlineEnd][] {
  const layout: [GraphlineEnd, GraphlineEnd][] = [];
  if (linkages instanceof Array) {
    for (let i = 0; i < linkages.length; i++) layout.push([linkages[i][0], linkages[i][1]]);
  } else {
    // The order linkages are made in does not matter (data waiting in a box moves on when it is linked),
    // so object key order — alphabetical on mujs — is irrelevant here.
    for (const from in linkages) {
      if (hasOwn(linkages, from)) layout.push([parseEnd(from), parseEnd(linkages[from])]);
    }
  }
  return layout;
}

export class Graphline extends AdaptiveCommsComponent {
  static override Name = "Graphline";
  /** The children by name. */
  readonly components: { readonly [name: string]: AnyComponent };
  private readonly names: string[] = [];
  private readonly layout: [GraphlineEnd, GraphlineEnd][];
  private readonly controlLinked: boolean;
  private readonly signalLinked: boolean;

  constructor(spec: GraphlineSpec) {
    super();
    const components: { [name: string]: AnyComponent } = Object.create(null);
    for (const name in spec) {
      if (!hasOwn(spec, name) || name === "linkages") continue;
      if (name === SELF) throw new AxonError("Graphline: 'self' names the graphline itself, not a child");
      components[name] = spec[name] as AnyComponent;
      this.names.push(name);
    }
    this.names.sort(); // a stable order on every engine (mujs enumerates keys alphabetically anyway)
    this.components = components;
    this.layout = layoutOf(spec.linkages || {});
    let controlLinked = false;
    let signalLinked = false;
    for (let i = 0; i < this.layout.length; i++) {
      const from = this.layout[i][0];
      const to = this.layout[i][1];
      this.check(from, true);
      this.check(to, false);
      if (from[0] === SELF && from[1] === "control") controlLinked = true;
      if (to[0] === SELF && to[1] === "signal") signalLinked = true;
    }
    this.controlLinked = controlLinked;
    this.signalLinked = signalLinked;
  }

  override *main(): MainLoop {
    const children: AnyComponent[] = [];
    for (let i = 0; i < this.names.length; i++) children.push(this.components[this.names[i]]);
    this.addChildren(children);
    for (let i = 0; i < this.layout.length; i++) this.wire(this.layout[i][0], this.layout[i][1]);
    const unfed = this.controlsNobodyFeeds();
    yield newComponent(children);
    let shutdown: ShutdownMessage | null = null;
    while (!this.childrenDone()) {
      if (!this.controlLinked) {
        while (this.dataReady("control")) {
          const message = this.recv("control");
          if (!isShutdownMessage(message)) continue;
          shutdown = message;
          for (let i = 0; i < unfed.length; i++) if (!unfed[i][0].isStopped()) this.send(message, unfed[i][1]);
        }
      }
      this.pause();
      yield 1;
    }
    if (!this.signalLinked) this.send(shutdown || producerFinished(this), "signal");
  }

  /** Reads like the graph: `Graphline_9(READER=Reader_1, SENDER=TCPClient_3)`. */
  override toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.names.length; i++) parts.push(this.names[i] + "=" + this.components[this.names[i]].name);
    return this.name + "(" + parts.join(", ") + ")";
  }

  /** Throw a clear error for an unknown component or box; create a missing `self` box on this instance. */
  private check(end: GraphlineEnd, isSource: boolean): void {
    const name = end[0];
    const box = end[1];
    if (name === SELF) {
      // A self source feeds children, so it is an inbox; a self destination is an outbox.
      const table = (isSource ? this.inboxes : this.outboxes) as object;
      if (!hasOwn(table, box)) {
        if (isSource) this.addInbox(box);
        else this.addOutbox(box);
      }
      return;
    }
    const component = this.components[name];
    if (component === undefined) {
      throw new AxonError("Graphline has no component '" + name + "' (it has " + this.names.join(", ") + ")");
    }
    const table = (isSource ? component.outboxes : component.inboxes) as object;
    if (!hasOwn(table, box)) {
      throw new AxonError(
        "Graphline linkage " + name + "." + box + ": " + component.name + " has no " + (isSource ? "outbox" : "inbox") + " '" + box + "'",
      );
    }
  }

  private wire(from: GraphlineEnd, to: GraphlineEnd): void {
    const source = from[0] === SELF ? this : this.components[from[0]];
    const sink = to[0] === SELF ? this : this.components[to[0]];
    const passthrough: Passthrough = from[0] === SELF ? 1 : to[0] === SELF ? 2 : 0;
    (this.link as (a: GraphlineEnd | unknown, b: unknown, p: Passthrough) => unknown)([source, from[1]], [sink, to[1]], passthrough);
  }

  /** For each child whose control inbox nothing in the layout feeds, an outbox of ours linked to it. */
  private controlsNobodyFeeds(): [AnyComponent, string][] {
    if (this.controlLinked) return [];
    const fed: { [name: string]: boolean } = Object.create(null);
    for (let i = 0; i < this.layout.length; i++) if (this.layout[i][1][1] === "control") fed[this.layout[i][1][0]] = true;
    const result: [AnyComponent, string][] = [];
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[i];
      if (fed[name]) continue;
      const outbox = this.addOutbox("_control_" + name);
      this.link([this, outbox], [this.components[name], "control"]);
      result.push([this.components[name], outbox]);
    }
    return result;
  }
}
