/**
 * RxJS 7: the reactive-extensions idiom.
 *
 * - linear: `range(1, n)` then `map(x => x + 1)` ten times, summed in `subscribe`.
 * - fan: `range(1, n).pipe(groupBy(() => k++ % 4), mergeMap(worker => worker.pipe(map(x => x + 1))))`:
 *   groupBy on a counter deals the numbers round-robin into four worker streams, and mergeMap merges them
 *   into the one subscriber.
 * Both run synchronously on subscribe; the sum is checked on `complete`.
 */
import { groupBy, map, mergeMap, range } from "rxjs";
import type { MonoTypeOperatorFunction } from "rxjs";
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

const addOne = (): MonoTypeOperatorFunction<number> => map((x: number) => x + 1);
const inc = (x: number): number => x + 1;

export function rxjsLinear(n = LINEAR_MESSAGES): Trial {
  return () => {
    let total = 0;
    let completed = false;
    range(1, n)
      // Two pipe() calls of five: pipe's typings stop at nine operators (the chain is the same either way).
      .pipe(addOne(), addOne(), addOne(), addOne(), addOne())
      .pipe(addOne(), addOne(), addOne(), addOne(), addOne())
      .subscribe({
        next: (x) => {
          total += x;
        },
        complete: () => {
          completed = true;
        },
      });
    expectEqual(completed, true, "linear: rxjs completed");
    expectEqual(total, sumTo(n) + n * 10, "linear: the sink's sum");
    return { work: n };
  };
}

export function rxjsFan(n = FAN_MESSAGES): Trial {
  return () => {
    let total = 0;
    let completed = false;
    let k = 0;
    range(1, n)
      .pipe(
        groupBy(() => k++ % FAN_WORKERS),
        mergeMap((worker) => worker.pipe(map(inc))),
      )
      .subscribe({
        next: (x) => {
          total += x;
        },
        complete: () => {
          completed = true;
        },
      });
    expectEqual(completed, true, "fan: rxjs completed");
    expectEqual(total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
