/**
 * QuickJSHost, the QuickJS host bridge: it runs an app script's components in a QuickJS guest, drives the
 * guest scheduler in slices on Node's loop (timers included), ends a guest that exceeds its memory or CPU
 * limit with a clear GuestFailed while the host carries on, and releases everything on dispose.
 */
import { expect } from "chai";
import { GuestFailed, QuickJSHost } from "../../targets/quickjs/index";

/** A host whose output is captured. */
async function capturingHost(options: { memoryLimitBytes?: number; cpuLimitMs?: number } = {}) {
  const printed: string[] = [];
  const logged: string[] = [];
  const host = await QuickJSHost.create({ ...options, print: (t) => printed.push(t), log: (l, m) => logged.push(l + ": " + m) });
  return { host, printed, logged };
}

describe("QuickJSHost", function () {
  this.timeout(20000);

  it("QuickJSHost — an app script's pipeline — runs to its end in the guest and prints through the host", async () => {
    const { host, printed } = await capturingHost();
    host.evalScript(
      'var K = Kamaelia; new K.Pipeline(new K.DataSource(["a", "b", "c"]), new K.PureTransformer(function (x) { return x.toUpperCase() + "\\n"; }), new K.ConsoleEchoer()).activate();',
    );
    await host.run();
    expect(printed.join("")).to.equal("A\nB\nC\n");
    host.dispose();
  });

  it("QuickJSHost — a guest component waiting on pauseFor — is woken by a host timer", async () => {
    const { host, printed } = await capturingHost();
    host.evalScript(
      'var K = Kamaelia; new K.Pipeline(new K.Clock(20), new K.PureTransformer(function () { return "tick\\n"; }), new K.ConsoleEchoer()).activate();',
    );
    const running = host.run();
    await new Promise((r) => setTimeout(r, 200));
    host.stop();
    await running;
    expect(printed.length).to.be.greaterThan(2);
    host.dispose();
  });

  it("QuickJSHost — a guest that runs away without yielding — ends with a cpu GuestFailed and the host goes on", async () => {
    const { host } = await capturingHost({ cpuLimitMs: 100 });
    host.evalScript(
      'var K = Kamaelia; function Spin() { K.Component.call(this); } Spin.prototype = Object.create(K.Component.prototype); Spin.prototype.constructor = Spin; Spin.Name = "Spin";' +
        "Spin.prototype.main = function () { var done = false; return { next: function () { for (;;) {} }, return: function () { return { done: true }; }, throw: function (e) { throw e; } }; };" +
        "new Spin().activate();",
    );
    let failure: unknown;
    await host.run().catch((e) => (failure = e));
    expect(failure).to.be.instanceOf(GuestFailed);
    expect((failure as GuestFailed).reason).to.equal("cpu");
    expect((failure as GuestFailed).message).to.match(/CPU limit of 100 ms/);
    host.dispose();
    const again = await capturingHost();
    again.host.evalScript('new Kamaelia.Pipeline(new Kamaelia.DataSource(["ok\\n"]), new Kamaelia.ConsoleEchoer()).activate();');
    await again.host.run();
    expect(again.printed).to.deep.equal(["ok\n"]);
    again.host.dispose();
  });

  it("QuickJSHost — a guest that exceeds its memory limit — ends with a memory GuestFailed naming the limit", async () => {
    const { host } = await capturingHost({ memoryLimitBytes: 8 << 20, cpuLimitMs: 10000 });
    let failure: unknown;
    try {
      host.evalScript("var hog = []; for (var i = 0; ; i++) hog.push(i);");
    } catch (e) {
      failure = e;
    }
    expect(failure).to.be.instanceOf(GuestFailed);
    expect((failure as GuestFailed).reason).to.equal("memory");
    expect((failure as GuestFailed).message).to.contain(String(8 << 20));
    host.dispose();
  });

  it("QuickJSHost — an uncaught error in the app script — is a GuestFailed with the guest's message", async () => {
    const { host } = await capturingHost();
    expect(() => host.evalScript("throw new TypeError('no such thing')")).to.throw(GuestFailed, /TypeError: no such thing/);
    host.dispose();
  });

  it("QuickJSHost — disposed twice, or while components still run — releases everything without aborting", async () => {
    const { host } = await capturingHost();
    host.evalScript("new Kamaelia.Pipeline(new Kamaelia.Clock(10), new Kamaelia.Collector()).activate();");
    const running = host.run();
    host.dispose();
    host.dispose();
    await running;
    expect(host.openIO).to.equal(0);
  });
});
