/**
 * Kamaelia, fan: a Graphline of one dealer, four AddOne workers and one Sum. The dealer sends message i on
 * outbox `outbox`, `outbox1`, `outbox2` or `outbox3` by i mod 4, yielding every 256 sends; every worker's outbox feeds the one Sum inbox (many
 * sources may feed one inbox), and every worker's signal feeds the Sum's control, so the Sum ends after
 * four shutdown messages. Checked: the sum is 1 + ... + n plus 1 per message, and everything has ended.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../src/index";
import { expectEqual } from "../check";
import { checkedScheduler } from "./checked-scheduler";
import { FAN_MESSAGES, SOURCE_BATCH, sumTo } from "../scenario";
import type { Trial } from "../scenario";
import { numberComponents } from "./number-components";

type DealerOut = {
  outbox: number;
  outbox1: number;
  outbox2: number;
  outbox3: number;
  signal: ShutdownMessage;
  signal1: ShutdownMessage;
  signal2: ShutdownMessage;
  signal3: ShutdownMessage;
};
const OUTBOXES = ["outbox", "outbox1", "outbox2", "outbox3"] as const;
const SIGNALS = ["signal", "signal1", "signal2", "signal3"] as const;

export function kamaeliaFan(K: KamaeliaApi, n = FAN_MESSAGES): Trial {
  const C = numberComponents(K);

  class Dealer extends K.Component<{ inbox: never; control: ShutdownMessage }, DealerOut> {
    static override Name = "Dealer";
    static override Outboxes: BoxDescriptions<DealerOut> = {
      outbox: "every 4th message, from the 4th (for worker 0)",
      outbox1: "every 4th message, from the 1st (for worker 1)",
      outbox2: "every 4th message, from the 2nd (for worker 2)",
      outbox3: "every 4th message, from the 3rd (for worker 3)",
      signal: "producerFinished for worker 0",
      signal1: "producerFinished for worker 1",
      signal2: "producerFinished for worker 2",
      signal3: "producerFinished for worker 3",
    };
    constructor(private readonly count: number) {
      super();
    }
    override *main(): MainLoop {
      const n = this.count;
      for (let i = 1; i <= n; ) {
        const end = Math.min(n, i + SOURCE_BATCH - 1);
        for (; i <= end; i++) this.send(i, OUTBOXES[i & 3]);
        yield 1;
      }
      for (const signal of SIGNALS) this.send(K.producerFinished(this), signal);
    }
  }

  return () => {
    const { scheduler, expectNoCrash } = checkedScheduler(K);
    const sum = new C.Sum(4);
    new K.Graphline({
      DEALER: new Dealer(n),
      W0: new C.AddOne(),
      W1: new C.AddOne(),
      W2: new C.AddOne(),
      W3: new C.AddOne(),
      SUM: sum,
      linkages: {
        "DEALER.outbox": "W0.inbox",
        "DEALER.outbox1": "W1.inbox",
        "DEALER.outbox2": "W2.inbox",
        "DEALER.outbox3": "W3.inbox",
        "DEALER.signal": "W0.control",
        "DEALER.signal1": "W1.control",
        "DEALER.signal2": "W2.control",
        "DEALER.signal3": "W3.control",
        "W0.outbox": "SUM.inbox",
        "W1.outbox": "SUM.inbox",
        "W2.outbox": "SUM.inbox",
        "W3.outbox": "SUM.inbox",
        "W0.signal": "SUM.control",
        "W1.signal": "SUM.control",
        "W2.signal": "SUM.control",
        "W3.signal": "SUM.control",
      },
    }).activate(scheduler);
    scheduler.runThreads();
    expectNoCrash("fan");
    expectEqual(sum.total, sumTo(n) + n, "fan: the sink's sum");
    expectEqual(scheduler.listAllThreads().length, 0, "fan: components still running at the end");
    return { work: n };
  };
}
