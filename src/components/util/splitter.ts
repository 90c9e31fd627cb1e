/**
 * Splitter: fans each message out to every sink that asked for it. Sinks come and go at run time by sending
 * `addsink(...)` and `removesink(...)` to its `configuration` inbox. The heart of Backplane.
 *
 * Example:
 *   const splitter = new Splitter<Frame>();
 *   new Pipeline(new Camera(), splitter).activate();
 *   // from a component whose "toSplitter" outbox is linked to the splitter's "configuration":
 *   this.send(addsink(this, "inbox", "control"), "toSplitter");    // frames start to arrive on "inbox"
 *   this.send(removesink(this, "inbox", "control"), "toSplitter"); // and stop
 *
 * Behaviour:
 * - `addsink(sink, sinkbox = "inbox", sinkcontrol?)`: from then on every message on `inbox` is also sent to
 *   `sink`'s `sinkbox`. With a `sinkcontrol` inbox, the splitter's own shutdown message is passed there too
 *   (Kamaelia's PlugSplitter does this; its plain Splitter ignored it and never ended). The same component
 *   may be added several times with different sinkboxes; adding the same (sink, sinkbox) again is ignored.
 * - `removesink(sink, sinkbox = "inbox")`: stops sending there and removes the outboxes and linkages made
 *   for it. Removing a sink that is not there is ignored.
 * - A sink whose component has ended is removed without asking, so a sink that crashed or was stopped
 *   leaves no dead outbox behind.
 * - An `addsink` naming a box the sink does not have, or anything else on `configuration`, is ignored with
 *   a warning in the host's log: one bad requester must not take down what everyone shares.
 * - `configuration` is read before `inbox` in each step, so a sink added at the same time as a message is
 *   published receives it. The same message object goes to every sink (not copied).
 * - If any sink is bounded and full, no sink gets the next message until all have room; the message waits
 *   in this component's inbox, so every sink sees the same sequence, and the producer feels the pressure.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the inbox is fanned out to the end, the
 *   message goes to every sink's control box and out of `signal`, and the splitter ends, undoing every
 *   linkage it made. `outbox` is not used.
 *
 * How it works inside: an AdaptiveCommsComponent with one outbox per sink (and one more per sink control),
 * each linked to the sink's box. The sinks are kept in an array searched linearly (no Map on ES5 engines;
 * a backplane has tens of subscribers, not thousands).
 */
import { AdaptiveCommsComponent, Ipc, isShutdownMessage } from "../../core/index";
import type { AnyComponent, Box, BoxDescriptions, IpcClass, MainLoop, ShutdownMessage } from "../../core/index";
import { hostLog } from "./host-log";

/** A request to a Splitter's `configuration` inbox: `addsink(...)` or `removesink(...)`. */
export interface SinkRequest extends Ipc {
  /** The component to send to. */
  readonly sink: AnyComponent;
  /** Its inbox that receives the data ("inbox" if not given). */
  readonly sinkbox: string;
  /** Its inbox that receives the splitter's shutdown message, or null for none. */
  readonly sinkcontrol: string | null;
}

type SinkRequestArgs = [sink: AnyComponent, sinkbox?: string, sinkcontrol?: string | null];

function defineSinkRequest(ipcType: string): IpcClass<SinkRequestArgs, SinkRequest> {
  // A plain ES5 constructor that also works without `new`, like the kernel's Ipc messages (Kamaelia writes
  // `addsink(self, "inbox")`), with Ipc.prototype in its chain so `instanceof Ipc` holds.
  const Request = function (this: unknown, sink: AnyComponent, sinkbox?: string, sinkcontrol?: string | null) {
    const self = (this instanceof Request ? this : Object.create(Request.prototype)) as {
      sink: AnyComponent;
      sinkbox: string;
      sinkcontrol: string | null;
    };
    self.sink = sink;
    self.sinkbox = sinkbox === undefined ? "inbox" : sinkbox;
    self.sinkcontrol = sinkcontrol === undefined ? null : sinkcontrol;
    return self;
  } as unknown as IpcClass<SinkRequestArgs, SinkRequest>;
  const proto = Object.create(Ipc.prototype);
  proto.constructor = Request;
  proto.ipcType = ipcType;
  (Request as unknown as { prototype: object }).prototype = proto;
  return Request;
}

/** "Send to this sink too": `addsink(sink, sinkbox = "inbox", sinkcontrol?)`, with or without `new`. */
export const addsink = defineSinkRequest("addsink");
/** "Stop sending to this sink": `removesink(sink, sinkbox = "inbox")`, with or without `new`. */
export const removesink = defineSinkRequest("removesink");

type SplitterIn<T> = { inbox: T; control: ShutdownMessage; configuration: SinkRequest };
type SplitterOut = { outbox: never; signal: ShutdownMessage };

/** One sink: where it is, and the outboxes made for it. */
type SinkRecord = { sink: AnyComponent; sinkbox: string; outbox: string; box: Box; controlOutbox: string | null };

function hasBox(table: object, name: unknown): boolean {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(table, name);
}

export class Splitter<T = any> extends AdaptiveCommsComponent<SplitterIn<T>, SplitterOut> {
  static override Name = "Splitter";
  static override Inboxes: BoxDescriptions<SplitterIn<unknown>> = {
    inbox: "messages to send to every sink",
    control: "producerFinished or shutdownMicroprocess: passed to every sink's control, then on signal",
    configuration: "addsink(...) and removesink(...) requests",
  };
  static override Outboxes: BoxDescriptions<SplitterOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on when this ends",
  };

  private sinks: SinkRecord[] = [];

  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady("configuration")) this.configure(this.recv("configuration"));
      if (this.dataReady()) this.removeEndedSinks();
      while (this.dataReady() && this.hasRoom()) {
        const message = this.recv();
        const sinks = this.sinks;
        for (let i = 0; i < sinks.length; i++) sinks[i].box.push(message);
      }
      while (this.dataReady() === 0 && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          const sinks = this.sinks;
          for (let i = 0; i < sinks.length; i++) {
            const controlOutbox = sinks[i].controlOutbox;
            if (controlOutbox !== null && !sinks[i].sink.isStopped()) this.send(message, controlOutbox);
          }
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }

  private configure(message: unknown): void {
    // addsink and removesink share one shape, so the kind is read once rather than narrowed twice.
    const adding = message instanceof addsink;
    if (!adding && !(message instanceof removesink)) {
      hostLog(this, "warn", this.name + " ignored a configuration message that is neither addsink nor removesink: " + String(message));
      return;
    }
    const request = message as SinkRequest;
    const found = this.indexOf(request.sink, request.sinkbox);
    if (!adding) {
      if (found >= 0) this.remove(found);
      return;
    }
    if (found >= 0) return; // already a sink
    const sink = request.sink;
    const inboxes = sink && typeof sink === "object" ? sink.inboxes : undefined;
    const missing = !inboxes ? "inbox" : !hasBox(inboxes, request.sinkbox) ? request.sinkbox
      : request.sinkcontrol !== null && !hasBox(inboxes, request.sinkcontrol) ? request.sinkcontrol : null;
    if (missing !== null) {
      hostLog(this, "warn", this.name + " ignored addsink for " + (sink && sink.name) + ": it has no inbox '" + missing + "'");
      return;
    }
    if (sink.isStopped()) return; // it ended before its request was read; nothing to send to
    const outbox = this.addOutbox("sink");
    this.link([this, outbox], [sink, request.sinkbox]);
    let controlOutbox: string | null = null;
    if (request.sinkcontrol !== null) {
      controlOutbox = this.addOutbox("sinkcontrol");
      this.link([this, controlOutbox], [sink, request.sinkcontrol]);
    }
    const box = (this.outboxes as { [name: string]: Box })[outbox];
    this.sinks.push({ sink: sink, sinkbox: request.sinkbox, outbox: outbox, box: box, controlOutbox: controlOutbox });
  }

  private indexOf(sink: unknown, sinkbox: string): number {
    for (let i = 0; i < this.sinks.length; i++) if (this.sinks[i].sink === sink && this.sinks[i].sinkbox === sinkbox) return i;
    return -1;
  }

  /** Deleting an adaptive outbox undoes its linkage, so nothing of the sink is left here. */
  private remove(i: number): void {
    const record = this.sinks.splice(i, 1)[0];
    this.deleteOutbox(record.outbox);
    if (record.controlOutbox !== null) this.deleteOutbox(record.controlOutbox);
  }

  private removeEndedSinks(): void {
    for (let i = this.sinks.length - 1; i >= 0; i--) if (this.sinks[i].sink.isStopped()) this.remove(i);
  }

  private hasRoom(): boolean {
    for (let i = 0; i < this.sinks.length; i++) if (this.sinks[i].box.isFull()) return false;
    return true;
  }
}
