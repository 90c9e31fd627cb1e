/**
 * Highland: Node-style lazy streams with back-pressure.
 *
 * - linear: `_(numbers(n)).map(x => x + 1)` ten times, then `.reduce(0, add).toCallback(...)`.
 * - fan: four worker streams, each made by a Highland generator `(push, next)` that pulls the next number
 *   from one shared source iterator (so numbers are dealt to whichever worker asks next, round-robin
 *   under merge's polling) and maps it with `x + 1`; `_([w0, w1, w2, w3]).merge()` joins them, then reduce.
 */
import _ from "highland";
import type { Stream as HighlandStream } from "highland";
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

function* numbers(n: number): Generator<number, void, undefined> {
  for (let i = 1; i <= n; i++) yield i;
}

function total(stream: HighlandStream<number>): Promise<number> {
  return new Promise((resolve, reject) =>
    stream.reduce(0, (a, x) => a + x).toCallback((error, value) => (error ? reject(error) : resolve(value as number))),
  );
}

export function highlandLinear(n = LINEAR_MESSAGES): Trial {
  return async () => {
    let stream: HighlandStream<number> = _(numbers(n));
    for (let i = 0; i < LINEAR_STAGES; i++) stream = stream.map((x) => x + 1);
    expectEqual(await total(stream), sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function highlandFan(n = FAN_MESSAGES): Trial {
  return async () => {
    const source = numbers(n);
    const workers: HighlandStream<number>[] = [];
    for (let w = 0; w < FAN_WORKERS; w++) {
      const dealt = _<number>((push, next) => {
        const r = source.next();
        if (r.done) push(null, _.nil);
        else {
          push(null, r.value);
          next();
        }
      });
      workers.push(dealt.map((x) => x + 1));
    }
    expectEqual(await total(_(workers).merge()), sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
