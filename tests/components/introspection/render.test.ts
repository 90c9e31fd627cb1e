import { expect } from "chai";
import { execFileSync, spawnSync } from "node:child_process";
import { Component, Microprocess, Pipeline, snapshotGraph, toDot, toHtml, toSvg } from "../../../src/index";
import type { GraphNode, GraphSnapshot, MainLoop } from "../../../src/index";
import { escapeDotString, escapeXml } from "../../../src/components/introspection/escape";
import { layoutGraph } from "../../../src/components/introspection/graph-layout";
import { testScheduler } from "../../helpers/test-scheduler";
import { xmlProblems } from "./xml-check";

class Idle extends Component {
  static override Name = "Idle";
  override *main(): MainLoop {
    for (;;) {
      this.pause();
      yield 1;
    }
  }
}

class Ticks extends Microprocess {
  static override Name = "Ticks";
  override *main(): MainLoop {
    for (;;) {
      this.pauseFor(1000);
      yield 1;
    }
  }
}

/** A live system: a pipeline nested in a pipeline, a lone microprocess. */
function liveSnapshot(): GraphSnapshot {
  const s = testScheduler();
  new Pipeline(new Idle(), new Pipeline(new Idle(), new Idle()), new Idle()).activate(s);
  new Ticks().activate(s);
  s.runSlice(50);
  const g = snapshotGraph(s);
  s.stop();
  return g;
}

const NASTY = [
  "</text><script>alert(1)</script>",
  "a\"b'c&d<e>",
  "line\nbreak\ttab\u0000nul\u0007bell",
  "lone \ud800 high and \udc00 low",
  "emoji \ud83d\ude00 pair",
  '}"; digraph evil { x',
  "\\N \\G backslash\\",
  "]]><!-- -->",
];

function box(name: string) {
  return { name: name, description: name, waiting: 0 };
}

/** A made-up snapshot whose every name is hostile to XML and DOT. */
function nastySnapshot(): GraphSnapshot {
  const nodes: GraphNode[] = NASTY.map((name, i) => ({
    id: i + 1,
    name: name,
    parent: i === 1 || i === 2 ? 1 : null,
    isComponent: i !== 7,
    state: i === 3 ? "finished" : "paused",
    inboxes: i === 7 ? [] : [box("inbox"), box(NASTY[(i + 1) % NASTY.length])],
    outboxes: i === 7 ? [] : [box("outbox"), box(NASTY[(i + 2) % NASTY.length])],
  }));
  return {
    time: 12.5,
    nodes: nodes,
    links: [
      { owner: 1, source: 1, sourceBox: NASTY[2], sink: 2, sinkBox: NASTY[3], passthrough: 1 },
      { owner: 1, source: 2, sourceBox: NASTY[4], sink: 3, sinkBox: NASTY[4], passthrough: 0 },
      { owner: 1, source: 3, sourceBox: NASTY[5], sink: 1, sinkBox: NASTY[3], passthrough: 2 },
      { owner: 5, source: 4, sourceBox: "outbox", sink: 5, sinkBox: "inbox", passthrough: 0 },
      { owner: 5, source: 5, sourceBox: NASTY[7], sink: 4, sinkBox: NASTY[5], passthrough: 0 },
    ],
  };
}

function haveDot(): boolean {
  return spawnSync("dot", ["-V"]).status === 0;
}

/** DOT text with every quoted string and HTML-like label emptied: what Graphviz reads as syntax. */
function dotSyntax(dot: string): string {
  let out = "";
  for (let i = 0; i < dot.length; i++) {
    const ch = dot[i];
    if (ch === '"') {
      // A DOT string: up to the next unescaped quote.
      for (i++; i < dot.length && dot[i] !== '"'; i++) if (dot[i] === "\\") i++;
      out += '""';
    } else if (ch === "<") {
      // An HTML-like string: up to the matching '>', counting nested brackets, as Graphviz's lexer does.
      let depth = 1;
      for (i++; i < dot.length && depth > 0; i++) depth += dot[i] === "<" ? 1 : dot[i] === ">" ? -1 : 0;
      i--;
      out += "<>";
    } else out += ch;
  }
  return out;
}

/** Structure of a DOT text: balanced braces outside strings and labels, and every edge end declared. */
function dotProblems(dot: string): string[] {
  const problems: string[] = [];
  const plain = dotSyntax(dot);
  let depth = 0;
  for (const ch of plain) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (depth < 0) problems.push("unbalanced }");
  }
  if (depth !== 0) problems.push("unbalanced braces: " + depth);
  const declared = new Set<string>();
  for (const m of plain.matchAll(/^\s*(n\d+(?:_in|_out)?) \[label=/gm)) declared.add(m[1]);
  for (const m of plain.matchAll(/^\s*(n\d+(?:_in|_out)?)(?::\w+)* -> (n\d+(?:_in|_out)?)(?::\w+)* \[/gm)) {
    if (!declared.has(m[1])) problems.push("edge from undeclared " + m[1]);
    if (!declared.has(m[2])) problems.push("edge to undeclared " + m[2]);
  }
  return problems;
}

describe("renderers", () => {
  describe("escaping", () => {
    it("escapeXml — markup, quotes and ampersands — become entities", () => {
      expect(escapeXml(`<a href="x">&'`)).to.equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    });

    it("escapeXml — controls, lone surrogates and non-characters — are shown as \\uXXXX; pairs pass", () => {
      expect(escapeXml("a\u0000b\u0007c\nd\te\u007f\u0085")).to.equal("a\\u0000b\\u0007c\\u000ad\\u0009e\\u007f\\u0085");
      expect(escapeXml("\ud800x\udc00\ud83d\ude00\uffff")).to.equal("\\ud800x\\udc00\ud83d\ude00\\uffff");
      expect(escapeXml("\ud83d")).to.equal("\\ud83d");
      expect(escapeXml("\ude00\ud83d")).to.equal("\\ude00\\ud83d");
    });

    it("escapeDotString — quotes, backslashes and line breaks — are escaped for a DOT string", () => {
      expect(escapeDotString('say "hi"\\n\n')).to.equal('say \\"hi\\"\\\\n\\\\u000a');
    });
  });

  describe("toSvg", () => {
    it("toSvg — a nested pipeline — is well-formed XML with a card per component and an arrow per linkage", () => {
      const g = liveSnapshot();
      const svg = toSvg(g, { title: "nested" });
      expect(xmlProblems(svg)).to.deep.equal([]);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).to.equal(true);
      expect(svg.match(/<g class="card"/g)).to.have.length(g.nodes.length);
      expect(svg.match(/marker-end="url\(#kamaelia-arrow-\d\)"><title>/g)).to.have.length(g.links.length);
      for (const n of g.nodes) expect(svg).to.contain(">" + n.name + "</text>");
      expect(svg.match(/stroke-dasharray="7 4" marker-end/g)).to.have.length(g.links.filter((l) => l.passthrough === 1).length + 1);
      expect(svg.match(/stroke-dasharray="2 3" marker-end/g)).to.have.length(g.links.filter((l) => l.passthrough === 2).length + 1);
      expect(toSvg(g, { title: "nested" })).to.equal(svg); // deterministic
    });

    it("toSvg — standalone — uses no scripts, links, images or external fonts", () => {
      const svg = toSvg(liveSnapshot());
      for (const bad of ["<script", "href", "<image", "<foreignObject", "@import", "url(http", "<style"]) expect(svg).to.not.contain(bad);
      expect(svg).to.contain("<title>Kamaelia graph</title>");
    });

    it("toSvg — hostile names — escapes every one and stays well-formed", () => {
      const svg = toSvg(nastySnapshot(), { title: NASTY[0] });
      expect(xmlProblems(svg)).to.deep.equal([]);
      expect(svg).to.not.contain("<script>");
      expect(svg).to.contain("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(svg).to.contain("a&quot;b&#39;c&amp;d&lt;e&gt;");
      expect(svg).to.contain("line\\u000abreak\\u0009tab\\u0000nul\\u0007bell");
      expect(svg).to.contain("emoji \ud83d\ude00 pair");
      expect(svg).to.contain("lone \\ud800 high and \\udc00 low");
    });
  });

  describe("layout", () => {
    it("layoutGraph — a nested pipeline — puts children inside parents, siblings apart, and flows left to right", () => {
      const g = liveSnapshot();
      const layout = layoutGraph(g, 0, 0);
      const card = (id: number) => layout.cards.filter((c) => c.node.id === id)[0];
      for (const c of layout.cards) {
        if (c.node.parent === null) continue;
        const p = card(c.node.parent);
        expect(c.x > p.x && c.y > p.y && c.x + c.w < p.x + p.w && c.y + c.h < p.y + p.h, c.node.name + " inside its parent").to.equal(true);
      }
      for (const a of layout.cards) {
        for (const b of layout.cards) {
          if (a === b || a.node.parent !== b.node.parent) continue;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, a.node.name + " and " + b.node.name + " do not overlap").to.equal(true);
        }
      }
      for (const l of g.links.filter((x) => x.passthrough === 0)) {
        expect(card(l.source).x, "a linkage runs left to right").to.be.lessThan(card(l.sink).x);
      }
      const first = g.links[0];
      expect(layout.port(first.source, first.sourceBox, false)).to.not.equal(null);
      expect(layout.port(first.source, "no such box", false)).to.equal(null);
      expect(layout.port(9999, "inbox", true)).to.equal(null);
    });

    it("layoutGraph — a loop of linkages — still places every component once", () => {
      const g = nastySnapshot();
      const layout = layoutGraph(g, 0, 0);
      expect(layout.cards.map((c) => c.node.id).sort()).to.deep.equal(g.nodes.map((n) => n.id).sort());
    });
  });

  describe("toHtml", () => {
    it("toHtml — a nested pipeline — is one well-formed page with the picture and a row per component and linkage", () => {
      const g = liveSnapshot();
      const html = toHtml(g, { title: "nested" });
      expect(xmlProblems(html)).to.deep.equal([]);
      expect(html.startsWith("<!DOCTYPE html>\n<html")).to.equal(true);
      expect(html.match(/<svg /g)).to.have.length(1);
      expect(html.match(/<tr><td>\d+<\/td>/g)).to.have.length(g.nodes.length);
      expect(html.match(/<tr><td><code>/g)).to.have.length(g.links.length);
      expect(html).to.contain("passthrough in (inbox \u2192 inbox)");
      expect(html).to.contain("(microprocess)");
      for (const bad of ["<script", "<link", "src=", "href=", "@import", "url(http", "url(//"]) expect(html).to.not.contain(bad);
    });

    it("toHtml — hostile names and no linkages — escapes them, stays well-formed, and says there are none", () => {
      const nasty = toHtml(nastySnapshot(), { title: NASTY[0] });
      expect(xmlProblems(nasty)).to.deep.equal([]);
      expect(nasty).to.not.contain("<script>");
      expect(nasty).to.contain("<title>&lt;/text&gt;&lt;script&gt;");
      const empty = toHtml({ time: 0, nodes: [], links: [] });
      expect(xmlProblems(empty)).to.deep.equal([]);
      expect(empty).to.contain("<p>None.</p>");
    });
  });

  describe("toDot", () => {
    it("toDot — a nested pipeline — has clusters for parents, ports for boxes and styled passthroughs", () => {
      const g = liveSnapshot();
      const dot = toDot(g, { title: "nested" });
      expect(dotProblems(dot)).to.deep.equal([]);
      const parents = g.nodes.filter((n) => g.nodes.some((c) => c.parent === n.id));
      expect(dot.match(/subgraph cluster_\d+ \{/g)).to.have.length(parents.length);
      expect(dot.match(/^  n\S+ -> n\S+ \[/gm)).to.have.length(g.links.length);
      expect(dot.match(/style="dashed"/g)).to.have.length(g.links.filter((l) => l.passthrough === 1).length);
      expect(dot.match(/style="dotted"/g)).to.have.length(g.links.filter((l) => l.passthrough === 2).length);
      expect(dot).to.match(/n\d+:o0:e -> n\d+:i0:w/);
      if (haveDot()) execFileSync("dot", ["-Tsvg"], { input: dot });
    });

    it("toDot — hostile names — keep them inside escaped labels and strings, and Graphviz accepts it", () => {
      const dot = toDot(nastySnapshot(), { title: NASTY[5] });
      expect(dotProblems(dot)).to.deep.equal([]);
      expect(dotSyntax(dot)).to.not.contain("evil");
      expect(dot).to.contain('tooltip="}\\"; digraph evil { x (paused)"');
      expect(dot).to.contain("&lt;/text&gt;&lt;script&gt;");
      if (haveDot()) {
        const svg = execFileSync("dot", ["-Tsvg"], { input: dot }).toString();
        expect(svg).to.contain("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
      }
    });
  });
});
