/**
 * js-csp: Go / core.async-style channels and go blocks.
 *
 * - linear: a go block puts 1..n on a channel; ten go blocks each take, add one, and put on the next
 *   channel; a last go block sums. Closing a channel (`take` gives CLOSED) ends each block in turn.
 * - fan: the source go block puts message i on channel i mod 4; four worker blocks add one and put on one
 *   shared output channel, which the summing block reads until all four workers have finished.
 * Channels are buffered (CHANNEL_BUFFER), like Kamaelia's unbounded inboxes and its batching source; with
 * unbuffered channels js-csp is slower still. The trial resolves when the summing block ends.
 */
import csp from "js-csp";
import type { Channel, Instruction } from "js-csp";
import { expectEqual } from "../check";
import { FAN_MESSAGES, FAN_WORKERS, LINEAR_MESSAGES, LINEAR_STAGES, sumTo } from "../scenario";
import type { Trial } from "../scenario";

/** Channel buffer size: the same as the Kamaelia source's batch. */
const CHANNEL_BUFFER = 256;

const { CLOSED, chan, go, put, take, takeAsync } = csp;

type Block = Generator<Instruction, void, unknown>;

function source(n: number, outputs: Channel[]): void {
  go(function* (): Block {
    for (let i = 1; i <= n; i++) yield put(outputs[i % outputs.length], i);
    for (const out of outputs) out.close();
  });
}

/** Add one to everything from `input`; close `output` when input closes, unless `onEnd` says otherwise. */
function addOne(input: Channel, output: Channel, onEnd?: () => void): void {
  go(function* (): Block {
    for (;;) {
      const x = yield take(input);
      if (x === CLOSED) break;
      yield put(output, (x as number) + 1);
    }
    if (onEnd) onEnd();
    else output.close();
  });
}

function sum(input: Channel): Promise<number> {
  return new Promise((resolve) => {
    let total = 0;
    const done = go(function* (): Block {
      for (;;) {
        const x = yield take(input);
        if (x === CLOSED) break;
        total += x as number;
      }
    });
    takeAsync(done, () => resolve(total));
  });
}

export function cspLinear(n = LINEAR_MESSAGES): Trial {
  return async () => {
    const channels: Channel[] = [];
    for (let i = 0; i <= LINEAR_STAGES; i++) channels.push(chan(CHANNEL_BUFFER));
    const total = sum(channels[LINEAR_STAGES]);
    for (let i = 0; i < LINEAR_STAGES; i++) addOne(channels[i], channels[i + 1]);
    source(n, [channels[0]]);
    expectEqual(await total, sumTo(n) + n * LINEAR_STAGES, "linear: the sink's sum");
    return { work: n };
  };
}

export function cspFan(n = FAN_MESSAGES): Trial {
  return async () => {
    const inputs: Channel[] = [];
    for (let w = 0; w < FAN_WORKERS; w++) inputs.push(chan(CHANNEL_BUFFER));
    const output = chan(CHANNEL_BUFFER);
    const total = sum(output);
    let running = FAN_WORKERS;
    for (const input of inputs) addOne(input, output, () => (--running === 0 ? output.close() : undefined));
    source(n, inputs);
    expectEqual(await total, sumTo(n) + n, "fan: the sink's sum");
    return { work: n };
  };
}
