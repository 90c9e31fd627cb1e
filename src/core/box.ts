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

/** What a box needs from its owner: a name for errors, and a way to wake it. */
export interface BoxOwner {
  readonly name: string;
  /** Wake the owner if it is paused; called on a delivery (inboxes) or a collect (producers). */
  _wake(): void;
}

/** Something that can undo a link; the box keeps the one it is the source of, so deletion can unlink. */
export interface LinkRecord {
  unlink(): void;
}

/** Compact storage after this many collected slots, once they are also half the array. */
const COMPACT_AFTER = 64;

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
  /** @internal The linkage that made this box a source, so deleting the box can undo it. */
  _link: LinkRecord | null = null;
  /** @internal Boxes linked into this one. Lazily created. */
  _sources: Box[] | null = null;
  /** @internal Owners of boxes that resolve here and may send: woken on collect. */
  _producers: BoxOwner[] | null = null;
  /** @internal Waiting messages from `_head` on. Lazily created. */
  _items: T[] | null = null;
  /** @internal Index of the oldest waiting message in `_items`. */
  _head = 0;
  /** @internal Maximum waiting messages, or UNBOUNDED. */
  _size = UNBOUNDED;

  constructor(name: string, owner: BoxOwner | null, isInbox: boolean) {
    this.name = name;
    this.owner = owner;
    this.isInbox = isInbox;
  }

  /** A readable description for errors and traces, such as `Echo_7.inbox`. */
  describe(): string {
    return (this.owner ? this.owner.name : "(detached)") + "." + this.name;
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
    return this._items === null ? 0 : this._items.length - this._head;
  }

  /** True when this box's final destination holds its limit, so a push would throw NoSpaceInBox. */
  isFull(): boolean {
    const f = this.final;
    return f._size !== UNBOUNDED && f.dataReady() >= f._size;
  }

  /** Deliver into the final destination, waking its owner. Throws NoSpaceInBox when it is full. */
  push(message: T): void {
    const f = this.final as Box<T>;
    if (f._size !== UNBOUNDED && f.dataReady() >= f._size) throw new NoSpaceInBox(f.describe(), f._size);
    if (f._items === null) f._items = [message];
    else f._items.push(message);
    if (f.isInbox && f.owner !== null) f.owner._wake();
  }

  /** Collect the oldest waiting message from this box (not its destination), waking its producers. */
  pop(): T {
    const items = this._items;
    if (items === null || this._head >= items.length) throw new EmptyBox(this.describe());
    const message = items[this._head];
    (items as unknown[])[this._head] = undefined; // let the message be garbage-collected now
    this._head++;
    if (this._head === items.length) {
      items.length = 0;
      this._head = 0;
    } else if (this._head > COMPACT_AFTER && this._head * 2 > items.length) {
      items.splice(0, this._head);
      this._head = 0;
    }
    const producers = this._producers;
    if (producers !== null) for (let i = 0; i < producers.length; i++) producers[i]._wake();
    return message;
  }

  /** Every message waiting here, oldest first, removed from the box. */
  takeAll(): T[] {
    const items = this._items;
    if (items === null) return [];
    const taken = this._head === 0 ? items.slice() : items.slice(this._head);
    items.length = 0;
    this._head = 0;
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
    if (destination._items === null) destination._items = waiting;
    else for (let i = 0; i < waiting.length; i++) destination._items.push(waiting[i]);
    if (destination.isInbox && destination.owner !== null) destination.owner._wake();
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
  const producers: BoxOwner[] = [];
  root.final = root;
  collectSources(root, root, producers);
  root._producers = producers.length > 0 ? producers : null;
}

function collectSources(box: Box, root: Box, producers: BoxOwner[]): void {
  const sources = box._sources;
  if (sources === null) return;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    source.final = root;
    if (!source.isInbox && source.owner !== null) producers.push(source.owner);
    collectSources(source, root, producers);
  }
}
