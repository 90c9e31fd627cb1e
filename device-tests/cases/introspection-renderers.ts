/**
 * Introspection renderers: toSvg, toDot and toHtml of one fixed snapshot give the same bytes on every engine
 * (layout, number formatting and escaping are deterministic), and names are escaped. The expected lengths
 * and hashes were computed on Node from the same snapshot; a difference on an engine is a real bug.
 */
DeviceTest.define("introspection renderers give the same bytes everywhere", (t) => {
  type Snapshot = ReturnType<typeof Kamaelia.snapshotGraph>;
  const box = (name: string, d: string) => ({ name: name, description: d, waiting: 0 });
  const snapshot: Snapshot = {
    time: 1234.5,
    nodes: [
      { id: 1, name: "Reader_1", parent: 4, isComponent: true, state: "paused", inboxes: [box("inbox", "in"), box("control", "c")], outboxes: [box("outbox", "o"), box("signal", "s")] },
      { id: 2, name: 'Upper <&> "2"', parent: 4, isComponent: true, state: "running", inboxes: [box("inbox", "in"), box("control", "c")], outboxes: [box("outbox", "o"), box("signal", "s")] },
      { id: 3, name: "Ticks_3", parent: null, isComponent: false, state: "paused", inboxes: [], outboxes: [] },
      { id: 4, name: "Pipeline_4", parent: null, isComponent: true, state: "paused", inboxes: [box("inbox", "in"), box("control", "c")], outboxes: [box("outbox", "o"), box("signal", "s"), box("caf\u00e9 \u0007", "")] },
    ],
    links: [
      { owner: 4, source: 1, sourceBox: "outbox", sink: 2, sinkBox: "inbox", passthrough: 0 },
      { owner: 4, source: 4, sourceBox: "inbox", sink: 1, sinkBox: "inbox", passthrough: 1 },
      { owner: 4, source: 2, sourceBox: "outbox", sink: 4, sinkBox: "outbox", passthrough: 2 },
    ],
  };
  // A simple string hash that needs nothing beyond ES5 arithmetic (no Math.imul on every engine).
  const hash = (text: string): number => {
    let h = 7;
    for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 2147483647;
    return h;
  };
  const svg = Kamaelia.toSvg(snapshot, { title: "fixture" });
  const dot = Kamaelia.toDot(snapshot, { title: "fixture" });
  const html = Kamaelia.toHtml(snapshot, { title: "fixture" });
  const text = Kamaelia.graphEventsText(Kamaelia.diffGraphs({ time: 0, nodes: [], links: [] }, snapshot));
  t.ok(svg.indexOf("Upper &lt;&amp;&gt; &quot;2&quot;") > 0, "SVG escapes names");
  t.ok(svg.indexOf("caf\u00e9 \\u0007") > 0, "SVG shows control characters");
  t.ok(dot.indexOf('tooltip="Upper <&> \\"2\\" (running)"') > 0, "DOT escapes strings");
  t.ok(html.indexOf("<td><code>Upper &lt;&amp;&gt; &quot;2&quot;</code></td>") > 0, "HTML escapes names");
  const EXPECTED = [6326, 991202169, 2674, 206090674, 9325, 1207017785, 1167, 2106489957]; // from Node
  t.deepEqual(
    [svg.length, hash(svg), dot.length, hash(dot), html.length, hash(html), text.length, hash(text)],
    EXPECTED,
    "lengths and hashes of SVG, DOT, HTML and text",
  );
});
