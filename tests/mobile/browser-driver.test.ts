/**
 * The mobile host and BrowserDriver on fake browser globals: which IO kinds the host offers, its log,
 * print and clock; the driver's turns (setImmediate, else a MessageChannel), its one timer for a
 * `pauseFor`, nothing scheduled when idle, onDone, the default scheduler; and the viewer's pipeline —
 * WebSocketClient into ImageDisplay — end to end on the fakes.
 */
import { expect } from "chai";
import { Collector, Component, DataSource, ImageDisplay, Pipeline, ProducerFinished, WebSocketClient, defaultScheduler, setDefaultScheduler } from "../../src/index";
import type { IOEnd, MainLoop, Scheduler, ShownReport } from "../../src/index";
import { BrowserDriver, createMobileHost } from "../../targets/mobile/index";
import { fakeCanvas, fakeGlobals } from "./fake-globals";

/** Sleeps once for `ms` with pauseFor, then ends. */
class Sleeper extends Component {
  static override Name = "Sleeper";
  constructor(private readonly ms: number) {
    super();
  }
  override *main(): MainLoop {
    this.pauseFor(this.ms);
    yield 1;
  }
}

/** Pauses until stopped. */
class Idler extends Component {
  static override Name = "Idler";
  override *main(): MainLoop {
    for (;;) {
      this.pause();
      yield 1;
    }
  }
}

describe("mobile host", () => {
  it("createMobileHost — a page with WebSocket and a canvas id — io offers WebSocketClient and Display, target mobile", () => {
    const fakes = fakeGlobals();
    const canvas = fakeCanvas();
    fakes.g.document = { getElementById: (id: string) => (id === "screen" ? canvas : null) };
    const host = createMobileHost({ globals: fakes.g, canvas: "screen" });
    expect(host.io.target).to.equal("mobile");
    expect(host.io.WebSocketClient).to.be.a("function");
    expect(host.io.Display).to.be.a("function");
    expect(() => createMobileHost({ globals: fakes.g, canvas: "nowhere" })).to.throw(TypeError, /no element with id nowhere/);
  });

  it("createMobileHost — no WebSocket and no canvas — io offers neither; options.io adds a kind", () => {
    const fakes = fakeGlobals(["WebSocket"]);
    const mine = function MyDisplay() {};
    const host = createMobileHost({ globals: fakes.g, io: { Display: mine } });
    expect(Object.keys(host.io).sort()).to.deep.equal(["Display", "target"]);
    expect(host.io.Display).to.equal(mine);
  });

  it("createMobileHost — log and print — log lines to the console's method for the level; print in whole lines", () => {
    const fakes = fakeGlobals();
    const host = createMobileHost({ globals: fakes.g });
    (host.log as (l: "warn" | "info", m: string) => void)("warn", "careful");
    (host.log as (l: "warn" | "info", m: string) => void)("info", "fyi"); // the fake console has no info: log
    const print = host.print as (text: string) => void;
    print("one\ntw");
    print("o\n");
    expect(fakes.logged).to.deep.equal(["warn [kamaelia warn] careful", "log [kamaelia info] fyi", "log one", "log two"]);
  });

  it("createMobileHost — the clock — performance.now where there is one, else Date held monotonic", () => {
    const fakes = fakeGlobals();
    expect(createMobileHost({ globals: fakes.g }).now()).to.equal(1000);
    fakes.advance(5);
    expect(createMobileHost({ globals: fakes.g }).now()).to.equal(1005);
    const old = createMobileHost({ globals: fakeGlobals(["performance"]).g });
    const a = old.now();
    const b = old.now();
    expect(b).to.be.at.least(a);
    expect(Math.abs(a - Date.now())).to.be.lessThan(60000);
  });
});

describe("BrowserDriver (mobile)", () => {
  let saved: Scheduler | null = null;
  beforeEach(() => {
    saved = defaultScheduler();
  });
  afterEach(() => {
    if (saved !== null) setDefaultScheduler(saved);
  });

  it("BrowserDriver — a finite pipeline — runs it to the end in turns posted on a MessageChannel, then calls onDone and leaves nothing pending", () => {
    const fakes = fakeGlobals();
    const driver = new BrowserDriver({ globals: fakes.g, makeDefault: false });
    const sink = new Collector<number>();
    let done = 0;
    driver.run(new Pipeline(new DataSource([1, 2, 3]), sink), () => done++);
    expect(done).to.equal(0); // nothing runs inside run(): the first turn is posted
    expect(fakes.pending()).to.equal(1);
    fakes.flush();
    expect(sink.collected).to.deep.equal([1, 2, 3]);
    expect(done).to.equal(1);
    expect(fakes.timersSet).to.deep.equal([]); // turns came through the MessageChannel, not setTimeout
    expect(fakes.pending()).to.equal(0);
  });

  it("BrowserDriver — setImmediate available (React Native) — turns use it", () => {
    const fakes = fakeGlobals();
    const immediate: Array<() => void> = [];
    fakes.g.setImmediate = (fn: () => void) => immediate.push(fn);
    const driver = new BrowserDriver({ globals: fakes.g, makeDefault: false });
    driver.run(new Sleeper(0));
    expect(immediate.length).to.equal(1);
    expect(fakes.pending()).to.equal(0);
    while (immediate.length > 0) (immediate.shift() as () => void)();
    expect(driver.scheduler.listAllThreads()).to.deep.equal([]);
  });

  it("BrowserDriver — a pauseFor(250) — one setTimeout of 250 ms; every component paused — nothing scheduled; stop() — onDone", () => {
    const fakes = fakeGlobals();
    const driver = new BrowserDriver({ globals: fakes.g, makeDefault: false });
    let done = 0;
    driver.run([new Sleeper(250), new Idler()], () => done++);
    fakes.flush(1); // the first turn: the Sleeper sleeps, the Idler pauses
    expect(fakes.timersSet).to.deep.equal([250]);
    fakes.flush(); // the timer: the Sleeper ends; the Idler is paused with no timer
    expect(fakes.pending()).to.equal(0);
    expect(driver.scheduler.listAllThreads().map((t) => t.name.split("_")[0])).to.deep.equal(["Idler"]);
    expect(done).to.equal(0);
    driver.stop();
    expect(done).to.equal(1);
    expect(driver.scheduler.listAllThreads()).to.deep.equal([]);
  });

  it("BrowserDriver — made with default options — its scheduler becomes the default, so activate() runs there", () => {
    const fakes = fakeGlobals();
    const driver = new BrowserDriver({ globals: fakes.g });
    expect(defaultScheduler()).to.equal(driver.scheduler);
    new Sleeper(0).activate();
    expect(driver.scheduler.listAllThreads().length).to.equal(1);
    driver.kick();
    fakes.flush();
    expect(driver.scheduler.listAllThreads()).to.deep.equal([]);
  });

  it("the viewer's pipeline on fakes — a JPEG arrives over the WebSocket — painted on the canvas, reported, and the server's close ends it all", () => {
    const fakes = fakeGlobals();
    const canvas = fakeCanvas();
    const driver = new BrowserDriver({ globals: fakes.g, canvas, makeDefault: false });
    const reports = new Collector<ShownReport>();
    let done = false;
    const pipeline = new Pipeline(new WebSocketClient("ws://phone.test/frames"), new ImageDisplay(), reports);
    driver.run(pipeline, () => (done = true));
    fakes.flush();
    const socket = fakes.sockets[0];
    socket.open();
    fakes.flush();
    socket.receive(new Uint8Array([0xff, 0xd8, 1, 2, 0xff, 0xd9]).buffer);
    fakes.flush();
    fakes.images[0].load(176, 144);
    fakes.flush();
    expect(canvas.context.calls).to.deep.equal(["drawImage 0,0,176,144"]);
    expect(reports.collected.map((r) => [r.frame, r.bytes, r.width, r.height])).to.deep.equal([[1, 6, 176, 144]]);
    socket.closed(1000, "bye");
    fakes.flush();
    expect(done).to.equal(true);
    expect(fakes.pending()).to.equal(0);
    const end = (pipeline.outboxes.signal.takeAll()[0] as ProducerFinished).message as IOEnd;
    expect(end).to.deep.equal({ code: "closed", message: "closed with code 1000: bye" });
  });
});
