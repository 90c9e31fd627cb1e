/**
 * @most/core with @most/scheduler: the functional reactive idiom, curried operators on Streams.
 *
 * - linear: a source made with `newStream` that, once scheduled with `asap`, emits 1..n and ends; ten
 *   `map(x => x + 1)`; `tap` to sum; `runEffects` on a default scheduler. Note that @most/core fuses
 *   consecutive maps into one map of the composed functions: that is what its users get, so it stands.
 * - fan: one dealing source seen as four streams (`newStream` each); once all four are running it emits
 *   message i into stream i mod 4 and ends them; each worker is `map(x => x + 1)`, and `mergeArray` joins
 *   them into the summing `tap`.
 */
import { map, mergeArray, newStream, runEffects, tap } from "@most/core";
import { asap, newDefaultScheduler } from "@most/scheduler";
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

type Run = Parameters<typeof newStream<number>>[0];
type Sink = Parameters<Run>[0];
type Scheduler = Parameters<Run>[1];
type Stream = ReturnType<typeof newStream<number>>;

/** Run `emit` once, as soon as the scheduler can: the usual way a @most source produces. */
function soon(scheduler: Scheduler, emit: (time: number) => void, onError: (time: number, e: Error) => void) {
  return asap({ run: emit, error: onError, dispose: () => undefined }, scheduler);
}

function numbers(n: number): Stream {
  return newStream<number>((sink, scheduler) =>
    soon(
      scheduler,
      (t) => {
        for (let i = 1; i <= n; i++) sink.event(t, i);
        sink.end(t);
      },
      (t, e) => sink.error(t, e),
    ),
  );
}

/** Four streams fed by one source that deals message i to stream i mod 4. */
function dealt(n: number, ways: number): Stream[] {
  const sinks: Sink[] = [];
  let started = 0;
  const streams: Stream[] = [];
  for (let w = 0; w < ways; w++) {
    streams.push(
      newStream<number>((sink, scheduler) => {
        sinks[w] = sink;
        if (++started < ways) return { dispose: () => undefined };
        return soon(
          scheduler,
          (t) => {
            for (let i = 1; i <= n; i++) sinks[i % ways].event(t, i);
            for (const s of sinks) s.end(t);
          },
          (t, e) => {
            for (const s of sinks) s.error(t, e);
          },
        );
      }),
    );
  }
  return streams;
}

const addOne = (x: number): number => x + 1;

export function mostLinear(n = LINEAR_MESSAGES): Trial {
  return async () => {
    let stream = numbers(n);
    for (let i = 0; i < LINEAR_STAGES; i++) stream = map(addOne, stream);
    let total = 0;
    await runEffects(
      tap((x: number) => {
        total += x;
      }, stream),
      newDefaultScheduler(),
    );
    expectEqual(total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function mostFan(n = FAN_MESSAGES): Trial {
  return async () => {
    const workers = dealt(n, FAN_WORKERS).map((s) => map(addOne, s));
    let total = 0;
    await runEffects(
      tap((x: number) => {
        total += x;
      }, mergeArray(workers)),
      newDefaultScheduler(),
    );
    expectEqual(total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
