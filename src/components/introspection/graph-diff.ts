/**
 * diffGraphs and graphEventsText: what changed between two snapshots, as typed events and as the text
 * commands Kamaelia's Introspector sent to its visualiser.
 *
 * Example:
 *   const events = diffGraphs(before, after);
 *   // [{ kind: "DEL LINK", link }, { kind: "DEL NODE", node }, { kind: "ADD NODE", node }, ...]
 *   graphEventsText(events);
 *   // 'ADD NODE 4 Printer_4 randompos component\nADD NODE 4.in.inbox inbox randompos inbox\n
 *   //  ADD LINK 4 4.in.inbox\n...ADD LINK 3.out.outbox 4.in.inbox\n'
 *
 * Behaviour:
 * - Six kinds, always in this order so a consumer never sees a link to a missing node: DEL LINK, DEL BOX,
 *   DEL NODE, ADD NODE, ADD BOX, ADD LINK. Within a kind, events follow the snapshots' order.
 * - A node is known by its id; ADD NODE carries its boxes, so ADD BOX / DEL BOX only appear when a live
 *   component's boxes change (an AdaptiveCommsComponent adding a box). A link is known by its owner,
 *   both ends and its kind. `state`, `waiting` and `time` are ignored: they change all the time.
 * - The text form follows Kamaelia: components and boxes are both nodes ("<id>" and "<id>.in.<box>" or
 *   "<id>.out.<box>"), a box is linked to its component, and a linkage links two box nodes. A field with
 *   anything but letters, digits and `_.:/-` is written in double quotes with `\"`, `\\`, `\n` and `\r`
 *   escaped. Kamaelia's first report begins "DEL ALL"; the Introspector adds that line itself.
 *
 * How it works inside: each snapshot is indexed once into prototype-less objects keyed by id or by a JSON
 * key, then both are walked in order; nothing depends on the key order of an object.
 */
import type { GraphLink, GraphNode, GraphSnapshot } from "./graph-snapshot";

/** One change to the graph. */
export type GraphEvent =
  | { kind: "ADD NODE" | "DEL NODE"; node: GraphNode }
  | { kind: "ADD BOX" | "DEL BOX"; node: GraphNode; box: string; inbox: boolean }
  | { kind: "ADD LINK" | "DEL LINK"; link: GraphLink };

type Index<T> = { [key: string]: T };

function linkKey(l: GraphLink): string {
  return JSON.stringify([l.owner, l.source, l.sourceBox, l.sink, l.sinkBox, l.passthrough]);
}

function indexNodes(s: GraphSnapshot): Index<GraphNode> {
  const index: Index<GraphNode> = Object.create(null);
  for (let i = 0; i < s.nodes.length; i++) index[s.nodes[i].id] = s.nodes[i];
  return index;
}

function indexLinks(s: GraphSnapshot): Index<true> {
  const index: Index<true> = Object.create(null);
  for (let i = 0; i < s.links.length; i++) index[linkKey(s.links[i])] = true;
  return index;
}

function boxKeys(node: GraphNode): Index<true> {
  const index: Index<true> = Object.create(null);
  for (let i = 0; i < node.inboxes.length; i++) index["i" + node.inboxes[i].name] = true;
  for (let i = 0; i < node.outboxes.length; i++) index["o" + node.outboxes[i].name] = true;
  return index;
}

/** Box events for the boxes of `node` missing from `other` (a node with the same id). */
function boxChanges(node: GraphNode, other: GraphNode, kind: "ADD BOX" | "DEL BOX", out: GraphEvent[]): void {
  const have = boxKeys(other);
  for (let i = 0; i < node.inboxes.length; i++) {
    if (have["i" + node.inboxes[i].name] !== true) out.push({ kind: kind, node: node, box: node.inboxes[i].name, inbox: true });
  }
  for (let i = 0; i < node.outboxes.length; i++) {
    if (have["o" + node.outboxes[i].name] !== true) out.push({ kind: kind, node: node, box: node.outboxes[i].name, inbox: false });
  }
}

/** The events that turn `before` into `after`. An empty `before` ({ nodes: [], links: [] }) adds everything. */
export function diffGraphs(before: GraphSnapshot, after: GraphSnapshot): GraphEvent[] {
  const beforeNodes = indexNodes(before);
  const afterNodes = indexNodes(after);
  const beforeLinks = indexLinks(before);
  const afterLinks = indexLinks(after);
  const events: GraphEvent[] = [];
  for (let i = 0; i < before.links.length; i++) {
    const l = before.links[i];
    if (afterLinks[linkKey(l)] !== true) events.push({ kind: "DEL LINK", link: l });
  }
  for (let i = 0; i < before.nodes.length; i++) {
    const n = before.nodes[i];
    if (n.id in afterNodes) boxChanges(n, afterNodes[n.id], "DEL BOX", events);
  }
  for (let i = 0; i < before.nodes.length; i++) {
    if (!(before.nodes[i].id in afterNodes)) events.push({ kind: "DEL NODE", node: before.nodes[i] });
  }
  for (let i = 0; i < after.nodes.length; i++) {
    if (!(after.nodes[i].id in beforeNodes)) events.push({ kind: "ADD NODE", node: after.nodes[i] });
  }
  for (let i = 0; i < after.nodes.length; i++) {
    const n = after.nodes[i];
    if (n.id in beforeNodes) boxChanges(n, beforeNodes[n.id], "ADD BOX", events);
  }
  for (let i = 0; i < after.links.length; i++) {
    const l = after.links[i];
    if (beforeLinks[linkKey(l)] !== true) events.push({ kind: "ADD LINK", link: l });
  }
  return events;
}

/** A field of a text command: bare when safe, else quoted with escapes. */
function field(text: string): string {
  if (/^[A-Za-z0-9_.:\/-]+$/.test(text)) return text;
  return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
}

function boxId(id: number, box: string, inbox: boolean): string {
  return id + (inbox ? ".in." : ".out.") + box;
}

function boxLines(op: string, node: GraphNode, box: string, inbox: boolean, lines: string[]): void {
  const bid = field(boxId(node.id, box, inbox));
  if (op === "ADD") {
    lines.push("ADD NODE " + bid + " " + field(box) + " randompos " + (inbox ? "inbox" : "outbox"));
    lines.push("ADD LINK " + node.id + " " + bid);
  } else {
    lines.push("DEL LINK " + node.id + " " + bid);
    lines.push("DEL NODE " + bid);
  }
}

/** Kamaelia's text commands for `events`, one per line, each line ending in "\n". */
export function graphEventsText(events: GraphEvent[]): string {
  const lines: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const op = e.kind.slice(0, 3);
    if (e.kind === "ADD LINK" || e.kind === "DEL LINK") {
      const l = e.link;
      const fromInbox = l.passthrough === 1;
      const toInbox = l.passthrough !== 2;
      lines.push(op + " LINK " + field(boxId(l.source, l.sourceBox, fromInbox)) + " " + field(boxId(l.sink, l.sinkBox, toInbox)));
    } else if (e.kind === "ADD BOX" || e.kind === "DEL BOX") {
      boxLines(op, e.node, e.box, e.inbox, lines);
    } else {
      const n = (e as { node: GraphNode }).node; // ADD NODE or DEL NODE
      if (op === "ADD") lines.push("ADD NODE " + n.id + " " + field(n.name) + " randompos component");
      for (let j = 0; j < n.inboxes.length; j++) boxLines(op, n, n.inboxes[j].name, true, lines);
      for (let j = 0; j < n.outboxes.length; j++) boxLines(op, n, n.outboxes[j].name, false, lines);
      if (op === "DEL") lines.push("DEL NODE " + n.id);
    }
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
