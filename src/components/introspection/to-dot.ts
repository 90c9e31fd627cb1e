/**
 * toDot: a snapshot as a Graphviz DOT graph, for `dot -Tsvg`, `dot -Tpng` or any DOT viewer.
 *
 * Example:
 *   writeFileSync("graph.dot", toDot(snapshotGraph(scheduler), { title: "countdown" }));
 *   // then: dot -Tpng graph.dot -o graph.png
 *
 * Behaviour:
 * - Each component is a node whose label is a table: the name on top, inboxes down the left with ports
 *   i0, i1, ... and outboxes down the right with ports o0, o1, ... (in the snapshot's box order).
 * - A parent is a cluster (`subgraph cluster_<id>`) holding its children, nested as deep as the components
 *   are, with the parent itself drawn as two halves: `n<id>_in` (its inboxes) on the left and `n<id>_out`
 *   (its outboxes) on the right, so passthroughs run left to right through the cluster like the data.
 * - Each linkage is an edge between ports: ordinary linkages solid, inbox passthroughs dashed green,
 *   outbox passthroughs dotted orange, with a tooltip naming both ends.
 * - Names go into HTML-like labels escaped for XML, and into quoted strings escaped for DOT (escape.ts);
 *   node ids are `n<id>`, so no name ever becomes DOT syntax.
 *
 * How it works inside: one recursive walk over the parent tree, then one line per linkage.
 */
import { escapeDotString, escapeXml } from "./escape";
import type { GraphBox, GraphNode, GraphSnapshot } from "./graph-snapshot";
import type { RenderOptions } from "./to-svg";

/** Edge attributes by passthrough number. */
const EDGE_STYLES = ["", ', style="dashed", color="#1e8449"', ', style="dotted", color="#c0670c", penwidth="1.6"'];

function cell(boxes: GraphBox[], row: number, prefix: string, align: string): string {
  if (row >= boxes.length) return '<TD BORDER="0"></TD>';
  const box = boxes[row];
  const tip = box.description !== "" ? ' TOOLTIP="' + escapeXml(box.description) + '"' : "";
  return '<TD PORT="' + prefix + row + '" ALIGN="' + align + '"' + tip + ">" + escapeXml(box.name) + "</TD>";
}

/**
 * A node statement. `side` is "" for a whole component, or "_in" / "_out" for the two halves of a parent:
 * its inboxes on the left of its cluster and its outboxes on the right, so passthroughs flow left to right.
 */
function nodeLine(node: GraphNode, indent: string, side: string): string {
  const colour = node.isComponent ? "#3d5a8a" : "#b8941f";
  const name = escapeXml(node.name);
  const span = side === "" ? ' COLSPAN="2"' : "";
  const rows = ["<TR><TD" + span + ' BGCOLOR="' + colour + '"><FONT COLOR="#ffffff">' + (node.isComponent ? "<B>" + name + "</B>" : "<I>" + name + "</I>") + "</FONT></TD></TR>"];
  const ins = side === "_out" ? [] : node.inboxes;
  const outs = side === "_in" ? [] : node.outboxes;
  const count = Math.max(ins.length, outs.length);
  for (let r = 0; r < count; r++) {
    rows.push("<TR>" + (side === "_out" ? "" : cell(ins, r, "i", "LEFT")) + (side === "_in" ? "" : cell(outs, r, "o", "RIGHT")) + "</TR>");
  }
  return (
    indent + "n" + node.id + side + ' [label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="' + colour +
    '" BGCOLOR="' + (node.isComponent ? "#eef3fb" : "#fff8e1") + '">' + rows.join("") + '</TABLE>>, tooltip="' +
    escapeDotString(node.name + " (" + node.state + ")") + '"' + (node.state === "finished" || node.state === "inactive" ? ', fontcolor="#888888"' : "") + "];"
  );
}

/** The DOT end of a linkage: node (or parent half), port and side, such as `n3:o0:e` or `n2_in:i1:e`. */
function endpoint(node: GraphNode | undefined, id: number, box: string, inbox: boolean, parent: boolean): string {
  let port = "";
  if (node !== undefined) {
    const boxes = inbox ? node.inboxes : node.outboxes;
    for (let i = 0; i < boxes.length; i++) if (boxes[i].name === box) port = ":" + (inbox ? "i" : "o") + i;
  }
  // A parent's inbox half is entered from outside on its left (w) and passes through on its right (e).
  return "n" + id + (parent ? (inbox ? "_in" : "_out") : "") + port;
}

/** The snapshot as Graphviz DOT text. */
export function toDot(snapshot: GraphSnapshot, options?: RenderOptions): string {
  const title = (options && options.title) || "Kamaelia graph";
  const byId: { [id: string]: GraphNode } = Object.create(null);
  const children: { [id: string]: GraphNode[] } = Object.create(null);
  const roots: GraphNode[] = [];
  for (let i = 0; i < snapshot.nodes.length; i++) byId[snapshot.nodes[i].id] = snapshot.nodes[i];
  for (let i = 0; i < snapshot.nodes.length; i++) {
    const node = snapshot.nodes[i];
    if (node.parent !== null && node.parent in byId && node.parent !== node.id) (children[node.parent] || (children[node.parent] = [])).push(node);
    else roots.push(node);
  }
  const lines: string[] = [
    "digraph kamaelia {",
    '  graph [label=<<B>' + escapeXml(title) + '</B>>, labelloc="t", rankdir="LR", fontname="Helvetica", fontsize="14", nodesep="0.35", ranksep="0.7"];',
    '  node [shape="plaintext", fontname="Helvetica", fontsize="11"];',
    '  edge [color="#2c3e75", arrowsize="0.7"];',
  ];
  const emit = (node: GraphNode, indent: string, depth: number): void => {
    const kids = children[node.id];
    if (kids === undefined || depth > 64) {
      lines.push(nodeLine(node, indent, ""));
      return;
    }
    lines.push(indent + "subgraph cluster_" + node.id + " {");
    lines.push(indent + '  graph [label=<' + escapeXml(node.name) + '>, style="rounded,dashed", color="#7b8494", fontsize="11"];');
    lines.push(nodeLine(node, indent + "  ", "_in"));
    for (let i = 0; i < kids.length; i++) emit(kids[i], indent + "  ", depth + 1);
    lines.push(nodeLine(node, indent + "  ", "_out"));
    lines.push(indent + "}");
  };
  for (let i = 0; i < roots.length; i++) emit(roots[i], "  ", 0);
  for (let i = 0; i < snapshot.links.length; i++) {
    const l = snapshot.links[i];
    const source = byId[l.source];
    const sink = byId[l.sink];
    const sourceIsParent = l.source in children;
    const sinkIsParent = l.sink in children;
    // Every edge leaves eastwards and arrives from the west; a parent's halves make that true for passthroughs.
    const from = endpoint(source, l.source, l.sourceBox, l.passthrough === 1, sourceIsParent) + ":e";
    const to = endpoint(sink, l.sink, l.sinkBox, l.passthrough !== 2, sinkIsParent) + ":w";
    const tip = (source ? source.name : String(l.source)) + "." + l.sourceBox + " -> " + (sink ? sink.name : String(l.sink)) + "." + l.sinkBox;
    lines.push("  " + from + " -> " + to + ' [tooltip="' + escapeDotString(tip) + '"' + (EDGE_STYLES[l.passthrough] || "") + "];");
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}
