/**
 * The scheduler: round-robin in activation order, newcomers on the next cycle, newComponent, slice results
 * for host loops, stop(), and listAllThreads.
 */
import { expect } from "chai";
import {
  BadComponentState,
  Component,
  Microprocess,
  newComponent,
  SLICE_BUSY,
  SLICE_DONE,
  SLICE_IDLE,
} from "../../src/index";
import type { MainLoop } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

/** Logs its label each step, `steps` times. */
class Stepper extends Microprocess {
  static override Name = "Stepper";
  constructor(
    private readonly label: string,
    private readonly steps: number,
    private readonly log: string[],
  ) {
    super();
  }
  override *main(): MainLoop {
    for (let i = 0; i < this.steps; i++) {
      this.log.push(this.label + i);
      yield 1;
    }
  }
}

describe("scheduler", () => {
  it("components that never pause — run round-robin in activation order", () => {
    const s = testScheduler();
    const log: string[] = [];
    new Stepper("a", 3, log).activate(s);
    new Stepper("b", 3, log).activate(s);
    new Stepper("c", 3, log).activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"]);
  });

  it("a component activated mid-cycle — starts on the next cycle, after the others", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Spawner extends Microprocess {
      static override Name = "Spawner";
      override *main(): MainLoop {
        log.push("spawn");
        new Stepper("new", 2, log).activate(this.scheduler!);
        yield 1;
        log.push("spawner again");
        yield 1;
      }
    }
    new Spawner().activate(s);
    new Stepper("b", 2, log).activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["spawn", "b0", "spawner again", "b1", "new0", "new1"]);
  });

  it("yield newComponent — activates the components on the yielder's scheduler", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Parent extends Component {
      static override Name = "Parent";
      override *main(): MainLoop {
        yield newComponent(new Stepper("x", 1, log), new Stepper("y", 1, log));
        log.push("parent");
      }
    }
    new Parent().activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["parent", "x0", "y0"]);
  });

  it("runSlice — with a step budget — stops mid-cycle and resumes where it left off", () => {
    const s = testScheduler();
    const log: string[] = [];
    new Stepper("a", 2, log).activate(s);
    new Stepper("b", 2, log).activate(s);
    new Stepper("c", 2, log).activate(s);
    expect(s.runSlice(2)).to.equal(SLICE_BUSY);
    expect(log).to.deep.equal(["a0", "b0"]);
    s.runSlice(2);
    expect(log).to.deep.equal(["a0", "b0", "c0", "a1"]);
    s.runThreads();
    expect(log).to.deep.equal(["a0", "b0", "c0", "a1", "b1", "c1"]);
  });

  it("runSlice — with nothing activated — reports SLICE_DONE", () => {
    const s = testScheduler();
    expect(s.runSlice()).to.equal(SLICE_DONE);
  });

  it("runSlice — with every component paused and no timer — reports SLICE_IDLE", () => {
    const s = testScheduler();
    class Idle extends Microprocess {
      static override Name = "Idle";
      override *main(): MainLoop {
        this.pause();
        yield 1;
      }
    }
    new Idle().activate(s);
    expect(s.runSlice()).to.equal(SLICE_IDLE);
    s.stop();
  });

  it("runThreads — with a timer pending — sleeps through the host until it is due", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Later extends Microprocess {
      static override Name = "Later";
      override *main(): MainLoop {
        this.pauseFor(250);
        yield 1;
        log.push("at " + this.now());
      }
    }
    new Later().activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["at 250"]);
  });

  it("stop — on the scheduler — ends every component and runs their finally blocks", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Forever extends Microprocess {
      static override Name = "Forever";
      override *main(): MainLoop {
        try {
          for (;;) yield 1;
        } finally {
          log.push("cleaned " + this.name.split("_")[0]);
        }
      }
    }
    const a = new Forever().activate(s);
    const b = new Forever().activate(s);
    s.runSlice(10);
    s.stop();
    expect(a.isStopped() && b.isStopped()).to.equal(true);
    expect(log).to.deep.equal(["cleaned Forever", "cleaned Forever"]);
    expect(s.runSlice()).to.equal(SLICE_DONE);
  });

  it("stop — called by a component on itself — ends it at that yield", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Quitter extends Microprocess {
      static override Name = "Quitter";
      override *main(): MainLoop {
        log.push("before");
        this.stop();
        yield 1;
        log.push("never");
      }
    }
    const q = new Quitter().activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["before"]);
    expect(q.isStopped()).to.equal(true);
  });

  it("stop — on a component another is running beside — ends only that one", () => {
    const s = testScheduler();
    const log: string[] = [];
    const victim = new Stepper("v", 100, log).activate(s);
    class Killer extends Microprocess {
      static override Name = "Killer";
      override *main(): MainLoop {
        yield 1;
        victim.stop();
        yield 1;
        log.push("killer done");
      }
    }
    new Killer().activate(s);
    s.runThreads();
    expect(log).to.deep.equal(["v0", "v1", "killer done"]);
  });

  it("activate — twice — throws BadComponentState", () => {
    const s = testScheduler();
    const c = new Stepper("a", 1, []).activate(s);
    expect(() => c.activate(s)).to.throw(BadComponentState, /already activated/);
    s.stop();
  });

  it("activate — a component whose main is not a generator — throws BadComponentState saying so", () => {
    const s = testScheduler();
    class Wrong extends Microprocess {
      static override Name = "Wrong";
      override main(): MainLoop {
        return undefined as unknown as MainLoop;
      }
    }
    expect(() => new Wrong().activate(s)).to.throw(BadComponentState, /write \*main\(\)/);
  });

  it("listAllThreads — lists live components in activation order, readable names included", () => {
    const s = testScheduler();
    const a = new Stepper("a", 5, []).activate(s);
    const b = new Stepper("b", 1, []).activate(s);
    const c = new Stepper("c", 5, []).activate(s);
    s.runSlice(5); // a0 b0 c0 a1, then b ends
    expect(s.listAllThreads()).to.deep.equal([a, c]);
    expect(a.name).to.match(/^Stepper_\d+$/);
    void b;
    s.stop();
  });

  it("hooks — onActivate and onFinish — see every component's life", () => {
    const events: string[] = [];
    const s = testScheduler({
      onActivate: (who) => events.push("start " + who.name.split("_")[0]),
      onFinish: (who) => events.push("end " + who.name.split("_")[0]),
    });
    new Stepper("a", 1, []).activate(s);
    s.runThreads();
    expect(events).to.deep.equal(["start Stepper", "end Stepper"]);
  });

  it("a thousand components — each stepping ten times — all run to completion", () => {
    const s = testScheduler();
    let total = 0;
    class Ten extends Microprocess {
      static override Name = "Ten";
      override *main(): MainLoop {
        for (let i = 0; i < 10; i++) {
          total++;
          yield 1;
        }
      }
    }
    for (let i = 0; i < 1000; i++) new Ten().activate(s);
    s.runThreads();
    expect(total).to.equal(10000);
    expect(s.listAllThreads()).to.have.length(0);
  });
});
