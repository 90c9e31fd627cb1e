/**
 * Report: turns bench/results/node.json and devices.json into the tables of bench/README.md and into
 * bench/results/chart.svg, and the headline block of the main README.md. The suites call it after a run; run it alone to refresh the README from the
 * saved results: `node --import tsx bench/report.ts`.
 *
 * Behaviour: each generated block sits between `<!-- BEGIN name -->` and `<!-- END name -->` markers in
 * the README and is replaced whole; everything outside the markers is hand-written and left alone. Ratios
 * are always this ÷ Kamaelia (the modern build on Node; Kamaelia on the same engine for devices).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { renderChart } from "./chart";
import { formatBytes, formatMs, formatRate, formatRatio, formatSpread } from "./format";
import { root } from "./kamaelia-builds";
import { CHART, DEVICE_RESULTS, NODE_RESULTS, readJson } from "./results";
import type { DeviceResult, DeviceResults, NodeResult, NodeResults } from "./results";
import type { Summary } from "./stats";

const README = join(root, "bench", "README.md");
/** The project's README, whose "Performance" section holds the headline block. */
const MAIN_README = join(root, "README.md");

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => "| " + cells.join(" | ") + " |";
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function median(r: { status: string; metrics?: { [name: string]: Summary } } | undefined, metric: string): number | undefined {
  return r && r.status === "ok" && r.metrics && r.metrics[metric] ? r.metrics[metric].median : undefined;
}

function nodeRow(data: NodeResults, scenario: string, impl: string): NodeResult | undefined {
  return data.results.filter((r) => r.scenario === scenario && r.impl === impl)[0];
}

function deviceRow(data: DeviceResults, engine: string, scenario: string, impl: string): DeviceResult | undefined {
  return data.results.filter((r) => r.engine === engine && r.scenario === scenario && r.impl === impl)[0];
}

function cell(r: NodeResult | DeviceResult | undefined, metric: string, ref: number | undefined, withRatio = true): string {
  if (!r) return "";
  if (r.status === "unavailable") return "not available yet";
  if (r.status === "failed") return "**FAILED**";
  const s = r.metrics && r.metrics[metric];
  if (!s) return "n/a";
  const shown = metric === "rate" ? formatRate(s.median) : formatBytes(s.median);
  const ratio = withRatio && ref ? " (" + formatRatio(s.median / ref) + ")" : "";
  return shown + " " + formatSpread(s.spread) + ratio;
}

const NODE_COLUMNS = [
  { id: "linear", metric: "rate", head: "linear, msg/s" },
  { id: "fan", metric: "rate", head: "fan, msg/s" },
  { id: "ring", metric: "rate", head: "ring, hops/s" },
  { id: "idle", metric: "bytes", head: "idle, B/component" },
  { id: "framing", metric: "rate", head: "framing, frames/s" },
];

function nodeTables(data: NodeResults): string {
  const impls: { id: string; label: string }[] = [];
  for (const r of data.results) if (!impls.some((i) => i.id === r.impl)) impls.push({ id: r.impl, label: r.label });
  const refs: { [scenario: string]: number | undefined } = {};
  for (const c of NODE_COLUMNS) refs[c.id] = median(nodeRow(data, c.id, "kamaelia"), c.metric);
  const main = table(
    ["implementation", ...NODE_COLUMNS.map((c) => c.head)],
    impls.map((i) => [i.label, ...NODE_COLUMNS.map((c) => cell(nodeRow(data, c.id, i.id), c.metric, refs[c.id]))]),
  );
  const rss = table(
    ["implementation", ...NODE_COLUMNS.map((c) => c.id)],
    impls.map((i) => [
      i.label,
      ...NODE_COLUMNS.map((c) => {
        const r = nodeRow(data, c.id, i.id);
        return r && r.status === "ok" && r.maxRssBytes ? Math.round(r.maxRssBytes / 1048576) + " MB" : "";
      }),
    ]),
  );
  const phaseRows: string[][] = [];
  for (const i of impls) {
    const r = nodeRow(data, "idle", i.id);
    if (!r || r.status !== "ok" || !r.metrics) continue;
    const m = r.metrics;
    const ms = (name: string): string => (m[name] ? formatMs(m[name].median) : "");
    phaseRows.push([i.label, cell(r, "bytes", undefined, false), ms("createMs"), ms("startMs"), ms("shutdownMs")]);
  }
  const phases = table(["implementation", "bytes per component", "create 10,000", "activate + run until all paused", "shut down all"], phaseRows);
  return [
    "Median of " + data.repetitions * (data.rounds || 1) + " runs (" + (data.rounds || 1) + " interleaved round(s) of " + data.repetitions +
      ", each after " + data.warmups + " warm-up), each pair in its own process; ±x% is half the range " +
      "(max − min) over the median; **(n×) = this ÷ kamaelia** (the modern build): above 1× is faster than Kamaelia for rates, " +
      "and more memory than Kamaelia for bytes.",
    "",
    main,
    "",
    "Idle components, by phase (medians):",
    "",
    phases,
    "",
    "Peak RSS of each measuring process (warm-up and all repetitions included; a bare Node process with tsx is about 75 MB):",
    "",
    rss,
  ].join("\n");
}

function deviceTables(data: DeviceResults): string {
  const rows: string[][] = [];
  const timeRows: string[][] = [];
  for (const e of data.engines) {
    if (e.unavailable) {
      rows.push([e.label, "skipped: " + e.unavailable, "", "", "", "", "", "", ""]);
      continue;
    }
    const k = (s: string): DeviceResult | undefined => deviceRow(data, e.id, s, "kamaelia");
    const h = (s: string): DeviceResult | undefined => deviceRow(data, e.id, s, "hand-written");
    const ratio = (s: string, metric: string): string => {
      const kv = median(k(s), metric);
      const hv = median(h(s), metric);
      return kv && hv ? formatRatio(hv / kv) : "";
    };
    rows.push([
      e.label,
      cell(k("linear"), "rate", undefined),
      cell(h("linear"), "rate", undefined),
      ratio("linear", "rate"),
      cell(k("ring"), "rate", undefined),
      cell(h("ring"), "rate", undefined),
      ratio("ring", "rate"),
      cell(k("idle"), "bytes", undefined),
      cell(h("idle"), "bytes", undefined),
    ]);
    const ki = k("idle");
    if (ki && ki.status === "ok" && ki.metrics) {
      const m = ki.metrics;
      timeRows.push([e.label, formatMs(m.createMs.median), formatMs(m.startMs.median), formatMs(m.shutdownMs.median)]);
    }
  }
  const sizes: string[] = [];
  for (const e of data.engines) {
    const l = deviceRow(data, e.id, "linear", "kamaelia");
    const r = deviceRow(data, e.id, "ring", "kamaelia");
    if (l && r && l.work && r.work) sizes.push(e.label + " " + l.work.toLocaleString("en-US") + " messages / " + r.work.toLocaleString("en-US") + " hops");
  }
  return [
    "Bundle: `" + data.bundle.file + "` (" + data.bundle.bytes.toLocaleString("en-US") + " bytes, " + data.bundle.gzipBytes.toLocaleString("en-US") +
      " gzipped). Median of " + data.repetitions + " runs after " + data.warmups + " warm-up, timed inside the guest; ±x% is half the range over the median. " +
      "**hand ÷ kamaelia** is how many times faster the hand-written baseline is (the issue's target: at most 10× on QuickJS linear).",
    "",
    table(
      ["engine", "linear: kamaelia", "linear: hand-written", "hand ÷ kamaelia", "ring: kamaelia", "ring: hand-written", "hand ÷ kamaelia", "idle B/component: kamaelia", "idle: plain object"],
      rows,
    ),
    "",
    "Kamaelia trial sizes (the hand-written baselines do 10× as much, so they run long enough to time): " + sizes.join("; ") + ". Idle: 10,000 components on every engine, each repetition in a fresh engine.",
    "",
    "Idle components on each engine, by phase (medians, 10,000 components):",
    "",
    table(["engine", "create", "activate + run until all paused", "shut down all"], timeRows),
  ].join("\n");
}

interface Target {
  what: string;
  now: string;
  goal: string;
  status: string;
}

function speedTarget(what: string, mine: number | undefined, theirs: number | undefined, factor: number, vs: string): Target {
  if (mine === undefined || theirs === undefined) return { what, now: "not measured", goal: "", status: "—" };
  const ratio = mine / theirs;
  const goal = factor === 1 ? "≥ 1× " + vs : "≥ " + factor + "× " + vs;
  const met = ratio >= factor;
  return {
    what,
    now: formatRatio(ratio) + " " + vs,
    goal,
    status: met ? "**met**" : "missed: needs " + formatRatio(factor / ratio) + " faster",
  };
}

function bytesTarget(what: string, bytes: number | undefined, limit: number): Target {
  if (bytes === undefined) return { what, now: "not measured", goal: "≤ " + limit + " B", status: "—" };
  return {
    what,
    now: formatBytes(bytes) + " B",
    goal: "≤ " + limit + " B",
    status: bytes <= limit ? "**met**" : "missed by " + formatBytes(bytes - limit) + " B (" + formatRatio(bytes / limit) + " the budget)",
  };
}

function targetsTable(node: NodeResults | null, devices: DeviceResults | null): string {
  const targets: Target[] = [];
  const nk = (s: string, m: string): number | undefined => (node ? median(nodeRow(node, s, "kamaelia"), m) : undefined);
  const np = (s: string, impl: string): number | undefined => (node ? median(nodeRow(node, s, impl), "rate") : undefined);
  targets.push(speedTarget("linear on Node: at least as fast as RxJS", nk("linear", "rate"), np("linear", "rxjs"), 1, "RxJS"));
  targets.push(speedTarget("linear on Node: at least 10× Node streams", nk("linear", "rate"), np("linear", "node-streams"), 10, "Node streams"));
  targets.push(speedTarget("linear on Node: at least 100× js-csp", nk("linear", "rate"), np("linear", "js-csp"), 100, "js-csp"));
  const qk = devices ? median(deviceRow(devices, "quickjs", "linear", "kamaelia"), "rate") : undefined;
  const qh = devices ? median(deviceRow(devices, "quickjs", "linear", "hand-written"), "rate") : undefined;
  targets.push(speedTarget("linear on QuickJS: within 1/10 of the hand-written chain", qk, qh, 0.1, "hand-written"));
  const qb = devices ? median(deviceRow(devices, "quickjs", "idle", "kamaelia"), "bytes") : undefined;
  targets.push(bytesTarget("idle component on QuickJS: at most 600 bytes", qb, 600));
  targets.push(bytesTarget("idle component on Node: at most 600 bytes", nk("idle", "bytes"), 600));
  // The device suite always measures the kernel bundle itself, so its record wins when both exist.
  const bundle = (devices && devices.bundle) || (node && node.coreBundle) || null;
  if (bundle) {
    const limit = 8192;
    targets.push({
      what: "core bundle `" + bundle.file + "`: at most 8 KiB gzipped",
      now: bundle.gzipBytes.toLocaleString("en-US") + " B gzipped",
      goal: "≤ 8,192 B",
      status: bundle.gzipBytes <= limit ? "**met** (" + (limit - bundle.gzipBytes).toLocaleString("en-US") + " B to spare)" : "missed by " + (bundle.gzipBytes - limit) + " B",
    });
  }
  return table(
    ["target (issue 4)", "now", "goal", "status"],
    targets.map((t) => [t.what, t.now, t.goal, t.status]),
  );
}

function machineBlock(node: NodeResults | null, devices: DeviceResults | null): string {
  const lines: string[] = [];
  const m = (node || devices)?.machine;
  if (m) {
    lines.push("- Machine: " + m.cpu + ", " + m.cores + " cores, " + m.memoryGiB + " GiB; Node " + m.node + ".");
  }
  if (node) {
    const n = node.machine;
    lines.push(
      "- Node suite: " + n.date.replace("T", " ").slice(0, 16) + " UTC, kernel at " + n.commit + "; load average " + n.loadBefore.toFixed(2) +
        " before and " + (n.loadAfter ?? 0).toFixed(2) + " after (2 cores: anything near or above 1 means other work shared the machine).",
    );
    lines.push("- Peers: " + Object.keys(node.versions).map((k) => k + " " + node.versions[k]).join(", ") + "; Node streams and generators from Node " + n.node + ".");
  }
  if (devices) {
    const d = devices.machine;
    lines.push(
      "- Device suite: " + d.date.replace("T", " ").slice(0, 16) + " UTC, kernel at " + d.commit + "; load average " + d.loadBefore.toFixed(2) + " before and " +
        (d.loadAfter ?? 0).toFixed(2) + " after.",
    );
    lines.push("- Engines: " + devices.engines.map((e) => e.label + " " + (e.unavailable ? "(not installed)" : e.version)).join("; ") + ".");
  }
  return lines.join("\n");
}

/** The headline for the main README: linear and fan against every peer, then the targets. */
function headline(node: NodeResults | null, devices: DeviceResults | null): string {
  if (!node) return "Not run yet: `npm run bench`.";
  const columns = NODE_COLUMNS.filter((c) => c.id === "linear" || c.id === "fan");
  const impls: { id: string; label: string }[] = [];
  for (const r of node.results) if (!impls.some((i) => i.id === r.impl)) impls.push({ id: r.impl, label: r.label });
  const refs: { [scenario: string]: number | undefined } = {};
  for (const c of columns) refs[c.id] = median(nodeRow(node, c.id, "kamaelia"), c.metric);
  const peers = table(
    ["implementation", ...columns.map((c) => c.head)],
    impls.filter((i) => columns.some((c) => nodeRow(node, c.id, i.id))).map((i) => [i.label, ...columns.map((c) => cell(nodeRow(node, c.id, i.id), c.metric, refs[c.id]))]),
  );
  return peers + "\n\n" + targetsTable(node, devices);
}

function replaceBlock(text: string, name: string, content: string, file = "bench/README.md"): string {
  const begin = "<!-- BEGIN " + name + " -->";
  const end = "<!-- END " + name + " -->";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(file + " has no " + begin + " ... " + end + " block");
  return text.slice(0, a + begin.length) + "\n" + content + "\n" + text.slice(b);
}

/** Rewrite the README's generated blocks and the chart from the saved results. */
export function writeReport(): void {
  const node = readJson<NodeResults>(NODE_RESULTS);
  const devices = readJson<DeviceResults>(DEVICE_RESULTS);
  writeFileSync(CHART, renderChart(node, devices));
  let text = readFileSync(README, "utf8");
  text = replaceBlock(text, "machine", machineBlock(node, devices));
  text = replaceBlock(text, "targets", targetsTable(node, devices));
  text = replaceBlock(text, "node-results", node ? nodeTables(node) : "Not run yet: `npm run bench`.");
  text = replaceBlock(text, "device-results", devices ? deviceTables(devices) : "Not run yet: `npm run bench:devices`.");
  writeFileSync(README, text);
  const main = readFileSync(MAIN_README, "utf8");
  writeFileSync(MAIN_README, replaceBlock(main, "bench-headline", headline(node, devices), "README.md"));
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  writeReport();
  console.log("refreshed bench/README.md and bench/results/chart.svg from bench/results/*.json");
}
