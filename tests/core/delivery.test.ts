/**
 * Delivery: send pushes straight into the final destination, recv collects in order, dataReady counts,
 * anyReady looks at every inbox, and data sent on an unlinked outbox is kept until it is linked.
 */
import { expect } from "chai";
import { BoxNotFound, Component, EmptyBox, liveLinkageCount } from "../../src/index";
import type { MainLoop } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

class Plain extends Component {
  static override Name = "Plain";
}

class Wire extends Component {
  static override Name = "Wire";
}

describe("delivery", () => {
  it("send — on a linked outbox — lands in the destination inbox at once, in order", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Wire();
    wire.link([a, "outbox"], [b, "inbox"]);
    a.send(1);
    a.send(2);
    expect(b.dataReady()).to.equal(2);
    expect(b.recv()).to.equal(1);
    expect(b.recv()).to.equal(2);
    expect(b.dataReady()).to.equal(0);
    wire.stop();
  });

  it("send — with a box name — uses that outbox", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Wire();
    wire.link([a, "signal"], [b, "control"]);
    a.send("bye", "signal");
    expect(b.dataReady("control")).to.equal(1);
    expect(b.recv("control")).to.equal("bye");
    wire.stop();
  });

  it("send — on an unlinked outbox — keeps the data in that outbox", () => {
    const a = new Plain();
    a.send("kept");
    expect(a.outboxes.outbox.dataReady()).to.equal(1);
    a.stop();
  });

  it("link — from an outbox holding kept data — moves it on to the destination in order before later sends", () => {
    const a = new Plain();
    const b = new Plain();
    a.send("first");
    a.send("second");
    const wire = new Wire();
    wire.link([a, "outbox"], [b, "inbox"]);
    a.send("third");
    expect(a.outboxes.outbox.dataReady()).to.equal(0);
    expect([b.recv(), b.recv(), b.recv()]).to.deep.equal(["first", "second", "third"]);
    wire.stop();
  });

  it("recv — on an empty inbox — throws EmptyBox naming the box", () => {
    const a = new Plain();
    expect(() => a.recv()).to.throw(EmptyBox, /Plain_\d+\.inbox/);
    a.stop();
  });

  it("send — to an undeclared outbox — throws BoxNotFound naming component and box", () => {
    const a = new Plain();
    expect(() => (a.send as (m: unknown, b: string) => void)(1, "outbx")).to.throw(BoxNotFound, /Plain_\d+ has no outbox 'outbx'/);
    a.stop();
  });

  it("recv — from an undeclared inbox — throws BoxNotFound", () => {
    const a = new Plain();
    expect(() => (a.recv as (b: string) => unknown)("inbx")).to.throw(BoxNotFound, /no inbox 'inbx'/);
    a.stop();
  });

  it("anyReady — with data only on control — is true, and false once collected", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Wire();
    wire.link([a, "signal"], [b, "control"]);
    expect(b.anyReady()).to.equal(false);
    a.send("x", "signal");
    expect(b.anyReady()).to.equal(true);
    b.recv("control");
    expect(b.anyReady()).to.equal(false);
    wire.stop();
  });

  it("many sources — into one inbox — all arrive, interleaved in send order", () => {
    const a = new Plain();
    const b = new Plain();
    const c = new Plain();
    const wire = new Wire();
    wire.link([a, "outbox"], [c, "inbox"]);
    wire.link([b, "outbox"], [c, "inbox"]);
    a.send("a1");
    b.send("b1");
    a.send("a2");
    expect([c.recv(), c.recv(), c.recv()]).to.deep.equal(["a1", "b1", "a2"]);
    wire.stop();
  });

  it("messages — sent by running components — arrive in the order sent", () => {
    const s = testScheduler();
    const got: number[] = [];
    class Counter extends Component {
      static override Name = "Counter";
      override *main(): MainLoop {
        for (let i = 0; i < 100; i++) {
          this.send(i);
          if (i % 7 === 0) yield 1;
        }
      }
    }
    class Taker extends Component {
      static override Name = "Taker";
      override *main(): MainLoop {
        for (;;) {
          while (this.dataReady()) got.push(this.recv());
          if (got.length === 100) return;
          this.pause();
          yield 1;
        }
      }
    }
    const counter = new Counter();
    const taker = new Taker();
    const wire = new Wire();
    wire.link([counter, "outbox"], [taker, "inbox"]);
    counter.activate(s);
    taker.activate(s);
    s.runThreads();
    expect(got).to.deep.equal(Array.from({ length: 100 }, (_, i) => i));
    wire.stop();
  });

  it("a stopped component's linkages — are gone, while delivered data stays", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Wire();
    const before = liveLinkageCount();
    wire.link([a, "outbox"], [b, "inbox"]);
    a.send("delivered");
    wire.stop();
    expect(liveLinkageCount()).to.equal(before);
    expect(b.recv()).to.equal("delivered");
    a.send("kept");
    expect(a.outboxes.outbox.dataReady()).to.equal(1);
  });
});
