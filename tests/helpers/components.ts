/**
 * Small components used across the kernel tests. (The library's own DataSource, Collector and friends come
 * with the components issue; these stay minimal so kernel tests depend on nothing but the kernel.)
 */
import { Component, isShutdownMessage, producerFinished } from "../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../src/index";

type SourceOut<T> = { outbox: T; signal: ShutdownMessage };

/** Sends each item on `outbox`, one per step, then producerFinished on `signal`. */
export class ListSource<T> extends Component<{ inbox: never; control: ShutdownMessage }, SourceOut<T>> {
  static override Name = "ListSource";
  constructor(private readonly items: T[]) {
    super();
  }
  override *main(): MainLoop {
    for (const item of this.items) {
      this.send(item);
      yield 1;
    }
    this.send(producerFinished(this), "signal");
  }
}

/** Collects everything from `inbox` into `items`; ends on a shutdown message, passing it on. */
export class ListSink<T> extends Component<{ inbox: T; control: ShutdownMessage }, { outbox: never; signal: ShutdownMessage }> {
  static override Name = "ListSink";
  static override Inboxes: BoxDescriptions<{ inbox: unknown; control: unknown }> = {
    inbox: "items to keep",
    control: "shutdown messages",
  };
  readonly items: T[] = [];
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.items.push(this.recv());
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** Applies `fn` to each message; passes shutdown messages on and ends. */
export class Mapper<A, B> extends Component<{ inbox: A; control: ShutdownMessage }, { outbox: B; signal: ShutdownMessage }> {
  static override Name = "Mapper";
  constructor(private readonly fn: (a: A) => B) {
    super();
  }
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) this.send(this.fn(this.recv()));
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}
