/**
 * ThreadedComponent: a component whose work runs on a real platform thread, where it may block — Kamaelia's
 * threadedcomponent. Use it for a job that cannot be cut into small steps: a synchronous hash of a file, a
 * blocking library call, a long computation. Only messages cross between the thread and the scheduler.
 *
 * Example (the thread's module, hash-job.ts, which runs in a thread of its own with its own copy of
 * everything it imports; isShutdownMessage and the type ThreadContext come from kamaelia as usual):
 *   export function main(thread: ThreadContext): void {
 *     for (;;) {
 *       while (thread.dataReady()) thread.send(sha256(readFileSync(thread.recv() as string)));  // blocks: fine
 *       if (thread.dataReady("control")) {
 *         const m = thread.recv("control");
 *         if (isShutdownMessage(m)) { thread.send(m, "signal"); return; }
 *       }
 *       thread.pause();   // blocks this thread until a message arrives
 *     }
 *   }
 *
 * Example (the scheduler's side):
 *   new Pipeline(new DataSource(["a.bin", "b.bin"]),
 *     new ThreadedComponent(new URL("./hash-job.ts", import.meta.url).href, { name: "Hasher" }),
 *     new ConsoleEchoer()).activate(driver.scheduler);
 *
 * Behaviour:
 * - `module` is what the host loads in the thread (on the desktop: an absolute path, a file URL, or a path
 *   from the working directory); its export `exportName` (default `main`, a ThreadMain) is called with a
 *   ThreadContext carrying `args` (cloned). The host must offer `io.ThreadPort` (the desktop does).
 * - Messages on `inbox` and `control` go to the thread's `inbox` and `control`; what the thread sends on
 *   `outbox` and `signal` comes out of this component's `outbox` and `signal`, in order. Only cloneable data
 *   crosses; `producerFinished` and `shutdownMicroprocess` are rebuilt on the other side (thread-messages.ts),
 *   so `isShutdownMessage` works in the thread as in any component.
 * - Backpressure both ways, `capacity` messages each (default 16): when the thread's inbox is full this
 *   component stops collecting its own `inbox`, so a bounded inbox pushes back on its producer; when its
 *   `outbox` destination is full it stops reading from the thread, whose `send` then blocks.
 * - `producerFinished` on `control` is passed to the thread once everything on `inbox` has been (the thread
 *   decides when to finish). `shutdownMicroprocess` on `control` stops at once: it is passed on `signal`,
 *   the thread is ended even if it is blocked, and what the thread had sent but was not yet out is dropped.
 *   `stop()` ends the thread too.
 * - When the thread's main returns, this component delivers everything the thread sent, then sends
 *   `producerFinished(this)` on `signal` (unless the thread itself sent a shutdown message on `signal`) and
 *   ends. When it throws, this component crashes with ThreadFailed (the thread's error name, message and
 *   stack): hooks.onError receives it, and the rest of the system runs on.
 * - `name` in the options replaces the class name in this component's readable name (`Hasher_7`).
 *
 * How it works inside: the platform's ThreadPort (src/core/io/thread-port.ts) reports through the shared
 * Selector into the `ready` inbox. Each step: note an end, take `control` (shutdownMicroprocess acts now,
 * the rest queues), write to the port until it refuses (the refused message is held, and nothing more is
 * collected until an onWritable), read from the port while both out-boxes have room, and finish once an
 * ended port has nothing left to read.
 */
import { AxonError, Component, ShutdownMicroprocess, isShutdownMessage, producerFinished } from "../../core/index";
import type { BoxDescriptions, MainLoop, ThreadEnd, ThreadPort } from "../../core/index";
import { needIO } from "../internet/io-errors";
import type { Readiness } from "../internet/readiness";
import { takeEnd } from "../internet/readiness";
import { Selector } from "../internet/selector";
import { ThreadFailed, ThreadMessageNotCloneable } from "./thread-errors";
import { decodeThreadMessage, encodeThreadMessage } from "./thread-messages";

/** Messages queued each way when the options do not say. */
const DEFAULT_CAPACITY = 16;

/** How a ThreadedComponent's thread is started. */
export interface ThreadedComponentOptions {
  /** The module's export to run. Default `main`. */
  exportName?: string;
  /** Cloneable data the thread sees as `thread.args`. */
  args?: unknown;
  /** Messages queued each way at most. Default 16. */
  capacity?: number;
  /** The readable name's prefix instead of `ThreadedComponent`, such as `Hasher`. */
  name?: string;
}

type ThreadedIn = { inbox: unknown; control: unknown; ready: Readiness };
type ThreadedOut = { outbox: unknown; signal: unknown };

/** A message collected for the thread that the port has not taken yet. */
interface Held {
  box: string;
  message: unknown;
}

export class ThreadedComponent extends Component<ThreadedIn, ThreadedOut> {
  static override Name = "ThreadedComponent";
  static override Inboxes: BoxDescriptions<ThreadedIn> = {
    inbox: "messages for the thread's inbox (cloneable data)",
    control: "shutdownMicroprocess: end the thread now; anything else, producerFinished too, goes to the thread's control",
    ready: "NOT FOR USERS: readiness of the thread port, from the Selector",
  };
  static override Outboxes: BoxDescriptions<ThreadedOut> = {
    outbox: "what the thread sends on its outbox",
    signal: "what the thread sends on its signal; then producerFinished when its main returns",
  };

  /** The module the thread runs. */
  readonly module: string;
  /** The export called in the thread. */
  readonly exportName: string;
  /** What the thread gets as `thread.args`. */
  readonly args: unknown;
  /** Messages queued each way at most. */
  readonly capacity: number;

  constructor(module: string, options?: ThreadedComponentOptions) {
    super();
    const o = options || {};
    if (typeof module !== "string" || module === "") {
      throw new AxonError("ThreadedComponent needs the module its thread runs: new ThreadedComponent(\"/app/job.js\")");
    }
    const capacity = o.capacity === undefined ? DEFAULT_CAPACITY : o.capacity;
    if (typeof capacity !== "number" || !(capacity >= 1) || Math.floor(capacity) !== capacity) {
      throw new AxonError("ThreadedComponent's capacity must be a whole number of messages, 1 or more, not " + String(capacity));
    }
    if (o.name !== undefined) (this as { name: string }).name = o.name + "_" + this.id;
    this.module = module;
    this.exportName = o.exportName || "main";
    this.args = o.args;
    this.capacity = capacity;
  }

  override *main(): MainLoop {
    const Port = needIO(this, "ThreadPort");
    const watch = Selector.watchFor(this, "ready");
    const port: ThreadPort = new Port({
      name: this.name,
      module: this.module,
      exportName: this.exportName,
      args: this.args,
      capacity: this.capacity,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      port.close();
    });
    const outbox = this.outboxes.outbox;
    const signal = this.outboxes.signal;
    const controls: unknown[] = [];
    let held: Held | null = null;
    let end: ThreadEnd | null = null;
    let threadFinished = false; // the thread sent a shutdown message on its signal itself
    for (;;) {
      end = takeEnd(this, "ready", end);
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return; // the teardown closes the port, ending the thread wherever it is
        }
        controls.push(message);
      }
      // Towards the thread: inbox first, then control, so producerFinished follows the last data.
      while (end === null) {
        if (held === null) {
          if (this.dataReady("inbox")) held = { box: "inbox", message: this.recv("inbox") };
          else if (controls.length > 0) held = { box: "control", message: controls.shift() };
          else break;
        }
        if (!this.offer(port, held)) break; // full: an onWritable readiness brings us back
        held = null;
      }
      // From the thread, only while both destinations have room, so its send blocks instead.
      let drained = false;
      while (!outbox.isFull() && !signal.isFull()) {
        const crossing = port.read();
        if (crossing === undefined) {
          drained = true;
          break;
        }
        const message = decodeThreadMessage(crossing.message);
        if (crossing.box === "signal") {
          if (isShutdownMessage(message)) threadFinished = true;
          this.send(message, "signal");
        } else this.send(message, "outbox");
      }
      if (end !== null && drained && !signal.isFull()) {
        if (end.code !== "closed") throw new ThreadFailed(this.name, this.module, end);
        if (!threadFinished) this.send(producerFinished(this), "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Give `held` to the port: true if taken. A message that cannot be cloned is this component's crash. */
  private offer(port: ThreadPort, held: Held): boolean {
    try {
      return port.write(held.box, encodeThreadMessage(held.message));
    } catch (error) {
      throw new ThreadMessageNotCloneable(this.name, held.box, error instanceof Error ? error.message : String(error));
    }
  }
}
