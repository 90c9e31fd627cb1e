/**
 * A virtual clock host for tests: time moves only when the test says, and `sleep` advances it, so timer
 * behaviour is exact and tests never wait on the wall clock.
 */
import type { Host, LogLevel } from "../../src/index";

export interface VirtualHost extends Host {
  /** Current virtual time in ms. */
  time: number;
  /** Move time forward. */
  advance(ms: number): void;
  /** Every log line, as "level: message". */
  logged: string[];
  /** How many times the scheduler asked to be woken. */
  wakes: number;
}

export function virtualHost(): VirtualHost {
  const host: VirtualHost = {
    time: 0,
    logged: [],
    wakes: 0,
    now: () => host.time,
    advance: (ms: number) => {
      host.time += ms;
    },
    sleep: (ms: number) => {
      host.time += ms;
    },
    log: (level: LogLevel, message: string) => {
      host.logged.push(level + ": " + message);
    },
    wake: () => {
      host.wakes++;
    },
  };
  return host;
}
