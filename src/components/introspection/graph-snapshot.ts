/**
 * snapshotGraph: the live graph of a scheduler — every component, its boxes, its parent and the linkages
 * between boxes — as plain data, from ordinary code or from the Introspector.
 *
 * Example:
 *   const graph = snapshotGraph(scheduler);
 *   graph.nodes[0];   // { id: 3, name: "Pipeline_3", parent: null, isComponent: true, state: "paused",
 *                     //   inboxes: [{ name: "inbox", description: "...", waiting: 0 }, ...], outboxes: [...] }
 *   graph.links[0];   // { owner: 3, source: 1, sourceBox: "outbox", sink: 2, sinkBox: "inbox", passthrough: 0 }
 *   toSvg(graph);     // or toDot, toHtml
 *
 * Behaviour:
 * - Nodes are the scheduler's live microprocesses, plus components reached from them that are not (or no
 *   longer) running: children not yet activated, and the ends of linkages. They are sorted by id.
 * - A Component lists its inboxes and outboxes: the standard ones first (inbox, control; outbox, signal),
 *   then the rest by name, so the order is the same on every engine. A plain Microprocess has no boxes.
 * - `parent` is the id of the component whose `childComponents()` holds it, or null.
 * - Links are each node's `linkages()`, in node order, then in the order each node made them. `owner` is
 *   the component that made the linkage; `passthrough` is 0 (outbox → inbox), 1 (inbox → inbox, a parent
 *   into a child) or 2 (outbox → outbox, a child out through a parent). Handle's linkages belong to no
 *   component and are not shown.
 * - `state` ("running", "paused", "inactive" or "finished") and `waiting` (messages in a box) are a
 *   picture of the moment; diffGraphs ignores them.
 *
 * How it works inside: only public methods (listAllThreads, childComponents, linkages, the box tables),
 * and a prototype-less id → true object to visit each component once.
 */
import { Component, Microprocess } from "../../core/index";
import type { AnyComponent, Box, Passthrough, Scheduler } from "../../core/index";

/** One inbox or outbox. */
export interface GraphBox {
  /** The box's name, such as "inbox". */
  name: string;
  /** What its class's Inboxes / Outboxes table says, or "" (adaptive boxes have none). */
  description: string;
  /** Messages waiting in it at the moment of the snapshot. */
  waiting: number;
}

/** One component, or a plain microprocess (no boxes). */
export interface GraphNode {
  /** The microprocess id: unique in the process, never reused. */
  id: number;
  /** Its readable name, such as "Ticker_3". */
  name: string;
  /** The id of its parent component, or null. */
  parent: number | null;
  /** False for a plain Microprocess, which has no boxes. */
  isComponent: boolean;
  /** "running", "paused", "inactive" (not yet activated) or "finished". */
  state: string;
  inboxes: GraphBox[];
  outboxes: GraphBox[];
}

/** One linkage, by the ids of the components at its ends. */
export interface GraphLink {
  /** The id of the component that made the linkage (and undoes it when it ends). */
  owner: number;
  source: number;
  sourceBox: string;
  sink: number;
  sinkBox: string;
  /** 0 outbox → inbox, 1 inbox → inbox, 2 outbox → outbox. */
  passthrough: Passthrough;
}

/** The graph at one moment. */
export interface GraphSnapshot {
  /** The scheduler's clock when the snapshot was taken. */
  time: number;
  nodes: GraphNode[];
  links: GraphLink[];
}

/** Standard boxes first, in Axon's order; every other box after them by name. */
const STANDARD_BOXES = ["inbox", "control", "outbox", "signal"];

function boxOrder(a: string, b: string): number {
  const ra = STANDARD_BOXES.indexOf(a);
  const rb = STANDARD_BOXES.indexOf(b);
  if (ra !== rb) return ra < 0 ? 1 : rb < 0 ? -1 : ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function listBoxes(table: { [name: string]: Box }, descriptions: unknown): GraphBox[] {
  const names: string[] = [];
  for (const name in table) names.push(name); // prototype-less table: own names only
  names.sort(boxOrder);
  const boxes: GraphBox[] = [];
  for (let i = 0; i < names.length; i++) {
    const d = descriptions as { [name: string]: unknown } | undefined;
    const described = d !== undefined && d !== null && Object.prototype.hasOwnProperty.call(d, names[i]);
    boxes.push({ name: names[i], description: described ? String(d[names[i]]) : "", waiting: table[names[i]].dataReady() });
  }
  return boxes;
}

function stateOf(mp: Microprocess): string {
  if (mp.isStopped()) return "finished";
  if (mp.isPaused()) return "paused";
  return mp.isRunning() ? "running" : "inactive";
}

/** The live graph of `scheduler`'s components, their boxes and linkages. */
export function snapshotGraph(scheduler: Scheduler): GraphSnapshot {
  const found: Microprocess[] = [];
  const seen: { [id: string]: boolean } = Object.create(null);
  const visit = (x: unknown): void => {
    if (x instanceof Microprocess && seen[x.id] !== true) {
      seen[x.id] = true;
      found.push(x);
    }
  };
  const threads = scheduler.listAllThreads();
  for (let i = 0; i < threads.length; i++) visit(threads[i]);
  // Grows while it is walked: children and linkage ends may lead to further components.
  for (let i = 0; i < found.length; i++) {
    const c = found[i];
    if (!(c instanceof Component)) continue;
    const children = c.childComponents();
    for (let j = 0; j < children.length; j++) visit(children[j]);
    const linkages = c.linkages();
    for (let j = 0; j < linkages.length; j++) {
      visit(linkages[j].source);
      visit(linkages[j].sink);
    }
  }
  found.sort((a, b) => a.id - b.id);

  const parentOf: { [id: string]: number } = Object.create(null);
  for (let i = 0; i < found.length; i++) {
    const c = found[i];
    if (!(c instanceof Component)) continue;
    const children = c.childComponents();
    for (let j = 0; j < children.length; j++) parentOf[children[j].id] = c.id;
  }

  const nodes: GraphNode[] = [];
  const links: GraphLink[] = [];
  for (let i = 0; i < found.length; i++) {
    const mp = found[i];
    const isComponent = mp instanceof Component;
    const ctor = mp.constructor as { Inboxes?: unknown; Outboxes?: unknown };
    nodes.push({
      id: mp.id,
      name: mp.name,
      parent: mp.id in parentOf ? parentOf[mp.id] : null,
      isComponent: isComponent,
      state: stateOf(mp),
      inboxes: isComponent ? listBoxes((mp as AnyComponent).inboxes, ctor.Inboxes) : [],
      outboxes: isComponent ? listBoxes((mp as AnyComponent).outboxes, ctor.Outboxes) : [],
    });
    if (!isComponent) continue;
    const linkages = (mp as AnyComponent).linkages();
    for (let j = 0; j < linkages.length; j++) {
      const l = linkages[j];
      links.push({
        owner: mp.id,
        source: (l.source as Microprocess).id,
        sourceBox: l.sourceBox,
        sink: (l.sink as Microprocess).id,
        sinkBox: l.sinkBox,
        passthrough: l.passthrough,
      });
    }
  }
  return { time: scheduler.now(), nodes: nodes, links: links };
}
