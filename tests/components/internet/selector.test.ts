/**
 * Selector: the shared readiness service. It is created lazily and found by later users, turns IO
 * callbacks into one coalesced Readiness message per watch, drops readiness for closed watches, closes a
 * watch when its owner ends, and ends (deregistering) once nothing is watched.
 */
import { expect } from "chai";
import { Component, Selector, SELECTOR_SERVICE, SLICE_IDLE, newComponent } from "../../../src/index";
import type { MainLoop, Readiness, Watch } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";

/** Watches one fake IO object and records each Readiness it receives, until told to stop. */
class Watcher extends Component<{ inbox: never; control: string; ready: Readiness }, { outbox: never; signal: never }> {
  static override Inboxes = { inbox: "NOT USED", control: "any message ends it", ready: "readiness" };
  watch: Watch | null = null;
  seen: Readiness[] = [];

  override *main(): MainLoop {
    const found = Selector.getSelectorService(this.getcat());
    if (found.created) yield newComponent(found.selector);
    this.watch = found.selector.watch(this, "ready");
    for (;;) {
      while (this.dataReady("ready")) this.seen.push(this.recv("ready"));
      if (this.dataReady("control")) return;
      this.pause();
      yield 1;
    }
  }
}

function services(s: ReturnType<typeof testScheduler>): string[] {
  return s.tracker.servicesRegistered();
}

describe("Selector", () => {
  it("Selector — first user creates it, second finds the same one — one service", () => {
    const s = testScheduler();
    const a = new Watcher().activate(s);
    const b = new Watcher().activate(s);
    s.runSlice(100);
    s.runSlice(100);
    expect(services(s)).to.include(SELECTOR_SERVICE);
    const selector = s.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
    expect(selector.watchCount()).to.equal(2);
    a.stop();
    b.stop();
    s.runThreads();
  });

  it("Selector — several callbacks before it runs — one Readiness with every flag", () => {
    const s = testScheduler();
    const w = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const watch = w.watch as Watch;
    watch.onReadable(10);
    watch.onReadable(5);
    watch.onWritable(100);
    while (s.runSlice(100) !== SLICE_IDLE);
    expect(w.seen.length).to.equal(1);
    expect(w.seen[0]).to.include({ readable: true, writable: true, end: null, watch });
    watch.onError({ code: "reset", message: "read ECONNRESET" });
    while (s.runSlice(100) !== SLICE_IDLE);
    expect(w.seen.length).to.equal(2);
    expect(w.seen[1].end).to.deep.equal({ code: "reset", message: "read ECONNRESET" });
    expect(w.seen[1].readable).to.equal(false);
    w.stop();
    s.runThreads();
  });

  it("Selector — a callback from outside a slice — wakes the host", () => {
    const s = testScheduler();
    let wakes = 0;
    s.host.wake = () => wakes++;
    const w = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const before = wakes;
    (w.watch as Watch).onReadable(1);
    expect(wakes).to.be.greaterThan(before);
    w.stop();
    s.runThreads();
  });

  it("Selector — readiness for a closed watch — is dropped", () => {
    const s = testScheduler();
    const w = new Watcher().activate(s);
    const other = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const watch = w.watch as Watch;
    watch.onReadable(1);
    watch.close();
    watch.close();
    while (s.runSlice(100) !== SLICE_IDLE);
    expect(w.seen).to.deep.equal([]);
    w.stop();
    other.stop();
    s.runThreads();
  });

  it("Selector — the last watcher ends — the Selector ends and deregisters", () => {
    const s = testScheduler();
    const w = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const selector = s.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
    w.stop();
    s.runThreads();
    expect(selector.isStopped()).to.equal(true);
    expect(services(s)).to.not.include(SELECTOR_SERVICE);
  });

  it("Selector — used again after it ended — a fresh one is created", () => {
    const s = testScheduler();
    const first = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const old = s.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
    first.stop();
    s.runThreads();
    const second = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const fresh = s.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
    expect(fresh).to.not.equal(old);
    expect(fresh.isRunning()).to.equal(true);
    second.stop();
    s.runThreads();
  });

  it("Selector — the watcher's inbox is full — readiness waits and coalesces until it collects", () => {
    const s = testScheduler();
    const w = new Watcher().activate(s);
    while (s.runSlice(100) !== SLICE_IDLE);
    const watch = w.watch as Watch;
    w.inboxes.ready.setSize(1);
    // Fill the inbox behind the watcher's back so it cannot collect yet.
    w.inboxes.ready.push({ watch, readable: false, writable: false, end: null });
    const selector = s.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
    selector.pause();
    watch.onReadable(1);
    watch.onWritable(1);
    while (s.runSlice(100) !== SLICE_IDLE);
    expect(w.seen.length).to.equal(2);
    expect(w.seen[1]).to.include({ readable: true, writable: true });
    w.stop();
    s.runThreads();
  });
});
