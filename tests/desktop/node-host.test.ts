/**
 * The Node host: a scheduler on it waits for pauseFor timers in runThreads through host.sleep (a blocking,
 * CPU-free wait) rather than polling the clock in a loop.
 */
import { expect } from "chai";
import { Microprocess, Scheduler } from "../../src/index";
import type { MainLoop } from "../../src/index";
import { createNodeHost } from "../../targets/desktop/index";

describe("Node host", () => {
  it("runThreads — with only a pauseFor timer left — waits through host.sleep, asking for the time left", () => {
    const host = createNodeHost(() => undefined);
    const sleeps: number[] = [];
    const sleep = host.sleep!;
    host.sleep = (ms) => {
      sleeps.push(ms);
      sleep(ms);
    };
    const scheduler = new Scheduler({ host });
    class Napper extends Microprocess {
      static override Name = "Napper";
      override *main(): MainLoop {
        this.pauseFor(30);
        yield 1;
      }
    }
    const napper = new Napper().activate(scheduler);
    scheduler.runThreads();
    expect(napper.isStopped()).to.equal(true);
    expect(sleeps.length).to.be.greaterThan(0);
    expect(sleeps[0]).to.be.greaterThan(0);
    expect(sleeps[0]).to.be.at.most(30);
  });
});
