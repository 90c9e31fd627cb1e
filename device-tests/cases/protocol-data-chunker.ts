/**
 * Sync-marked chunks (DataChunker, DataDeChunker): the exact chunk string with Kamaelia's "%xx" escaping,
 * reassembly of the stream cut at every point, the final chunk flushed at shutdown, and a chunk over the
 * limit ending the de-chunker with producerFinished(this, error). Strings only, so this runs on mujs too.
 */
DeviceTest.define("sync-marked chunks (DataChunker, DataDeChunker)", (t) => {
  const K = Kamaelia;
  const scheduler = new K.Scheduler({ host: t.virtualHost() });
  const SYNC = "XXXXXXXXXXXXXXXXXXXXXXXX";
  const chunker = new K.DataChunker();
  t.equal(chunker.encodeChunk("50% of X"), SYNC + "50%25 of %58", "the wire format");
  const messages = ["first", "50% of X", "", "last"];
  let stream = "";
  for (let i = 0; i < messages.length; i++) stream += chunker.encodeChunk(messages[i]);

  function dechunk(pieces: string[], options?: { maxFrameSize?: number }): { out: string[]; signal: unknown[] } {
    const handle = new K.Handle(new K.DataDeChunker(options), scheduler);
    for (let i = 0; i < pieces.length; i++) handle.put(pieces[i]);
    handle.put(K.producerFinished(), "control");
    const out: string[] = [];
    for (let m = handle.get(); m !== undefined; m = handle.get()) out.push(m);
    const signal: unknown[] = [];
    for (let m = handle.get("signal"); m !== undefined; m = handle.get("signal")) signal.push(m);
    handle.close();
    return { out, signal };
  }

  for (let cut = 0; cut <= stream.length; cut++) {
    t.deepEqual(dechunk([stream.slice(0, cut), stream.slice(cut)]).out, messages, "cut at " + cut + " (last chunk flushed at shutdown)");
  }
  const bad = dechunk([SYNC + "ok" + SYNC + "abcdefg" + SYNC], { maxFrameSize: 6 });
  t.deepEqual(bad.out, ["ok"], "chunks before the bad one");
  const finish = bad.signal[0] as { message: unknown };
  t.ok(finish instanceof K.ProducerFinished, "producerFinished on signal");
  t.ok(finish.message instanceof K.FrameTooLarge, "carrying the FrameTooLarge");
  t.equal((finish.message as Error).message, "frame too large at character offset 50: it has grown to 7, over the limit of 6 (maxFrameSize)", "the message");
  t.equal(scheduler.listAllThreads().length, 0, "everything ended");
  t.equal(K.liveLinkageCount(), 0, "no linkage left");
});
