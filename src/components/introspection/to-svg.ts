/**
 * toSvg: a snapshot as a self-contained SVG picture — a card per component with its boxes as labelled ports,
 * parents drawn around their children, and an arrow per linkage.
 *
 * Example:
 *   writeFileSync("graph.svg", toSvg(snapshotGraph(scheduler), { title: "countdown" }));
 *
 * Behaviour:
 * - Components are cards: a coloured header with the name, inboxes on the left edge, outboxes on the
 *   right. A parent (such as a Pipeline) is a grey card holding its children; a plain Microprocess is a
 *   pale yellow card with no boxes. Finished or not-yet-activated components are drawn faded.
 * - Linkages are arrows from port to port: ordinary ones (outbox → inbox) solid dark blue, inbox
 *   passthroughs (a parent's inbox into a child's) dashed green, outbox passthroughs (a child's outbox out
 *   through its parent's) dotted orange. A legend at the bottom says so.
 * - Hovering shows tooltips: a component's full name and state, a box's description, a linkage's ends.
 * - The document is standalone (XML declaration, SVG namespace, no scripts, fonts, images or links), its
 *   text is escaped (escape.ts), and the layout is deterministic (graph-layout.ts), so the same snapshot
 *   gives the same bytes on every engine.
 *
 * How it works inside: layoutGraph places the cards; this file only writes elements. Cards are drawn
 * parents first, then the arrows, then leaf cards on top, so arrows run over parents but under other
 * components' labels.
 */
import { escapeXml } from "./escape";
import { CHAR_WIDTH, FONT_SIZE, HEADER, MAX_NAME, ROW, layoutGraph, shorten } from "./graph-layout";
import type { Card } from "./graph-layout";
import type { GraphLink, GraphSnapshot } from "./graph-snapshot";

/** What toSvg, toHtml and toDot may be given. */
export interface RenderOptions {
  /** A heading, such as the example's name. Default "Kamaelia graph". */
  title?: string;
}

const MARGIN = 20;
const TITLE_HEIGHT = 28;
const LEGEND_HEIGHT = 30;

/** Colour, dash pattern and description of each linkage kind (by passthrough number). */
const LINK_STYLES: [string, string, string][] = [
  ["#2c3e75", "", "linkage: outbox \u2192 inbox"],
  ["#1e8449", "7 4", "passthrough: parent inbox \u2192 child inbox"],
  ["#c0670c", "2 3", "passthrough: child outbox \u2192 parent outbox"],
];

/** Width of one legend entry: the sample line and its 11px text. */
function legendStep(k: number): number {
  return 36 + (LINK_STYLES[k][2].length + 3) * 6.7;
}

/** Numbers with at most one decimal, the same on every engine. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function linkTitle(snapshot: GraphSnapshot, l: GraphLink): string {
  let from = String(l.source);
  let to = String(l.sink);
  for (let i = 0; i < snapshot.nodes.length; i++) {
    if (snapshot.nodes[i].id === l.source) from = snapshot.nodes[i].name;
    if (snapshot.nodes[i].id === l.sink) to = snapshot.nodes[i].name;
  }
  return from + "." + l.sourceBox + " \u2192 " + to + "." + l.sinkBox;
}

function headerPath(c: Card): string {
  const r = 6;
  return (
    "M" + n(c.x) + "," + n(c.y + HEADER) + " V" + n(c.y + r) + " Q" + n(c.x) + "," + n(c.y) + " " + n(c.x + r) + "," + n(c.y) +
    " H" + n(c.x + c.w - r) + " Q" + n(c.x + c.w) + "," + n(c.y) + " " + n(c.x + c.w) + "," + n(c.y + r) + " V" + n(c.y + HEADER) + " Z"
  );
}

function drawCard(c: Card, out: string[]): void {
  const node = c.node;
  const faded = node.state === "finished" || node.state === "inactive";
  const fill = c.container ? "#f4f5f7" : node.isComponent ? "#eef3fb" : "#fff8e1";
  const stroke = c.container ? "#7b8494" : node.isComponent ? "#3d5a8a" : "#b8941f";
  out.push('<g class="card"' + (faded ? ' opacity="0.5"' : "") + ">");
  out.push("<title>" + escapeXml(node.name + " (" + node.state + ")") + "</title>");
  out.push(
    '<rect x="' + n(c.x) + '" y="' + n(c.y) + '" width="' + n(c.w) + '" height="' + n(c.h) + '" rx="6" fill="' + fill +
      '" stroke="' + stroke + '" stroke-width="1.2"' + (c.container ? ' stroke-dasharray="5 3"' : "") + "/>",
  );
  out.push('<path d="' + headerPath(c) + '" fill="' + stroke + '"/>');
  out.push(
    '<text x="' + n(c.x + c.w / 2) + '" y="' + n(c.y + 16) + '" text-anchor="middle" fill="#ffffff" font-weight="bold"' +
      (node.isComponent ? "" : ' font-style="italic"') + ">" + escapeXml(shorten(node.name, MAX_NAME)) + "</text>",
  );
  drawPorts(c, node.inboxes, true, out);
  drawPorts(c, node.outboxes, false, out);
  out.push("</g>");
}

function drawPorts(c: Card, boxes: { name: string; description: string }[], inbox: boolean, out: string[]): void {
  const inset = c.container ? 18 : 8; // a parent's labels leave room for passthroughs along its edge
  for (let i = 0; i < boxes.length; i++) {
    const py = c.y + HEADER + 3 + i * ROW + ROW / 2;
    const px = inbox ? c.x : c.x + c.w;
    out.push("<g>");
    if (boxes[i].description !== "") out.push("<title>" + escapeXml(boxes[i].name + ": " + boxes[i].description) + "</title>");
    out.push('<circle cx="' + n(px) + '" cy="' + n(py) + '" r="3.5" fill="#ffffff" stroke="#3d5a8a" stroke-width="1.2"/>');
    out.push(
      '<text x="' + n(inbox ? px + inset : px - inset) + '" y="' + n(py + 4) + '" text-anchor="' + (inbox ? "start" : "end") +
        '" fill="#1f2933">' + escapeXml(shorten(boxes[i].name, MAX_NAME)) + "</text>",
    );
    out.push("</g>");
  }
}

/** The snapshot as a standalone SVG document. */
export function toSvg(snapshot: GraphSnapshot, options?: RenderOptions): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + svgElement(snapshot, options);
}

/** @internal The <svg> element alone, for embedding in HTML. */
export function svgElement(snapshot: GraphSnapshot, options?: RenderOptions): string {
  const title = (options && options.title) || "Kamaelia graph";
  const layout = layoutGraph(snapshot, MARGIN, MARGIN + TITLE_HEIGHT);
  let legendWidth = 0;
  for (let k = 0; k < LINK_STYLES.length; k++) legendWidth += legendStep(k);
  const width = Math.max(layout.width, (title.length + 30) * CHAR_WIDTH, legendWidth) + 2 * MARGIN;
  const height = MARGIN + TITLE_HEIGHT + layout.height + MARGIN + LEGEND_HEIGHT;
  const out: string[] = [];
  out.push(
    '<svg xmlns="http://www.w3.org/2000/svg" width="' + n(width) + '" height="' + n(height) + '" viewBox="0 0 ' + n(width) + " " +
      n(height) + '" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="' + FONT_SIZE + '">',
  );
  out.push("<title>" + escapeXml(title) + "</title>");
  out.push("<defs>");
  for (let k = 0; k < LINK_STYLES.length; k++) {
    out.push(
      '<marker id="kamaelia-arrow-' + k + '" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" ' +
        'orient="auto"><path d="M0,1 L9,5 L0,9 z" fill="' + LINK_STYLES[k][0] + '"/></marker>',
    );
  }
  out.push("</defs>");
  out.push('<rect x="0" y="0" width="' + n(width) + '" height="' + n(height) + '" fill="#ffffff"/>');
  const components = snapshot.nodes.length;
  out.push(
    '<text x="' + MARGIN + '" y="' + (MARGIN + 12) + '" font-size="15" font-weight="bold" fill="#1f2933">' + escapeXml(title) +
      '<tspan font-size="12" font-weight="normal" fill="#52606d"> \u2014 ' + components + (components === 1 ? " component, " : " components, ") +
      snapshot.links.length + (snapshot.links.length === 1 ? " linkage" : " linkages") + "</tspan></text>",
  );
  const cards = layout.cards;
  for (let i = 0; i < cards.length; i++) if (cards[i].container) drawCard(cards[i], out);
  for (let i = 0; i < snapshot.links.length; i++) {
    const l = snapshot.links[i];
    const from = layout.port(l.source, l.sourceBox, l.passthrough === 1);
    const to = layout.port(l.sink, l.sinkBox, l.passthrough !== 2);
    if (from === null || to === null) continue;
    const dx = Math.max(l.passthrough === 0 ? 28 : 14, Math.abs(to.x - from.x) / 2);
    // Passthroughs run along the inside of the parent's edge, below its own box labels, then turn in (1)
    // or out (2); ordinary linkages leave and arrive horizontally.
    const c1 = l.passthrough === 1 ? n(from.x + 8) + "," + n(to.y) : n(from.x + dx) + "," + n(from.y);
    const c2 = l.passthrough === 2 ? n(to.x - 8) + "," + n(from.y) : n(to.x - dx) + "," + n(to.y);
    const style = LINK_STYLES[l.passthrough] || LINK_STYLES[0];
    out.push(
      '<path d="M' + n(from.x) + "," + n(from.y) + " C" + c1 + " " + c2 + " " + n(to.x) + "," + n(to.y) +
        '" fill="none" stroke="' + style[0] + '" stroke-width="1.6"' +
        (style[1] ? ' stroke-dasharray="' + style[1] + '"' : "") + ' marker-end="url(#kamaelia-arrow-' + (LINK_STYLES[l.passthrough] ? l.passthrough : 0) +
        ')"><title>' + escapeXml(linkTitle(snapshot, l)) + "</title></path>",
    );
  }
  for (let i = 0; i < cards.length; i++) if (!cards[i].container) drawCard(cards[i], out);
  // Legend: one sample line per linkage kind.
  let lx = MARGIN;
  const ly = height - MARGIN - 4;
  for (let k = 0; k < LINK_STYLES.length; k++) {
    out.push(
      '<line x1="' + n(lx) + '" y1="' + n(ly - 4) + '" x2="' + n(lx + 28) + '" y2="' + n(ly - 4) + '" stroke="' + LINK_STYLES[k][0] +
        '" stroke-width="1.6"' + (LINK_STYLES[k][1] ? ' stroke-dasharray="' + LINK_STYLES[k][1] + '"' : "") + ' marker-end="url(#kamaelia-arrow-' + k + ')"/>',
    );
    out.push('<text x="' + n(lx + 36) + '" y="' + n(ly) + '" font-size="11" fill="#52606d">' + escapeXml(LINK_STYLES[k][2]) + "</text>");
    lx += legendStep(k);
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}
