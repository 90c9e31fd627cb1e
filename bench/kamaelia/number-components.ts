/**
 * Number components: the Kamaelia components the linear, fan and ring scenarios are built from, written as
 * a Kamaelia user writes them — typed boxes, `*main()`, drain the inbox with `while (dataReady())`, check
 * `control`, then `pause()` and `yield 1`.
 *
 * Example:
 *   const C = numberComponents(K);
 *   const sum = new C.Sum();
 *   new K.Pipeline(new C.Count(1000), new C.AddOne(), sum).run();   // sum.total === 501500 + 1000
 *
 * Behaviour:
 * - `Count(n)` sends 1..n, yielding to the scheduler after every SOURCE_BATCH (256) sends, then sends
 *   producerFinished on `signal`.
 * - `AddOne` passes every message on, plus one (so a sum downstream proves it saw every message), and
 *   forwards the shutdown message when one arrives on `control`.
 * - `Sum` adds up what arrives; it ends after `finishes` shutdown messages (one per producer feeding it).
 *
 * How it works inside: the classes are made from the build they are given (modern or ES5), once per build,
 * so both rows of the table run identical component code.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { MainLoop, ShutdownMessage } from "../../src/index";
import { SOURCE_BATCH } from "../scenario";

export type NumbersIn = { inbox: number; control: ShutdownMessage };
export type NumbersOut = { outbox: number; signal: ShutdownMessage };

function make(K: KamaeliaApi) {
  class Count extends K.Component<{ inbox: never; control: ShutdownMessage }, NumbersOut> {
    static override Name = "Count";
    constructor(private readonly count: number) {
      super();
    }
    override *main(): MainLoop {
      const n = this.count;
      for (let i = 1; i <= n; ) {
        const end = Math.min(n, i + SOURCE_BATCH - 1);
        for (; i <= end; i++) this.send(i);
        yield 1;
      }
      this.send(K.producerFinished(this), "signal");
    }
  }

  class AddOne extends K.Component<NumbersIn, NumbersOut> {
    static override Name = "AddOne";
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) this.send(this.recv() + 1);
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }

  class Sum extends K.Component<NumbersIn, NumbersOut> {
    static override Name = "Sum";
    total = 0;
    constructor(private readonly finishes = 1) {
      super();
    }
    override *main(): MainLoop {
      let finished = 0;
      for (;;) {
        while (this.dataReady()) this.total += this.recv();
        while (this.dataReady("control")) {
          this.recv("control");
          finished++;
        }
        if (finished >= this.finishes) return;
        this.pause();
        yield 1;
      }
    }
  }

  return { Count, AddOne, Sum };
}

export type NumberComponents = ReturnType<typeof make>;

const made: { api: KamaeliaApi; components: NumberComponents }[] = [];

/** The number components built on `K` (made once per build). */
export function numberComponents(K: KamaeliaApi): NumberComponents {
  for (const m of made) if (m.api === K) return m.components;
  const components = make(K);
  made.push({ api: K, components });
  return components;
}
