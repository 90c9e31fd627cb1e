/**
 * Error isolation: a component whose main throws is removed and reported by name through hooks.onError;
 * its parent is woken and can read the error; every other component runs to completion.
 */
DeviceTest.define("error isolation", (t) => {
  const reports: string[] = [];
  const scheduler = new Kamaelia.Scheduler({
    host: t.virtualHost(),
    hooks: { onError: (error, who) => reports.push(who.name.split("_")[0] + ": " + (error as Error).message) },
  });
  class Boom extends Kamaelia.Component {
    static override Name = "Boom";
    override *main(): MainLoop {
      yield 1;
      throw new Error("bad frame");
    }
  }
  let worked = 0;
  class Worker extends Kamaelia.Microprocess {
    static override Name = "Worker";
    override *main(): MainLoop {
      for (let i = 0; i < 5; i++) {
        worked++;
        yield 1;
      }
    }
  }
  class Parent extends Kamaelia.Component {
    static override Name = "Parent";
    childError: unknown = null;
    override *main(): MainLoop {
      const child = new Boom();
      this.addChildren(child);
      yield Kamaelia.newComponent(child);
      while (!this.childrenDone()) {
        this.pause();
        yield 1;
      }
      this.childError = child.error;
    }
  }
  const parent = new Parent().activate(scheduler);
  new Worker().activate(scheduler);
  scheduler.runThreads();
  t.deepEqual(reports, ["Boom: bad frame"], "the crash was reported with the component's name");
  t.equal(worked, 5, "the other component ran to completion");
  t.equal((parent.childError as Error).message, "bad frame", "the parent saw the child's error");
  t.equal(scheduler.listAllThreads().length, 0, "nothing left running");
});
