/**
 * A small synchronous harness for the protocol tests: feed a component its inbox messages (and, if asked,
 * one control message), run it through a Handle, and collect what came out of `outbox` and `signal`. Cheap
 * enough per input for the fuzz tests (a Handle, a few linkages, no timers).
 */
import { Handle, ProducerFinished } from "../../../src/index";
import type { AnyComponent, Scheduler } from "../../../src/index";
import { FramingError } from "../../../src/components/protocol/index";
import { testScheduler } from "../../helpers/test-scheduler";

export interface Outcome {
  /** Everything sent on `outbox`, in order. */
  out: unknown[];
  /** Everything sent on `signal`, in order. */
  signal: unknown[];
  /** True if the component ended by itself (it was stopped afterwards otherwise, for the leak check). */
  ended: boolean;
  /** True if its main() threw. */
  crashed: boolean;
}

/**
 * Run `component` on `scheduler` (a fresh test scheduler if none): put `inputs` on `inbox`, then `end` (if
 * given) on `control`, run until nothing can run, and collect. A component still running afterwards is
 * stopped, so nothing outlives the call.
 */
export function feed(component: AnyComponent, inputs: unknown[], end?: unknown, scheduler?: Scheduler): Outcome {
  const handle = new Handle(component, scheduler || testScheduler());
  for (let i = 0; i < inputs.length; i++) handle.put(inputs[i] as never);
  if (end !== undefined) handle.put(end as never, "control" as never);
  const out: unknown[] = [];
  const signal: unknown[] = [];
  for (let m = handle.get(); m !== undefined; m = handle.get()) out.push(m);
  for (let m = handle.get("signal" as never); m !== undefined; m = handle.get("signal" as never)) signal.push(m);
  const ended = component.isStopped();
  if (!ended) component.stop();
  handle.close();
  return { out, signal, ended, crashed: component.crashed };
}

/** The error a stream de-framer ended with (the FramingError inside its producerFinished), or null. */
export function endError(outcome: Outcome): FramingError | null {
  const last = outcome.signal[outcome.signal.length - 1];
  if (last instanceof ProducerFinished && last.message instanceof FramingError) return last.message;
  return null;
}

/** A byte string ("3\nabc") as bytes; every character must be 0–255. */
export function bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Bytes as a byte string, for readable comparisons. */
export function text(data: Uint8Array): string {
  let out = "";
  for (let i = 0; i < data.length; i++) out += String.fromCharCode(data[i]);
  return out;
}

/** `data` cut at the sorted offsets in `cuts` (duplicates make empty chunks). */
export function cutAt<T extends { length: number; slice(a: number, b?: number): T }>(data: T, cuts: number[]): T[] {
  const parts: T[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i++) {
    parts.push(data.slice(from, cuts[i]));
    from = cuts[i];
  }
  parts.push(data.slice(from));
  return parts;
}

/** Byte arrays joined into one. */
export function concat(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (let i = 0; i < parts.length; i++) size += parts[i].length;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], at);
    at += parts[i].length;
  }
  return out;
}
