/**
 * ConsoleEchoer: writes each message to the host's print (tag, JSON rendering, end of line), falls back to
 * the host's log, optionally forwards, and follows the shutdown convention.
 */
import { expect } from "chai";
import { Collector, ConsoleEchoer, DataSource, Pipeline, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

/** A test scheduler whose host has a print that records what it is given. */
function printingScheduler() {
  const s = testScheduler();
  const printed: string[] = [];
  s.host.print = (text: string) => {
    printed.push(text);
  };
  return { s, printed };
}

describe("ConsoleEchoer", () => {
  it("ConsoleEchoer — plain — prints String(message) for each message, as it is, in order", () => {
    const { s, printed } = printingScheduler();
    new Pipeline(new DataSource(["hello", 42, null]), new ConsoleEchoer()).run(s);
    expect(printed).to.deep.equal(["hello", "42", "null"]);
  });

  it("ConsoleEchoer — tag and eol — prints tag + text + eol", () => {
    const { s, printed } = printingScheduler();
    new Pipeline(new DataSource(["a", "b"]), new ConsoleEchoer({ tag: "> ", eol: "\n" })).run(s);
    expect(printed).to.deep.equal(["> a\n", "> b\n"]);
  });

  it("ConsoleEchoer — useRepr — prints a JSON rendering, and String for what JSON cannot render", () => {
    const { s, printed } = printingScheduler();
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    new Pipeline(new DataSource<unknown>(["text", { n: 1 }, [1, 2], undefined, cyclic]), new ConsoleEchoer({ useRepr: true })).run(s);
    expect(printed).to.deep.equal(['"text"', '{"n":1}', "[1,2]", "undefined", "[object Object]"]);
  });

  it("ConsoleEchoer — a host without print — writes each message to the host's log as info", () => {
    const s = testScheduler();
    new Pipeline(new DataSource(["to the log"]), new ConsoleEchoer({ tag: "echo: " })).run(s);
    expect(s.host.logged).to.deep.equal(["info: echo: to the log"]);
  });

  it("ConsoleEchoer — forwarder — also sends each message on, unchanged", () => {
    const { s, printed } = printingScheduler();
    const sink = new Collector();
    const thing = { id: 1 };
    new Pipeline(new DataSource<unknown>(["x", thing]), new ConsoleEchoer({ forwarder: true }), sink).run(s);
    expect(printed).to.deep.equal(["x", "[object Object]"]);
    expect(sink.collected).to.deep.equal(["x", thing]);
    expect(sink.collected[1]).to.equal(thing);
  });

  it("ConsoleEchoer — not a forwarder — sends nothing on outbox", () => {
    const { s } = printingScheduler();
    const echoer = new ConsoleEchoer();
    const reader = new Feeder().reads(echoer);
    const feeder = new Feeder().feeds(echoer);
    feeder.send("x");
    feeder.send(producerFinished(), "signal");
    echoer.run(s);
    expect(reader.takeAll()).to.deep.equal([]);
    feeder.stop();
    reader.stop();
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("ConsoleEchoer — " + label + " sent after data — prints all the data first, then forwards it and ends", () => {
      const { s, printed } = printingScheduler();
      const echoer = new ConsoleEchoer();
      const feeder = new Feeder().feeds(echoer);
      const reader = new Feeder().reads(echoer);
      const message = make();
      feeder.send("1");
      feeder.send("2");
      feeder.send(message, "signal");
      echoer.run(s);
      expect(printed).to.deep.equal(["1", "2"]);
      expect(reader.takeAll("control")).to.deep.equal([message]);
      expect(echoer.isStopped()).to.equal(true);
      feeder.stop();
      reader.stop();
    });
  }
});
