/**
 * AdaptiveCommsComponent: boxes added and deleted at run time (unique names, BoxNotFound, linkages undone
 * on deletion), run-time boxes carrying data between running components, and resource tracking.
 */
import { expect } from "chai";
import {
  AdaptiveCommsComponent,
  BadComponentState,
  BoxNotFound,
  Component,
  isShutdownMessage,
  producerFinished,
} from "../../src/index";
import type { AnyComponent, MainLoop } from "../../src/index";
import { ListSink, ListSource } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

/** An adaptive component that does nothing by itself; the tests drive its boxes. */
class Adaptive extends AdaptiveCommsComponent {
  static override Name = "Adaptive";
}

/** A plain component whose boxes the tests link to and send from. */
class Plain extends Component {
  static override Name = "Plain";
}

/**
 * Gives a source and a sink run-time boxes of their own: links the source's outbox and signal into two new
 * inboxes and two new outboxes into the sink, then relays data until the source signals it has finished.
 */
class Relay extends AdaptiveCommsComponent {
  static override Name = "Relay";
  readonly boxNames: string[] = [];
  constructor(
    private readonly source: AnyComponent,
    private readonly sink: AnyComponent,
  ) {
    super();
  }
  override *main(): MainLoop {
    const fromSource = this.addInbox("fromSource");
    const sourceDone = this.addInbox("sourceDone");
    const toSink = this.addOutbox("toSink");
    const sinkControl = this.addOutbox("toSinkControl");
    this.boxNames.push(fromSource, sourceDone, toSink, sinkControl);
    this.link([this.source, "outbox"], [this, fromSource]);
    this.link([this.source, "signal"], [this, sourceDone]);
    this.link([this, toSink], [this.sink, "inbox"]);
    this.link([this, sinkControl], [this.sink, "control"]);
    for (;;) {
      while (this.dataReady(fromSource)) this.send(this.recv(fromSource), toSink);
      if (this.dataReady(sourceDone) && isShutdownMessage(this.recv(sourceDone))) {
        this.send(producerFinished(this), sinkControl);
        return;
      }
      this.pause();
      yield 1;
    }
  }
}

describe("AdaptiveCommsComponent", () => {
  describe("adding and deleting boxes", () => {
    it("addInbox — a free name — returns that name and the inbox is usable", () => {
      const a = new Adaptive();
      expect(a.addInbox("fromClient")).to.equal("fromClient");
      expect(a.dataReady("fromClient")).to.equal(0);
      expect(a.inboxes.fromClient.isInbox).to.equal(true);
    });

    it("deleteOutbox — a box linked a thousand times over — leaves no dead linkage in the component's list", () => {
      const a = new Adaptive();
      const sink = new Adaptive();
      for (let i = 0; i < 1000; i++) {
        const name = a.addOutbox("toClient");
        a.link([a, name], [sink, "inbox"]);
        a.deleteOutbox(name);
      }
      expect(a.linkages()).to.deep.equal([]);
      expect(a._linkages === null ? 0 : a._linkages.length).to.equal(0);
    });

    it("addOutbox — a free name — returns that name and the outbox is usable", () => {
      const a = new Adaptive();
      expect(a.addOutbox("toClient")).to.equal("toClient");
      a.send("kept", "toClient");
      expect(a.outboxes.toClient.dataReady()).to.equal(1);
      expect(a.outboxes.toClient.isInbox).to.equal(false);
    });

    it("addInbox — a name already taken — returns it with a unique _N suffix", () => {
      const a = new Adaptive();
      expect(a.addInbox("inbox")).to.equal("inbox_1");
      expect(a.addInbox("inbox")).to.equal("inbox_2");
      expect(a.addInbox("extra")).to.equal("extra");
      expect(a.addInbox("extra")).to.equal("extra_1");
    });

    it("addOutbox — a name already taken — returns it with a unique _N suffix", () => {
      const a = new Adaptive();
      expect(a.addOutbox("outbox")).to.equal("outbox_1");
      expect(a.addOutbox("outbox")).to.equal("outbox_2");
    });

    it("addInbox — a name only used by an outbox — returns the name unsuffixed", () => {
      const a = new Adaptive();
      expect(a.addInbox("outbox")).to.equal("outbox");
    });

    it("addInbox — a name that is an Object.prototype member — returns it unsuffixed", () => {
      const a = new Adaptive();
      expect(a.addInbox("constructor")).to.equal("constructor");
      expect(a.addInbox("__proto__")).to.equal("__proto__");
      expect(a.dataReady("__proto__")).to.equal(0);
    });

    it("deleteInbox — a box that does not exist — throws BoxNotFound naming it", () => {
      const a = new Adaptive();
      expect(() => a.deleteInbox("nope")).to.throw(BoxNotFound, "nope");
    });

    it("deleteOutbox — a box that does not exist — throws BoxNotFound naming it", () => {
      const a = new Adaptive();
      expect(() => a.deleteOutbox("nope")).to.throw(BoxNotFound, "nope");
    });

    it("deleteInbox — the same box twice — throws BoxNotFound the second time", () => {
      const a = new Adaptive();
      const name = a.addInbox("once");
      a.deleteInbox(name);
      expect(() => a.deleteInbox(name)).to.throw(BoxNotFound);
    });

    it("deleteInbox — an added inbox — makes recv on it throw BoxNotFound", () => {
      const a = new Adaptive();
      const name = a.addInbox("gone");
      a.deleteInbox(name);
      expect(() => a.recv(name)).to.throw(BoxNotFound);
    });

    it("deleteOutbox — an added outbox — makes send on it throw BoxNotFound", () => {
      const a = new Adaptive();
      const name = a.addOutbox("gone");
      a.deleteOutbox(name);
      expect(() => a.send("x", name)).to.throw(BoxNotFound);
    });

    it("addInbox — after deleteInbox of that name — gets the name back unsuffixed", () => {
      const a = new Adaptive();
      const name = a.addInbox("reused");
      a.deleteInbox(name);
      expect(a.addInbox("reused")).to.equal("reused");
    });
  });

  describe("deleting a linked box", () => {
    it("deleteInbox — an inbox another component's outbox feeds — undoes that linkage", () => {
      const a = new Adaptive();
      const sender = new Plain();
      const name = a.addInbox("fromSender");
      const linkage = sender.link([sender, "outbox"], [a, name]);
      a.deleteInbox(name);
      expect(linkage.isLive()).to.equal(false);
      expect(sender.linkages()).to.deep.equal([]);
    });

    it("send — after the inbox it fed was deleted — stays in the sender's outbox", () => {
      const a = new Adaptive();
      const sender = new Plain();
      const name = a.addInbox("fromSender");
      sender.link([sender, "outbox"], [a, name]);
      sender.send("before");
      a.deleteInbox(name);
      sender.send("after");
      expect(sender.outboxes.outbox.dataReady()).to.equal(1);
      expect(sender.outboxes.outbox.takeAll()).to.deep.equal(["after"]);
    });

    it("deleteOutbox — an outbox linked to another component's inbox — undoes that linkage", () => {
      const a = new Adaptive();
      const receiver = new Plain();
      const name = a.addOutbox("toReceiver");
      const linkage = a.link([a, name], [receiver, "inbox"]);
      a.send("before", name);
      a.deleteOutbox(name);
      expect(linkage.isLive()).to.equal(false);
      expect(a.linkages()).to.deep.equal([]);
      expect(receiver.dataReady()).to.equal(1); // delivered before the deletion, so it stays
    });

    it("deleteInbox — the middle of a passthrough chain — undoes the linkages on both sides", () => {
      const a = new Adaptive();
      const sender = new Plain();
      const child = new Plain();
      const name = a.addInbox("forChild");
      const into = sender.link([sender, "outbox"], [a, name]);
      const through = a.link([a, name], [child, "inbox"], 1);
      a.deleteInbox(name);
      expect(into.isLive()).to.equal(false);
      expect(through.isLive()).to.equal(false);
      sender.send("after");
      expect(child.dataReady()).to.equal(0);
      expect(sender.outboxes.outbox.dataReady()).to.equal(1);
    });

    it("deleteInbox — a box with linkages — brings liveLinkageCount back down", () => {
      const a = new Adaptive();
      const sender = new Plain();
      const other = new Plain();
      const name = a.addInbox("shared");
      const first = sender.link([sender, "outbox"], [a, name]);
      const second = other.link([other, "outbox"], [a, name]);
      a.deleteInbox(name);
      expect([first.isLive(), second.isLive()]).to.deep.equal([false, false]);
      // The leak check after this test confirms liveLinkageCount is back where it started.
    });
  });

  describe("run-time boxes in a running system", () => {
    it("run-time boxes — linked between a source and a sink — carry every item in order", () => {
      const s = testScheduler();
      const source = new ListSource([1, 2, 3]);
      const sink = new ListSink<number>();
      const relay = new Relay(source, sink);
      relay.activate(s); // first, so its linkages exist before the source sends
      source.activate(s);
      sink.run(s);
      expect(sink.items).to.deep.equal([1, 2, 3]);
      expect(relay.boxNames).to.deep.equal(["fromSource", "sourceDone", "toSink", "toSinkControl"]);
      expect(s.listAllThreads()).to.have.length(0);
    });
  });

  describe("tracking resources", () => {
    it("retrieveTrackedResource — after trackResource — returns the resource for its inbox", () => {
      const a = new Adaptive();
      const connection = { peer: "10.0.0.2" };
      const inbox = a.addInbox("fromClient");
      a.trackResource(connection, inbox);
      expect(a.retrieveTrackedResource(inbox)).to.equal(connection);
    });

    it("retrieveTrackedResourceInformation — after trackResource — gives its inbox, no outboxes, no information", () => {
      const a = new Adaptive();
      const connection = {};
      a.trackResource(connection, "fromClient");
      const info = a.retrieveTrackedResourceInformation(connection);
      expect(info.inboxes).to.deep.equal(["fromClient"]);
      expect(info.outboxes).to.deep.equal([]);
      expect(info.information).to.equal(undefined);
    });

    it("retrieveTrackedResourceInformation — after trackResourceInformation — gives back its boxes and information", () => {
      const a = new Adaptive();
      const connection = {};
      const details = { peer: "10.0.0.2", port: 1500 };
      a.trackResourceInformation(connection, ["in1", "in2"], ["out1"], details);
      const info = a.retrieveTrackedResourceInformation(connection);
      expect(info.inboxes).to.deep.equal(["in1", "in2"]);
      expect(info.outboxes).to.deep.equal(["out1"]);
      expect(info.information).to.equal(details);
    });

    it("retrieveTrackedResource — any inbox given to trackResourceInformation — returns its resource", () => {
      const a = new Adaptive();
      const first = { id: 1 };
      const second = { id: 2 };
      a.trackResourceInformation(first, ["a1", "a2"], [], undefined);
      a.trackResourceInformation(second, ["b1"], ["b2"], undefined);
      expect(a.retrieveTrackedResource("a2")).to.equal(first);
      expect(a.retrieveTrackedResource("b1")).to.equal(second);
    });

    it("retrieveTrackedResource — an inbox nobody tracks, or only an outbox name — returns undefined", () => {
      const a = new Adaptive();
      a.trackResourceInformation({}, ["in"], ["out"], undefined);
      expect(a.retrieveTrackedResource("elsewhere")).to.equal(undefined);
      expect(a.retrieveTrackedResource("out")).to.equal(undefined);
    });

    it("trackResource — a resource already tracked — throws BadComponentState", () => {
      const a = new Adaptive();
      const connection = {};
      a.trackResource(connection, "first");
      expect(() => a.trackResource(connection, "second")).to.throw(BadComponentState);
    });

    it("ceaseTrackingResource — a tracked resource — returns its boxes and information", () => {
      const a = new Adaptive();
      const connection = {};
      a.trackResourceInformation(connection, ["in"], ["out"], "details");
      const ceased = a.ceaseTrackingResource(connection);
      expect(ceased.inboxes).to.deep.equal(["in"]);
      expect(ceased.outboxes).to.deep.equal(["out"]);
      expect(ceased.information).to.equal("details");
    });

    it("ceaseTrackingResource — a tracked resource — forgets it, so lookups find nothing", () => {
      const a = new Adaptive();
      const connection = {};
      a.trackResource(connection, "in");
      a.ceaseTrackingResource(connection);
      expect(a.retrieveTrackedResource("in")).to.equal(undefined);
      expect(() => a.retrieveTrackedResourceInformation(connection)).to.throw(BadComponentState);
    });

    it("ceaseTrackingResource — a resource never tracked — throws BadComponentState", () => {
      const a = new Adaptive();
      expect(() => a.ceaseTrackingResource({})).to.throw(BadComponentState);
    });

    it("retrieveTrackedResourceInformation — a resource never tracked — throws BadComponentState", () => {
      const a = new Adaptive();
      expect(() => a.retrieveTrackedResourceInformation({})).to.throw(BadComponentState);
    });

    it("trackResource — after ceaseTrackingResource of that resource — tracks it afresh", () => {
      const a = new Adaptive();
      const connection = {};
      a.trackResource(connection, "old");
      a.ceaseTrackingResource(connection);
      a.trackResource(connection, "new");
      expect(a.retrieveTrackedResource("new")).to.equal(connection);
      expect(a.retrieveTrackedResource("old")).to.equal(undefined);
    });
  });
});
