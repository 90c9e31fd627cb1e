/**
 * defineHostFunctions: puts the QuickJS host bridge's functions into a guest as the global
 * `__kamaeliaHost` — the host half of guest/host-functions.ts. Each is synchronous: clock, log, print, wake,
 * fatal, and the IO calls (open, read, write, call, get, close) served by a HostIOTable.
 *
 * Example (what QuickJSHost does):
 *   defineHostFunctions(context, table, { log, print, wake: () => bridge.kick(), fatal: (m) => failLater(m) });
 *
 * Behaviour: values cross by copy — bytes as ArrayBuffers, structured values as plain objects, thread-port
 * messages as JSON with their bytes encoded (bytes-json.ts). A host function that throws becomes an
 * exception in the guest with the same name and message. Handles made here are disposed here; the global
 * is removed by QuickJSHost.dispose().
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import type { IOKind, LogLevel } from "../../src/index";
import { decodeBytesJson } from "./bytes-json";
import type { HostIOTable } from "./host-io-table";

/** What the host functions report to the bridge. */
export interface HostFunctionHooks {
  log(level: LogLevel, message: string): void;
  print(text: string): void;
  /** The guest scheduler became runnable between slices. */
  wake(): void;
  /** A component inside the guest hit a runtime limit: the guest must end. */
  fatal(message: string): void;
}

/** Define `__kamaeliaHost` in `context`, serving IO from `table`. */
export function defineHostFunctions(context: QuickJSContext, table: HostIOTable, hooks: HostFunctionHooks): void {
  const str = (h: QuickJSHandle | undefined): string | undefined => (h === undefined || context.typeof(h) === "undefined" ? undefined : context.getString(h));
  const toGuest = (value: unknown): QuickJSHandle => {
    if (value === undefined || value === null) return context.undefined;
    if (value instanceof Uint8Array) {
      return context.newArrayBuffer(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
    }
    if (typeof value === "number") return context.newNumber(value);
    if (typeof value === "string") return context.newString(value);
    if (typeof value === "boolean") return value ? context.true : context.false;
    const object = context.newObject();
    for (const [key, v] of Object.entries(value as object)) {
      const h = toGuest(v);
      context.setProp(object, key, h);
      if (h !== context.undefined && h !== context.true && h !== context.false) h.dispose();
    }
    return object;
  };
  const bytesFrom = (h: QuickJSHandle): Uint8Array => {
    const lifetime = context.getArrayBuffer(h);
    const copy = Uint8Array.from(lifetime.value);
    lifetime.dispose();
    return copy;
  };
  const functions: { [name: string]: (...args: QuickJSHandle[]) => QuickJSHandle | undefined } = {
    kinds: () => context.newString(table.kinds().join(",")),
    now: () => context.newNumber(performance.now()),
    log: (level, message) => {
      hooks.log(context.getString(level) as LogLevel, context.getString(message));
      return undefined;
    },
    print: (text) => {
      hooks.print(context.getString(text));
      return undefined;
    },
    wake: () => {
      hooks.wake();
      return undefined;
    },
    fatal: (message) => {
      hooks.fatal(context.getString(message));
      return undefined;
    },
    open: (kind, optionsJson) => context.newNumber(table.open(context.getString(kind) as IOKind, JSON.parse(context.getString(optionsJson)))),
    read: (id, arg) => toGuest(table.read(context.getNumber(id), str(arg))),
    write: (id, payload, a, b) => {
      const n = context.getNumber(id);
      let ok: boolean;
      // The guest proxies' write shapes (guest/guest-io.ts): thread messages (JSON, box), a WebSocket's
      // text (JSON of the string, "text") or bytes, a datagram (bytes, address, port), a Display's image
      // (bytes, mime), and plain bytes.
      const second = a === undefined || context.typeof(a) === "undefined" ? undefined : context.dump(a);
      if (context.typeof(payload) === "string") {
        const text = context.getString(payload);
        ok = second === "text" ? table.write(n, [JSON.parse(text)]) : table.write(n, [second, decodeBytesJson(text)]);
      } else if (second === "text") ok = table.write(n, [bytesFrom(payload)]);
      else if (typeof second === "string" && b !== undefined) ok = table.write(n, [bytesFrom(payload), second, context.getNumber(b)]);
      else if (typeof second === "string") ok = table.write(n, [bytesFrom(payload), second]);
      else ok = table.write(n, [bytesFrom(payload)]);
      return ok ? context.true : context.false;
    },
    call: (id, method, arg) => {
      table.call(context.getNumber(id), context.getString(method), str(arg));
      return undefined;
    },
    get: (id, property) => toGuest(table.get(context.getNumber(id), context.getString(property))),
    close: (id) => {
      table.close(context.getNumber(id));
      return undefined;
    },
  };
  const hostObject = context.newObject();
  for (const [name, fn] of Object.entries(functions)) {
    const handle = context.newFunction(name, fn);
    context.setProp(hostObject, name, handle);
    handle.dispose();
  }
  context.setProp(context.global, "__kamaeliaHost", hostObject);
  hostObject.dispose();
}
