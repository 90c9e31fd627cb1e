/**
 * Co-ordinating Assistant Tracker: registering, retrieving and deregistering services and their errors,
 * automatic deregistration when a provider ends, one tracker per scheduler, `getcat()`, tracked values,
 * prototype-free keys, and a component finding another through a service and linking to it.
 */
import { expect } from "chai";
import {
  AccessToUndeclaredTrackedVariable,
  AxonError,
  BadComponent,
  BadInbox,
  Component,
  CoordinatingAssistantTracker,
  MultipleServiceDeletion,
  NamespaceClash,
  ServiceAlreadyExists,
  ServiceNotFound,
  defaultScheduler,
} from "../../src/index";
import type { AnyComponent, MainLoop, ServiceProvider } from "../../src/index";
import { testScheduler } from "../helpers/test-scheduler";

/** Does nothing; a component to register as a service without running it. */
class Idle extends Component {
  static override Name = "Idle";
}

/** Registers itself as `serviceName` on its `inbox`, then ends after `steps` yields. */
class Provider extends Component {
  static override Name = "Provider";
  constructor(
    private readonly serviceName: string,
    private readonly steps: number,
  ) {
    super();
  }
  override *main(): MainLoop {
    this.getcat().registerService(this.serviceName, this, "inbox");
    for (let i = 0; i < this.steps; i++) yield 1;
  }
}

/** Offers its `inbox` as the service "collector" and collects `expected` messages, then ends. */
class Collector extends Component {
  static override Name = "Collector";
  readonly items: unknown[] = [];
  constructor(private readonly expected: number) {
    super();
  }
  override *main(): MainLoop {
    this.getcat().registerService("collector", this, "inbox");
    while (this.items.length < this.expected) {
      while (this.dataReady()) this.items.push(this.recv());
      if (this.items.length < this.expected) {
        this.pause();
        yield 1;
      }
    }
  }
}

/** Waits until the service "collector" exists, links its outbox to it, and sends its items. */
class Client extends Component {
  static override Name = "Client";
  constructor(private readonly items: unknown[]) {
    super();
  }
  override *main(): MainLoop {
    let service: [AnyComponent, string] | null = null;
    while (service === null) {
      try {
        service = this.getcat().retrieveService<AnyComponent>("collector");
      } catch (e) {
        if (!(e instanceof ServiceNotFound)) throw e;
        yield 1;
      }
    }
    this.link([this, "outbox"], service);
    for (const item of this.items) {
      this.send(item);
      yield 1;
    }
  }
}

/** Records which tracker `getcat()` gives it while running. */
class CatReader extends Component {
  static override Name = "CatReader";
  seen: CoordinatingAssistantTracker | null = null;
  override *main(): MainLoop {
    this.seen = this.getcat();
    yield 1;
  }
}

describe("coordinating assistant tracker", () => {
  describe("services", () => {
    it("retrieveService — after registerService — returns the component and inbox registered", () => {
      const cat = testScheduler().tracker;
      const idle = new Idle();
      cat.registerService("idler", idle, "control");
      const [component, inbox] = cat.retrieveService("idler");
      expect(component).to.equal(idle);
      expect(inbox).to.equal("control");
      cat.deRegisterService("idler");
    });

    it("deRegisterService — a registered name — makes retrieveService throw ServiceNotFound", () => {
      const cat = testScheduler().tracker;
      cat.registerService("idler", new Idle(), "inbox");
      cat.deRegisterService("idler");
      expect(() => cat.retrieveService("idler")).to.throw(ServiceNotFound);
      expect(cat.servicesRegistered()).to.deep.equal([]);
    });

    it("servicesRegistered — with several services — lists their names sorted", () => {
      const cat = testScheduler().tracker;
      cat.registerService("zebra", new Idle(), "inbox");
      cat.registerService("aardvark", new Idle(), "inbox");
      expect(cat.servicesRegistered()).to.deep.equal(["aardvark", "zebra"]);
      cat.deRegisterService("zebra");
      cat.deRegisterService("aardvark");
    });

    it("registerService — a name already taken — throws ServiceAlreadyExists and keeps the first", () => {
      const cat = testScheduler().tracker;
      const first = new Idle();
      cat.registerService("idler", first, "inbox");
      expect(() => cat.registerService("idler", new Idle(), "inbox")).to.throw(ServiceAlreadyExists, "idler");
      expect(cat.retrieveService("idler")[0]).to.equal(first);
      cat.deRegisterService("idler");
    });

    it("retrieveService — a name never registered — throws ServiceNotFound naming it", () => {
      const cat = testScheduler().tracker;
      expect(() => cat.retrieveService("nobody")).to.throw(ServiceNotFound, "nobody");
    });

    it("deRegisterService — the same name twice — throws MultipleServiceDeletion the second time", () => {
      const cat = testScheduler().tracker;
      cat.registerService("idler", new Idle(), "inbox");
      cat.deRegisterService("idler");
      expect(() => cat.deRegisterService("idler")).to.throw(MultipleServiceDeletion, "idler");
    });

    it("registerService — with something that is not a component — throws BadComponent", () => {
      const cat = testScheduler().tracker;
      const notAComponent = { name: "plain object" } as unknown as ServiceProvider;
      expect(() => cat.registerService("fake", notAComponent, "inbox")).to.throw(BadComponent, "fake");
      expect(() => cat.registerService("none", null as unknown as ServiceProvider, "inbox")).to.throw(BadComponent);
      expect(cat.servicesRegistered()).to.deep.equal([]);
    });

    it("registerService — naming an inbox the component lacks — throws BadInbox naming both", () => {
      const cat = testScheduler().tracker;
      const idle = new Idle();
      expect(() => cat.registerService("idler", idle, "inbx")).to.throw(BadInbox, idle.name);
      expect(() => cat.registerService("idler", idle, "inbx")).to.throw(BadInbox, "inbx");
      expect(cat.servicesRegistered()).to.deep.equal([]);
    });

    it("registerService — naming an outbox as the inbox — throws BadInbox", () => {
      const cat = testScheduler().tracker;
      expect(() => cat.registerService("idler", new Idle(), "outbox")).to.throw(BadInbox);
    });

    it("service errors — every kind — are AxonErrors", () => {
      const cat = testScheduler().tracker;
      const caught: unknown[] = [];
      const attempt = (f: () => void): void => {
        try {
          f();
        } catch (e) {
          caught.push(e);
        }
      };
      attempt(() => cat.retrieveService("nobody"));
      attempt(() => cat.deRegisterService("nobody"));
      attempt(() => cat.registerService("x", {} as ServiceProvider, "inbox"));
      attempt(() => cat.registerService("x", new Idle(), "nope"));
      cat.registerService("taken", new Idle(), "inbox");
      attempt(() => cat.registerService("taken", new Idle(), "inbox"));
      cat.deRegisterService("taken");
      expect(caught).to.have.length(5);
      for (const e of caught) expect(e).to.be.instanceOf(AxonError);
    });

    it("a service — when its component finishes — is deregistered automatically", () => {
      const s = testScheduler();
      const provider = new Provider("short-lived", 2);
      provider.activate(s);
      s.runSlice(1);
      expect(s.tracker.servicesRegistered()).to.deep.equal(["short-lived"]);
      s.runThreads();
      expect(provider.isStopped()).to.equal(true);
      expect(s.tracker.servicesRegistered()).to.deep.equal([]);
    });

    it("a service — when its component is stopped from outside — is deregistered automatically", () => {
      const s = testScheduler();
      const provider = new Provider("stopped", 1000);
      provider.activate(s);
      s.runSlice(1);
      provider.stop();
      expect(() => s.tracker.retrieveService("stopped")).to.throw(ServiceNotFound);
    });

    it("a service — when its component ends — leaves other providers' services registered", () => {
      const s = testScheduler();
      const keeper = new Idle();
      s.tracker.registerService("keeper", keeper, "inbox");
      new Provider("short-lived", 1).run(s);
      expect(s.tracker.servicesRegistered()).to.deep.equal(["keeper"]);
      s.tracker.deRegisterService("keeper");
    });

    it("a client — finding a service another component registered — links to it and its messages arrive", () => {
      const s = testScheduler();
      const collector = new Collector(3);
      const client = new Client(["a", "b", "c"]);
      client.activate(s); // first, so it has to wait for the service to appear
      collector.run(s);
      expect(collector.items).to.deep.equal(["a", "b", "c"]);
      expect(client.isStopped()).to.equal(true);
      expect(s.tracker.servicesRegistered()).to.deep.equal([]);
    });
  });

  describe("one tracker per scheduler", () => {
    it("tracker — of two schedulers — is a different object for each", () => {
      expect(testScheduler().tracker).to.not.equal(testScheduler().tracker);
    });

    it("registerService — on one scheduler's tracker — is not seen by another's", () => {
      const one = testScheduler();
      const other = testScheduler();
      one.tracker.registerService("local", new Idle(), "inbox");
      expect(() => other.tracker.retrieveService("local")).to.throw(ServiceNotFound);
      one.tracker.deRegisterService("local");
    });

    it("CoordinatingAssistantTracker.getcat — called statically — returns the default scheduler's tracker", () => {
      expect(CoordinatingAssistantTracker.getcat()).to.equal(defaultScheduler().tracker);
    });

    it("Component#getcat — on a running component — returns its own scheduler's tracker", () => {
      const s = testScheduler();
      const reader = new CatReader();
      reader.run(s);
      expect(reader.seen).to.equal(s.tracker);
      expect(reader.seen).to.not.equal(defaultScheduler().tracker);
    });

    it("Component#getcat — on a component not yet activated — returns the default scheduler's tracker", () => {
      expect(new Idle().getcat()).to.equal(defaultScheduler().tracker);
    });
  });

  describe("tracked values", () => {
    it("retrieveValue — after trackValue — returns the value", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("frames", 12);
      expect(cat.retrieveValue("frames")).to.equal(12);
    });

    it("updateValue — on a tracked value — changes what retrieveValue returns", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("frames", 12);
      cat.updateValue("frames", 13);
      expect(cat.retrieveValue<number>("frames")).to.equal(13);
    });

    it("trackValue — a name already tracked — throws NamespaceClash and keeps the old value", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("frames", 12);
      expect(() => cat.trackValue("frames", 99)).to.throw(NamespaceClash, "frames");
      expect(cat.retrieveValue("frames")).to.equal(12);
    });

    it("updateValue — a name never tracked — throws AccessToUndeclaredTrackedVariable", () => {
      const cat = testScheduler().tracker;
      expect(() => cat.updateValue("missing", 1)).to.throw(AccessToUndeclaredTrackedVariable, "missing");
      expect(cat.informationItemsTracked()).to.deep.equal([]);
    });

    it("retrieveValue — a name never tracked — throws AccessToUndeclaredTrackedVariable", () => {
      const cat = testScheduler().tracker;
      expect(() => cat.retrieveValue("missing")).to.throw(AccessToUndeclaredTrackedVariable, "missing");
    });

    it("trackValue — with undefined as the value — still counts as tracked", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("unset", undefined);
      expect(cat.retrieveValue("unset")).to.equal(undefined);
      expect(() => cat.trackValue("unset", 1)).to.throw(NamespaceClash);
    });

    it("untrackValue — a tracked value — returns true and makes retrieveValue throw", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("frames", 12);
      expect(cat.untrackValue("frames")).to.equal(true);
      expect(() => cat.retrieveValue("frames")).to.throw(AccessToUndeclaredTrackedVariable);
    });

    it("untrackValue — a name not tracked — returns false", () => {
      const cat = testScheduler().tracker;
      expect(cat.untrackValue("missing")).to.equal(false);
    });

    it("trackValue — after untrackValue of the same name — declares it afresh", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("frames", 12);
      cat.untrackValue("frames");
      cat.trackValue("frames", 1);
      expect(cat.retrieveValue("frames")).to.equal(1);
    });

    it("informationItemsTracked — with several values — lists their names sorted", () => {
      const cat = testScheduler().tracker;
      cat.trackValue("b", 2);
      cat.trackValue("a", 1);
      expect(cat.informationItemsTracked()).to.deep.equal(["a", "b"]);
    });
  });

  describe("names that are Object.prototype members", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      it(`retrieveValue — "${name}" never tracked — throws AccessToUndeclaredTrackedVariable`, () => {
        const cat = testScheduler().tracker;
        expect(() => cat.retrieveValue(name)).to.throw(AccessToUndeclaredTrackedVariable);
      });

      it(`trackValue — "${name}" — stores and returns it as a plain key`, () => {
        const cat = testScheduler().tracker;
        const value = { marker: name };
        cat.trackValue(name, value);
        expect(cat.retrieveValue(name)).to.equal(value);
        expect(cat.informationItemsTracked()).to.deep.equal([name]);
        expect(cat.untrackValue(name)).to.equal(true);
        expect(cat.informationItemsTracked()).to.deep.equal([]);
      });

      it(`retrieveService — "${name}" never registered — throws ServiceNotFound`, () => {
        const cat = testScheduler().tracker;
        expect(() => cat.retrieveService(name)).to.throw(ServiceNotFound);
      });

      it(`registerService — "${name}" as the service name — registers and retrieves it as a plain key`, () => {
        const cat = testScheduler().tracker;
        const idle = new Idle();
        cat.registerService(name, idle, "inbox");
        expect(cat.retrieveService(name)).to.deep.equal([idle, "inbox"]);
        expect(cat.servicesRegistered()).to.deep.equal([name]);
        cat.deRegisterService(name);
        expect(cat.servicesRegistered()).to.deep.equal([]);
      });

      it(`registerService — "${name}" as the inbox name — throws BadInbox`, () => {
        const cat = testScheduler().tracker;
        expect(() => cat.registerService("svc", new Idle(), name)).to.throw(BadInbox);
      });
    }
  });
});
