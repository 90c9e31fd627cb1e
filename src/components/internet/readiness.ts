/**
 * Readiness: the message a Selector sends a component when one of its IO objects can be read, can be
 * written, or has ended — Kamaelia's "your socket is ready" notification, for callback-driven platforms.
 *
 * Example (in a component's main loop):
 *   while (this.dataReady("ready")) {
 *     const r = this.recv("ready");
 *     if (r.readable) readAll();
 *     if (r.writable) flushPending();
 *     if (r.end !== null) ended = r.end;
 *   }
 *
 * Behaviour: readiness is a hint, not a count: everything reported between two runs of the Selector
 * arrives as one message, so the owner should read until `read()` returns undefined and write until
 * `write()` returns false. After `end` is set no further readiness comes from that watch.
 *
 * How it works inside: a plain record; one is made per notification.
 */
import type { AnyComponent, IOEnd } from "../../core/index";

/** What became ready on one watched IO object since the last notification. */
export interface Readiness {
  /** Which watch this is about (a component may watch several IO objects on one inbox). */
  readonly watch: Watch;
  /** Something may be read. */
  readonly readable: boolean;
  /** Something may be written (for a connecting socket: it connected). */
  readonly writable: boolean;
  /** How the IO object ended, or null while it lives. */
  readonly end: IOEnd | null;
}

/**
 * A watch on one IO object: pass its three callbacks in the IO object's options; its readiness then
 * arrives as Readiness messages in the owner's chosen inbox. `close()` when done (the owner's teardown
 * does it too).
 */
export interface Watch {
  /** The IO object's onReadable callback. */
  readonly onReadable: (count: number) => void;
  /** The IO object's onWritable callback. */
  readonly onWritable: (count: number) => void;
  /** The IO object's onError callback. */
  readonly onError: (end: IOEnd) => void;
  /** Stop watching; readiness not yet delivered is dropped. Idempotent. */
  close(): void;
}

/**
 * Collect every Readiness message waiting in `component`'s `inbox` and return how the IO object ended: `end`
 * if that is already known, else the end the messages report, else null. For the many owners that read and
 * write until the object refuses whatever the flags say, the end is all a message adds.
 */
export function takeEnd(component: AnyComponent, inbox: string, end: IOEnd | null): IOEnd | null {
  while (component.dataReady(inbox)) {
    const r = component.recv(inbox) as Readiness;
    if (r.end !== null && end === null) end = r.end;
  }
  return end;
}
