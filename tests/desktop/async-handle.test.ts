/**
 * AsyncHandle (desktop target): awaiting a component's output on Node's event loop — gets in order,
 * concurrent gets settled in call order, undefined once the component has ended and nothing is left,
 * shutdown resolving when the component has ended, and close undoing the handle's linkages.
 */
import { expect } from "chai";
import { Component, ProducerFinished, ShutdownMicroprocess, isShutdownMessage, liveLinkageCount } from "../../src/index";
import type { MainLoop, ShutdownMessage } from "../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../targets/desktop/index";
import { ListSource, Mapper } from "../helpers/components";

const upper = (text: string): string => text.toUpperCase();
const quiet = (): void => undefined;

/** Waits for a shutdown message, then spends `cleanupSteps` steps tidying up before passing it on. */
class SlowStopper extends Component<{ inbox: never; control: ShutdownMessage }, { outbox: never; signal: ShutdownMessage }> {
  static override Name = "SlowStopper";
  cleanedUp = 0;
  constructor(private readonly cleanupSteps: number) {
    super();
  }
  override *main(): MainLoop {
    for (;;) {
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          while (this.cleanedUp < this.cleanupSteps) {
            this.cleanedUp++;
            yield 1;
          }
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

describe("AsyncHandle", () => {
  it("get — three messages put — resolves them one by one, in order", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper(upper), driver);
    handle.put("a");
    handle.put("b");
    handle.put("c");
    expect([await handle.get(), await handle.get(), await handle.get()]).to.deep.equal(["A", "B", "C"]);
    await handle.shutdown();
    handle.close();
  });

  it("get — three calls made before any message exists — resolve in call order", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper(upper), driver);
    const settled: string[] = [];
    const gets = ["first", "second", "third"].map((who) =>
      handle.get().then((value) => {
        settled.push(who + "=" + value);
      }),
    );
    handle.put("x");
    handle.put("y");
    handle.put("z");
    await Promise.all(gets);
    expect(settled).to.deep.equal(["first=X", "second=Y", "third=Z"]);
    await handle.shutdown();
    handle.close();
  });

  it("get — component has ended and its last message was taken — resolves undefined", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new ListSource([7]), driver);
    expect(await handle.get()).to.equal(7);
    expect(await handle.get()).to.equal(undefined);
    expect(handle.component.isStopped()).to.equal(true);
    handle.close();
  });

  it("get — waiting when the component ends with nothing sent — resolves undefined", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper(upper), driver);
    const pending = handle.get();
    handle.put(ShutdownMicroprocess(), "control");
    expect(await pending).to.equal(undefined);
    handle.close();
  });

  it("get — messages sent before the first get, component already ended — resolves each before undefined", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new ListSource([1, 2, 3]), driver);
    await driver.run();
    expect(handle.component.isStopped()).to.equal(true);
    const got = [await handle.get(), await handle.get(), await handle.get(), await handle.get()];
    expect(got).to.deep.equal([1, 2, 3, undefined]);
    handle.close();
  });

  it("get — another outbox name — resolves with what came out of that outbox", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new ListSource<number>([]), driver);
    expect(await handle.get("signal")).to.be.instanceOf(ProducerFinished);
    handle.close();
  });

  it("shutdown — component needs several steps to stop — resolves only once it has ended", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const stopper = new SlowStopper(3);
    const handle = new AsyncHandle(stopper, driver);
    await handle.shutdown();
    expect(stopper.isStopped()).to.equal(true);
    expect(stopper.cleanedUp).to.equal(3);
    handle.close();
  });

  it("shutdown — component running — passes shutdownMicroprocess on to its signal outbox", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper(upper), driver);
    await handle.shutdown();
    expect(await handle.get("signal")).to.be.instanceOf(ShutdownMicroprocess);
    handle.close();
  });

  it("shutdown — component already ended — resolves", async () => {
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new ListSource<number>([]), driver);
    await driver.run();
    await handle.shutdown();
    expect(handle.component.isStopped()).to.equal(true);
    handle.close();
  });

  it("close — after put, get and shutdown — brings liveLinkageCount back to where it was", async () => {
    const before = liveLinkageCount();
    const driver = new EventLoopDriver({ log: quiet });
    const handle = new AsyncHandle(new Mapper(upper), driver);
    handle.put("x");
    await handle.get();
    await handle.shutdown();
    expect(liveLinkageCount()).to.equal(before + 3);
    handle.close();
    expect(liveLinkageCount()).to.equal(before);
  });
});
