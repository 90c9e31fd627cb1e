/**
 * Carousel: holds one child at a time, made by a factory from a message on `next`; when the child ends it
 * asks for the next one. Kamaelia uses it for "one connection/file/stream after another".
 *
 * Example:
 *   // a reader per file name arriving on "next"; each file's bytes come out of the Carousel's outbox
 *   const reader = new Carousel((fileName: string) => new ReadFileAdaptor(fileName), { make1stRequest: true });
 *
 * Behaviour:
 * - A message on `next` is handed to the factory and the component it returns becomes the child: the
 *   Carousel's `inbox` passes through to the child's inbox and the child's `outbox` out of the Carousel's.
 *   Data arriving while there is no child waits and goes to the next one.
 * - If a child is running when `next` arrives, it is sent `shutdownMicroprocess` first and the new child
 *   starts once it has ended.
 * - When a child ends by itself, the Carousel sends `"NEXT"` on `requestNext` to ask for another. With
 *   `make1stRequest`, it also asks once at the start.
 * - A shutdown message on `control` shuts the child down; then the Carousel forwards the message on
 *   `signal` and ends. A factory that throws ends the Carousel with `producerFinished(this, error)` on
 *   `signal`.
 *
 * How it works inside: Kamaelia's Carousel; the child's `signal` is watched through an internal inbox so
 * the Carousel knows without polling when the child has finished.
 */
import { Component, isShutdownMessage, newComponent, producerFinished, shutdownMicroprocess } from "../../core/index";
import type { AnyComponent, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

/* eslint-disable @typescript-eslint/no-explicit-any -- the carried data is whatever the children handle */
type CarouselIn = { inbox: any; next: any; control: ShutdownMessage; _childSignal: any };
type CarouselOut = { outbox: any; signal: ShutdownMessage; requestNext: string; _childControl: ShutdownMessage };
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Options for a Carousel. */
export interface CarouselOptions {
  /** Send one `"NEXT"` on `requestNext` at the start (Kamaelia's `make1stRequest`). Default false. */
  make1stRequest?: boolean;
}

export class Carousel<M = unknown> extends Component<CarouselIn, CarouselOut> {
  static override Name = "Carousel";
  static override Inboxes: BoxDescriptions<CarouselIn> = {
    inbox: "data for the current child",
    next: "each message makes a new child through the factory",
    control: "shutdown messages",
    _childSignal: "internal: the current child's signal",
  };
  static override Outboxes: BoxDescriptions<CarouselOut> = {
    outbox: "what the current child sends",
    signal: "the shutdown message received, or producerFinished(this, error) if the factory failed",
    requestNext: '"NEXT" when a child has finished and another is wanted',
    _childControl: "internal: shutdown messages for the current child",
  };
  private readonly factory: (message: M) => AnyComponent;
  private readonly make1stRequest: boolean;

  constructor(factory: (message: M) => AnyComponent, options?: CarouselOptions) {
    super();
    this.factory = factory;
    this.make1stRequest = !!(options && options.make1stRequest);
  }

  override *main(): MainLoop {
    let child: AnyComponent | null = null;
    let stopping = false; // a shutdown has been sent to the current child
    let shutdown: ShutdownMessage | null = null;
    if (this.make1stRequest) this.send("NEXT", "requestNext");
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) shutdown = message;
      }
      while (this.dataReady("_childSignal")) this.recv("_childSignal"); // the child says it is done
      if (child !== null && child.isStopped()) {
        this.removeChild(child);
        child = null;
        stopping = false;
        if (shutdown === null && !this.dataReady("next")) this.send("NEXT", "requestNext");
      }
      if (shutdown !== null || this.dataReady("next")) {
        if (child !== null && !stopping) {
          this.send(shutdownMicroprocess(this), "_childControl");
          stopping = true;
        }
      }
      if (shutdown !== null) {
        if (child === null) break;
      } else if (this.dataReady("next") && child === null) {
        try {
          child = this.factory(this.recv("next") as M);
        } catch (error) {
          this.send(producerFinished(this, error), "signal");
          return;
        }
        this.addChildren(child);
        this.link([this, "inbox"], [child, "inbox"], 1);
        this.link([child, "outbox"], [this, "outbox"], 2);
        this.link([this, "_childControl"], [child, "control"]);
        this.link([child, "signal"], [this, "_childSignal"]);
        yield newComponent(child);
        continue;
      }
      this.pause();
      yield 1;
    }
    this.send(shutdown, "signal");
  }
}
