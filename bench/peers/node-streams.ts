/**
 * Node streams: object-mode Transform streams joined by `stream.pipeline`, the way Node code moves
 * objects through stages.
 *
 * - linear: `Readable.from(numbers(n))`, ten `Transform`s each `callback(null, x + 1)`, a summing
 *   `Writable`, all in one `pipeline`.
 * - fan: a dealing `Writable` writes each number to one of four worker Transforms in turn, waiting for
 *   'drain' when a worker's buffer is full; every worker pipes into one summing Writable (`end: false`),
 *   which is ended when all four workers have ended.
 */
import { Readable, Transform, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

function* numbers(n: number): Generator<number, void, undefined> {
  for (let i = 1; i <= n; i++) yield i;
}

function addOne(): Transform {
  return new Transform({
    objectMode: true,
    transform(x: number, _encoding, callback) {
      callback(null, x + 1);
    },
  });
}

function summer(onTotal: (total: number) => void): Writable {
  let total = 0;
  return new Writable({
    objectMode: true,
    write(x: number, _encoding, callback) {
      total += x;
      callback();
    },
    final(callback) {
      onTotal(total);
      callback();
    },
  });
}

export function streamsLinear(n = LINEAR_MESSAGES): Trial {
  return async () => {
    let total = -1;
    const stages: Transform[] = [];
    for (let i = 0; i < LINEAR_STAGES; i++) stages.push(addOne());
    await pipeline([Readable.from(numbers(n)), ...stages, summer((t) => (total = t))]);
    expectEqual(total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function streamsFan(n = FAN_MESSAGES): Trial {
  return async () => {
    let total = -1;
    const sink = summer((t) => (total = t));
    const workers: Transform[] = [];
    let ended = 0;
    for (let w = 0; w < FAN_WORKERS; w++) {
      const worker = addOne();
      worker.pipe(sink, { end: false });
      worker.on("end", () => {
        if (++ended === FAN_WORKERS) sink.end();
      });
      workers.push(worker);
    }
    let k = 0;
    const dealer = new Writable({
      objectMode: true,
      write(x: number, _encoding, callback) {
        const worker = workers[k];
        k = (k + 1) % FAN_WORKERS;
        if (worker.write(x)) callback();
        else worker.once("drain", () => callback());
      },
      final(callback) {
        for (const worker of workers) worker.end();
        callback();
      },
    });
    await pipeline(Readable.from(numbers(n)), dealer);
    await finished(sink);
    expectEqual(total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
