/**
 * The QuickJS host used by the device tests: guest memory and CPU limits end a guest with a clear error
 * while the host (and the next guest) carries on, timers and the job pump work, and nothing leaks — a
 * leaked handle would make runtime.dispose() abort.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { bundlePath } from "../../device-tests/cases";
import { runInQuickJS } from "../../device-tests/engines/index";

const harmless = 'print("still fine");';

describe("QuickJS device host", function () {
  this.timeout(60000);

  for (const variant of ["quickjs", "quickjs-ng"] as const) {
    describe(variant, () => {
      // A component that hoards every number it makes until the guest's heap limit. (Growing one array
      // reaches the limit in milliseconds; many small objects make QuickJS collect garbage before every
      // allocation near the limit, which takes minutes.)
      const hoarder = `
        var Hoarder = function () { Kamaelia.Component.call(this); this.kept = []; };
        Hoarder.prototype = Object.create(Kamaelia.Component.prototype);
        Hoarder.prototype.constructor = Hoarder;
        Hoarder.Name = "Hoarder";
        Hoarder.prototype.main = function () {
          var self = this;
          return { next: function () { for (var i = 0; i < 100000; i++) self.kept.push(i); return { value: 1, done: false }; } };
        };
        var Counter = function () { Kamaelia.Component.call(this); this.count = 0; };
        Counter.prototype = Object.create(Kamaelia.Component.prototype);
        Counter.prototype.constructor = Counter;
        Counter.Name = "Counter";
        Counter.prototype.main = function () {
          var self = this;
          return { next: function () { self.count++; return self.count < 50 ? { value: 1, done: false } : { done: true }; } };
        };
        var host = { now: function () { return 0; }, log: function (level, text) { print(level + ": " + text); } };
        var scheduler = new Kamaelia.Scheduler({ host: host });
        var counter = new Counter().activate(scheduler);
        new Hoarder().activate(scheduler);
        scheduler.runThreads();
        print("counter reached " + counter.count);`;

      it("a component — allocating past setMemoryLimit — is removed with an out-of-memory error and the rest run on", async () => {
        const bundle = readFileSync(bundlePath, "utf8");
        const run = await runInQuickJS(variant, bundle + ";\n" + hoarder, { memoryLimitBytes: 8 << 20 });
        expect(run.engineError).to.equal(undefined);
        expect(run.lines).to.deep.equal(["error: Hoarder_2 crashed and was removed: InternalError: out of memory", "counter reached 50"]);
      });

      it("a guest — allocating past setMemoryLimit outside any component — fails with an error naming the limit", async () => {
        const run = await runInQuickJS(variant, "var hog = []; for (var i = 0; ; i++) hog.push(i);", { memoryLimitBytes: 8 << 20 });
        expect(run.engineError).to.match(/exceeded its memory limit of 8388608 bytes \(.*out of memory/i);
      });

      it("the host — after a guest ran out of memory — runs the next guest normally", async () => {
        await runInQuickJS(variant, "var hog = []; for (var i = 0; ; i++) hog.push(i);", { memoryLimitBytes: 8 << 20 });
        const run = await runInQuickJS(variant, harmless);
        expect(run).to.deep.equal({ lines: ["still fine"] });
      });

      it("a runaway component — never yielding — is stopped by the interrupt handler with a clear error", async () => {
        const bundle = readFileSync(bundlePath, "utf8");
        const runaway = `
          var Spinner = function () { Kamaelia.Component.call(this); };
          Spinner.prototype = Object.create(Kamaelia.Component.prototype);
          Spinner.prototype.constructor = Spinner;
          Spinner.Name = "Spinner";
          Spinner.prototype.main = function () { return { next: function () { for (;;) {} } }; };
          new Spinner().run(new Kamaelia.Scheduler());`;
        const started = Date.now();
        const run = await runInQuickJS(variant, bundle + ";\n" + runaway, { timeLimitMs: 300 });
        expect(run.engineError).to.match(/ran past its time limit of 300 ms and was interrupted/);
        expect(Date.now() - started).to.be.below(10000);
        const after = await runInQuickJS(variant, harmless);
        expect(after.lines).to.deep.equal(["still fine"]);
      });

      it("guest timers — setTimeout from the host — fire in order after their delays, then the run ends", async () => {
        const run = await runInQuickJS(
          variant,
          'var t0 = hostNow(); setTimeout(function () { print("second " + (hostNow() - t0 >= 15)); }, 20);' +
            'setTimeout(function () { print("first"); }, 5); var c = setTimeout(function () { print("never"); }, 10); clearTimeout(c);',
        );
        expect(run).to.deep.equal({ lines: ["first", "second true"] });
      });

      it("guest promises — resolved in a timer — have their jobs pumped by the host", async () => {
        const run = await runInQuickJS(variant, 'setTimeout(function () { Promise.resolve(7).then(function (v) { print("then " + v); }); }, 1);');
        expect(run).to.deep.equal({ lines: ["then 7"] });
      });

      it("a guest error — thrown from a timer callback — is reported and the host carries on", async () => {
        const run = await runInQuickJS(variant, 'setTimeout(function () { throw new Error("late failure"); }, 1);');
        expect(run.engineError).to.match(/Error: late failure/);
      });
    });
  }
});
