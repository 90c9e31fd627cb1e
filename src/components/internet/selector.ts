/**
 * Selector: the readiness service every network, file, process and thread component shares. IO objects
 * call back on the host's loop; the Selector turns those callbacks into Readiness messages delivered into
 * the owning components' inboxes inside the scheduler, so component code only ever runs in its own steps.
 *
 * Example (inside a component's main()):
 *   const watch = Selector.watchFor(this, "ready");     // finds the Selector, or makes and activates one
 *   const socket = new io.TCPSocket({ address, port,
 *     onReadable: watch.onReadable, onWritable: watch.onWritable, onError: watch.onError });
 *   this.addTeardown(() => socket.close());
 *
 * Behaviour:
 * - It is a CAT service named "selector", created lazily: the first user makes and activates it, later
 *   users find it. It ends, and deregisters in the same step, once nothing is watched, so an idle program
 *   ends and the next user makes a fresh one.
 * - Callbacks between two runs of the Selector for one watch coalesce into one Readiness message, sent from
 *   an outbox the Selector adds and links to the owner's inbox for that watch (visible to introspection).
 * - A watch closes when its owner ends (registered as the owner's teardown) or when `close()` is called;
 *   readiness for a closed watch is dropped.
 * - If the owner's inbox is bounded and full, the notification waits (still coalescing) until it has room.
 *
 * How it works inside: each watch is a small record with flags. A callback sets a flag, puts the record on
 * the pending list once, and wakes the Selector (a wake from outside a slice reaches the host through
 * `host.wake`, so an event-loop driver runs the scheduler again). Kamaelia's Selector polls sockets with
 * select(); platforms here report readiness themselves, so this one only relays.
 */
import { AdaptiveCommsComponent, NoSpaceInBox, isShutdownMessage, producerFinished } from "../../core/index";
import type { AnyComponent, BoxDescriptions, CoordinatingAssistantTracker, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import type { Readiness, Watch } from "./readiness";

/** The CAT name the Selector registers under. */
export const SELECTOR_SERVICE = "selector";

type SelectorIn = { inbox: never; control: ShutdownMessage; notify: never };
type SelectorOut = { outbox: never; signal: ShutdownMessage };

/** One watch's state, as the Selector keeps it. */
class WatchRecord implements Watch {
  readable = false;
  writable = false;
  end: IOEnd | null = null;
  pending = false;
  closed = false;
  readonly onReadable: (count: number) => void;
  readonly onWritable: (count: number) => void;
  readonly onError: (end: IOEnd) => void;

  constructor(
    readonly selector: Selector,
    readonly owner: AnyComponent,
    readonly outbox: string,
  ) {
    const self = this;
    // Arrow-free closures: bound once here, because the IO object keeps them for its whole life.
    this.onReadable = function () {
      self.readable = true;
      self.selector._mark(self);
    };
    this.onWritable = function () {
      self.writable = true;
      self.selector._mark(self);
    };
    this.onError = function (end: IOEnd) {
      if (self.end === null) self.end = end;
      self.selector._mark(self);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.selector._forget(this);
  }
}

export class Selector extends AdaptiveCommsComponent<SelectorIn, SelectorOut> {
  static override Name = "Selector";
  static override Inboxes: BoxDescriptions<SelectorIn> = {
    inbox: "NOT USED",
    control: "shutdownMicroprocess ends the Selector; watches left open then get no more readiness",
    notify: "unused: watches are made by calling watch(), which must happen in the caller's own step",
  };
  static override Outboxes: BoxDescriptions<SelectorOut> = {
    outbox: "NOT USED (readiness goes out of one added outbox per watch, linked to the watcher's inbox)",
    signal: "producerFinished when the Selector ends",
  };

  private watches: WatchRecord[] = [];
  private pendingList: WatchRecord[] = [];
  private registeredWith: CoordinatingAssistantTracker | null = null;

  /**
   * The running Selector from `tracker`, or a new one registered there. When `created` is true the caller
   * must activate it (`yield newComponent(found.selector)`) and should call `watch()` in the same step.
   */
  static getSelectorService(tracker: CoordinatingAssistantTracker): { selector: Selector; created: boolean } {
    if (tracker.servicesRegistered().indexOf(SELECTOR_SERVICE) >= 0) {
      return { selector: tracker.retrieveService(SELECTOR_SERVICE)[0] as Selector, created: false };
    }
    const selector = new Selector();
    tracker.registerService(SELECTOR_SERVICE, selector, "notify");
    selector.registeredWith = tracker;
    return { selector: selector, created: true };
  }

  /**
   * Watch one IO object for `owner`, from inside `owner`'s main(): the shared Selector is found in its CAT,
   * or made, registered and activated on its scheduler (Axon's `yield newComponent` is that activation),
   * and the IO object's readiness arrives in `owner`'s inbox `inbox` as Readiness messages.
   */
  static watchFor(owner: AnyComponent, inbox: string): Watch {
    const found = Selector.getSelectorService(owner.getcat());
    if (found.created) found.selector.activate(owner.scheduler || undefined);
    return found.selector.watch(owner, inbox);
  }

  /** Watch one IO object for `owner`: its readiness goes to `owner`'s inbox `inbox` as Readiness messages. */
  watch(owner: AnyComponent, inbox: string): Watch {
    const outbox = this.addOutbox("to_" + owner.name + "_" + inbox);
    const record = new WatchRecord(this, owner, outbox);
    this.link([this, outbox], [owner, inbox]);
    this.watches.push(record);
    owner.addTeardown(function () {
      record.close();
    });
    return record;
  }

  /** How many IO objects are watched now. */
  watchCount(): number {
    return this.watches.length;
  }

  override *main(): MainLoop {
    try {
      for (;;) {
        while (this.dataReady("control")) {
          if (isShutdownMessage(this.recv("control"))) return;
        }
        this.deliverPending();
        if (this.watches.length === 0 && this.pendingList.length === 0) return;
        this.pause();
        yield 1;
      }
    } finally {
      this.deregister();
      this.send(producerFinished(this), "signal");
    }
  }

  /** @internal A callback fired for `record`: queue it and wake. */
  _mark(record: WatchRecord): void {
    if (record.closed) return;
    if (!record.pending) {
      record.pending = true;
      this.pendingList.push(record);
    }
    this._wake();
  }

  /** @internal `record` closed: drop its outbox and linkage, and let an idle Selector end. */
  _forget(record: WatchRecord): void {
    const i = this.watches.indexOf(record);
    if (i < 0) return;
    this.watches.splice(i, 1);
    // Deleting the outbox undoes its linkage and drops it from this component's list (adaptive boxes).
    this.deleteOutbox(record.outbox);
    this._wake();
  }

  private deliverPending(): void {
    const list = this.pendingList;
    this.pendingList = [];
    for (let i = 0; i < list.length; i++) {
      const record = list[i];
      record.pending = false;
      if (record.closed) continue;
      const message: Readiness = { watch: record, readable: record.readable, writable: record.writable, end: record.end };
      try {
        this.send(message as never, record.outbox as never);
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
        // The owner's inbox is full: keep the flags and try again when it collects (which wakes us).
        record.pending = true;
        this.pendingList.push(record);
        continue;
      }
      record.readable = false;
      record.writable = false;
    }
  }

  private deregister(): void {
    const tracker = this.registeredWith;
    this.registeredWith = null;
    if (tracker !== null && tracker.servicesRegistered().indexOf(SELECTOR_SERVICE) >= 0) {
      if (tracker.retrieveService(SELECTOR_SERVICE)[0] === this) tracker.deRegisterService(SELECTOR_SERVICE);
    }
  }
}
