/**
 * WaitComplete: `yield WaitComplete(gen)` runs a sub-generator to its end before the caller resumes, while
 * other components keep running. Covers its return value, nesting, exceptions thrown at the caller's yield
 * (caught or crashing the component), pause and wake inside it, and stop() while inside it.
 */
import { expect } from "chai";
import { Component, WaitComplete, newComponent } from "../../src/index";
import type { MainLoop } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

/** Logs `steps` times, one line per step. */
class Other extends Component {
  static override Name = "Other";
  constructor(
    private readonly log: string[],
    private readonly steps: number,
  ) {
    super();
  }
  override *main(): MainLoop {
    for (let i = 0; i < this.steps; i++) {
      this.log.push("other " + i);
      yield 1;
    }
  }
}

/** Waits on a three-step sub-generator, logging before and after. */
class Caller extends Component {
  static override Name = "Caller";
  constructor(private readonly log: string[]) {
    super();
  }
  *sub(): MainLoop {
    for (let i = 0; i < 3; i++) {
      this.log.push("sub " + i);
      yield 1;
    }
  }
  override *main(): MainLoop {
    this.log.push("caller before");
    yield WaitComplete(this.sub());
    this.log.push("caller after");
  }
}

/** Runs `body` as its main, so each test can write the generator it needs inline. */
class Script extends Component {
  static override Name = "Script";
  result: unknown = undefined;
  caught: unknown = undefined;
  readonly log: string[] = [];
  constructor(private readonly body: (self: Script) => MainLoop) {
    super();
  }
  override *main(): MainLoop {
    yield* this.body(this);
  }
}

/** Sends "ping" to `target` after `delay` steps, first noting whether the target was paused. */
class LateSender extends Component {
  static override Name = "LateSender";
  targetWasPaused = false;
  constructor(
    private readonly target: Component,
    private readonly delay: number,
  ) {
    super();
  }
  override *main(): MainLoop {
    this.link([this, "outbox"], [this.target, "inbox"]);
    for (let i = 0; i < this.delay; i++) yield 1;
    this.targetWasPaused = this.target.isPaused();
    this.send("ping");
  }
}

function* returns<T>(value: T): MainLoop<T> {
  yield 1;
  return value;
}

function* throws(error: unknown): MainLoop {
  yield 1;
  throw error;
}

describe("WaitComplete", () => {
  it("yield WaitComplete(gen) — with another component running — runs gen to its end before the caller resumes", () => {
    const s = testScheduler();
    const log: string[] = [];
    new Caller(log).activate(s);
    new Other(log, 8).run(s);
    const after = log.indexOf("caller after");
    expect(log.filter((line) => line.indexOf("sub") === 0)).to.deep.equal(["sub 0", "sub 1", "sub 2"]);
    expect(after).to.be.greaterThan(log.indexOf("sub 2"));
    expect(log.indexOf("caller before")).to.be.lessThan(log.indexOf("sub 0"));
  });

  it("yield WaitComplete(gen) — while gen runs — lets other components run between its steps", () => {
    const s = testScheduler();
    const log: string[] = [];
    new Caller(log).activate(s);
    new Other(log, 8).run(s);
    const between = log.slice(log.indexOf("sub 0"), log.indexOf("sub 2"));
    expect(between.filter((line) => line.indexOf("other") === 0)).to.have.length.greaterThan(0);
  });

  it("yield WaitComplete(gen) — gen returns a value — becomes the value of the caller's yield", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      self.result = yield WaitComplete(returns(42));
    });
    script.run(s);
    expect(script.result).to.equal(42);
  });

  it("yield WaitComplete(gen) — gen returns nothing — the caller's yield gives undefined", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      self.result = "unchanged";
      self.result = yield WaitComplete(returns(undefined));
    });
    script.run(s);
    expect(script.result).to.equal(undefined);
  });

  it("yield WaitComplete(gen) — gen that never yields — still returns its value to the caller", () => {
    const s = testScheduler();
    // Ends without yielding: the scheduler must still hand its value back.
    function* immediate(): MainLoop<string> {
      return "at once";
    }
    const script = new Script(function* (self) {
      self.result = yield WaitComplete(immediate());
    });
    script.run(s);
    expect(script.result).to.equal("at once");
  });

  it("WaitComplete — nested two deep — returns each level's value to the level above", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      function* inner(): MainLoop<number> {
        self.log.push("inner");
        yield 1;
        return 5;
      }
      function* middle(): MainLoop<number> {
        self.log.push("middle before");
        const five = (yield WaitComplete(inner())) as number;
        self.log.push("middle after");
        return five * 2;
      }
      self.result = yield WaitComplete(middle());
      self.log.push("outer after");
    });
    script.run(s);
    expect(script.result).to.equal(10);
    expect(script.log).to.deep.equal(["middle before", "inner", "middle after", "outer after"]);
  });

  it("WaitComplete — called twice in a row — runs each sub-generator in turn", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      const a = yield WaitComplete(returns("a"));
      const b = yield WaitComplete(returns("b"));
      self.result = [a, b];
    });
    script.run(s);
    expect(script.result).to.deep.equal(["a", "b"]);
  });

  it("WaitComplete — gen throws — the error is thrown at the caller's yield and can be caught there", () => {
    const s = testScheduler();
    const boom = new Error("sub failed");
    const script = new Script(function* (self) {
      try {
        yield WaitComplete(throws(boom));
        self.log.push("not reached");
      } catch (e) {
        self.caught = e;
      }
      self.log.push("carried on");
    });
    script.run(s);
    expect(script.caught).to.equal(boom);
    expect(script.log).to.deep.equal(["carried on"]);
    expect(script.crashed).to.equal(false);
  });

  it("WaitComplete — gen throws and the caller does not catch — crashes the component with that error", () => {
    const s = testScheduler();
    const boom = new Error("sub failed");
    const script = new Script(function* () {
      yield WaitComplete(throws(boom));
    });
    script.run(s);
    expect(script.crashed).to.equal(true);
    expect(script.error).to.equal(boom);
    expect(script.isStopped()).to.equal(true);
  });

  it("WaitComplete — an error two levels down that the middle does not catch — reaches the caller's yield", () => {
    const s = testScheduler();
    const boom = new Error("deep");
    const script = new Script(function* (self) {
      function* middle(): MainLoop {
        try {
          yield WaitComplete(throws(boom));
          self.log.push("middle not reached");
        } finally {
          self.log.push("middle finally");
        }
      }
      try {
        yield WaitComplete(middle());
      } catch (e) {
        self.caught = e;
      }
    });
    script.run(s);
    expect(script.caught).to.equal(boom);
    expect(script.log).to.deep.equal(["middle finally"]);
  });

  it("pause — inside a sub-generator — sleeps until a delivery wakes it", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      function* awaitMessage(): MainLoop<unknown> {
        while (!self.dataReady()) {
          self.pause();
          yield 1;
        }
        return self.recv();
      }
      self.result = yield WaitComplete(awaitMessage());
    });
    const sender = new LateSender(script, 5);
    script.activate(s);
    sender.run(s);
    expect(sender.targetWasPaused).to.equal(true);
    expect(script.result).to.equal("ping");
  });

  it("newComponent — yielded inside a sub-generator — activates the component", () => {
    const s = testScheduler();
    const log: string[] = [];
    const other = new Other(log, 1);
    const script = new Script(function* () {
      function* start(): MainLoop {
        yield newComponent(other);
      }
      yield WaitComplete(start());
    });
    script.run(s);
    expect(log).to.deep.equal(["other 0"]);
    expect(other.isStopped()).to.equal(true);
  });

  it("stop — while the component waits in a sub-generator — runs finally blocks innermost first", () => {
    const s = testScheduler();
    const script = new Script(function* (self) {
      function* forever(): MainLoop {
        try {
          for (;;) {
            self.pause();
            yield 1;
          }
        } finally {
          self.log.push("inner finally");
        }
      }
      try {
        yield WaitComplete(forever());
      } finally {
        self.log.push("outer finally");
      }
    });
    script.run(s); // runs until the sub-generator is asleep
    expect(script.isPaused()).to.equal(true);
    script.stop();
    expect(script.log).to.deep.equal(["inner finally", "outer finally"]);
    expect(script.isStopped()).to.equal(true);
  });
});
