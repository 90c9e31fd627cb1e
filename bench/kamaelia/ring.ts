/**
 * Kamaelia, ring: a container component links 1,000 Relays in a ring (outbox → next inbox, signal → next
 * control), activates them and sends one token into the first. The token is the number of hops left; each
 * Relay takes it and passes it on less one. This measures the scheduler: every hop is one component woken
 * by a delivery, run for one step, and paused again.
 *
 * The Relay that receives 0 sends producerFinished on `signal`, which goes once round the ring, ending
 * every Relay; the ring ends when its children have. Checked: the token was received hops + 1 times in all,
 * it ended at relay (hops mod 1,000), and every component has ended.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { AnyComponent, MainLoop } from "../../src/index";
import { expectEqual } from "../check";
import { checkedScheduler } from "./checked-scheduler";
import { RING_LAPS, RING_SIZE } from "../scenario";
import type { Trial } from "../scenario";
import type { NumbersIn, NumbersOut } from "./number-components";

/** Components per newComponent: mujs cannot spread 1,000 arguments into one call (kept the same everywhere). */
const SPREAD_LIMIT = 100;

export function kamaeliaRing(K: KamaeliaApi, size = RING_SIZE, laps = RING_LAPS): Trial {
  class Relay extends K.Component<NumbersIn, NumbersOut> {
    static override Name = "Relay";
    received = 0;
    gotLast = false;
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) {
          const hopsLeft = this.recv();
          this.received++;
          if (hopsLeft > 0) this.send(hopsLeft - 1);
          else {
            this.gotLast = true;
            this.send(K.producerFinished(this), "signal");
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

  class Ring extends K.Component<NumbersIn, NumbersOut> {
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
        // Untyped views for linking: with the kernel's link() typing at 63d60d1 the compiler inferred the
        // message type from the inbox (number) and rejected this correct signal → control link; `any` is
        // the documented opt-out, and works with the reworked typing too.
        const from: AnyComponent = relays[i];
        const to: AnyComponent = relays[(i + 1) % relays.length];
        this.link([from, "outbox"], [to, "inbox"]);
        this.link([from, "signal"], [to, "control"]);
      }
      this.link([this, "outbox"], [relays[0], "inbox"]);
      for (let i = 0; i < relays.length; i += SPREAD_LIMIT) yield K.newComponent(...relays.slice(i, i + SPREAD_LIMIT));
      this.send(this.hops);
      while (!this.childrenDone()) {
        this.pause();
        yield 1;
      }
    }
  }

  return () => {
    const hops = size * laps;
    const { scheduler, expectNoCrash } = checkedScheduler(K);
    const relays: Relay[] = [];
    for (let i = 0; i < size; i++) relays.push(new Relay());
    new Ring(relays, hops).activate(scheduler);
    scheduler.runThreads();
    expectNoCrash("ring");
    let received = 0;
    for (const r of relays) received += r.received;
    expectEqual(received, hops + 1, "ring: times the token was received");
    expectEqual(relays[hops % size].gotLast, true, "ring: the token ended at relay " + (hops % size));
    expectEqual(scheduler.listAllThreads().length, 0, "ring: components still running at the end");
    return { work: hops };
  };
}
