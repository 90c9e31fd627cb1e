/**
 * Component: a microprocess with named inboxes and outboxes — Axon's unit of composition.
 *
 * Example:
 *   type UpperIn = { inbox: string; control: ShutdownMessage };
 *   type UpperOut = { outbox: string; signal: ShutdownMessage };
 *   class Upper extends Component<UpperIn, UpperOut> {
 *     static override Name = "Upper";
 *     static override Inboxes: BoxDescriptions<UpperIn> = { inbox: "text", control: "shutdown messages" };
 *     static override Outboxes: BoxDescriptions<UpperOut> = { outbox: "TEXT", signal: "shutdown messages" };
 *     *main() {
 *       for (;;) {
 *         while (this.dataReady()) this.send(this.recv().toUpperCase());
 *         if (this.dataReady("control")) { this.send(this.recv("control"), "signal"); return; }
 *         this.pause();
 *         yield 1;
 *       }
 *     }
 *   }
 *
 * Behaviour:
 * - Boxes come from the class's static `Inboxes` / `Outboxes` (name → description); the defaults are
 *   `inbox` and `control` in, `outbox` and `signal` out. The type parameters give each box its message
 *   type, so `recv("inbx")`, sending a number on a string outbox, or linking a string outbox to a
 *   Uint8Array inbox are compile errors. Leave the type parameters out (or use `any`) to opt out.
 * - `send` pushes straight into the final destination; `recv` collects from this component's own inbox;
 *   `dataReady` counts what waits; `anyReady` asks whether any inbox has something.
 * - `link` joins boxes and records the linkage as this component's; `unlink` undoes one linkage, or all this
 *   component made to another component. When this component ends, its linkages go away.
 * - Children: `addChildren` / `removeChild` / `childComponents`; a child ending wakes its parent.
 * - The callback form: leave `main` alone and override `initialiseComponent`, `mainBody` (return truthy to
 *   be called again, falsy to finish) and `closeDownComponent`.
 *
 * How it works inside: box tables are prototype-less objects of Box (box.ts). The type-only fields
 * `__inboxTypes` / `__outboxTypes` carry the type parameters for `link`'s compatibility check.
 */
import { hasOwn } from "./has-own";
import { Box, newDictionary } from "./box";
import type { BoxOwner } from "./box";
import { BoxNotFound } from "./errors";
import { Linkage } from "./linkage";
import { Microprocess } from "./microprocess";
import type {
  BoxDescriptions,
  DefaultInboxes,
  DefaultOutboxes,
  MainLoop,
  Passthrough,
  YieldValue,
} from "./types";
import type { CoordinatingAssistantTracker } from "./coordinating-assistant-tracker";
import { defaultScheduler } from "./scheduler";

/** A table of boxes, one per declared box name, each typed with its message type. */
/** Shared by every component without children, so a leaf costs no array of its own (never pushed to). */
const NO_CHILDREN: AnyComponent[] = [];

export type BoxTable<Boxes> = { readonly [Name in keyof Boxes]: Box<Boxes[Name]> };

/* eslint-disable @typescript-eslint/no-explicit-any -- "any component" must accept every box typing */
/** Any component, whatever its box types. */
export type AnyComponent = Component<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The inbox types of component type C. */
export type InboxTypesOf<C> = C extends { readonly __inboxTypes: infer I } ? I : never;
/** The outbox types of component type C. */
export type OutboxTypesOf<C> = C extends { readonly __outboxTypes: infer O } ? O : never;

/**
 * Type-only views used by `link`'s signature. A source is anything with box types (`__outboxTypes`, or
 * `__inboxTypes` for an inbox passthrough); the message type is read off the named box by indexed access.
 * A sink "accepts" that type when its box's `(message: T) => void` view takes it — a function parameter,
 * so the check runs in the right direction (the message must fit the sink's type). Indexed access and
 * constraints, rather than conditional types or inference, so that only the two named boxes count and a
 * component linking its own boxes through the `this` type still resolves.
 */
export type HasOutboxes = { readonly __outboxTypes: object };
export type HasInboxes = { readonly __inboxTypes: object };
export type AcceptsIn<Box extends string, M> = { readonly __inboxSinks: { readonly [K in Box]: (message: M) => void } };
export type AcceptsOut<Box extends string, M> = { readonly __outboxSinks: { readonly [K in Box]: (message: M) => void } };

/* eslint-disable @typescript-eslint/no-explicit-any -- untyped (any) and run-time (indexed) box tables accept every link */
/**
 * Box name → "accepts a message of this type". `any` for an untyped table (`0 extends 1 & T` tests for
 * any) and for a table with run-time boxes (an index signature: AdaptiveCommsComponent), whose box names
 * the compiler cannot know.
 */
type SinksOf<T> = 0 extends 1 & T ? any : string extends keyof T ? any : { readonly [K in keyof T]: (message: T[K]) => void };
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One end of a linkage: a component and one of its box names. */
export type BoxRef<C, Name extends string> = readonly [component: C, box: Name];

function makeBoxTable(descriptions: object | undefined, owner: BoxOwner, isInbox: boolean): object {
  const table = newDictionary<Box>();
  for (const name in descriptions) {
    if (hasOwn(descriptions, name)) table[name] = new Box(name, owner, isInbox);
  }
  return table;
}

export class Component<I = DefaultInboxes, O = DefaultOutboxes> extends Microprocess {
  /** Inbox name → description. Override in subclasses; this is the interface documentation. */
  static Inboxes: BoxDescriptions<DefaultInboxes> = {
    inbox: "data",
    control: "shutdown messages",
  };
  /** Outbox name → description. */
  static Outboxes: BoxDescriptions<DefaultOutboxes> = {
    outbox: "results",
    signal: "shutdown messages, passed on at the end",
  };

  /** Type-only: the inbox message types. Not present at run time. */
  declare readonly __inboxTypes: I;
  /** Type-only: the outbox message types. Not present at run time. */
  declare readonly __outboxTypes: O;
  /** Type-only: what each inbox accepts, for `link`'s check. Not present at run time. */
  declare readonly __inboxSinks: SinksOf<I>;
  /** Type-only: what each outbox accepts as a passthrough destination. Not present at run time. */
  declare readonly __outboxSinks: SinksOf<O>;

  /** This component's inboxes by name. */
  readonly inboxes: BoxTable<I>;
  /** This component's outboxes by name. */
  readonly outboxes: BoxTable<O>;

  /** @internal The parent that added this as a child, if any. */
  _parent: AnyComponent | null = null;
  /** @internal Children added with addChildren. */
  _children: AnyComponent[] = NO_CHILDREN;
  /** @internal Linkages this component created. */
  _linkages: Linkage[] | null = null;
  /** @internal The `inbox` box, or null if there is none: the hot path skips the table lookup. */
  _in: Box | null;
  /** @internal The `outbox` box, or null if there is none. */
  _out: Box | null;

  constructor() {
    super();
    // A hand-written ES5 subclass may not inherit statics, so fall back to the default boxes.
    const ctor = this.constructor as unknown as { Inboxes?: object; Outboxes?: object };
    this.inboxes = makeBoxTable(ctor.Inboxes || Component.Inboxes, this, true) as BoxTable<I>;
    this.outboxes = makeBoxTable(ctor.Outboxes || Component.Outboxes, this, false) as BoxTable<O>;
    this._in = (this.inboxes as { [name: string]: Box | undefined }).inbox || null;
    this._out = (this.outboxes as { [name: string]: Box | undefined }).outbox || null;
  }

  /** Send `message` on an outbox (default `outbox`). Throws NoSpaceInBox if the destination is full. */
  send(message: O extends { outbox: infer T } ? T : never): void;
  send<K extends keyof O & string>(message: O[K], box: K): void;
  send(message: unknown, box?: string): void {
    // The hot path: the default outbox, one field load, no table lookup.
    const out = this._out;
    if (box === undefined && out !== null) {
      out.push(message);
      return;
    }
    this._outbox(box === undefined ? "outbox" : box).push(message);
  }

  /** Collect the oldest message from an inbox (default `inbox`). Throws EmptyBox when there is none. */
  recv(): I extends { inbox: infer T } ? T : never;
  recv<K extends keyof I & string>(box: K): I[K];
  recv(box?: string): unknown {
    const inbox = this._in;
    if (box === undefined && inbox !== null) return inbox.pop();
    return this._inbox(box === undefined ? "inbox" : box).pop();
  }

  /** How many messages wait in an inbox (default `inbox`). */
  dataReady(box?: keyof I & string): number {
    const inbox = this._in;
    if (box === undefined && inbox !== null) return inbox._tail - inbox._head;
    return this._inbox(box === undefined ? "inbox" : box).dataReady();
  }

  /** True if any inbox has a message waiting. */
  anyReady(): boolean {
    const inboxes = this.inboxes as { [name: string]: Box };
    for (const name in inboxes) if (inboxes[name].dataReady() > 0) return true;
    return false;
  }

  /**
   * Link a box of one component to a box of another, as this component's linkage. By default an outbox goes
   * to an inbox; passthrough 1 links inbox → inbox (a parent's inbox to a child's) and passthrough 2 links
   * outbox → outbox (a child's outbox to its parent's). The message types must fit.
   */
  link<S extends HasOutboxes, SB extends keyof S["__outboxTypes"] & string, D extends object, DB extends string>(
    source: BoxRef<S, SB>,
    sink: BoxRef<D & AcceptsIn<DB, S["__outboxTypes"][SB]>, DB>,
    passthrough?: 0,
  ): Linkage;
  link<S extends HasInboxes, SB extends keyof S["__inboxTypes"] & string, D extends object, DB extends string>(
    source: BoxRef<S, SB>,
    sink: BoxRef<D & AcceptsIn<DB, S["__inboxTypes"][SB]>, DB>,
    passthrough: 1,
  ): Linkage;
  link<S extends HasOutboxes, SB extends keyof S["__outboxTypes"] & string, D extends object, DB extends string>(
    source: BoxRef<S, SB>,
    sink: BoxRef<D & AcceptsOut<DB, S["__outboxTypes"][SB]>, DB>,
    passthrough: 2,
  ): Linkage;
  link(source: BoxRef<object, string>, sink: BoxRef<object, string>, passthrough?: Passthrough): Linkage {
    const kind: Passthrough = passthrough || 0;
    const from_ = source[0] as AnyComponent;
    const to_ = sink[0] as AnyComponent;
    const from = kind === 1 ? from_._inbox(source[1]) : from_._outbox(source[1]);
    const to = kind === 2 ? to_._outbox(sink[1]) : to_._inbox(sink[1]);
    const linkage = new Linkage(from_, source[1], from, to_, sink[1], to, kind);
    (this._linkages || (this._linkages = [])).push(linkage);
    return linkage;
  }

  /**
   * Undo a linkage this component made, or — given a component — every linkage this component made that
   * touches it. With no argument, undo every linkage this component made.
   */
  unlink(target?: Linkage | AnyComponent): void {
    const linkages = this._linkages;
    if (linkages === null) return;
    for (let i = linkages.length - 1; i >= 0; i--) {
      const l = linkages[i];
      if (target === undefined || l === target || l.source === target || l.sink === target) {
        l.unlink();
        linkages.splice(i, 1);
      }
    }
  }

  /** The linkages this component made that are still live. */
  linkages(): Linkage[] {
    const live: Linkage[] = [];
    const all = this._linkages || [];
    for (let i = 0; i < all.length; i++) if (all[i].isLive()) live.push(all[i]);
    return live;
  }

  /** Make components children of this one: each child that ends wakes this component. */
  addChildren(...children: AnyComponent[] | [AnyComponent[]]): void {
    // Also takes one array, which spares engines a call with thousands of arguments (mujs).
    const list = (children.length === 1 && children[0] instanceof Array ? children[0] : children) as AnyComponent[];
    if (this._children === NO_CHILDREN) this._children = [];
    for (let i = 0; i < list.length; i++) {
      const child = list[i];
      child._parent = this;
      this._children.push(child);
    }
  }

  /** Remove a child, undoing every linkage this component made to it. */
  removeChild(child: AnyComponent): void {
    for (let i = 0; i < this._children.length; i++) {
      if (this._children[i] === child) {
        this._children.splice(i, 1);
        break;
      }
    }
    if (child._parent === this) child._parent = null;
    this.unlink(child);
  }

  /** The current children, in the order they were added. */
  childComponents(): AnyComponent[] {
    return this._children.slice();
  }

  /** Remove children that have ended; true when none are left (as Axon's Pipeline and Graphline do). */
  childrenDone(): boolean {
    const children = this.childComponents();
    for (let i = 0; i < children.length; i++) if (children[i].isStopped()) this.removeChild(children[i]);
    return this._children.length === 0;
  }

  /** The Co-ordinating Assistant Tracker of this component's scheduler (or the default scheduler's). */
  getcat(): CoordinatingAssistantTracker {
    return (this.scheduler || defaultScheduler()).tracker;
  }

  /**
   * The callback form's driver; override `main` instead for the generator form. `closeDownComponent` runs
   * once however the component ends: finished, crashed or stopped.
   */
  override *main(): MainLoop {
    try {
      let result: YieldValue | void = this.initialiseComponent();
      yield result || 1;
      for (;;) {
        result = this.mainBody();
        if (!result) break;
        yield result;
      }
    } finally {
      this.closeDownComponent();
    }
  }

  /** Callback form: called once at the start; may return a value to yield (such as a NewComponent). */
  initialiseComponent(): YieldValue | void {
    return undefined;
  }

  /** Callback form: one slice of work. Return truthy (e.g. 1) to be called again, falsy to finish. */
  mainBody(): YieldValue | void {
    return undefined;
  }

  /** Callback form: called once when mainBody has finished. */
  closeDownComponent(): void {
    // nothing by default
  }

  /** @internal An inbox by name, or BoxNotFound. */
  _inbox(name: string): Box {
    const b = (this.inboxes as { [name: string]: Box })[name];
    if (b === undefined) throw new BoxNotFound(this.name, "inbox", name);
    return b;
  }

  /** @internal An outbox by name, or BoxNotFound. */
  _outbox(name: string): Box {
    const b = (this.outboxes as { [name: string]: Box })[name];
    if (b === undefined) throw new BoxNotFound(this.name, "outbox", name);
    return b;
  }

  /** @internal Teardown: registered cleanups, then linkages, newest first; then wake the parent. */
  override _closeDown(): void {
    try {
      super._closeDown();
    } finally {
      this.unlink();
      const parent = this._parent;
      if (parent !== null) parent._wake();
    }
  }
}
