/**
 * toHtml: a snapshot as one self-contained HTML page — the SVG picture, then tables of the components
 * with their boxes, and of the linkages.
 *
 * Example:
 *   writeFileSync("graph.html", toHtml(snapshotGraph(scheduler), { title: "countdown" }));
 *
 * Behaviour:
 * - No external resources: the styles are inline, the picture is inline SVG (toSvg), and there are no
 *   scripts, so the file opens anywhere, offline, and can be attached to a bug report.
 * - The components table lists id, name, parent, state, and each box with its description and the
 *   messages waiting in it; the linkages table lists each linkage's ends, kind and the component that
 *   made it.
 * - The page is also well-formed XML (XHTML syntax: every element closed, every attribute quoted), and
 *   every name is escaped (escape.ts), so any XML tool can read it back.
 *
 * How it works inside: string building only; the picture comes from the same code as toSvg.
 */
import { escapeXml } from "./escape";
import type { GraphBox, GraphSnapshot } from "./graph-snapshot";
import { svgElement } from "./to-svg";
import type { RenderOptions } from "./to-svg";

const KINDS = ["outbox \u2192 inbox", "passthrough in (inbox \u2192 inbox)", "passthrough out (outbox \u2192 outbox)"];

const STYLE = [
  "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#1f2933;background:#ffffff}",
  "h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}p.meta{color:#52606d;margin:0 0 16px}",
  ".graph{overflow:auto;border:1px solid #d9e2ec;border-radius:6px;padding:8px;background:#ffffff}",
  "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left;vertical-align:top}",
  "th{background:#f0f4f8}code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12px}",
  "ul{margin:0;padding-left:16px}.desc{color:#52606d}.waiting{color:#c0670c}",
].join("\n");

function boxList(boxes: GraphBox[]): string {
  if (boxes.length === 0) return "\u2014";
  const items: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i];
    items.push(
      "<li><code>" + escapeXml(b.name) + "</code>" + (b.description !== "" ? ' <span class="desc">' + escapeXml(b.description) + "</span>" : "") +
        (b.waiting > 0 ? ' <span class="waiting">(' + b.waiting + " waiting)</span>" : "") + "</li>",
    );
  }
  return "<ul>" + items.join("") + "</ul>";
}

/** The snapshot as a standalone HTML page (also well-formed XML). */
export function toHtml(snapshot: GraphSnapshot, options?: RenderOptions): string {
  const title = (options && options.title) || "Kamaelia graph";
  const names: { [id: string]: string } = Object.create(null);
  for (let i = 0; i < snapshot.nodes.length; i++) names[snapshot.nodes[i].id] = snapshot.nodes[i].name;
  const nameOf = (id: number | null): string => (id === null ? "\u2014" : id in names ? names[id] : "#" + id);
  const out: string[] = [
    "<!DOCTYPE html>",
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
    "<head>",
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    "<title>" + escapeXml(title) + "</title>",
    "<style>" + STYLE + "</style>",
    "</head>",
    "<body>",
    "<h1>" + escapeXml(title) + "</h1>",
    '<p class="meta">' + snapshot.nodes.length + " components, " + snapshot.links.length + " linkages, at t = " +
      escapeXml(String(Math.round(snapshot.time))) + " ms on the scheduler's clock</p>",
    '<div class="graph">',
    svgElement(snapshot, options),
    "</div>",
    "<h2>Components</h2>",
    "<table>",
    "<thead><tr><th>id</th><th>name</th><th>parent</th><th>state</th><th>inboxes</th><th>outboxes</th></tr></thead>",
    "<tbody>",
  ];
  for (let i = 0; i < snapshot.nodes.length; i++) {
    const node = snapshot.nodes[i];
    out.push(
      "<tr><td>" + node.id + "</td><td><code>" + escapeXml(node.name) + "</code>" + (node.isComponent ? "" : " (microprocess)") +
        "</td><td><code>" + escapeXml(nameOf(node.parent)) + "</code></td><td>" + escapeXml(node.state) + "</td><td>" +
        boxList(node.inboxes) + "</td><td>" + boxList(node.outboxes) + "</td></tr>",
    );
  }
  out.push("</tbody>", "</table>", "<h2>Linkages</h2>");
  if (snapshot.links.length === 0) out.push("<p>None.</p>");
  else {
    out.push("<table>", "<thead><tr><th>from</th><th>to</th><th>kind</th><th>made by</th></tr></thead>", "<tbody>");
    for (let i = 0; i < snapshot.links.length; i++) {
      const l = snapshot.links[i];
      out.push(
        "<tr><td><code>" + escapeXml(nameOf(l.source) + "." + l.sourceBox) + "</code></td><td><code>" +
          escapeXml(nameOf(l.sink) + "." + l.sinkBox) + "</code></td><td>" + escapeXml(KINDS[l.passthrough] || String(l.passthrough)) +
          "</td><td><code>" + escapeXml(nameOf(l.owner)) + "</code></td></tr>",
      );
    }
    out.push("</tbody>", "</table>");
  }
  out.push("</body>", "</html>");
  return out.join("\n") + "\n";
}
