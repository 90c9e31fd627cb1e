/**
 * HostIOTable: the host's side of a guest's IO. It opens real IO objects (on the desktop, Node's) on the
 * guest's behalf, answers the guest's synchronous calls on them, and queues their callbacks as events for
 * delivery into the guest between slices.
 *
 * Example (the bridge wires it up; see quickjs-host.ts):
 *   const table = new HostIOTable(nodeIO, () => bridge.kick());
 *   const id = table.open("TCPSocket", { address: "127.0.0.1", port: 1500 });
 *   table.takeEvents();   // [[id, "writable", 65536], ...] once connected
 *
 * Behaviour: ids are small integers, never reused within one table. A listener's accepted connection is
 * given an id of its own until the guest adopts it (`open("TCPSocket", { from: { id } })`). `closeAll()`
 * closes everything the guest left open — the bridge calls it when the guest ends or is disposed — so a
 * guest can never leak a host socket.
 *
 * How it works inside: a Map from id to the IO object and its kind; events are [id, type, value] triples
 * whose values are plain data, ready for JSON.
 */
import type { IOEnd, IOKind, PendingConnection, PlatformIO, ThreadMessage } from "../../src/index";
import { encodeBytesJson } from "./bytes-json";

/** One event for the guest: the object's id, the callback (readable, writable, error, exit) and its value. */
export type GuestEvent = [id: number, type: string, value: unknown];

type AnyIO = { close(): void; read?(arg?: unknown): unknown; write?(...args: unknown[]): boolean; show?(...args: unknown[]): boolean; [member: string]: unknown };

export class HostIOTable {
  private readonly objects = new Map<number, { kind: IOKind; io: AnyIO }>();
  private readonly pending = new Map<number, PendingConnection>();
  private events: GuestEvent[] = [];
  private nextId = 1;

  constructor(
    private readonly platform: PlatformIO,
    private readonly onEvent: () => void,
  ) {}

  /** The kinds the platform offers. */
  kinds(): IOKind[] {
    const all: IOKind[] = ["TCPSocket", "TCPListener", "UDPSocket", "FileReader", "FileWriter", "Subprocess", "ThreadPort", "WebSocketClient", "Display"];
    return all.filter((kind) => this.platform[kind] !== undefined);
  }

  /** How many IO objects are open for the guest (accepted connections not yet adopted included). */
  get size(): number {
    return this.objects.size + this.pending.size;
  }

  /** Open a `kind` object with `options` (plain data from the guest); returns its id. */
  open(kind: IOKind, options: { [key: string]: unknown }): number {
    const Kind = this.platform[kind] as unknown as (new (options: object) => AnyIO) | undefined;
    if (Kind === undefined) throw new Error("the host offers no " + kind);
    const id = this.nextId++;
    if (kind === "TCPSocket" && options.from !== undefined) {
      const fromId = (options.from as { id: number }).id;
      const from = this.pending.get(fromId);
      if (from === undefined) throw new Error("no accepted connection " + fromId + " is waiting to be adopted (adopted twice, or its listener closed?)");
      this.pending.delete(fromId);
      options.from = from;
    }
    const queue = (type: string, value: unknown): void => {
      this.events.push([id, type, value]);
      this.onEvent();
    };
    const io = new Kind({
      ...options,
      onReadable: (count: number) => queue("readable", count),
      onWritable: (count: number) => queue("writable", count),
      onError: (end: IOEnd) => queue("error", plain(end)),
      onExit: (status: unknown) => queue("exit", plain(status)),
    });
    this.objects.set(id, { kind, io });
    return id;
  }

  /** The object's `read(arg)`, with accepted connections given ids. */
  read(id: number, arg?: unknown): unknown {
    const entry = this.need(id);
    const value = (entry.io.read as (arg?: unknown) => unknown).call(entry.io, arg);
    if (value === undefined) return value;
    if (entry.kind === "ThreadPort") {
      const crossing = value as ThreadMessage;
      return { box: crossing.box, json: encodeBytesJson(crossing.message) };
    }
    if (entry.kind !== "TCPListener") return value;
    const connection = value as PendingConnection;
    const pendingId = this.nextId++;
    this.pending.set(pendingId, connection);
    return { id: pendingId, remoteAddress: connection.remoteAddress, remotePort: connection.remotePort };
  }

  /** The object's `write(...)` — for a Display, its `show(bytes, mime)`. */
  write(id: number, args: unknown[]): boolean {
    const entry = this.need(id);
    const method = entry.kind === "Display" ? entry.io.show : entry.io.write;
    return (method as (...a: unknown[]) => boolean).apply(entry.io, args);
  }

  /** Call a method with no result (`end`, `kill`). */
  call(id: number, method: string, arg?: unknown): void {
    const entry = this.need(id);
    const fn = entry.io[method];
    if (typeof fn !== "function" || method === "close" || method === "read" || method === "write") throw new Error(entry.kind + " has no method " + method + " for the guest to call");
    (fn as (a?: unknown) => void).call(entry.io, arg);
  }

  /** Read a property. */
  get(id: number, property: string): unknown {
    return this.need(id).io[property];
  }

  /** Close one object (idempotent) and drop its queued events. */
  close(id: number): void {
    const entry = this.objects.get(id);
    if (entry === undefined) return;
    this.objects.delete(id);
    entry.io.close();
    this.events = this.events.filter((e) => e[0] !== id);
  }

  /** Close everything still open. */
  closeAll(): void {
    for (const id of [...this.objects.keys()]) this.close(id);
    // Accepted but never adopted: their listener's close ended them, or we adopt-and-close them here.
    this.pending.clear();
    this.events = [];
  }

  /** The queued events, oldest first, leaving the queue empty. */
  takeEvents(): GuestEvent[] {
    const taken = this.events;
    this.events = [];
    return taken.filter((e) => this.objects.has(e[0]));
  }

  private need(id: number): { kind: IOKind; io: AnyIO } {
    const entry = this.objects.get(id);
    if (entry === undefined) throw new Error("IO object " + id + " is closed or was never opened");
    return entry;
  }
}

/** A copy with only JSON-able data (errors and statuses may carry more). */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
