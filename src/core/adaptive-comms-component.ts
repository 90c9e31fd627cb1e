/**
 * AdaptiveCommsComponent: a component that adds and removes boxes while it runs, and tracks which boxes
 * belong to which resource (a connection, a client). Servers use it to give each connection its own boxes.
 *
 * Example:
 *   const inbox = this.addInbox("fromClient");       // "fromClient", or "fromClient_1" if taken
 *   const outbox = this.addOutbox("toClient");
 *   this.trackResourceInformation(handler, [inbox], [outbox], { peer: "10.0.0.2" });
 *   ...
 *   this.deleteInbox(inbox);                          // undoes linkages through it
 *
 * Behaviour: a name clash gets a unique `_N` suffix and the name actually used is returned; deleting a box
 * that does not exist throws BoxNotFound. Deleting a box undoes every linkage through it (messages already
 * delivered stay put), and drops them from `linkages()`. Adaptive boxes are untyped (`any`), since their names are only known at run time.
 *
 * How it works inside: the box tables are plain prototype-less objects, so adding is a property set.
 * Resources are kept in an array searched linearly (no Map on ES5 engines); a server has tens of them.
 */
import { hasOwn } from "./has-own";
import { Box } from "./box";
import { BadComponentState, BoxNotFound } from "./errors";
import { Component } from "./component";
import type { DefaultInboxes, DefaultOutboxes } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any -- run-time boxes have run-time names and any type */
type AdaptiveBoxes<Declared> = Declared & { [name: string]: any };
/* eslint-enable @typescript-eslint/no-explicit-any */

type TrackedResource = { resource: unknown; inboxes: string[]; outboxes: string[]; information: unknown };

function uniqueName(table: object, wanted: string): string {
  if (!hasOwn(table, wanted)) return wanted;
  for (let n = 1; ; n++) {
    const candidate = wanted + "_" + n;
    if (!hasOwn(table, candidate)) return candidate;
  }
}

/** A copy for callers, so changing what they get back does not change what is tracked. */
function copyRecord(r: TrackedResource): { inboxes: string[]; outboxes: string[]; information: unknown } {
  return { inboxes: r.inboxes.slice(), outboxes: r.outboxes.slice(), information: r.information };
}

function detach(box: Box): void {
  if (box._link !== null) box._link.unlink();
  const sources = box._sources;
  if (sources !== null) {
    const copy = sources.slice();
    for (let i = 0; i < copy.length; i++) if (copy[i]._link !== null) (copy[i]._link as { unlink(): void }).unlink();
  }
}

export class AdaptiveCommsComponent<I = DefaultInboxes, O = DefaultOutboxes> extends Component<
  AdaptiveBoxes<I>,
  AdaptiveBoxes<O>
> {
  private resources: TrackedResource[] = [];

  /** Add an inbox; returns its name, suffixed `_N` if `name` was taken. */
  addInbox(name: string): string {
    return this.addBox(this.inboxes, name, true);
  }

  /** Add an outbox; returns its name, suffixed `_N` if `name` was taken. */
  addOutbox(name: string): string {
    return this.addBox(this.outboxes, name, false);
  }

  /** Delete an inbox, undoing linkages through it. BoxNotFound if there is none by that name. */
  deleteInbox(name: string): void {
    this.deleteBox(this.inboxes, name, "inbox");
  }

  /** Delete an outbox, undoing linkages through it. BoxNotFound if there is none by that name. */
  deleteOutbox(name: string): void {
    this.deleteBox(this.outboxes, name, "outbox");
  }

  /** Remember that `inbox` belongs to `resource` (Axon's `trackResource`). */
  trackResource(resource: unknown, inbox: string): void {
    this.trackResourceInformation(resource, [inbox], [], undefined);
  }

  /** Remember the boxes and extra information that belong to `resource`. */
  trackResourceInformation(resource: unknown, inboxes: string[], outboxes: string[], information: unknown): void {
    if (this.find(resource) >= 0) throw new BadComponentState(this.name, "already tracks that resource");
    this.resources.push({ resource: resource, inboxes: inboxes.slice(), outboxes: outboxes.slice(), information: information });
  }

  /** Forget `resource`; returns its boxes and information so the caller can delete them. */
  ceaseTrackingResource(resource: unknown): { inboxes: string[]; outboxes: string[]; information: unknown } {
    const i = this.find(resource);
    if (i < 0) throw new BadComponentState(this.name, "tracks no such resource");
    return copyRecord(this.resources.splice(i, 1)[0]);
  }

  /** The resource that owns `inbox`, or undefined. */
  retrieveTrackedResource(inbox: string): unknown {
    for (let i = 0; i < this.resources.length; i++) {
      const inboxes = this.resources[i].inboxes;
      for (let j = 0; j < inboxes.length; j++) if (inboxes[j] === inbox) return this.resources[i].resource;
    }
    return undefined;
  }

  /** The boxes and information tracked for `resource`. */
  retrieveTrackedResourceInformation(resource: unknown): { inboxes: string[]; outboxes: string[]; information: unknown } {
    const i = this.find(resource);
    if (i < 0) throw new BadComponentState(this.name, "tracks no such resource");
    return copyRecord(this.resources[i]);
  }

  private find(resource: unknown): number {
    for (let i = 0; i < this.resources.length; i++) if (this.resources[i].resource === resource) return i;
    return -1;
  }

  private addBox(table: object, wanted: string, isInbox: boolean): string {
    const name = uniqueName(table, wanted);
    const box = new Box(name, this, isInbox);
    (table as { [name: string]: Box })[name] = box;
    if (name === "inbox" && isInbox) this._in = box;
    if (name === "outbox" && !isInbox) this._out = box;
    return name;
  }

  private deleteBox(table: object, name: string, kind: string): void {
    const boxes = table as { [name: string]: Box };
    if (!hasOwn(boxes, name)) throw new BoxNotFound(this.name, kind, name);
    detach(boxes[name]);
    // Drop the linkages that just died from this component's own list too, or a server that adds and
    // deletes a box per connection would keep one dead Linkage per connection it ever had.
    const own = this._linkages;
    if (own !== null) for (let i = own.length - 1; i >= 0; i--) if (!own[i].isLive()) own.splice(i, 1);
    if (boxes[name] === this._in) this._in = null;
    if (boxes[name] === this._out) this._out = null;
    delete boxes[name];
  }
}
