/**
 * Box: one named inbox or outbox, its message storage, and where its messages finally land.
 *
 * Example (component authors never need this; it is what `send`, `recv` and `link` use):
 *   component.inboxes.inbox.setSize(8);    // bound an inbox to 8 waiting messages
 *   component.inboxes.inbox.dataReady();   // how many are waiting
 *
 * Behaviour:
 * - A box that is not linked onwards is its own final destination, and holds what is sent into it.
 * - A linked box forwards to `target`; a chain of any length resolves to one `final` box, so a send is one
 *   push into the final box's storage plus one wake of its owner. There is no postman copying messages.
 * - Many boxes may feed one box; a box feeds at most one (BoxAlreadyLinkedToDestination).
 * - Messages waiting in a box when it becomes a link source move on, in order, to the new final
 *   destination. So data sent on an unlinked outbox is kept, and delivered once the outbox is linked.
 * - A size limit (`setSize`) is enforced on the final destination: a push beyond it throws NoSpaceInBox
 *   in the sender, synchronously. The move on linking ignores the limit: those messages were already sent.
 * - Collecting a message wakes every component whose outboxes feed this box (the producers), so a sender
 *   paused on a full box resumes when space appears.
 *
 * How it works inside: storage is an array plus a head index (no O(n) shift per collect), created lazily so
 * an idle box costs a few fields. `final` and `producers` are recomputed by walking the source tree on each
 * link or unlink, which are rare; sends and collects never walk anything.
 */
import { CircularLinkage, BoxAlreadyLinkedToDestination, EmptyBox, NoSpaceInBox } from "./errors";
import type { Task } from "./task";

/** What a box needs from its owner: a name for errors, and the task to wake (see task.ts). */
export interface BoxOwner {
  readonly name: string;
  /** Woken on a delivery (inboxes) or a collect (producers) when its state says it is paused. */
  readonly _task: Task;
}

/** Something that can undo a link; the box keeps the one it is the source of, so deletion can unlink. */
export interface LinkRecord {
  unlink(): void;
}

/**
 * A fresh name → value dictionary that inherits nothing, so names such as `__proto__` or `toString` are
 * plain keys. Instances of a constructor whose prototype is `Object.create(null)` rather than
 * `Object.create(null)` itself: V8 keeps the former as fast objects and the latter as slow hash tables,
 * and box lookups are on every send and recv.
 */
export function newDictionary<T>(): { [name: string]: T } {
  return new (Dictionary as unknown as new () => { [name: string]: T })();
}
function Dictionary() {
  // instances start empty
}
Dictionary.prototype = Object.create(null);

/** Compact storage after this many collected slots, once they are also half of those in use. */
const COMPACT_AFTER = 64;

/** A drained box keeps up to this many slots of capacity for reuse; a larger array is released. */
const KEEP_CAPACITY = 4096;

/** No limit on the number of waiting messages. */
const UNBOUNDED = -1;

export class Box<T = unknown> {
  /** The box's name within its owner, such as `inbox`. */
  readonly name: string;
  /** The component (or handle) that owns this box, or null. */
  readonly owner: BoxOwner | null;
  /** True for inboxes: a delivery wakes the owner. */
  readonly isInbox: boolean;
  /** The next box along a linkage, or null when this box is a final destination. */
  target: Box | null = null;
  /** The box where messages sent into this one end up (itself when unlinked). */
  final: Box = this;
  /** @internal The task to wake on a delivery: the inbox owner's, null for an outbox. */
  _wakes: Task | null;
  /** @internal The linkage that made this box a source, so deleting the box can undo it. */
  _link: LinkRecord | null = null;
  /** @internal Boxes linked into this one. Lazily created. */
  _sources: Box[] | null = null;
  /** @internal Tasks of the owners of boxes that resolve here and may send: woken on collect. */
  _producers: Task[] | null = null;
  /**
   * @internal Message storage, created lazily: slots `_head` to `_tail` hold the waiting messages, and
   * slots past `_tail` are spare capacity (undefined), reused by later pushes without reallocating.
   */
  _items: T[] | null = null;
  /** @internal Index of the oldest waiting message. */
  _head = 0;
  /** @internal Index one past the newest waiting message. */
  _tail = 0;
  /** @internal Maximum waiting messages, or UNBOUNDED. */
  _size = UNBOUNDED;

  constructor(name: string, owner: BoxOwner | null, isInbox: boolean) {
    this.name = name;
    this.owner = owner;
    this.isInbox = isInbox;
    this._wakes = isInbox && owner !== null ? owner._task : null;
  }

  /** A readable description for errors and traces, such as `Echo_7.inbox`. */
  describe(): string {
    return (this.owner ? this.owner.name : "unowned") + "." + this.name;
  }

  /** Limit how many messages may wait in this box (Axon's `setSize`). `null` or a negative removes it. */
  setSize(size: number | null): void {
    this._size = size === null || size < 0 ? UNBOUNDED : size;
  }

  /** The limit set by `setSize`, or null when unbounded. */
  getSize(): number | null {
    return this._size === UNBOUNDED ? null : this._size;
  }

  /** How many messages wait here (only a final destination holds any). */
  dataReady(): number {
    return this._tail - this._head;
  }

  /** True when this box's final destination holds its limit, so a push would throw NoSpaceInBox. */
  isFull(): boolean {
    const f = this.final;
    return f._size !== UNBOUNDED && f.dataReady() >= f._size;
  }

  /** Deliver into the final destination, waking its owner. Throws NoSpaceInBox when it is full. */
  push(message: T): void {
    const f = this.final as Box<T>;
    const tail = f._tail;
    if (f._size !== UNBOUNDED && tail - f._head >= f._size) throw new NoSpaceInBox(f.describe(), f._size);
    f._append(message);
    // Only a paused owner needs waking (PAUSING = 2, SLEEPING = 3); checked here to skip the call.
    const task = f._wakes;
    if (task !== null && task.state > 1) task.wake();
  }

  /** Collect the oldest waiting message from this box (not its destination), waking its producers. */
  pop(): T {
    const head = this._head;
    const tail = this._tail;
    if (head >= tail) throw new EmptyBox(this.describe());
    const items = this._items as T[];
    const message = items[head];
    (items as unknown[])[head] = undefined; // let the message be garbage-collected now
    if (head + 1 < tail) this._head = head + 1;
    else {
      this._head = 0;
      this._tail = 0;
      if (items.length > KEEP_CAPACITY) this._items = null; // after a burst, give the memory back
    }
    const producers = this._producers;
    if (producers !== null) {
      for (let i = 0; i < producers.length; i++) if (producers[i].state > 1) producers[i].wake();
    }
    return message;
  }

  /** Drop the collected slots at the front, so a box that never drains does not grow forever. */
  private compact(): void {
    const head = this._head;
    (this._items as T[]).splice(0, head);
    this._tail -= head;
    this._head = 0;
  }

  /** @internal Store a message after the newest, reusing spare capacity. No checks, no wake. */
  _append(message: T): void {
    // A box that is never quite drained would grow forever: when most of its slots are already
    // collected, drop them. Done here, on arrival, not while a consumer drains the box.
    if (this._head >= COMPACT_AFTER && this._head * 2 > this._tail) this.compact();
    const items = this._items;
    if (items === null) this._items = [message];
    else if (this._tail < items.length) items[this._tail] = message;
    else items.push(message);
    this._tail++;
  }

  /** Every message waiting here, oldest first, removed from the box. */
  takeAll(): T[] {
    const items = this._items;
    if (items === null || this._tail === this._head) return [];
    const taken = items.slice(this._head, this._tail);
    this._items = null;
    this._head = 0;
    this._tail = 0;
    return taken;
  }
}

/** Make `source` forward to `sink`. Throws if `source` already forwards, or if a loop would result. */
export function connectBoxes(source: Box, sink: Box, record: LinkRecord): void {
  if (source.target !== null) {
    throw new BoxAlreadyLinkedToDestination(source.describe(), source.target.describe());
  }
  if (sink.final === source) throw new CircularLinkage(source.describe(), sink.describe());
  source.target = sink;
  source._link = record;
  (sink._sources || (sink._sources = [])).push(source);
  const destination = sink.final;
  resolveChain(destination);
  // Messages kept in the source while it was unlinked move on, so nothing sent is lost.
  if (source.dataReady() > 0) {
    const waiting = source.takeAll();
    for (let i = 0; i < waiting.length; i++) destination._append(waiting[i]);
    if (destination._wakes !== null) destination._wakes.wake();
  }
}

/** Undo `connectBoxes`. Messages already delivered stay where they are. */
export function disconnectBoxes(source: Box): void {
  const sink = source.target;
  if (sink === null) return;
  const oldFinal = source.final;
  source.target = null;
  source._link = null;
  const siblings = sink._sources;
  if (siblings !== null) {
    for (let i = 0; i < siblings.length; i++) {
      if (siblings[i] === source) {
        siblings.splice(i, 1);
        break;
      }
    }
  }
  resolveChain(oldFinal);
  resolveChain(source);
}

/** Point every box in `root`'s source tree at `root`, and gather their owners as `root`'s producers. */
function resolveChain(root: Box): void {
  const producers: Task[] = [];
  root.final = root;
  collectSources(root, root, producers);
  root._producers = producers.length > 0 ? producers : null;
}

function collectSources(box: Box, root: Box, producers: Task[]): void {
  const sources = box._sources;
  if (sources === null) return;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    source.final = root;
    if (!source.isInbox && source.owner !== null) producers.push(source.owner._task);
    collectSources(source, root, producers);
  }
}
