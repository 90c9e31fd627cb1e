import { expect } from "chai";
import {
  Component,
  DeMarshaller,
  Marshaller,
  MarshallingError,
  MimeDict,
  Pipeline,
  ProducerFinished,
  isShutdownMessage,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import type { AnyComponent, Codec, MainLoop } from "../../../src/index";
import { ListSink, ListSource } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";

/** JSON as a codec: demarshall throws on text that is not JSON. */
const json: Codec<unknown> = {
  marshall: (value) => JSON.stringify(value),
  demarshall: (text) => JSON.parse(text),
};

/**
 * Link two boxes without the compile-time type check. Needed twice over here: a Marshaller's signal carries
 * MarshallingErrors, which a `control: ShutdownMessage` inbox does not accept (rightly); and link's type
 * inference picks the wrong message type for a box other than a component's first (reported separately).
 */
function wire(owner: Component, from: [AnyComponent, string], to: [AnyComponent, string]): void {
  owner.link(from as never, to as never);
}

/** Keeps everything that arrives on control (the Marshaller's signal), ending on a shutdown message. */
class SignalSink extends Component {
  static override Name = "SignalSink";
  readonly seen: unknown[] = [];
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        this.seen.push(message);
        if (isShutdownMessage(message)) return;
      }
      this.pause();
      yield 1;
    }
  }
}

describe("Marshaller", () => {
  it("Marshaller — MimeDicts in a pipeline — sends their text on outbox, in order", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    const dicts = [new MimeDict([["A", "1"]], "one"), new MimeDict([["B", "2"]], "two")];
    new Pipeline(new ListSource(dicts), new Marshaller(MimeDict), sink).run(s);
    expect(sink.items).to.deep.equal(["A: 1\r\n\r\none", "B: 2\r\n\r\ntwo"]);
  });

  it("DeMarshaller — text in a pipeline — sends MimeDicts on outbox, an invalid block kept whole", () => {
    const s = testScheduler();
    const sink = new ListSink<MimeDict>();
    new Pipeline(new ListSource(["A: 1\r\n\r\nbody", "not a block"]), new DeMarshaller(MimeDict), sink).run(s);
    expect(sink.items.map((d) => d.get("A"))).to.deep.equal(["1", undefined]);
    expect(sink.items[1].invalid).to.equal(true);
    expect(sink.items.map((d) => d.toString())).to.deep.equal(["A: 1\r\n\r\nbody", "not a block"]);
  });

  it("Marshaller — both directions at once — marshall to marshalled and demarshall to demarshalled", () => {
    const s = testScheduler();
    const m = new Marshaller(json);
    const toText = new ListSource<unknown>([{ a: 1 }, [2]]);
    const toValue = new ListSource<string>(['{"b":2}', "3"]);
    const texts = new ListSink<string>();
    const values = new ListSink<unknown>();
    const signals = new SignalSink();
    const wiring = new Component();
    wire(wiring, [toText, "outbox"], [m, "marshall"]);
    wire(wiring, [toValue, "outbox"], [m, "demarshall"]);
    wire(wiring, [m, "marshalled"], [texts, "inbox"]);
    wire(wiring, [m, "demarshalled"], [values, "inbox"]);
    wire(wiring, [m, "signal"], [signals, "control"]);
    for (const c of [m, toText, toValue, texts, values, signals]) c.activate(s);
    s.runThreads();
    expect(texts.items).to.deep.equal(['{"a":1}', "[2]"]);
    expect(values.items).to.deep.equal([{ b: 2 }, 3]);
    expect(signals.seen).to.deep.equal([]);
    for (const c of [m, texts, values, signals]) c.stop();
    wiring.unlink();
  });

  it("Marshaller — a codec that throws on one message — sends a MarshallingError on signal and converts the rest", () => {
    const s = testScheduler();
    const d = new DeMarshaller(json);
    const values = new ListSink<unknown>();
    const signals = new SignalSink();
    const source = new ListSource<string>(["1", "{broken", "3"]);
    const wiring = new Component();
    wire(wiring, [source, "outbox"], [d, "inbox"]);
    wire(wiring, [source, "signal"], [d, "control"]);
    wire(wiring, [d, "outbox"], [values, "inbox"]);
    wire(wiring, [d, "signal"], [signals, "control"]);
    for (const c of [source, d, values, signals]) c.activate(s);
    s.runThreads();
    expect(values.items).to.deep.equal([1, 3]);
    expect(signals.seen).to.have.length(2);
    const error = signals.seen[0] as MarshallingError;
    expect(error).to.be.instanceOf(MarshallingError);
    expect(error.input).to.equal("{broken");
    expect(error.cause).to.be.instanceOf(SyntaxError);
    expect(error.message).to.match(/DeMarshaller_\d+ could not demarshall a message from its 'inbox' inbox/);
    expect(signals.seen[1]).to.be.instanceOf(ProducerFinished);
    expect(d.isStopped()).to.equal(true);
    values.stop();
    wiring.unlink();
  });

  it("Marshaller — MimeDict codec given a string — reports it on signal and passes the next dict", () => {
    const s = testScheduler();
    const signals = new SignalSink();
    const sink = new ListSink<string>();
    const m = new Marshaller(MimeDict);
    const wiring = new Component();
    wire(wiring, [m, "outbox"], [sink, "inbox"]);
    wire(wiring, [m, "signal"], [signals, "control"]);
    for (const c of [m, sink, signals]) c.activate(s);
    m.inboxes.inbox.push("oops" as unknown as MimeDict);
    m.inboxes.inbox.push(new MimeDict([["Ok", "yes"]]));
    m.inboxes.control.push(producerFinished());
    s.runThreads();
    expect(sink.items).to.deep.equal(["Ok: yes\r\n\r\n"]);
    expect(signals.seen[0]).to.be.instanceOf(MarshallingError);
    expect(signals.seen[1]).to.be.instanceOf(ProducerFinished);
    sink.stop();
    wiring.unlink();
  });

  it("Marshaller — data and a shutdown arriving together — converts the data before forwarding the shutdown", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    const m = new Marshaller(json);
    const wiring = new Component();
    wire(wiring, [m, "outbox"], [sink, "inbox"]);
    wire(wiring, [m, "signal"], [sink, "control"]);
    m.activate(s);
    sink.activate(s);
    m.inboxes.control.push(shutdownMicroprocess());
    m.inboxes.inbox.push(1);
    m.inboxes.inbox.push(2);
    s.runThreads();
    expect(sink.items).to.deep.equal(["1", "2"]);
    expect(m.isStopped()).to.equal(true);
    expect(sink.isStopped()).to.equal(true);
    wiring.unlink();
  });

  it("Marshaller — a bounded destination that fills — waits for the consumer and loses nothing", () => {
    const s = testScheduler();
    const sink = new ListSink<string>();
    sink.inboxes.inbox.setSize(1);
    const items = [1, 2, 3, 4, 5];
    new Pipeline(new ListSource(items), new Marshaller(json), sink).run(s);
    expect(sink.items).to.deep.equal(["1", "2", "3", "4", "5"]);
  });

  it("Marshaller — a control message that is not a shutdown — is ignored and the component runs on", () => {
    const s = testScheduler();
    const m = new Marshaller(json);
    m.activate(s);
    m.inboxes.control.push("hello" as never); // not a shutdown message: ignored
    s.runThreads();
    expect(m.isStopped()).to.equal(false);
    m.inboxes.control.push(producerFinished());
    s.runThreads();
    expect(m.isStopped()).to.equal(true);
    expect(m.outboxes.signal.dataReady()).to.equal(1); // forwarded, kept in the unlinked outbox
  });

  it("Marshaller — typed by its codec — takes the codec's values and gives text (compile-time checks)", () => {
    const m = new Marshaller(MimeDict);
    m.inboxes.marshall.push(new MimeDict());
    // @ts-expect-error a string is not a MimeDict: the marshall inbox is typed by the codec
    m.inboxes.marshall.push("text");
    // @ts-expect-error the demarshall inbox takes text
    m.inboxes.demarshall.push(new MimeDict());
    m.inboxes.demarshall.push("A: 1\r\n\r\n");
    const d = new DeMarshaller(MimeDict);
    d.inboxes.inbox.push("\r\n");
    expect(m.inboxes.marshall.dataReady() + d.inboxes.inbox.dataReady()).to.equal(3);
  });

  it("Marshaller and DeMarshaller — box tables — declare Kamaelia's boxes with descriptions", () => {
    expect(Object.keys(Marshaller.Inboxes).sort()).to.deep.equal(["control", "demarshall", "inbox", "marshall"]);
    expect(Object.keys(Marshaller.Outboxes).sort()).to.deep.equal(["demarshalled", "marshalled", "outbox", "signal"]);
    expect(Object.keys(DeMarshaller.Inboxes).sort()).to.deep.equal(["control", "inbox"]);
    expect(new Marshaller(json).name).to.match(/^Marshaller_\d+$/);
    expect(new DeMarshaller(json).name).to.match(/^DeMarshaller_\d+$/);
  });
});
