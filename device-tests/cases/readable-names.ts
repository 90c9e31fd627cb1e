/**
 * Readable names: every component's name comes from its class's static Name plus an id — also on engines
 * without Function.prototype.name (mujs) and in minified bundles — and a Pipeline reads like its graph.
 */
DeviceTest.define("readable names", (t) => {
  class FrameReader extends Kamaelia.Component {
    static override Name = "FrameReader";
  }
  class Framer extends Kamaelia.Component {
    static override Name = "Framer";
  }
  const reader = new FrameReader();
  const framer = new Framer();
  t.ok(/^FrameReader_\d+$/.test(reader.name), "FrameReader name: " + reader.name);
  const pipeline = new Kamaelia.Pipeline(reader, framer);
  t.ok(/^Pipeline_\d+\(FrameReader_\d+ -> Framer_\d+\)$/.test(String(pipeline)), "pipeline reads as " + String(pipeline));
  reader.stop();
  framer.stop();
  pipeline.stop();
});
