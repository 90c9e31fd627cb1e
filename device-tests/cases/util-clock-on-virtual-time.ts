/**
 * Time in the util family, on a virtual host clock: Clock ticks on a fixed schedule and skips what it
 * missed, CheapAndCheerfulClock measures from its last tick, RateControl spaces a backlog out at its rate
 * and paces it out after producerFinished — all sleeping on timers, not spinning.
 */
DeviceTest.define("util: clocks and rate control on a virtual clock", (t) => {
  const host = t.virtualHost();
  const scheduler = new Kamaelia.Scheduler({ host: host });
  /** Run until virtual time `until`, sleeping to each timer; clocks never let runThreads return. */
  function runTo(until: number): void {
    for (;;) {
      const wait = scheduler.runSlice();
      if (wait === Kamaelia.SLICE_BUSY) continue;
      if (wait > 0 && host.time + wait <= until) host.time += wait;
      else {
        host.time = until;
        scheduler.runSlice();
        return;
      }
    }
  }
  class Feeder extends Kamaelia.Component {
    static override Name = "Feeder";
  }

  const steady = new Kamaelia.Clock(100);
  const cheap = new Kamaelia.CheapAndCheerfulClock(100);
  const steadyTicks = new Kamaelia.Collector<number>();
  const cheapTicks = new Kamaelia.Collector<number>();
  const steadyLine = new Kamaelia.Pipeline(steady, steadyTicks).activate(scheduler);
  const cheapLine = new Kamaelia.Pipeline(cheap, cheapTicks).activate(scheduler);
  runTo(0);
  t.equal(scheduler.runSlice(), 100, "asleep until the first tick");
  host.time = 130; // the host was busy past the first tick
  runTo(330);
  t.deepEqual(steadyTicks.collected, [130, 200, 300], "Clock keeps its schedule");
  t.deepEqual(cheapTicks.collected, [130, 230, 330], "CheapAndCheerfulClock measures from its last tick");
  host.time = 650;
  runTo(700);
  t.deepEqual(steadyTicks.collected.slice(3), [650, 700], "Clock skips the ticks it missed");

  const stopper = new Feeder();
  // Type arguments given: link() infers the message type from every box of both components (a kernel
  // typing issue), so a typed component's control box needs them.
  stopper.link([stopper, "signal"], [steady, "control"]);
  stopper.send(Kamaelia.shutdownMicroprocess(), "signal");
  stopper.unlink();
  stopper.link([stopper, "signal"], [cheap, "control"]);
  stopper.send(Kamaelia.producerFinished(), "signal");
  runTo(700);
  t.ok(steadyLine.isStopped() && cheapLine.isStopped(), "both clocks ended with their pipelines at once");

  const start = host.time;
  const stamped = new Kamaelia.Collector<number>();
  const limiter = new Kamaelia.RateControl<string>(10);
  new Kamaelia.Pipeline(
    new Kamaelia.DataSource(["a", "b", "c", "d"]),
    limiter,
    new Kamaelia.PureTransformer(() => host.time - start),
    stamped,
  ).activate(scheduler);
  runTo(start + 1000);
  t.deepEqual(stamped.collected, [0, 100, 200, 300], "RateControl: one every 100 ms, the backlog paced out before the end");
  t.ok(limiter.isStopped(), "RateControl ended after the backlog");
  t.throws(() => new Kamaelia.RateControl(0), Kamaelia.AxonError, "a zero rate");
  stopper.stop();
  t.equal(scheduler.listAllThreads().length, 0, "nothing left running");
  t.equal(Kamaelia.liveLinkageCount(), 0, "no linkage left");
});
