/**
 * Crash isolation: a component whose main() throws is removed while the rest run on. Covers the error
 * reaching hooks.onError or host.log, the parent being woken, teardown of linkages and services, a
 * throwing hook, reserved (falsy) yields, and newComponent of a component that cannot be activated.
 */
import { expect } from "chai";
import {
  AxonError,
  BadComponentState,
  Component,
  Pipeline,
  ReservedYield,
  liveLinkageCount,
  newComponent,
} from "../../src/index";
import type { MainLoop, Runnable, YieldValue } from "../../src/index";
import { ListSink, ListSource } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

/** Throws `thrown` from main() after `steps` yields. */
class Boom extends Component {
  static override Name = "Boom";
  constructor(
    private readonly thrown: unknown = new Error("kaboom"),
    private readonly steps = 1,
  ) {
    super();
  }
  override *main(): MainLoop {
    for (let i = 0; i < this.steps; i++) yield 1;
    throw this.thrown;
  }
}

/** Throws undefined from main(), which a default parameter would otherwise replace. */
class ThrowsUndefined extends Component {
  static override Name = "ThrowsUndefined";
  override *main(): MainLoop {
    yield 1;
    throw undefined;
  }
}

/** Yields `value` once: the way to reach the scheduler with a value the MainLoop type forbids. */
class Yields extends Component {
  static override Name = "Yields";
  constructor(private readonly value: unknown) {
    super();
  }
  override *main(): MainLoop {
    yield this.value as YieldValue; // cast: the type forbids falsy yields, and the test needs one
  }
}

/** A component that is only a link target; it is never activated. */
class Plain extends Component {
  static override Name = "Plain";
}

/** Runs for `steps` yields and ends. */
class Steps extends Component {
  static override Name = "Steps";
  constructor(private readonly steps: number) {
    super();
  }
  override *main(): MainLoop {
    for (let i = 0; i < this.steps; i++) yield 1;
  }
}

/** Starts `child` as its child, sleeps until it ends, then records what became of it. */
class Parent extends Component {
  static override Name = "Parent";
  resumes = 0;
  sawCrashed = false;
  sawError: unknown = undefined;
  constructor(private readonly child: Component) {
    super();
  }
  override *main(): MainLoop {
    this.addChildren(this.child);
    yield newComponent(this.child);
    while (!this.childrenDone()) {
      this.pause();
      yield 1;
      this.resumes++;
    }
    this.sawCrashed = this.child.crashed;
    this.sawError = this.child.error;
  }
}

/** Yields newComponent(target) and records what was thrown at that yield, if anything. */
class Activator extends Component {
  static override Name = "Activator";
  caught: unknown = undefined;
  carriedOn = false;
  constructor(
    private readonly target: Component | null,
    private readonly catchIt: boolean,
  ) {
    super();
  }
  override *main(): MainLoop {
    const target = this.target || this;
    if (this.catchIt) {
      try {
        yield newComponent(target);
      } catch (e) {
        this.caught = e;
      }
    } else {
      yield newComponent(target);
    }
    this.carriedOn = true;
  }
}

/** Links its outbox to `target`, notes how many linkages are live, then throws. */
class LinkThenBoom extends Component {
  static override Name = "LinkThenBoom";
  linkagesWhileRunning = -1;
  constructor(private readonly target: Component) {
    super();
  }
  override *main(): MainLoop {
    this.link([this, "outbox"], [this.target, "inbox"]);
    this.linkagesWhileRunning = liveLinkageCount();
    yield 1;
    throw new Error("after linking");
  }
}

/** A source → sink pipeline that should finish whatever else crashes beside it. */
function bystanders(): { pipeline: Pipeline; sink: ListSink<number> } {
  const sink = new ListSink<number>();
  return { pipeline: new Pipeline(new ListSource([1, 2, 3, 4, 5]), sink), sink };
}

describe("crash isolation", () => {
  describe("a component whose main throws", () => {
    it("main — throws — the component is stopped, marked crashed, and keeps the error", () => {
      const s = testScheduler();
      const error = new Error("kaboom");
      const boom = new Boom(error);
      boom.run(s);
      expect(boom.isStopped()).to.equal(true);
      expect(boom.isRunning()).to.equal(false);
      expect(boom.crashed).to.equal(true);
      expect(boom.error).to.equal(error);
    });

    it("main — throws — the component is removed from the scheduler's live list", () => {
      const s = testScheduler();
      const boom = new Boom(new Error("kaboom"), 3);
      const steady = new Steps(10);
      boom.activate(s);
      steady.activate(s);
      s.runSlice(8); // Boom has crashed by now; Steps has steps left
      expect(boom.isStopped()).to.equal(true);
      expect(s.listAllThreads()).to.deep.equal([steady]);
      s.runThreads();
    });

    it("main — throws while others run — the others run to completion", () => {
      const s = testScheduler();
      const { pipeline, sink } = bystanders();
      pipeline.activate(s);
      new Boom(new Error("kaboom"), 2).run(s);
      expect(sink.items).to.deep.equal([1, 2, 3, 4, 5]);
      expect(pipeline.isStopped()).to.equal(true);
      expect(pipeline.crashed).to.equal(false);
    });

    it("main — throws undefined — the component is still marked crashed", () => {
      const s = testScheduler();
      const boom = new ThrowsUndefined();
      boom.run(s);
      expect(boom.crashed).to.equal(true);
      expect(boom.error).to.equal(undefined);
      expect(s.host.logged).to.deep.equal(["error: " + boom.name + " crashed and was removed: undefined"]);
    });
  });

  describe("reporting", () => {
    it("hooks.onError — set — receives the error and the crashed component", () => {
      const reports: [unknown, Runnable][] = [];
      const s = testScheduler({ onError: (error, who) => reports.push([error, who]) });
      const error = new Error("kaboom");
      const boom = new Boom(error);
      boom.run(s);
      expect(reports).to.have.length(1);
      expect(reports[0][0]).to.equal(error);
      expect(reports[0][1]).to.equal(boom);
      expect(reports[0][1].name).to.match(/^Boom_\d+$/);
    });

    it("hooks.onError — set — replaces the host.log line", () => {
      const s = testScheduler({ onError: () => undefined });
      new Boom().run(s);
      expect(s.host.logged).to.deep.equal([]);
    });

    it("hooks — on a crash — call onError before onFinish", () => {
      const calls: string[] = [];
      const s = testScheduler({
        onError: (_error, who) => calls.push("onError " + who.name),
        onFinish: (who) => calls.push("onFinish " + who.name),
      });
      const boom = new Boom();
      boom.run(s);
      expect(calls).to.deep.equal(["onError " + boom.name, "onFinish " + boom.name]);
    });

    it("host.log — with no onError hook — receives one error line naming the component and error", () => {
      const s = testScheduler();
      const boom = new Boom(new Error("kaboom"));
      boom.run(s);
      expect(s.host.logged).to.deep.equal(["error: " + boom.name + " crashed and was removed: Error: kaboom"]);
      expect(s.host.logged[0]).to.match(/^error: Boom_\d+ crashed and was removed: Error: kaboom$/);
    });

    it("hooks.onError — throwing — is logged and the scheduler runs on", () => {
      const s = testScheduler({
        onError: () => {
          throw new Error("hook broke");
        },
      });
      const { pipeline, sink } = bystanders();
      const boom = new Boom(new Error("kaboom"), 2);
      pipeline.activate(s);
      boom.run(s);
      expect(boom.isStopped()).to.equal(true);
      expect(sink.items).to.deep.equal([1, 2, 3, 4, 5]);
      expect(s.host.logged).to.deep.equal(["error: a scheduler hook threw: Error: hook broke"]);
    });
  });

  describe("what a crash leaves behind", () => {
    it("a crashed child — of a sleeping parent — wakes the parent, which can read child.error", () => {
      const s = testScheduler();
      const error = new Error("child failed");
      const child = new Boom(error, 3);
      const parent = new Parent(child);
      parent.run(s);
      expect(parent.sawCrashed).to.equal(true);
      expect(parent.sawError).to.equal(error);
      expect(parent.resumes).to.equal(1); // slept until the crash, not polling
      expect(parent.crashed).to.equal(false);
    });

    it("a crashed component — that made a linkage — has that linkage removed", () => {
      const s = testScheduler();
      const before = liveLinkageCount();
      const boom = new LinkThenBoom(new Plain());
      boom.run(s);
      expect(boom.linkagesWhileRunning).to.equal(before + 1);
      expect(liveLinkageCount()).to.equal(before);
      expect(boom.linkages()).to.deep.equal([]);
    });

    it("a crashed component — that registered a service — has the service deregistered", () => {
      const s = testScheduler();
      class ServiceThenBoom extends Boom {
        static override Name = "ServiceThenBoom";
        override *main(): MainLoop {
          this.getcat().registerService("fragile", this, "inbox");
          yield* super.main();
        }
      }
      new ServiceThenBoom().run(s);
      expect(s.tracker.servicesRegistered()).to.deep.equal([]);
    });

    it("yield 0 — inside try/finally — the finally block runs as the component is removed", () => {
      const s = testScheduler();
      const log: string[] = [];
      class Guarded extends Component {
        static override Name = "Guarded";
        override *main(): MainLoop {
          try {
            yield 0;
          } finally {
            log.push("finally");
          }
        }
      }
      const guarded = new Guarded();
      guarded.run(s);
      expect(guarded.error).to.be.instanceOf(ReservedYield);
      expect(log).to.deep.equal(["finally"]);
    });

    it("a teardown cleanup — that throws — still lets the component's linkages be undone", () => {
      const s = testScheduler();
      const before = liveLinkageCount();
      class BadCleanup extends Component {
        static override Name = "BadCleanup";
        override *main(): MainLoop {
          this.link([this, "outbox"], [new Plain(), "inbox"]);
          this.addTeardown(() => {
            throw new Error("cleanup failed");
          });
          yield 1;
        }
      }
      new BadCleanup().run(s);
      expect(liveLinkageCount()).to.equal(before);
    });

    it("a teardown cleanup — that throws — still lets the cleanups registered before it run", () => {
      const s = testScheduler();
      const ran: string[] = [];
      class BadCleanup extends Component {
        static override Name = "BadCleanup";
        override *main(): MainLoop {
          this.addTeardown(() => ran.push("first registered"));
          this.addTeardown(() => {
            throw new Error("cleanup failed");
          });
          yield 1;
        }
      }
      new BadCleanup().run(s);
      expect(ran).to.deep.equal(["first registered"]);
    });

    it("a teardown cleanup — that throws in a child — still wakes the sleeping parent", () => {
      const s = testScheduler();
      class BadCleanup extends Component {
        static override Name = "BadCleanup";
        override *main(): MainLoop {
          this.addTeardown(() => {
            throw new Error("cleanup failed");
          });
          yield 1;
        }
      }
      const parent = new Parent(new BadCleanup());
      parent.run(s);
      expect(parent.isStopped()).to.equal(true);
    });
  });

  describe("reserved yields", () => {
    for (const [label, value] of [
      ["yield 0", 0],
      ["yield false", false],
      ["yield null", null],
      ['yield ""', ""],
      ["yield NaN", NaN],
    ] as [string, unknown][]) {
      it(`${label} — from main — crashes the component with ReservedYield`, () => {
        const s = testScheduler();
        const c = new Yields(value);
        c.run(s);
        expect(c.crashed).to.equal(true);
        expect(c.error).to.be.instanceOf(ReservedYield);
        expect(c.error).to.be.instanceOf(AxonError);
      });
    }

    it("bare yield — from main — crashes the component with ReservedYield", () => {
      const s = testScheduler();
      class Bare extends Component {
        static override Name = "Bare";
        override *main(): MainLoop {
          // @ts-expect-error -- MainLoop rejects a bare yield (undefined); the test needs the run-time check.
          yield;
        }
      }
      const bare = new Bare();
      bare.run(s);
      expect(bare.crashed).to.equal(true);
      expect(bare.error).to.be.instanceOf(ReservedYield);
    });

    it("ReservedYield — from yield 0 — names the component and suggests yield 1", () => {
      const s = testScheduler();
      const c = new Yields(0);
      c.run(s);
      const message = (c.error as Error).message;
      expect(message).to.contain(c.name + " yielded 0");
      expect(message).to.contain("yield 1");
    });

    it("yield 0 — from one component — leaves the others running to completion", () => {
      const s = testScheduler();
      const { pipeline, sink } = bystanders();
      pipeline.activate(s);
      new Yields(0).run(s);
      expect(sink.items).to.deep.equal([1, 2, 3, 4, 5]);
    });
  });

  describe("newComponent of a component that cannot be activated", () => {
    it("yield newComponent — of an already-active component — throws BadComponentState at that yield", () => {
      const s = testScheduler();
      const running = new Steps(5);
      const activator = new Activator(running, true);
      running.activate(s);
      activator.run(s);
      expect(activator.caught).to.be.instanceOf(BadComponentState);
      expect((activator.caught as Error).message).to.contain(running.name + " is already activated");
      expect(activator.carriedOn).to.equal(true);
      expect(activator.crashed).to.equal(false);
    });

    it("yield newComponent — of itself — throws BadComponentState at that yield", () => {
      const s = testScheduler();
      const activator = new Activator(null, true);
      activator.run(s);
      expect(activator.caught).to.be.instanceOf(BadComponentState);
    });

    it("yield newComponent — of a finished component — throws BadComponentState saying so", () => {
      const s = testScheduler();
      const finished = new Steps(0);
      finished.run(s);
      const activator = new Activator(finished, true);
      activator.run(s);
      expect(activator.caught).to.be.instanceOf(BadComponentState);
      expect((activator.caught as Error).message).to.contain("has already finished");
    });

    it("yield newComponent — of an active component, not caught — crashes the caller with BadComponentState", () => {
      const s = testScheduler();
      const running = new Steps(5);
      const activator = new Activator(running, false);
      running.activate(s);
      activator.run(s);
      expect(activator.crashed).to.equal(true);
      expect(activator.error).to.be.instanceOf(BadComponentState);
      expect(activator.carriedOn).to.equal(false);
      expect(running.isStopped()).to.equal(true);
      expect(running.crashed).to.equal(false);
    });
  });
});
