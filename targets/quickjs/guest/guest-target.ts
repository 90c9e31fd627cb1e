/**
 * Guest target: sets a QuickJS guest up to run Kamaelia under the host bridge. Loading the QuickJS bundle
 * (dist/kamaelia-quickjs.es5.js) inside the bridge makes the default scheduler run on a guest Host whose
 * clock, log, print, wake and IO are the host's; the app script then just activates components.
 *
 * Example (an app script for `npx kamaelia-qjs app.js`):
 *   var K = Kamaelia;
 *   new K.Pipeline(new K.TCPClient("127.0.0.1", 1500), new K.ConsoleEchoer()).activate();
 *
 * Behaviour: the host drives the scheduler in slices (`quickjsGuest.slice`) and delivers IO callbacks
 * between them (`quickjsGuest.dispatch`), so component code never runs re-entrantly from the host. An
 * idle guest (every component paused, no timer) costs the host nothing until an event or wake arrives.
 * Outside the bridge (no `__kamaeliaHost`) nothing is installed and the bundle is the ordinary one.
 * A component that hits the runtime's memory or CPU limit would normally just be removed by the scheduler;
 * here it also tells the host (`fatal`), which ends the whole guest, as the limits promise.
 *
 * How it works inside: events arrive as one JSON array per delivery — [id, type, value] triples — to keep
 * crossings into the guest few.
 */
import { Scheduler, setDefaultScheduler } from "../../../src/index";
import type { Host, LogLevel, Runnable } from "../../../src/index";
import { deliverEvent } from "./guest-io-object";
import { guestIO } from "./guest-io";
import { hostFunctions } from "./host-functions";
import type { HostFunctions } from "./host-functions";

/** What the host bridge calls in the guest. */
export interface GuestTarget {
  /** The scheduler the bridge drives (also the default scheduler). */
  readonly scheduler: Scheduler;
  /** Run one slice; returns `runSlice`'s result (SLICE_BUSY, SLICE_IDLE, SLICE_DONE or ms to a timer). */
  slice(maxSteps: number): number;
  /** Deliver queued IO callbacks: a JSON array of [id, type, value] triples. */
  dispatch(eventsJson: string): void;
}

function guestHost(host: HostFunctions): Host {
  return {
    now: function () {
      return host.now();
    },
    log: function (level: LogLevel, message: string) {
      host.log(level, message);
    },
    print: function (text: string) {
      host.print(text);
    },
    wake: function () {
      host.wake();
    },
    io: guestIO(host),
  };
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { name?: string; message?: string };
    return (e.name || "Error") + ": " + e.message;
  }
  return String(error);
}

/** Install the guest target when running under the bridge; null otherwise. */
export function installGuestTarget(): GuestTarget | null {
  const host = hostFunctions();
  if (host === null) return null;
  const scheduler = new Scheduler({
    host: guestHost(host),
    hooks: {
      onError: function (error: unknown, who: Runnable) {
        const text = describe(error);
        host.log("error", who.name + " crashed and was removed: " + text);
        // A limit hit inside one component is the guest's limit, not that component's bug.
        if (/out of memory|interrupted/i.test(text)) host.fatal(who.name + ": " + text);
      },
    },
  });
  setDefaultScheduler(scheduler);
  return {
    scheduler: scheduler,
    slice: function (maxSteps: number) {
      return scheduler.runSlice(maxSteps);
    },
    dispatch: function (eventsJson: string) {
      const events = JSON.parse(eventsJson) as [number, string, unknown][];
      for (let i = 0; i < events.length; i++) deliverEvent(events[i][0], events[i][1], events[i][2]);
    },
  };
}
