/**
 * ImageDisplay on a fake Display, on a test scheduler with a virtual clock: the newest image wins while
 * the display is busy, a ShownReport follows each paint, mime types pass through, undecodable images are
 * skipped with a warning, producerFinished paints the last image first, a display that ends is IOFailed,
 * and the set-up mistakes are named.
 */
import { expect } from "chai";
import {
  AxonError,
  IOFailed,
  IONotAvailable,
  ImageDisplay,
  Pipeline,
  ProducerFinished,
  producerFinished,
  shutdownMicroprocess,
} from "../../../src/index";
import type { Display, DisplayOptions, IOCallbacks, IOEnd, ShownReport } from "../../../src/index";
import { ListSink } from "../../helpers/components";
import { testScheduler } from "../../helpers/test-scheduler";

/** A display the test drives: it is ready, finishes paints and ends only when told to. */
class FakeDisplay implements Display {
  painted = 0;
  undecodable = 0;
  width = 0;
  height = 0;
  shown: { bytes: Uint8Array; mime: string }[] = [];
  closed = false;
  private callbacks: IOCallbacks | null;
  private isReady = false;
  private busy = false;

  constructor(options: DisplayOptions) {
    this.callbacks = options;
  }
  show(bytes: Uint8Array, mime: string): boolean {
    if (!this.isReady || this.busy || this.closed) return false;
    this.busy = true;
    this.shown.push({ bytes, mime });
    return true;
  }
  close(): void {
    this.closed = true;
    this.callbacks = null;
  }
  /** The platform says it is ready (176×144). */
  ready(): void {
    this.isReady = true;
    this.width = 176;
    this.height = 144;
    if (this.callbacks && this.callbacks.onWritable) this.callbacks.onWritable(1);
  }
  /** The image in flight is finished with: painted, or (ok false) undecodable. */
  finish(ok = true): void {
    this.busy = false;
    if (ok) this.painted++;
    else this.undecodable++;
    if (this.callbacks && this.callbacks.onWritable) this.callbacks.onWritable(1);
  }
  end(end: IOEnd): void {
    const cb = this.callbacks;
    this.callbacks = null;
    if (cb && cb.onError) cb.onError(end);
  }
}

/** A test scheduler whose host offers the fake Display, and the displays made on it. */
function setUp(): { s: ReturnType<typeof testScheduler>; made: FakeDisplay[] } {
  const s = testScheduler();
  const made: FakeDisplay[] = [];
  class Made extends FakeDisplay {
    constructor(options: DisplayOptions) {
      super(options);
      made.push(this);
    }
  }
  s.host.io = { target: "test", Display: Made };
  return { s, made };
}

const image = (size: number, fill = 1): Uint8Array => new Uint8Array(size).fill(fill);

describe("ImageDisplay", () => {
  it("ImageDisplay — two images arrive while the first is painting — paints the first, then only the newest; the one between is dropped", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay();
    const reports = new ListSink<ShownReport>();
    new Pipeline(display, reports).activate(s);
    s.runThreads();
    const fake = made[0];
    fake.ready();
    const a = image(100, 1);
    const b = image(200, 2);
    const c = image(300, 3);
    display.inboxes.inbox.push(a);
    s.runThreads();
    expect(fake.shown.map((x) => x.bytes)).to.deep.equal([a]);
    display.inboxes.inbox.push(b);
    s.runThreads();
    display.inboxes.inbox.push(c);
    s.runThreads();
    expect(fake.shown.length).to.equal(1); // still busy with a
    fake.finish();
    s.runThreads();
    expect(fake.shown.map((x) => x.bytes)).to.deep.equal([a, c]);
    fake.finish();
    s.runThreads();
    expect(reports.items.map((r) => [r.frame, r.bytes, r.dropped])).to.deep.equal([
      [1, 100, 1], // b was dropped before a's paint finished: drops so far
      [2, 300, 1],
    ]);
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
    expect(fake.closed).to.equal(true);
  });

  it("ShownReport — after each paint — frame, this image's bytes, all bytes received, drops, display size and host time", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay();
    const reports = new ListSink<ShownReport>();
    new Pipeline(display, reports).activate(s);
    s.runThreads();
    made[0].ready();
    s.host.advance(1234);
    display.inboxes.inbox.push(image(50));
    display.inboxes.inbox.push(image(70)); // replaces the first before it is shown
    s.runThreads();
    made[0].finish();
    s.runThreads();
    expect(reports.items).to.deep.equal([{ frame: 1, bytes: 70, totalBytes: 120, dropped: 1, width: 176, height: 144, at: 1234 }]);
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
  });

  it("ImageDisplay — images before the display is ready — the newest is shown once it is", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay({ reports: false });
    display.activate(s);
    s.runThreads();
    display.inboxes.inbox.push(image(10, 1));
    display.inboxes.inbox.push(image(20, 2));
    s.runThreads();
    expect(made[0].shown.length).to.equal(0);
    made[0].ready();
    s.runThreads();
    expect(made[0].shown.map((x) => x.bytes.length)).to.deep.equal([20]);
    made[0].finish();
    s.runThreads();
    expect(display.outboxes.outbox.dataReady()).to.equal(0); // reports: false sends none
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
  });

  it("ImageDisplay — { bytes, mime } and bare bytes — each shown with its mime type (bare ones with the option's)", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay({ mime: "image/png", reports: false });
    display.activate(s);
    s.runThreads();
    made[0].ready();
    display.inboxes.inbox.push({ bytes: image(5), mime: "image/gif" });
    s.runThreads();
    made[0].finish();
    display.inboxes.inbox.push(image(6));
    s.runThreads();
    expect(made[0].shown.map((x) => x.mime)).to.deep.equal(["image/gif", "image/png"]);
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
  });

  it("ImageDisplay — an image the platform cannot decode — skipped with a warning and no report; the next is shown", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay();
    const reports = new ListSink<ShownReport>();
    new Pipeline(display, reports).activate(s);
    s.runThreads();
    made[0].ready();
    display.inboxes.inbox.push(image(9, 0));
    s.runThreads();
    made[0].finish(false);
    s.runThreads();
    expect(reports.items).to.deep.equal([]);
    expect(s.host.logged.some((l) => l.indexOf("warn: ") === 0 && l.indexOf("could not decode a image/jpeg image of 9 bytes") >= 0)).to.equal(true);
    display.inboxes.inbox.push(image(11));
    s.runThreads();
    made[0].finish();
    s.runThreads();
    expect(reports.items.map((r) => [r.frame, r.bytes])).to.deep.equal([[1, 11]]);
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
  });

  it("ImageDisplay — producerFinished with an image waiting — paints it first, then passes the message on", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay();
    const reports = new ListSink<ShownReport>();
    new Pipeline(display, reports).activate(s);
    s.runThreads();
    made[0].ready();
    display.inboxes.inbox.push(image(1));
    s.runThreads();
    display.inboxes.inbox.push(image(2)); // waits: dropped when 3 arrives
    s.runThreads();
    display.inboxes.inbox.push(image(3));
    const finished = producerFinished();
    display.inboxes.control.push(finished);
    s.runThreads();
    expect(reports.items.length).to.equal(0);
    made[0].finish();
    s.runThreads();
    made[0].finish();
    s.runThreads();
    expect(reports.items.map((r) => r.bytes)).to.deep.equal([1, 3]);
    expect(s.listAllThreads()).to.deep.equal([]);
    expect(made[0].closed).to.equal(true);
  });

  it("ImageDisplay — shutdownMicroprocess with an image in flight — passes it on at once and closes the display", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay({ reports: false });
    const after = new ListSink<ShownReport>();
    new Pipeline(display, after).activate(s);
    s.runThreads();
    made[0].ready();
    display.inboxes.inbox.push(image(4));
    s.runThreads();
    display.inboxes.control.push(shutdownMicroprocess());
    s.runThreads();
    expect(made[0].closed).to.equal(true);
    expect(s.listAllThreads()).to.deep.equal([]);
  });

  it("ImageDisplay — the display ends — producerFinished(IOFailed) on signal, with a warning", () => {
    const { s, made } = setUp();
    const display = new ImageDisplay({ reports: false });
    const downstream = new ListSink<unknown>();
    display.activate(s);
    // Watch its signal through a sink on control, as a Pipeline would.
    downstream.activate(s);
    display.link([display, "signal"], [downstream, "control"]);
    s.runThreads();
    made[0].end({ code: "failed", message: "the canvas has no 2d context" });
    s.runThreads();
    const ended = downstream.outboxes.signal.dataReady() > 0 ? downstream.outboxes.signal.takeAll()[0] : null;
    expect(ended).to.be.instanceOf(ProducerFinished);
    const failed = (ended as ProducerFinished).message as InstanceType<typeof IOFailed>;
    expect(failed).to.be.instanceOf(IOFailed);
    expect(failed.message).to.contain("the canvas has no 2d context");
    expect(s.host.logged.some((l) => l.indexOf("warn: ") === 0 && l.indexOf("display ended") >= 0)).to.equal(true);
    display.unlink();
  });

  it("ImageDisplay — a message that is not an image — crashes with an AxonError naming it", () => {
    const errors: unknown[] = [];
    const { s, made } = setUp();
    s.hooks = { onError: (error) => errors.push(error) };
    const display = new ImageDisplay();
    display.activate(s);
    s.runThreads();
    made[0].ready();
    (display.inboxes.inbox as unknown as { push(m: unknown): void }).push("not an image");
    s.runThreads();
    expect(errors[0]).to.be.instanceOf(AxonError);
    expect((errors[0] as Error).message).to.contain("got string");
    expect(made[0].closed).to.equal(true);
  });

  it("ImageDisplay — a host without a Display — IONotAvailable; a mime type without a slash — AxonError at construction", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (error) => errors.push(error) });
    s.host.io = { target: "desktop" };
    new ImageDisplay().activate(s);
    s.runThreads();
    expect(errors[0]).to.be.instanceOf(IONotAvailable);
    expect((errors[0] as Error).message).to.contain("Display").and.contain("desktop");
    expect(() => new ImageDisplay({ mime: "jpeg" })).to.throw(AxonError, /image\/jpeg/);
  });
});
