/**
 * The callback form: a component that leaves `main` alone and overrides initialiseComponent, mainBody and
 * closeDownComponent. Covers their order, what mainBody's return value means, and a child started by
 * returning newComponent(...) from initialiseComponent.
 */
import { expect } from "chai";
import { Component, newComponent } from "../../src/index";
import type { MainLoop, YieldValue } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

/** Logs each callback; mainBody asks to be called again until it has run `rounds` times. */
class Counted extends Component {
  static override Name = "Counted";
  readonly log: string[];
  private round = 0;
  constructor(
    private readonly rounds: number,
    log?: string[],
  ) {
    super();
    this.log = log || [];
  }
  override initialiseComponent(): void {
    this.log.push(this.name + " init");
  }
  override mainBody(): YieldValue | void {
    this.round++;
    this.log.push(this.name + " body " + this.round);
    return this.round < this.rounds ? 1 : 0;
  }
  override closeDownComponent(): void {
    this.log.push(this.name + " close");
  }
}

/** mainBody returns `result` once, and counts its calls. */
class ReturnsOnce extends Component {
  static override Name = "ReturnsOnce";
  calls = 0;
  closed = false;
  constructor(private readonly result: YieldValue | void) {
    super();
  }
  override mainBody(): YieldValue | void {
    this.calls++;
    return this.calls === 1 ? this.result : 0;
  }
  override closeDownComponent(): void {
    this.closed = true;
  }
}

/** A generator-form child that notes it ran. */
class Child extends Component {
  static override Name = "Child";
  constructor(private readonly log: string[]) {
    super();
  }
  override *main(): MainLoop {
    this.log.push("child ran");
    yield 1;
  }
}

/** Starts `child` from initialiseComponent, then calls mainBody until the child has ended. */
class Starter extends Component {
  static override Name = "Starter";
  constructor(
    private readonly child: Child,
    private readonly log: string[],
  ) {
    super();
  }
  override initialiseComponent(): YieldValue {
    this.log.push("init");
    this.addChildren(this.child);
    return newComponent(this.child);
  }
  override mainBody(): YieldValue | void {
    if (!this.childrenDone()) {
      this.pause(); // woken when the child ends
      return 1;
    }
    this.log.push("child done");
    return 0;
  }
}

describe("callback form", () => {
  it("callbacks — overridden instead of main — run init, each body, then close, in order", () => {
    const s = testScheduler();
    const c = new Counted(3);
    c.run(s);
    const n = c.name;
    expect(c.log).to.deep.equal([n + " init", n + " body 1", n + " body 2", n + " body 3", n + " close"]);
    expect(c.isStopped()).to.equal(true);
    expect(c.crashed).to.equal(false);
  });

  for (const [label, falsy] of [
    ["0", 0],
    ["false", false],
    ["undefined", undefined],
  ] as [string, YieldValue | void][]) {
    it(`mainBody — returning ${label} — finishes the component after one call and runs closeDownComponent`, () => {
      const s = testScheduler();
      const c = new ReturnsOnce(falsy);
      c.run(s);
      expect(c.calls).to.equal(1);
      expect(c.closed).to.equal(true);
      expect(c.isStopped()).to.equal(true);
      expect(c.crashed).to.equal(false);
    });
  }

  it("mainBody — returning 1 — is called again", () => {
    const s = testScheduler();
    const c = new ReturnsOnce(1);
    c.run(s);
    expect(c.calls).to.equal(2);
    expect(c.closed).to.equal(true);
  });

  it("mainBody — returning 1 — hands control back to the scheduler between calls", () => {
    const s = testScheduler();
    const log: string[] = [];
    const a = new Counted(3, log);
    const b = new Counted(3, log);
    a.activate(s);
    b.run(s);
    const bodies = log.filter((line) => line.indexOf(" body ") >= 0);
    expect(bodies).to.deep.equal([
      a.name + " body 1",
      b.name + " body 1",
      a.name + " body 2",
      b.name + " body 2",
      a.name + " body 3",
      b.name + " body 3",
    ]);
  });

  it("mainBody — not overridden — the component finishes at once without crashing", () => {
    const s = testScheduler();
    const c = new Component();
    c.run(s);
    expect(c.isStopped()).to.equal(true);
    expect(c.crashed).to.equal(false);
  });

  it("initialiseComponent — returning newComponent(child) — activates the child, which runs", () => {
    const s = testScheduler();
    const log: string[] = [];
    const child = new Child(log);
    const starter = new Starter(child, log);
    starter.run(s);
    expect(log).to.deep.equal(["init", "child ran", "child done"]);
    expect(child.isStopped()).to.equal(true);
    expect(starter.isStopped()).to.equal(true);
    expect(starter.crashed).to.equal(false);
  });

  it("mainBody — returning newComponent(child) — activates the child and is called again", () => {
    const s = testScheduler();
    const log: string[] = [];
    const child = new Child(log);
    const c = new ReturnsOnce(newComponent(child));
    c.run(s);
    expect(log).to.deep.equal(["child ran"]);
    expect(c.calls).to.equal(2);
    expect(child.isStopped()).to.equal(true);
  });
});
