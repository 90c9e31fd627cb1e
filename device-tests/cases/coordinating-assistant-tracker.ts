/**
 * The CAT: services are registered, retrieved and withdrawn when their component ends; duplicates and
 * missing names are typed errors; tracked values work; "__proto__" is a plain name on this engine.
 */
DeviceTest.define("the Co-ordinating Assistant Tracker", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  const cat = scheduler.tracker;
  class Service extends Kamaelia.Component {
    static override Name = "Service";
    got: unknown[] = [];
    override *main(): MainLoop {
      this.getcat().registerService("echo", this, "inbox");
      this.getcat().registerService("__proto__", this, "control");
      while (this.got.length < 1) {
        if (this.dataReady()) this.got.push(this.recv());
        else this.pause();
        yield 1;
      }
    }
  }
  class User extends Kamaelia.Component {
    static override Name = "User";
    override *main(): MainLoop {
      yield 1;
      const found = this.getcat().retrieveService("echo");
      this.link([this, "outbox"], [found[0], found[1]]);
      this.send("via the CAT");
    }
  }
  const service = new Service().activate(scheduler);
  new User().activate(scheduler);
  scheduler.runSlice(2);
  t.deepEqual(cat.servicesRegistered(), ["__proto__", "echo"], "both services registered");
  t.throws(() => cat.registerService("echo", service, "inbox"), Kamaelia.ServiceAlreadyExists, "duplicate");
  t.throws(() => cat.retrieveService("nobody"), Kamaelia.ServiceNotFound, "missing");
  t.throws(() => cat.deRegisterService("nobody"), Kamaelia.MultipleServiceDeletion, "missing deregister");
  scheduler.runThreads();
  t.deepEqual(service.got, ["via the CAT"], "a message reached the service");
  t.deepEqual(cat.servicesRegistered(), [], "services withdrawn when the component ended");
  cat.trackValue("frames", 1);
  cat.updateValue("frames", 2);
  t.equal(cat.retrieveValue("frames"), 2, "tracked value");
  t.throws(() => cat.trackValue("frames", 3), Kamaelia.NamespaceClash, "value clash");
  t.throws(() => cat.retrieveValue("nothing"), Kamaelia.AccessToUndeclaredTrackedVariable, "undeclared value");
});
