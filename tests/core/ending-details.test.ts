/**
 * Details of how components end that the kernel guarantees: newComponent activates all or none, an error
 * thrown while stopping is still reported, services registered before activation are still withdrawn,
 * closeDownComponent runs however a callback-form component ends, and closed handles refuse work.
 */
import { expect } from "chai";
import {
  BadComponentState,
  Component,
  CoordinatingAssistantTracker,
  Handle,
  Microprocess,
  newComponent,
} from "../../src/index";
import type { MainLoop } from "../../src/index";
import { Mapper } from "../helpers/components";
import { testScheduler } from "../helpers/test-scheduler";

class Idle extends Microprocess {
  static override Name = "Idle";
  override *main(): MainLoop {
    yield 1;
  }
}

describe("ending details", () => {
  it("yield newComponent — one fresh and one already active — activates neither", () => {
    const s = testScheduler();
    const fresh = new Idle();
    const active = new Idle().activate(s);
    class Starter extends Microprocess {
      static override Name = "Starter";
      caught: unknown = null;
      override *main(): MainLoop {
        try {
          yield newComponent(fresh, active);
        } catch (e) {
          this.caught = e;
        }
      }
    }
    const starter = new Starter();
    starter.run(s);
    expect(starter.caught).to.be.instanceOf(BadComponentState);
    expect(fresh.isRunning() || fresh.isStopped()).to.equal(false);
  });

  it("a component — that stops itself and then throws in the same step — is reported as crashed", () => {
    const errors: unknown[] = [];
    const s = testScheduler({ onError: (e) => errors.push(e) });
    class StopThenThrow extends Microprocess {
      static override Name = "StopThenThrow";
      override *main(): MainLoop {
        this.stop();
        throw new Error("after stop");
      }
    }
    const c = new StopThenThrow();
    c.run(s);
    expect(c.crashed).to.equal(true);
    expect(errors).to.have.length(1);
  });

  it("a service — registered through getcat() before activation on another scheduler — is withdrawn when its component ends", () => {
    const s = testScheduler();
    class Provider extends Component {
      static override Name = "Provider";
      override *main(): MainLoop {
        yield 1;
      }
    }
    const p = new Provider();
    p.getcat().registerService("early", p, "inbox");
    expect(CoordinatingAssistantTracker.getcat().servicesRegistered()).to.include("early");
    p.run(s);
    expect(CoordinatingAssistantTracker.getcat().servicesRegistered()).to.not.include("early");
  });

  it("closeDownComponent — in a callback-form component stopped from outside — still runs once", () => {
    const s = testScheduler();
    const log: string[] = [];
    class Forever extends Component {
      static override Name = "Forever";
      override mainBody(): number {
        return 1;
      }
      override closeDownComponent(): void {
        log.push("closed");
      }
    }
    const c = new Forever().activate(s);
    s.runSlice(5);
    c.stop();
    expect(log).to.deep.equal(["closed"]);
  });

  it("a Handle — after close — refuses put and shutdown with BadComponentState", () => {
    const s = testScheduler();
    const h = new Handle(new Mapper((x: number) => x), s);
    h.put(1);
    expect(h.get()).to.equal(1);
    h.shutdown();
    h.close();
    expect(() => h.put(2)).to.throw(BadComponentState, /is closed/);
    expect(() => h.shutdown()).to.throw(BadComponentState, /shutdown before close/);
  });

  it("a Handle — given a scheduler other than the one its component runs on — throws BadComponentState", () => {
    const s = testScheduler();
    const other = testScheduler();
    const m = new Mapper((x: number) => x).activate(s);
    expect(() => new Handle(m, other)).to.throw(BadComponentState, /another scheduler/);
    s.stop();
  });

  it("a component class — with no Inboxes or Outboxes statics at all — gets the default boxes", () => {
    // A hand-written ES5 subclass whose constructor function does not inherit Component's statics.
    function Bare() {}
    Bare.prototype = Object.create(Component.prototype);
    Bare.prototype.constructor = Bare;
    const c = Reflect.construct(Component, [], Bare) as Component;
    expect(Object.keys(c.inboxes).sort()).to.deep.equal(["control", "inbox"]);
    expect(Object.keys(c.outboxes).sort()).to.deep.equal(["outbox", "signal"]);
    c.stop();
  });
});

describe("array forms for many components", () => {
  it("newComponent — given one array — activates every component in it", () => {
    const s = testScheduler();
    const many = [new Idle(), new Idle(), new Idle()];
    class Starter extends Microprocess {
      static override Name = "Starter";
      override *main(): MainLoop {
        yield newComponent(many);
      }
    }
    new Starter().run(s);
    expect(many.every((m) => m.isStopped())).to.equal(true);
  });

  it("addChildren — given one array — adds each, in order", () => {
    const parent = new Component();
    const kids = [new Component(), new Component()];
    parent.addChildren(kids);
    expect(parent.childComponents()).to.deep.equal(kids);
    for (const k of kids) k.stop();
    parent.stop();
  });
});
