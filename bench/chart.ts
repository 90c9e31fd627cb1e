/**
 * Chart: bench/results/chart.svg — horizontal bars on a log scale, one panel per scenario, Node rows first
 * and then each device engine's Kamaelia and hand-written rows. Written by hand as SVG text (no library).
 *
 * Example:
 *   writeFileSync(CHART, renderChart(nodeResults, deviceResults));
 *
 * Behaviour: each bar is the median; its label gives the value and the ratio to Kamaelia in the same panel
 * (the modern build on Node, Kamaelia on the same engine for devices). Kamaelia's bars are blue, the
 * hand-written limit grey, peers orange. Missing, failed or unavailable results are left out of the bars
 * and named under the panel.
 */
import { formatBytes, formatRate, formatRatio } from "./format";
import type { DeviceResults, NodeResults } from "./results";

interface Bar {
  label: string;
  value: number;
  /** Text after the bar: value, unit and ratio. */
  note: string;
  color: string;
}

interface Panel {
  title: string;
  bars: Bar[];
  missing: string[];
  /** Group separators: a thin line before these bar indexes. */
  breaks: number[];
}

const WIDTH = 980;
const LABEL_W = 220;
const BAR_W = 500;
const ROW_H = 20;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const COLORS = { kamaelia: "#1d4ed8", "kamaelia-es5": "#60a5fa", "hand-written": "#6b7280", peer: "#f59e0b" };

function colorFor(impl: string): string {
  return (COLORS as { [k: string]: string })[impl] || COLORS.peer;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function decadeLabel(exp: number): string {
  return formatRate(Math.pow(10, exp)).replace(/\.0+(?=[kMG]?$)/, "");
}

function renderPanel(panel: Panel, top: number): { svg: string; height: number } {
  const out: string[] = [];
  out.push(`<text x="12" y="${top + 16}" font-size="15" font-weight="bold">${escapeXml(panel.title)}</text>`);
  let y = top + 28;
  const values = panel.bars.map((b) => b.value).filter((v) => v > 0);
  if (values.length === 0) {
    out.push(`<text x="${LABEL_W}" y="${y + 14}" font-size="12" fill="#6b7280">no results</text>`);
    return { svg: out.join("\n"), height: 50 };
  }
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values) * 1.0001)));
  const x = (v: number): number => LABEL_W + ((Math.log10(v) - lo) / (hi - lo)) * BAR_W;
  const axisTop = y;
  const axisBottom = y + panel.bars.length * ROW_H + 4;
  for (let e = lo; e <= hi; e++) {
    const gx = x(Math.pow(10, e));
    out.push(`<line x1="${gx.toFixed(1)}" y1="${axisTop}" x2="${gx.toFixed(1)}" y2="${axisBottom}" stroke="#d1d5db" stroke-width="1"/>`);
    out.push(`<text x="${gx.toFixed(1)}" y="${axisBottom + 13}" font-size="11" fill="#4b5563" text-anchor="middle">${decadeLabel(e)}</text>`);
  }
  panel.bars.forEach((bar, i) => {
    const rowY = y + i * ROW_H;
    if (panel.breaks.indexOf(i) >= 0) out.push(`<line x1="12" y1="${rowY - 0.5}" x2="${WIDTH - 12}" y2="${rowY - 0.5}" stroke="#9ca3af" stroke-width="0.5"/>`);
    out.push(`<text x="${LABEL_W - 8}" y="${rowY + 14}" font-size="12" text-anchor="end">${escapeXml(bar.label)}</text>`);
    const w = Math.max(1, x(bar.value) - LABEL_W);
    out.push(`<rect x="${LABEL_W}" y="${rowY + 3}" width="${w.toFixed(1)}" height="${ROW_H - 6}" fill="${bar.color}"/>`);
    out.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${rowY + 14}" font-size="11.5" fill="#111827">${escapeXml(bar.note)}</text>`);
  });
  y = axisBottom + 18;
  if (panel.missing.length > 0) {
    out.push(`<text x="${LABEL_W}" y="${y + 10}" font-size="11" fill="#6b7280">${escapeXml("not shown: " + panel.missing.join("; "))}</text>`);
    y += 16;
  }
  return { svg: out.join("\n"), height: y - top + 10 };
}

function nodePanels(data: NodeResults): Panel[] {
  const specs = [
    { id: "linear", metric: "rate", unit: "msg/s", title: "Node · linear: 10 stages, messages/s" },
    { id: "fan", metric: "rate", unit: "msg/s", title: "Node · fan: 1 → 4 → 1, messages/s" },
    { id: "ring", metric: "rate", unit: "hops/s", title: "Node · ring of 1,000: hops/s" },
    { id: "framing", metric: "rate", unit: "frames/s", title: "Node · 5 KB framing: frames/s" },
    { id: "idle", metric: "bytes", unit: "B", title: "Node · bytes per idle component (shorter is better)" },
  ];
  const panels: Panel[] = [];
  for (const spec of specs) {
    const rows = data.results.filter((r) => r.scenario === spec.id);
    if (rows.length === 0) continue;
    const ref = rows.filter((r) => r.impl === "kamaelia" && r.status === "ok")[0];
    const refValue = ref && ref.metrics ? ref.metrics[spec.metric].median : 0;
    const panel: Panel = { title: spec.title, bars: [], missing: [], breaks: [] };
    for (const r of rows) {
      if (r.status !== "ok" || !r.metrics || !r.metrics[spec.metric]) {
        panel.missing.push(r.label + (r.status === "unavailable" ? " (not available yet)" : r.status === "failed" ? " (FAILED)" : ""));
        continue;
      }
      const v = r.metrics[spec.metric].median;
      const shown = spec.metric === "rate" ? formatRate(v) : formatBytes(v);
      const ratio = refValue > 0 ? "  (" + formatRatio(v / refValue) + ")" : "";
      panel.bars.push({ label: r.label, value: v, note: shown + " " + spec.unit + ratio, color: colorFor(r.impl) });
    }
    panels.push(panel);
  }
  return panels;
}

function devicePanels(data: DeviceResults): Panel[] {
  const specs = [
    { id: "linear", metric: "rate", unit: "msg/s", title: "Devices · linear: messages/s, Kamaelia and the engine's hand-written chain" },
    { id: "ring", metric: "rate", unit: "hops/s", title: "Devices · ring of 1,000: hops/s, Kamaelia and a hand-written ring" },
    { id: "idle", metric: "bytes", unit: "B", title: "Devices · bytes per idle component (shorter is better)" },
  ];
  const panels: Panel[] = [];
  for (const spec of specs) {
    const panel: Panel = { title: spec.title, bars: [], missing: [], breaks: [] };
    for (const engine of data.engines) {
      const rows = data.results.filter((r) => r.scenario === spec.id && r.engine === engine.id);
      const ref = rows.filter((r) => r.impl === "kamaelia" && r.status === "ok")[0];
      const refValue = ref && ref.metrics && ref.metrics[spec.metric] ? ref.metrics[spec.metric].median : 0;
      let first = true;
      for (const r of rows) {
        const name = engine.label + " " + r.impl;
        if (r.status !== "ok" || !r.metrics || !r.metrics[spec.metric]) {
          panel.missing.push(name + (r.status === "failed" ? " (FAILED)" : " (n/a)"));
          continue;
        }
        if (first && panel.bars.length > 0) panel.breaks.push(panel.bars.length);
        first = false;
        const v = r.metrics[spec.metric].median;
        const shown = spec.metric === "rate" ? formatRate(v) : formatBytes(v);
        const ratio = refValue > 0 ? "  (" + formatRatio(v / refValue) + ")" : "";
        panel.bars.push({ label: name, value: v, note: shown + " " + spec.unit + ratio, color: colorFor(r.impl) });
      }
    }
    panels.push(panel);
  }
  return panels;
}

/** The colour key, on its own line from `left`. */
function legend(left: number, y: number): string {
  const entries: [string, string][] = [
    ["kamaelia", COLORS.kamaelia],
    ["kamaelia ES5", COLORS["kamaelia-es5"]],
    ["hand-written", COLORS["hand-written"]],
    ["peer library", COLORS.peer],
  ];
  const widths = entries.map(([label]) => 26 + label.length * 6.8);
  let x = left;
  const out: string[] = [];
  entries.forEach(([label, color], i) => {
    out.push(`<rect x="${x.toFixed(1)}" y="${y - 9}" width="10" height="10" fill="${color}"/>`);
    out.push(`<text x="${(x + 14).toFixed(1)}" y="${y}" font-size="11.5" fill="#374151">${escapeXml(label)}</text>`);
    x += widths[i];
  });
  return out.join("\n");
}

export function renderChart(node: NodeResults | null, devices: DeviceResults | null): string {
  const panels = [...(node ? nodePanels(node) : []), ...(devices ? devicePanels(devices) : [])];
  const parts: string[] = [];
  let y = 64;
  for (const p of panels) {
    const r = renderPanel(p, y);
    parts.push(r.svg);
    y += r.height;
  }
  const title = "Kamaelia benchmarks: log scale; (n×) = this ÷ Kamaelia in the same panel";
  const sub = [node ? "Node " + node.machine.node + ", " + node.machine.date.slice(0, 10) : "", devices ? "devices " + devices.machine.date.slice(0, 10) : ""]
    .filter((s) => s)
    .join("; ");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y + 10}" viewBox="0 0 ${WIDTH} ${y + 10}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="17" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="12" y="38" font-size="11.5" fill="#4b5563">${escapeXml(sub + " — see bench/README.md for the machine and versions")}</text>`,
    legend(12, 56),
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}
