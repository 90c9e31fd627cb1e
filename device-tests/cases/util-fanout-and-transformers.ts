/**
 * The util family's plumbing: DataSource → PureTransformer → Filter → Fanout into two branches (one through
 * Detuple), a Splitter with sinks added and removed at run time, a Chooser driven by commands, and a
 * ConsoleEchoer writing through the host's print — ending by the shutdown convention with nothing left.
 */
DeviceTest.define("util: sources, transformers, fan-out and sinks", (t) => {
  const printed: string[] = [];
  const host = t.virtualHost() as VirtualHost & { print(text: string): void };
  host.print = (text) => {
    printed.push(text);
  };
  const scheduler = new Kamaelia.Scheduler({ host: host });
  class Feeder extends Kamaelia.Component {
    static override Name = "Feeder";
  }

  // A pipeline into a fan-out: both branches see every message; one takes element 1 of each pair.
  const fan = new Kamaelia.Fanout(["pairs", "echo"]);
  const pairs = new Kamaelia.Collector<[number, string]>();
  const seconds = new Kamaelia.Collector<string>();
  const detuple = new Kamaelia.Detuple(-1);
  const echoer = new Kamaelia.ConsoleEchoer({ tag: "> ", eol: "\n", forwarder: true });
  const main = new Kamaelia.Pipeline(
    new Kamaelia.DataSource([1, 2, 3, 4, 5]),
    new Kamaelia.PureTransformer((n: number) => [n, "n" + n]),
    new Kamaelia.Filter((pair: [number, string]) => pair[0] % 2 === 1),
  );
  const wiring = new Feeder();
  wiring.link([main, "outbox"], [fan, "inbox"]);
  wiring.link([main, "signal"], [fan, "control"]);
  wiring.link([fan, "pairs"], [pairs, "inbox"]);
  wiring.link([fan, "echo"], [detuple, "inbox"]);
  wiring.link([fan, "signal"], [detuple, "control"]);
  wiring.link([detuple, "outbox"], [echoer, "inbox"]);
  wiring.link([detuple, "signal"], [echoer, "control"]);
  wiring.link([echoer, "outbox"], [seconds, "inbox"]);
  wiring.link([echoer, "signal"], [seconds, "control"]);
  for (const c of [main, fan, pairs, detuple, echoer, seconds]) c.activate(scheduler);
  scheduler.runThreads();
  t.deepEqual(pairs.collected, [[1, "n1"], [3, "n3"], [5, "n5"]], "the pairs branch");
  t.deepEqual(seconds.collected, ["n1", "n3", "n5"], "the detupled branch, through the echoer");
  t.deepEqual(printed, ["> n1\n", "> n3\n", "> n5\n"], "printed through the host");
  t.ok(main.isStopped() && fan.isStopped() && detuple.isStopped() && echoer.isStopped() && seconds.isStopped(), "the detupled branch ended in turn");
  pairs.stop();
  wiring.stop();

  // A splitter: a sink added gets what follows; removed, it gets nothing more.
  const splitter = new Kamaelia.Splitter<string>();
  const one = new Kamaelia.Collector<string>();
  const two = new Kamaelia.Collector<string>();
  const feed = new Feeder();
  feed.link([feed, "outbox"], [splitter, "inbox"]);
  feed.link([feed, "signal"], [splitter, "control"]);
  const config = new Feeder();
  config.link([config, "outbox"], [splitter, "configuration"]);
  for (const c of [splitter, one, two]) c.activate(scheduler);
  config.send(Kamaelia.addsink(one, "inbox", "control"));
  feed.send("x");
  config.send(Kamaelia.addsink(two, "inbox", "control"));
  feed.send("y");
  scheduler.runThreads();
  config.send(Kamaelia.removesink(one, "inbox", "control"));
  feed.send("z");
  feed.send(Kamaelia.shutdownMicroprocess(), "signal");
  scheduler.runThreads();
  t.deepEqual(one.collected, ["x", "y"], "the first sink");
  t.deepEqual(two.collected, ["x", "y", "z"], "the second sink");
  t.ok(splitter.isStopped() && two.isStopped(), "the splitter's shutdown reached its remaining sink");
  t.ok(one.isRunning(), "the removed sink was not shut down");
  one.stop();

  // A chooser driven by commands; an unknown one is logged and ignored.
  const chooser = new Kamaelia.Chooser(["a", "b", "c"]);
  const chosen = new Kamaelia.Collector<string>();
  feed.unlink();
  feed.link([feed, "outbox"], [chooser, "inbox"]);
  feed.link([feed, "signal"], [chooser, "control"]);
  chooser.link([chooser, "outbox"], [chosen, "inbox"]);
  chooser.link([chooser, "signal"], [chosen, "control"]);
  chooser.activate(scheduler);
  chosen.activate(scheduler);
  for (const command of ["NEXT", "NEXT", "NEXT", "sideways", "PREV", "FIRST", "LAST", "SAME"]) feed.send(command);
  feed.send(Kamaelia.producerFinished(), "signal");
  scheduler.runThreads();
  t.deepEqual(chosen.collected, ["a", "b", "c", "b", "a", "c", "c"], "chosen items");
  t.equal(host.logged.length, 1, "one warning for the unknown command");
  t.ok(chooser.isStopped() && chosen.isStopped(), "ended by producerFinished");
  t.throws(() => new Kamaelia.Fanout(["signal"]), Kamaelia.AxonError, "a bad Fanout name");
  feed.stop();
  config.stop();
  t.equal(scheduler.listAllThreads().length, 0, "nothing left running");
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
