/**
 * Linkages: outbox→inbox, inbox→inbox and outbox→outbox passthrough, chains resolving to one final
 * destination, the one-destination rule, loops, unlink, and linkages going away with their creator.
 */
import { expect } from "chai";
import {
  BoxAlreadyLinkedToDestination,
  BoxNotFound,
  CircularLinkage,
  Component,
  liveLinkageCount,
} from "../../src/index";
import type { Box } from "../../src/index";

class Plain extends Component {
  static override Name = "Plain";
}

/** A parent/child nest of `depth` levels, with inbox and outbox passthroughs down and up the nest. */
function nest(depth: number): { outer: Plain; inner: Plain; all: Plain[] } {
  const all = [new Plain()];
  for (let i = 1; i < depth; i++) {
    const parent = all[i - 1];
    const child = new Plain();
    parent.addChildren(child);
    parent.link([parent, "inbox"], [child, "inbox"], 1);
    parent.link([child, "outbox"], [parent, "outbox"], 2);
    all.push(child);
  }
  return { outer: all[0], inner: all[depth - 1], all };
}

function stopAll(...components: Component[]): void {
  for (const c of components) c.stop();
}

describe("linkages", () => {
  it("inbox passthrough — parent inbox to child inbox — delivers into the child", () => {
    const { outer, inner, all } = nest(2);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [outer, "inbox"]);
    feeder.send("down");
    expect(outer.dataReady()).to.equal(0);
    expect(inner.recv()).to.equal("down");
    stopAll(feeder, ...all);
  });

  it("outbox passthrough — child outbox to parent outbox — delivers past the parent", () => {
    const { outer, inner, all } = nest(2);
    const drain = new Plain();
    drain.link([outer, "outbox"], [drain, "inbox"]);
    inner.send("up");
    expect(drain.recv()).to.equal("up");
    stopAll(drain, ...all);
  });

  it("a chain — ten passthroughs deep — resolves to one final box, so send is one push", () => {
    const { outer, inner, all } = nest(10);
    const feeder = new Plain();
    feeder.link([feeder, "outbox"], [outer, "inbox"]);
    const outbox = feeder.outboxes.outbox as Box;
    expect(outbox.final).to.equal(inner.inboxes.inbox);
    feeder.send(42);
    expect(inner.inboxes.inbox.dataReady()).to.equal(1);
    for (const c of all.slice(0, -1)) expect(c.inboxes.inbox.dataReady()).to.equal(0);
    stopAll(feeder, ...all);
  });

  it("a chain — linked from the far end first — still resolves when the middle is linked last", () => {
    const a = new Plain();
    const b = new Plain();
    const c = new Plain();
    const wire = new Plain();
    wire.link([b, "inbox"], [c, "inbox"], 1);
    wire.link([a, "outbox"], [b, "inbox"]);
    a.send("x");
    expect(c.recv()).to.equal("x");
    stopAll(wire, a, b, c);
  });

  it("unlink — in the middle of a chain — re-resolves upstream boxes to the new end", () => {
    const a = new Plain();
    const b = new Plain();
    const c = new Plain();
    const wire = new Plain();
    wire.link([a, "outbox"], [b, "inbox"]);
    const middle = wire.link([b, "inbox"], [c, "inbox"], 1);
    a.send("to c");
    wire.unlink(middle);
    a.send("to b");
    expect(c.recv()).to.equal("to c");
    expect(b.recv()).to.equal("to b");
    stopAll(wire, a, b, c);
  });

  it("unlink — leaves data already delivered where it is", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Plain();
    const l = wire.link([a, "outbox"], [b, "inbox"]);
    a.send(1);
    wire.unlink(l);
    expect(b.dataReady()).to.equal(1);
    expect(l.isLive()).to.equal(false);
    stopAll(wire, a, b);
  });

  it("unlink — given a component — undoes every linkage the caller made to it, and only those", () => {
    const a = new Plain();
    const b = new Plain();
    const c = new Plain();
    const wire = new Plain();
    wire.link([a, "outbox"], [b, "inbox"]);
    wire.link([a, "signal"], [b, "control"]);
    const keep = wire.link([c, "outbox"], [a, "inbox"]);
    wire.unlink(b);
    expect(wire.linkages()).to.deep.equal([keep]);
    stopAll(wire, a, b, c);
  });

  it("unlink — called twice — is harmless", () => {
    const a = new Plain();
    const b = new Plain();
    const l = a.link([a, "outbox"], [b, "inbox"]);
    a.unlink(l);
    a.unlink(l);
    l.unlink();
    expect(l.isLive()).to.equal(false);
    stopAll(a, b);
  });

  it("link — a source that already has a destination — throws BoxAlreadyLinkedToDestination", () => {
    const a = new Plain();
    const b = new Plain();
    const c = new Plain();
    a.link([a, "outbox"], [b, "inbox"]);
    expect(() => a.link([a, "outbox"], [c, "inbox"])).to.throw(BoxAlreadyLinkedToDestination, /Plain_\d+\.outbox already feeds Plain_\d+\.inbox/);
    stopAll(a, b, c);
  });

  it("link — a passthrough loop — throws CircularLinkage", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Plain();
    wire.link([a, "inbox"], [b, "inbox"], 1);
    expect(() => wire.link([b, "inbox"], [a, "inbox"], 1)).to.throw(CircularLinkage);
    stopAll(wire, a, b);
  });

  it("link — naming an inbox as the source of a normal linkage — throws BoxNotFound for the outbox", () => {
    const a = new Plain();
    const b = new Plain();
    expect(() => (a.link as (...args: unknown[]) => unknown)([a, "inbox"], [b, "inbox"])).to.throw(BoxNotFound, /no outbox 'inbox'/);
    stopAll(a, b);
  });

  it("a component ending — takes the linkages it created with it", () => {
    const a = new Plain();
    const b = new Plain();
    const wire = new Plain();
    const before = liveLinkageCount();
    wire.link([a, "outbox"], [b, "inbox"]);
    wire.link([a, "signal"], [b, "control"]);
    expect(liveLinkageCount()).to.equal(before + 2);
    wire.stop();
    expect(liveLinkageCount()).to.equal(before);
    expect(wire.linkages()).to.deep.equal([]);
    stopAll(a, b);
  });

  it("a linkage — as text — reads source -> sink", () => {
    const a = new Plain();
    const b = new Plain();
    const l = a.link([a, "outbox"], [b, "inbox"]);
    expect(String(l)).to.match(/^Plain_\d+\.outbox -> Plain_\d+\.inbox$/);
    expect(l.passthrough).to.equal(0);
    stopAll(a, b);
  });

  it("removeChild — undoes the parent's linkages to that child", () => {
    const { outer, inner, all } = nest(2);
    outer.removeChild(inner);
    expect(outer.linkages()).to.deep.equal([]);
    expect(outer.childComponents()).to.deep.equal([]);
    stopAll(...all);
  });
});
