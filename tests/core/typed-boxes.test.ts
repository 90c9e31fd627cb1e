/**
 * Typed boxes: box names and message types are checked by the compiler. Each `@ts-expect-error` below is a
 * compile-time test: `npm test` type-checks this file, and an expected error that stops happening fails the
 * build. The run-time tests only confirm the well-typed lines work.
 */
import { expect } from "chai";
import { Component } from "../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../src/index";

type TextIn = { inbox: string; control: ShutdownMessage };
type TextOut = { outbox: string; signal: ShutdownMessage };
type BytesIn = { inbox: Uint8Array; control: ShutdownMessage };

class TextSource extends Component<TextIn, TextOut> {
  static override Name = "TextSource";
  override *main(): MainLoop {
    this.send("hello");
    // @ts-expect-error a number does not fit the string outbox
    this.send(42);
    // @ts-expect-error there is no outbox called "outbx"
    this.send("hello", "outbx");
    yield 1;
  }
}

class TextSink extends Component<TextIn, TextOut> {
  static override Name = "TextSink";
  static override Inboxes: BoxDescriptions<TextIn> = { inbox: "text", control: "shutdown messages" };
  override *main(): MainLoop {
    const text: string = this.recv();
    // @ts-expect-error there is no inbox called "inbx"
    this.recv("inbx");
    // @ts-expect-error recv() gives a string, not a number
    const n: number = this.recv();
    void text;
    void n;
    yield 1;
  }
}

class BytesSink extends Component<BytesIn, TextOut> {
  static override Name = "BytesSink";
}

/** A typed container that passes its own boxes through to a child: `this` links must type-check too. */
class TextShell extends Component<TextIn, TextOut> {
  static override Name = "TextShell";
  readonly child = new TextSink();
  wire(): void {
    this.link([this, "inbox"], [this.child, "inbox"], 1);
    this.link([this.child, "outbox"], [this, "outbox"], 2);
    // @ts-expect-error a string inbox cannot pass through to a Uint8Array inbox, even from `this`
    this.link([this, "inbox"], [new BytesSink(), "inbox"], 1);
  }
}

class Untyped extends Component {
  static override Name = "Untyped";
}

// @ts-expect-error a box description table must describe every box: "control" is missing
const incomplete: BoxDescriptions<TextIn> = { inbox: "text" };
void incomplete;

describe("typed boxes", () => {
  it("link — string outbox to string inbox — compiles and delivers", () => {
    const a = new TextSource();
    const b = new TextSink();
    a.link([a, "outbox"], [b, "inbox"]);
    a.send("typed");
    expect(b.recv()).to.equal("typed");
    a.stop();
    b.stop();
  });

  it("link — string outbox to Uint8Array inbox — is a compile error", () => {
    const a = new TextSource();
    const bytes = new BytesSink();
    // @ts-expect-error the source sends strings; the sink wants Uint8Array
    const l = a.link([a, "outbox"], [bytes, "inbox"]);
    l.unlink();
    a.stop();
    bytes.stop();
  });

  it("link — to a box name the sink does not declare — is a compile error", () => {
    const a = new TextSource();
    const b = new TextSink();
    // @ts-expect-error TextSink has no inbox "data"
    expect(() => a.link([a, "outbox"], [b, "data"])).to.throw();
    a.stop();
    b.stop();
  });

  it("link — from a source box name the source does not declare — is a compile error", () => {
    const a = new TextSource();
    const b = new TextSink();
    // @ts-expect-error TextSource has no outbox "outbx"
    expect(() => a.link([a, "outbx"], [b, "inbox"])).to.throw();
    a.stop();
    b.stop();
  });

  it("a typed container — linking its own boxes to a child's through `this` — compiles", () => {
    const shell = new TextShell();
    shell.link([shell, "inbox"], [shell.child, "inbox"], 1);
    shell.send("out");
    shell.stop();
    shell.child.stop();
    expect(TextShell.prototype.wire).to.be.a("function");
  });

  it("an untyped component — the opt-out — links to anything", () => {
    const a = new Untyped();
    const bytes = new BytesSink();
    const text = new TextSource();
    a.link([a, "outbox"], [bytes, "inbox"]);
    a.link([text, "outbox"], [a, "inbox"]);
    a.send(new Uint8Array([1]));
    expect(bytes.recv()).to.deep.equal(new Uint8Array([1]));
    a.stop();
    bytes.stop();
    text.stop();
  });

  it("passthrough — inbox to inbox — checks the two inbox types", () => {
    const parent = new TextSink();
    const child = new TextSink();
    const bytes = new BytesSink();
    parent.link([parent, "inbox"], [child, "inbox"], 1);
    // @ts-expect-error a string inbox cannot pass through to a Uint8Array inbox
    const bad = parent.link([parent, "control"], [bytes, "inbox"], 1);
    bad.unlink();
    parent.stop();
    child.stop();
    bytes.stop();
  });
});
