/**
 * layoutGraph: a simple, deterministic layered layout of a snapshot for toSvg — cards for components,
 * parents drawn around their children, and a port on a card's edge for each box.
 *
 * Example:
 *   const layout = layoutGraph(snapshot);
 *   layout.cards[0];                          // { node, x, y, w, h, rows, container }
 *   layout.port(3, "outbox", false);          // { x, y } on the right edge of component 3's card
 *
 * Behaviour:
 * - Siblings (children of one parent, or the top-level components) are placed in columns, left to right,
 *   by the longest chain of ordinary linkages (outbox → inbox) leading to them; a linkage to or from a
 *   descendant counts for the sibling it is inside. Loops are cut after as many steps as there are
 *   siblings. A component fed by no sibling sits just before the first one it feeds. Within a column,
 *   components follow the mean row of what feeds them, then their id.
 * - A card has a header with the name and one row per box pair: inboxes on the left edge, outboxes on the
 *   right. A parent's card has its own box rows, then its children laid out the same way inside it.
 * - Sizes come from the text: a monospace font of FONT_SIZE px is assumed (CHAR_WIDTH per character), and
 *   names longer than MAX_NAME characters are cut with an ellipsis (the full name stays in the tooltip).
 * - Same snapshot, same layout, on every engine: all orders are by id with complete tie-breaks, and no
 *   object's key order is ever used.
 *
 * How it works inside: sizes bottom-up (a parent's size needs its children's), positions top-down.
 */
import { showControls } from "./escape";
import type { GraphNode, GraphSnapshot } from "./graph-snapshot";

/** Font size in px of all text; monospace, so widths can be computed without a renderer. */
export const FONT_SIZE = 12;
/** Approximate advance of one monospace character at FONT_SIZE. */
export const CHAR_WIDTH = 7.3;
/** Height of a card's header (the name). */
export const HEADER = 24;
/** Height of one box row. */
export const ROW = 18;
/** Padding inside cards and around children. */
const PAD = 10;
/** Space between columns, where the linkages run. */
const GAP_X = 64;
/** Space between cards in a column. */
const GAP_Y = 22;
/** Space between a parent's sides and its children, where passthrough linkages turn. */
const INSET = 44;
/** Narrowest card. */
const MIN_WIDTH = 96;
/** Longest name shown in full; longer ones are cut. */
export const MAX_NAME = 40;

/** One placed card. */
export interface Card {
  node: GraphNode;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Box rows: the larger of the inbox and outbox counts. */
  rows: number;
  /** True when the card holds children. */
  container: boolean;
}

export interface Layout {
  width: number;
  height: number;
  /** Cards, parents before their children (the order to draw them in). */
  cards: Card[];
  /** Where a box's port is, or null if the snapshot has no such box. */
  port(id: number, box: string, inbox: boolean): { x: number; y: number } | null;
}

/** A name as drawn: controls shown as \uXXXX (escape.ts), then cut to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const shown = showControls(text);
  return shown.length <= max ? shown : shown.slice(0, max - 1) + "\u2026";
}

function textWidth(text: string, max: number): number {
  return shorten(text, max).length * CHAR_WIDTH;
}

function widest(boxes: { name: string }[]): number {
  let w = 0;
  for (let i = 0; i < boxes.length; i++) w = Math.max(w, textWidth(boxes[i].name, MAX_NAME));
  return w;
}

type Dict<T> = { [key: string]: T };

interface Group {
  w: number;
  h: number;
  /** Members in placing order, with positions relative to the group. */
  members: { id: number; x: number; y: number }[];
}

/** Lay out `snapshot` with its top-left content corner at (originX, originY). */
export function layoutGraph(snapshot: GraphSnapshot, originX: number, originY: number): Layout {
  const byId: Dict<GraphNode> = Object.create(null);
  const children: Dict<number[]> = Object.create(null);
  const roots: number[] = [];
  for (let i = 0; i < snapshot.nodes.length; i++) byId[snapshot.nodes[i].id] = snapshot.nodes[i];
  for (let i = 0; i < snapshot.nodes.length; i++) {
    const n = snapshot.nodes[i];
    if (n.parent !== null && n.parent in byId && n.parent !== n.id) (children[n.parent] || (children[n.parent] = [])).push(n.id);
    else roots.push(n.id);
  }

  const size: Dict<{ w: number; h: number; rows: number; group: Group | null }> = Object.create(null);

  function measure(id: number, depth: number): { w: number; h: number } {
    const n = byId[id];
    const rows = Math.max(n.inboxes.length, n.outboxes.length);
    let w = Math.max(MIN_WIDTH, textWidth(n.name, MAX_NAME) + 2 * PAD, widest(n.inboxes) + widest(n.outboxes) + 2 * PAD + 24);
    let h = HEADER + rows * ROW + (rows > 0 ? 6 : 0);
    let group: Group | null = null;
    // depth guards against a parent cycle, which a well-formed snapshot never has.
    if (children[id] && depth < 64) {
      group = placeGroup(children[id], depth + 1);
      w = Math.max(w, group.w + 2 * INSET);
      h += PAD + group.h + PAD;
    }
    size[id] = { w: w, h: h, rows: rows, group: group };
    return size[id];
  }

  function placeGroup(ids: number[], depth: number): Group {
    const count = ids.length;
    const member: Dict<number> = Object.create(null); // any node id inside the group → member index
    const mark = (id: number, index: number, d: number): void => {
      member[id] = index;
      const kids = children[id];
      if (kids && d < 64) for (let k = 0; k < kids.length; k++) mark(kids[k], index, d + 1);
    };
    for (let i = 0; i < count; i++) {
      measure(ids[i], depth);
      mark(ids[i], i, 0);
    }
    const edges: number[][] = [];
    for (let i = 0; i < snapshot.links.length; i++) {
      const l = snapshot.links[i];
      if (l.passthrough !== 0 || !(l.source in member) || !(l.sink in member)) continue;
      if (member[l.source] !== member[l.sink]) edges.push([member[l.source], member[l.sink]]);
    }
    // Longest path, cut after `count` rounds so a loop cannot run away.
    const layer: number[] = [];
    for (let i = 0; i < count; i++) layer.push(0);
    for (let round = 0; round < count; round++) {
      let changed = false;
      for (let e = 0; e < edges.length; e++) {
        const next = layer[edges[e][0]] + 1;
        if (next > layer[edges[e][1]] && next < count) {
          layer[edges[e][1]] = next;
          changed = true;
        }
      }
      if (!changed) break;
    }
    // A source (fed by no sibling) moves right to just before the first sibling it feeds, so its linkages
    // stay short instead of running under the cards of the columns in between.
    for (let i = 0; i < count; i++) {
      let fed = false;
      let first = count;
      for (let e = 0; e < edges.length; e++) {
        if (edges[e][1] === i) fed = true;
        if (edges[e][0] === i) first = Math.min(first, layer[edges[e][1]]);
      }
      if (!fed && first < count) layer[i] = Math.max(layer[i], first - 1);
    }
    // Columns in layer order, with empty layers dropped.
    const columns: number[][] = [];
    for (let l = 0; l < count; l++) {
      const column: number[] = [];
      for (let i = 0; i < count; i++) if (layer[i] === l) column.push(i);
      if (column.length > 0) columns.push(column);
    }
    // Order each column by the mean row of its feeders in earlier columns, then by id.
    const rowOf: number[] = [];
    for (let c = 0; c < columns.length; c++) {
      const key: number[] = [];
      for (let k = 0; k < columns[c].length; k++) {
        const m = columns[c][k];
        let sum = 0;
        let fed = 0;
        for (let e = 0; e < edges.length; e++) {
          if (edges[e][1] === m && rowOf[edges[e][0]] !== undefined) {
            sum += rowOf[edges[e][0]];
            fed++;
          }
        }
        key[m] = fed > 0 ? sum / fed : count + m;
      }
      columns[c].sort((a, b) => (key[a] !== key[b] ? key[a] - key[b] : ids[a] - ids[b]));
      for (let k = 0; k < columns[c].length; k++) rowOf[columns[c][k]] = k;
    }
    // Positions: columns side by side, each centred vertically.
    const heights: number[] = [];
    let tallest = 0;
    for (let c = 0; c < columns.length; c++) {
      let h = 0;
      for (let k = 0; k < columns[c].length; k++) h += size[ids[columns[c][k]]].h + (k > 0 ? GAP_Y : 0);
      heights.push(h);
      tallest = Math.max(tallest, h);
    }
    const members: { id: number; x: number; y: number }[] = [];
    let x = 0;
    for (let c = 0; c < columns.length; c++) {
      let colWidth = 0;
      for (let k = 0; k < columns[c].length; k++) colWidth = Math.max(colWidth, size[ids[columns[c][k]]].w);
      let y = (tallest - heights[c]) / 2;
      for (let k = 0; k < columns[c].length; k++) {
        const id = ids[columns[c][k]];
        members.push({ id: id, x: x + (colWidth - size[id].w) / 2, y: y });
        y += size[id].h + GAP_Y;
      }
      x += colWidth + (c < columns.length - 1 ? GAP_X : 0);
    }
    return { w: x, h: tallest, members: members };
  }

  const cards: Card[] = [];
  const cardOf: Dict<Card> = Object.create(null);
  function place(group: Group, ox: number, oy: number): void {
    for (let i = 0; i < group.members.length; i++) {
      const m = group.members[i];
      const s = size[m.id];
      const card: Card = { node: byId[m.id], x: ox + m.x, y: oy + m.y, w: s.w, h: s.h, rows: s.rows, container: s.group !== null };
      cards.push(card);
      cardOf[m.id] = card;
      if (s.group !== null) place(s.group, card.x + (s.w - s.group.w) / 2, card.y + HEADER + s.rows * ROW + (s.rows > 0 ? 6 : 0) + PAD);
    }
  }
  const top = placeGroup(roots, 0);
  place(top, originX, originY);

  return {
    width: top.w,
    height: top.h,
    cards: cards,
    port: (id: number, box: string, inbox: boolean) => {
      const card = id in cardOf ? cardOf[id] : undefined;
      if (card === undefined) return null;
      const boxes = inbox ? card.node.inboxes : card.node.outboxes;
      for (let i = 0; i < boxes.length; i++) {
        if (boxes[i].name === box) return { x: inbox ? card.x : card.x + card.w, y: card.y + HEADER + i * ROW + ROW / 2 + 3 };
      }
      return null;
    },
  };
}
