/**
 * Raw generator chains: ES2015 generators with no library, pulled by `for..of`.
 *
 * - linear: `addOne(addOne(...numbers(n)))`, ten deep, each `for (const x of input) yield x + 1`.
 * - fan: four `addOne` workers all reading one shared `numbers(n)` iterator; the sink pulls from the
 *   workers in turn, so the source's numbers are dealt round-robin.
 */
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

function* numbers(n: number): Generator<number, void, undefined> {
  for (let i = 1; i <= n; i++) yield i;
}

function* addOne(input: Iterable<number>): Generator<number, void, undefined> {
  for (const x of input) yield x + 1;
}

export function generatorLinear(n = LINEAR_MESSAGES): Trial {
  return () => {
    let chain: Iterable<number> = numbers(n);
    for (let i = 0; i < LINEAR_STAGES; i++) chain = addOne(chain);
    let total = 0;
    for (const x of chain) total += x;
    expectEqual(total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function generatorFan(n = FAN_MESSAGES): Trial {
  return () => {
    const source = numbers(n);
    // Each worker's for..of reads the same generator object: a generator is its own iterator.
    const workers: Iterator<number, void, undefined>[] = [];
    for (let w = 0; w < FAN_WORKERS; w++) workers.push(addOne(source));
    let total = 0;
    // Once the source is exhausted each worker reports done in turn, so four dones in a row end it.
    let live = FAN_WORKERS;
    for (let k = 0; live > 0; k = (k + 1) % FAN_WORKERS) {
      const r = workers[k].next();
      if (r.done) live--;
      else total += r.value;
    }
    expectEqual(total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
