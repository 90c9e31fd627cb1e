/**
 * Hand-written baselines: what the same work costs with no framework at all — the limit.
 *
 * - linear: a chain of closures, `stage(next) = (x) => next(x + 1)`, ten deep, called once per number.
 * - fan: a dealer loop calling one of four worker closures in turn, each calling the one sink closure.
 * - ring: 1,000 closures in a ring and a hand-written round-robin run queue: each hop puts the token in the
 *   next closure's slot and queues it, and the loop runs queued closures in order — a scheduler with
 *   nothing but the essentials.
 * - idle: 10,000 plain objects `{ id, inbox, waiting }`, the least a hand-written idle actor needs.
 * Each checks its sum or count like the Kamaelia version.
 */
import { expectEqual } from "../check";
import { heapUsedAfterGc } from "../heap";
import { FAN_MESSAGES, FAN_WORKERS, IDLE_COMPONENTS, LINEAR_MESSAGES, LINEAR_STAGES, RING_LAPS, RING_SIZE, sumTo } from "../scenario";
import type { Trial } from "../scenario";

type Next = (x: number) => void;

export function handLinear(n = LINEAR_MESSAGES): Trial {
  return () => {
    let total = 0;
    let head: Next = (x) => {
      total += x;
    };
    for (let i = 0; i < LINEAR_STAGES; i++) {
      const next = head;
      head = (x) => next(x + 1);
    }
    for (let i = 1; i <= n; i++) head(i);
    expectEqual(total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function handFan(n = FAN_MESSAGES): Trial {
  return () => {
    let total = 0;
    const sink: Next = (x) => {
      total += x;
    };
    const workers: Next[] = [];
    for (let w = 0; w < FAN_WORKERS; w++) workers.push((x) => sink(x + 1));
    for (let i = 1; i <= n; i++) workers[i & 3](i);
    expectEqual(total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}

export function handRing(size = RING_SIZE, laps = RING_LAPS): Trial {
  return () => {
    const hops = size * laps;
    const slots: number[] = new Array<number>(size).fill(-1);
    const received: number[] = new Array<number>(size).fill(0);
    let endedAt = -1;
    const relays: (() => void)[] = [];
    let queue: number[] = [];
    for (let i = 0; i < size; i++) {
      const next = (i + 1) % size;
      relays.push(() => {
        const hopsLeft = slots[i];
        slots[i] = -1;
        received[i]++;
        if (hopsLeft > 0) {
          slots[next] = hopsLeft - 1;
          queue.push(next);
        } else endedAt = i;
      });
    }
    slots[0] = hops;
    queue.push(0);
    while (queue.length > 0) {
      const running = queue;
      queue = [];
      for (let k = 0; k < running.length; k++) relays[running[k]]();
    }
    let total = 0;
    for (let i = 0; i < size; i++) total += received[i];
    expectEqual(total, hops + 1, "ring: times the token was received");
    expectEqual(endedAt, hops % size, "ring: where the token ended");
    return { work: hops };
  };
}

interface IdleActor {
  id: number;
  inbox: unknown[] | null;
  waiting: boolean;
}

export function handIdle(count = IDLE_COMPONENTS): Trial {
  return () => {
    const all: IdleActor[] = new Array<IdleActor>(count);
    const before = heapUsedAfterGc();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) all[i] = { id: i, inbox: null, waiting: true };
    const t1 = performance.now();
    const bytes = (heapUsedAfterGc() - before) / count;
    let waiting = 0;
    for (let i = 0; i < count; i++) if (all[i].waiting) waiting++;
    expectEqual(waiting, count, "idle: actors waiting");
    return { work: count, metrics: { bytes, createMs: t1 - t0 } };
  };
}
