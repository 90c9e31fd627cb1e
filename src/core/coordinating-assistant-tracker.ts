/**
 * Co-ordinating Assistant Tracker (CAT): where components find shared services, and a small shared store of
 * tracked values. One per scheduler.
 *
 * Example:
 *   const cat = this.getcat();                       // or CoordinatingAssistantTracker.getcat()
 *   cat.registerService("selector", this, "notify"); // offer this component's "notify" inbox
 *   const [selector, inbox] = cat.retrieveService("selector");
 *   this.link([this, "toSelector"], [selector, inbox]);
 *
 * Behaviour:
 * - A service is a (component, inbox) pair under a name. Registering a taken name throws
 *   ServiceAlreadyExists; retrieving a missing one throws ServiceNotFound; deregistering a missing one
 *   throws MultipleServiceDeletion. A service is deregistered automatically when its component ends.
 * - Tracked values: `trackValue` declares one (NamespaceClash if it exists), `updateValue` changes it and
 *   `retrieveValue` reads it (AccessToUndeclaredTrackedVariable if it was never declared).
 *
 * How it works inside: two prototype-less dictionaries, so names such as `__proto__` or `constructor` are
 * plain keys. Nothing depends on key order.
 */
import { hasOwn } from "./has-own";
import {
  AccessToUndeclaredTrackedVariable,
  BadComponent,
  BadInbox,
  MultipleServiceDeletion,
  NamespaceClash,
  ServiceAlreadyExists,
  ServiceNotFound,
} from "./errors";
import { defaultScheduler } from "./scheduler";
import type { AnyComponent } from "./component";

/** What a service provider must look like: something with an inbox table. */
export interface ServiceProvider {
  readonly name: string;
  readonly inboxes: object;
}

type ServiceEntry = { component: ServiceProvider; inbox: string };


export class CoordinatingAssistantTracker {
  private services: { [name: string]: ServiceEntry } = Object.create(null);
  private values: { [name: string]: unknown } = Object.create(null);

  /** The default scheduler's tracker (Axon's `coordinatingassistanttracker.getcat()`). */
  static getcat(): CoordinatingAssistantTracker {
    return defaultScheduler().tracker;
  }

  /** Offer `component`'s `inbox` under `name`. */
  registerService(name: string, component: ServiceProvider, inbox: string): void {
    if (hasOwn(this.services, name)) throw new ServiceAlreadyExists(name);
    if (!component || typeof component !== "object" || !component.inboxes) throw new BadComponent(name);
    if (!hasOwn(component.inboxes, inbox)) throw new BadInbox(name, component.name, inbox);
    this.services[name] = { component: component, inbox: inbox };
  }

  /** The (component, inbox) registered under `name`. */
  retrieveService<C extends ServiceProvider = AnyComponent>(name: string): [component: C, inbox: string] {
    if (!hasOwn(this.services, name)) throw new ServiceNotFound(name);
    const entry = this.services[name];
    return [entry.component as C, entry.inbox];
  }

  /** Withdraw the service under `name`. */
  deRegisterService(name: string): void {
    if (!hasOwn(this.services, name)) throw new MultipleServiceDeletion(name);
    delete this.services[name];
  }

  /** Names of every registered service, sorted. */
  servicesRegistered(): string[] {
    const names: string[] = [];
    for (const name in this.services) names.push(name);
    return names.sort();
  }

  /** Declare a tracked value. */
  trackValue(name: string, value: unknown): void {
    if (hasOwn(this.values, name)) throw new NamespaceClash(name);
    this.values[name] = value;
  }

  /** Change a tracked value. */
  updateValue(name: string, value: unknown): void {
    if (!hasOwn(this.values, name)) throw new AccessToUndeclaredTrackedVariable(name);
    this.values[name] = value;
  }

  /** Read a tracked value. */
  retrieveValue<T = unknown>(name: string): T {
    if (!hasOwn(this.values, name)) throw new AccessToUndeclaredTrackedVariable(name);
    return this.values[name] as T;
  }

  /** Stop tracking a value; returns whether it was tracked. */
  untrackValue(name: string): boolean {
    if (!hasOwn(this.values, name)) return false;
    delete this.values[name];
    return true;
  }

  /** Names of every tracked value, sorted (Axon's `informationItemsTracked`). */
  informationItemsTracked(): string[] {
    const names: string[] = [];
    for (const name in this.values) names.push(name);
    return names.sort();
  }

  /** @internal Deregister every service `component` provides; called when it ends. */
  _forgetProvider(component: object): void {
    for (const name in this.services) {
      if (this.services[name].component === component) delete this.services[name];
    }
  }
}
