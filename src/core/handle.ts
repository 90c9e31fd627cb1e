/**
 * Handle: use a component from ordinary code, without writing a component (Axon's `likefile`).
 *
 * Example:
 *   const upper = new Handle(new Upper());
 *   upper.put("hello");
 *   upper.get();          // "HELLO" — runs the scheduler until something arrives or nothing can run
 *   upper.shutdown();     // sends shutdownMicroprocess on control and runs until the component ends
 *   upper.close();        // undoes the handle's linkages
 *
 * Behaviour: the handle activates the component if needed. `put` delivers into an inbox (default `inbox`),
 * waking the component; it throws NoSpaceInBox if that inbox is bounded and full. `get` collects from an
 * outbox (default `outbox`), running the component's scheduler synchronously until a message is there; it
 * returns `undefined` when nothing is there and nothing can run (every component paused or ended). Messages
 * the component sent before the first `get` on a box are kept and handed over, never lost. After `close()`
 * the handle only reads what it already holds; `put`, `shutdown` and a first `get` on a new box throw
 * BadComponentState, so call `shutdown()` before `close()`. A Promise form
 * that waits on the host's event loop lives in the desktop target (`AsyncHandle`).
 *
 * How it works inside: the handle owns detached boxes linked to the component's boxes by ordinary linkages,
 * so delivery, wake-up and backpressure work exactly as between components.
 */
import { Box } from "./box";
import type { BoxOwner } from "./box";
import type { AnyComponent, InboxTypesOf, OutboxTypesOf } from "./component";
import { Linkage } from "./linkage";
import { INACTIVE, SLEEPING } from "./run-state";
import { Task } from "./task";
import { defaultScheduler } from "./scheduler";
import type { Scheduler } from "./scheduler";
import { ShutdownMicroprocess } from "./ipc";
import { BadComponentState } from "./errors";

let nextHandle = 1;

export class Handle<C extends AnyComponent> implements BoxOwner {
  /** Readable name for traces, such as `Handle_2(Upper_7)`. */
  readonly name: string;
  /** The wrapped component. */
  readonly component: C;
  /** The scheduler the component runs on. */
  readonly scheduler: Scheduler;
  private putBoxes: { [name: string]: Box } = Object.create(null);
  private getBoxes: { [name: string]: Box } = Object.create(null);
  private links: Linkage[] = [];
  private closed = false;
  /** @internal As a box owner: a task that always counts as paused and calls `_wake` on each delivery. */
  readonly _task: Task;

  constructor(component: C, scheduler?: Scheduler) {
    this.component = component;
    this.name = "Handle_" + nextHandle++ + "(" + component.name + ")";
    this._task = new Task(null);
    this._task.state = SLEEPING;
    this._task.listener = () => this._wake();
    if (component._task.state === INACTIVE) component.activate(scheduler || defaultScheduler());
    else if (scheduler && component.scheduler !== scheduler) {
      throw new BadComponentState(component.name, "runs on another scheduler than the Handle's");
    }
    this.scheduler = component.scheduler || scheduler || defaultScheduler();
  }

  /** Deliver a message into one of the component's inboxes (default `inbox`). */
  put(message: InboxTypesOf<C> extends { inbox: infer T } ? T : never): void;
  put<K extends keyof InboxTypesOf<C> & string>(message: InboxTypesOf<C>[K], box: K): void;
  put(message: unknown, box?: string): void {
    this.checkOpen("put");
    const name = box === undefined ? "inbox" : box;
    let b = this.putBoxes[name];
    if (b === undefined) {
      b = this.putBoxes[name] = new Box(name, this, false);
      this.links.push(new Linkage(this, name, b, this.component, name, this.component._inbox(name), 0));
    }
    b.push(message);
  }

  /** Collect the next message from an outbox (default `outbox`), running the scheduler until one arrives. */
  get(): (OutboxTypesOf<C> extends { outbox: infer T } ? T : never) | undefined;
  get<K extends keyof OutboxTypesOf<C> & string>(box: K): OutboxTypesOf<C>[K] | undefined;
  get(box?: string): unknown {
    const b = this.getBox(box === undefined ? "outbox" : box);
    this.scheduler.runThreads(() => b.dataReady() > 0);
    return b.dataReady() > 0 ? b.pop() : undefined;
  }

  /** How many messages from an outbox (default `outbox`) wait in the handle, without running anything. */
  dataReady(box?: keyof OutboxTypesOf<C> & string): number {
    return this.getBox(box === undefined ? "outbox" : box).dataReady();
  }

  /** Ask the component to stop (shutdownMicroprocess on `control`), and run until it has ended. */
  shutdown(): void {
    this.checkOpen("shutdown");
    if (!this.component.isStopped()) {
      this.put(ShutdownMicroprocess() as never, "control" as never);
      const component = this.component;
      this.scheduler.runThreads(() => component.isStopped());
    }
  }

  /** Undo the handle's linkages. Messages already in the handle's boxes stay readable. */
  close(): void {
    for (let i = this.links.length - 1; i >= 0; i--) this.links[i].unlink();
    this.links.length = 0;
    this.closed = true;
  }

  private checkOpen(what: string): void {
    if (this.closed) throw new BadComponentState(this.name, "is closed: cannot " + what + " (shutdown before close)");
  }

  /** @internal Called when a message reaches one of the handle's boxes; subclasses resolve waiters. */
  _wake(): void {
    // The synchronous handle polls in get(); nothing to do.
  }

  /** @internal The handle-side box collecting from the component's outbox `name`, linked on first use. */
  getBox(name: string): Box {
    let b = this.getBoxes[name];
    if (b === undefined) {
      this.checkOpen("get");
      const source = this.component._outbox(name);
      b = this.getBoxes[name] = new Box(name, this, true);
      this.links.push(new Linkage(this.component, name, source, this, name, b, 0));
    }
    return b;
  }
}
