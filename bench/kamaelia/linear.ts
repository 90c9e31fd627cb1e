/**
 * Kamaelia, linear: `Pipeline(Count(n), AddOne × 10, Sum)` on a fresh scheduler, run to the end.
 * Checked: the sum is 1 + ... + n plus 10 per message, and every component has ended.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { AnyComponent } from "../../src/index";
import { expectEqual } from "../check";
import { checkedScheduler } from "./checked-scheduler";
import { LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";
import { numberComponents } from "./number-components";

export function kamaeliaLinear(K: KamaeliaApi, n = LINEAR_MESSAGES): Trial {
  const C = numberComponents(K);
  return () => {
    const { scheduler, expectNoCrash } = checkedScheduler(K);
    const sum = new C.Sum();
    const parts: AnyComponent[] = [new C.Count(n)];
    for (let i = 0; i < LINEAR_STAGES; i++) parts.push(new C.AddOne());
    parts.push(sum);
    new K.Pipeline(...parts).activate(scheduler);
    scheduler.runThreads();
    expectNoCrash("linear");
    expectEqual(sum.total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    expectEqual(scheduler.listAllThreads().length, 0, "linear: components still running at the end");
    return { work: n };
  };
}
