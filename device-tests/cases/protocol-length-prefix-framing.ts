/**
 * Length-prefixed byte frames "<byte count>\n<bytes>" (LengthPrefixFramer, LengthPrefixDeFramer) on
 * Uint8Array: the exact bytes, reassembly from a stream cut at every point, and a bad header ending the
 * de-framer with producerFinished(this, error) while the rest of the pipeline ends cleanly. Needs typed
 * arrays, so it is skipped on mujs (skip-list.ts).
 */
DeviceTest.define("length-prefixed byte frames (LengthPrefixFramer, LengthPrefixDeFramer)", (t) => {
  const K = Kamaelia;
  const scheduler = new K.Scheduler({ host: t.virtualHost() });
  function bytes(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  function text(data: Uint8Array): string {
    let out = "";
    for (let i = 0; i < data.length; i++) out += String.fromCharCode(data[i]);
    return out;
  }
  function run(component: AnyComponent, inputs: unknown[]): { out: unknown[]; signal: unknown[] } {
    const handle = new K.Handle(component, scheduler);
    for (let i = 0; i < inputs.length; i++) handle.put(inputs[i] as never);
    handle.put(K.producerFinished() as never, "control" as never);
    const out: unknown[] = [];
    for (let m = handle.get(); m !== undefined; m = handle.get()) out.push(m);
    const signal: unknown[] = [];
    for (let m = handle.get("signal" as never); m !== undefined; m = handle.get("signal" as never)) signal.push(m);
    handle.close();
    return { out, signal };
  }

  const framed = run(new K.LengthPrefixFramer(), [bytes("\xff\xd8\xff"), new Uint8Array(0), bytes("0123456789\n")]).out as Uint8Array[];
  const stream = text(framed[0]) + text(framed[1]) + text(framed[2]);
  t.equal(stream, "3\n\xff\xd8\xff0\n11\n0123456789\n", "the wire format");
  for (let cut = 0; cut <= stream.length; cut++) {
    const got = run(new K.LengthPrefixDeFramer(), [bytes(stream.slice(0, cut)), bytes(stream.slice(cut))]).out as Uint8Array[];
    const texts: string[] = [];
    for (let i = 0; i < got.length; i++) texts.push(text(got[i]));
    t.deepEqual(texts, ["\xff\xd8\xff", "", "0123456789\n"], "cut at " + cut);
  }

  // A bad header mid-stream: frames before it arrive, the de-framer ends with the error, the rest ends.
  class Source extends K.Component {
    static override Name = "Source";
    override *main(): MainLoop {
      const chunks = ["2\nok", "x-3\nbad", "1\nz"];
      for (let i = 0; i < chunks.length; i++) {
        this.send(bytes(chunks[i]));
        yield 1;
      }
      this.send(K.producerFinished(this), "signal");
    }
  }
  class Sink extends K.Component {
    static override Name = "Sink";
    items: string[] = [];
    finish: unknown = null;
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.items.push(text(this.recv()));
        while (this.dataReady("control")) {
          const m = this.recv("control");
          if (K.isShutdownMessage(m)) {
            this.finish = m;
            return;
          }
        }
        this.pause();
        yield 1;
      }
    }
  }
  const sink = new Sink();
  const deframer = new K.LengthPrefixDeFramer();
  new K.Pipeline(new Source(), deframer, sink).run(scheduler);
  t.deepEqual(sink.items, ["ok"], "the frame before the bad header");
  const finish = sink.finish as { caller: unknown; message: { offset: number; message: string } };
  t.ok(finish instanceof K.ProducerFinished, "producerFinished reached the sink");
  t.equal(finish.caller, deframer, "from the de-framer");
  t.ok(finish.message instanceof K.CorruptFrame, "carrying a CorruptFrame");
  t.equal(finish.message.message, "corrupt frame at byte offset 4: header 'x' has byte 0x78 at byte offset 4, which is not a decimal digit", "the message");
  t.ok(!deframer.crashed, "no crash");
  t.equal(scheduler.listAllThreads().length, 0, "everything ended");
  t.equal(K.liveLinkageCount(), 0, "no linkage left");
});
