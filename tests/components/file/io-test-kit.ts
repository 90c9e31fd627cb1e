/**
 * What the file, process and UDP component tests share: a recording sink that can be slow and bounded,
 * a driver whose log is captured, and a wait for a condition on the real event loop.
 */
import { Component, isShutdownMessage } from "../../../src/index";
import type { BoxDescriptions, LogLevel, MainLoop, ShutdownMessage } from "../../../src/index";
import { EventLoopDriver } from "../../../targets/desktop/index";

/** Options for a RecordingSink. */
export interface RecordingSinkOptions {
  /** Bound its inbox to this many messages. */
  inboxSize?: number;
  /** Take one message per step, sleeping this many ms between: a slow consumer. */
  msPerMessage?: number;
  /** Keep the messages (default true); otherwise only count them and their bytes. */
  keep?: boolean;
  /** Called with each message as it is taken. */
  onMessage?: (message: unknown) => void;
  /** Called when the shutdown message arrives, before it is passed on. */
  onEnd?: (message: ShutdownMessage) => void;
}

type SinkIn = { inbox: unknown; control: ShutdownMessage };
type SinkOut = { outbox: never; signal: ShutdownMessage };

/** Keeps (or counts) what arrives; records the shutdown message that ends it, passes it on, and ends. */
export class RecordingSink extends Component<SinkIn, SinkOut> {
  static override Name = "RecordingSink";
  static override Inboxes: BoxDescriptions<SinkIn> = { inbox: "anything", control: "the shutdown message that ends it" };
  items: unknown[] = [];
  count = 0;
  bytes = 0;
  end: ShutdownMessage | null = null;
  private readonly options: RecordingSinkOptions;

  constructor(options: RecordingSinkOptions = {}) {
    super();
    this.options = options;
    if (options.inboxSize !== undefined) this.inboxes.inbox.setSize(options.inboxSize);
  }

  override *main(): MainLoop {
    const o = this.options;
    let due = 0;
    for (;;) {
      // A slow consumer takes one message when it is due, whatever wakes it sooner (a delivery does).
      while (this.dataReady() && (o.msPerMessage === undefined || this.now() >= due)) {
        due = this.now() + (o.msPerMessage || 0);
        const message = this.recv();
        this.count++;
        if (message instanceof Uint8Array || typeof message === "string") this.bytes += message.length;
        if (o.keep !== false) this.items.push(message);
        if (o.onMessage) o.onMessage(message);
        if (o.msPerMessage !== undefined) break;
      }
      if (this.dataReady() === 0 && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.end = message;
          if (o.onEnd) o.onEnd(message);
          this.send(message, "signal");
          return;
        }
      }
      if (o.msPerMessage !== undefined && this.dataReady()) this.pauseFor(Math.max(1, due - this.now()));
      else this.pause();
      yield 1;
    }
  }

  /** The kept messages joined as text (bytes read as UTF-8). */
  text(): string {
    return this.items.map((m) => (typeof m === "string" ? m : Buffer.from(m as Uint8Array).toString())).join("");
  }
}

const drivers: EventLoopDriver[] = [];

/** An EventLoopDriver whose log lines are kept in `lines` instead of printed; `stopDrivers` ends it. */
export function quietDriver(): { driver: EventLoopDriver; lines: string[] } {
  const lines: string[] = [];
  const driver = new EventLoopDriver({ log: (level: LogLevel, message: string) => lines.push(level + ": " + message) });
  drivers.push(driver);
  return { driver, lines };
}

/**
 * Stop every driver quietDriver made (for afterEach): a test that failed half-way must not leave sockets,
 * files or children open, which would keep mocha from exiting. A passing test has stopped everything.
 */
export function stopDrivers(): void {
  for (const driver of drivers.splice(0)) driver.stop();
}

/** Resolves once `test()` is true, polling on the real event loop; rejects after `ms`. */
export function waitFor(test: () => boolean, what: string, ms = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const check = (): void => {
      if (test()) resolve();
      else if (Date.now() > deadline) reject(new Error("timed out waiting for " + what));
      else setTimeout(check, 5);
    };
    check();
  });
}
