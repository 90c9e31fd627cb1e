/**
 * Ring on a device engine, Kamaelia: __INPUT.size Relays linked in a ring by a container, one token passed
 * __INPUT.work hops (the token is the hops left). Every hop is one component woken, run one step and paused:
 * the scheduler's cost. Checked: receipts, where the token ended, and that every component ended.
 */
(function () {
  /** Components per newComponent: mujs cannot spread 1,000 arguments into one call (its stack overflows). */
  const SPREAD_LIMIT = 100;

  class Relay extends Kamaelia.Component {
    static override Name = "Relay";
    received = 0;
    gotLast = false;
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) {
          const hopsLeft: number = this.recv();
          this.received++;
          if (hopsLeft > 0) this.send(hopsLeft - 1);
          else {
            this.gotLast = true;
            this.send(Kamaelia.producerFinished(this), "signal");
            return;
          }
        }
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }

  class Ring extends Kamaelia.Component {
    static override Name = "Ring";
    constructor(
      readonly relays: Relay[],
      private readonly hops: number,
    ) {
      super();
    }
    override *main(): MainLoop {
      const relays = this.relays;
      for (let i = 0; i < relays.length; i++) this.addChildren(relays[i]);
      for (let i = 0; i < relays.length; i++) {
        const next = relays[(i + 1) % relays.length];
        this.link([relays[i], "outbox"], [next, "inbox"]);
        this.link([relays[i], "signal"], [next, "control"]);
      }
      this.link([this, "outbox"], [relays[0], "inbox"]);
      for (let i = 0; i < relays.length; i += SPREAD_LIMIT) yield Kamaelia.newComponent(...relays.slice(i, i + SPREAD_LIMIT));
      this.send(this.hops);
      while (!this.childrenDone()) {
        this.pause();
        yield 1;
      }
    }
  }

  benchRun(function () {
    const hops = __INPUT.work;
    const size = __INPUT.size;
    const scheduler = benchScheduler();
    const relays: Relay[] = [];
    for (let i = 0; i < size; i++) relays.push(new Relay());
    new Ring(relays, hops).activate(scheduler);
    scheduler.runThreads();
    benchCheckNoCrash("ring");
    let received = 0;
    for (let i = 0; i < size; i++) received += relays[i].received;
    benchCheck(received, hops + 1, "ring: times the token was received");
    benchCheck(relays[hops % size].gotLast, true, "ring: the token ended at relay " + (hops % size));
    benchCheck(scheduler.listAllThreads().length, 0, "ring: components still running at the end");
    return {};
  });
})();
