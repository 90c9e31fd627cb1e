/**
 * Pause and wake: a paused component takes no steps until a delivery to one of its inboxes wakes it, and a
 * wake that arrives between pause() and the yield wins.
 */
DeviceTest.define("pause and wake on delivery", (t) => {
  const scheduler = new Kamaelia.Scheduler({ host: t.virtualHost() });
  class Sleeper extends Kamaelia.Component {
    static override Name = "Sleeper";
    steps = 0;
    got: unknown[] = [];
    override *main(): MainLoop {
      for (;;) {
        this.steps++;
        while (this.dataReady()) this.got.push(this.recv());
        if (this.dataReady("control")) return;
        this.pause();
        yield 1;
      }
    }
  }
  const sleeper = new Sleeper().activate(scheduler);
  for (let i = 0; i < 10; i++) scheduler.runSlice();
  t.equal(sleeper.steps, 1, "steps while paused with nothing delivered");
  const feeder = new Kamaelia.Component();
  feeder.link([feeder, "outbox"], [sleeper, "inbox"]);
  feeder.link([feeder, "signal"], [sleeper, "control"]);
  feeder.send("hello");
  scheduler.runSlice();
  t.equal(sleeper.steps, 2, "steps after one delivery");
  t.deepEqual(sleeper.got, ["hello"], "received");

  class SelfFeeder extends Kamaelia.Component {
    static override Name = "SelfFeeder";
    ranAgain = false;
    override *main(): MainLoop {
      this.link([this, "outbox"], [this, "inbox"]);
      this.pause();
      this.send("wake myself");
      yield 1;
      this.ranAgain = this.dataReady() === 1;
      this.recv();
    }
  }
  const self = new SelfFeeder().activate(scheduler);
  feeder.send("stop", "signal");
  scheduler.runThreads();
  t.ok(self.ranAgain, "a wake between pause() and yield beats the pause");
  t.ok(sleeper.isStopped(), "the sleeper ended on its control message");
  feeder.stop();
});
