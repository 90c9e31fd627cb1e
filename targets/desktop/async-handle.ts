/**
 * AsyncHandle: the Promise form of Handle, for Node code that awaits a component's output.
 *
 * Example:
 *   const driver = new EventLoopDriver();
 *   const upper = new AsyncHandle(new Upper(), driver);
 *   upper.put("hello");
 *   await upper.get();      // "HELLO"
 *   await upper.shutdown(); // shutdownMicroprocess on control; resolves when the component has ended
 *
 * Behaviour: `get()` resolves with the next message from an outbox (default `outbox`), in order, as the
 * driver runs the scheduler on the event loop; it resolves `undefined` once the component has ended and
 * nothing is left. Concurrent `get()`s on one box resolve in call order.
 *
 * How it works inside: a Handle whose `_wake` (called when a message reaches one of its boxes) settles
 * waiting promises; a teardown registered on the component settles the rest when it ends.
 */
import { Handle, ShutdownMicroprocess } from "../../src/index";
import type { AnyComponent, InboxTypesOf, OutboxTypesOf } from "../../src/index";
import type { EventLoopDriver } from "./event-loop-driver";

type Waiter = { box: string; resolve: (value: unknown) => void };

class NotifyingHandle<C extends AnyComponent> extends Handle<C> {
  onMessage: () => void = () => undefined;
  override _wake(): void {
    this.onMessage();
  }
}

export class AsyncHandle<C extends AnyComponent> {
  /** The wrapped component. */
  readonly component: C;
  private readonly handle: NotifyingHandle<C>;
  private waiters: Waiter[] = [];
  private ended: Promise<void>;

  constructor(component: C, driver: EventLoopDriver) {
    this.component = component;
    let markEnded: () => void = () => undefined;
    this.ended = new Promise((resolve) => (markEnded = resolve));
    component.addTeardown(() => {
      markEnded();
      // Messages can still be arriving this same step; settle once the step is over.
      queueMicrotask(() => this.settle());
    });
    this.handle = new NotifyingHandle(component, driver.scheduler);
    this.handle.onMessage = () => this.settle();
    driver.kick();
  }

  /** Deliver into an inbox (default `inbox`); throws NoSpaceInBox if it is bounded and full. */
  put(message: InboxTypesOf<C> extends { inbox: infer T } ? T : never): void;
  put<K extends keyof InboxTypesOf<C> & string>(message: InboxTypesOf<C>[K], box: K): void;
  put(message: unknown, box?: string): void {
    (this.handle.put as (m: unknown, b: string) => void)(message, box === undefined ? "inbox" : box);
  }

  /** The next message from an outbox (default `outbox`), or undefined once the component has ended. */
  get(): Promise<(OutboxTypesOf<C> extends { outbox: infer T } ? T : never) | undefined>;
  get<K extends keyof OutboxTypesOf<C> & string>(box: K): Promise<OutboxTypesOf<C>[K] | undefined>;
  get(box?: string): Promise<unknown> {
    const name = box === undefined ? "outbox" : box;
    this.handle.getBox(name); // link now, so messages sent meanwhile arrive here
    return new Promise((resolve) => {
      this.waiters.push({ box: name, resolve });
      this.settle();
    });
  }

  /** Send shutdownMicroprocess on `control`; resolves when the component has ended. */
  shutdown(): Promise<void> {
    if (!this.component.isStopped()) this.put(ShutdownMicroprocess() as never, "control" as never);
    return this.ended;
  }

  /** Undo the handle's linkages. */
  close(): void {
    this.handle.close();
  }

  private settle(): void {
    const stopped = this.component.isStopped();
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      const box = this.handle.getBox(w.box);
      if (box.dataReady() > 0) w.resolve(box.pop());
      else if (stopped) w.resolve(undefined);
      else still.push(w);
    }
    this.waiters = still;
  }
}
