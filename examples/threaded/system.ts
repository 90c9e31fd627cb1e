/**
 * The threaded example: a Hasher (a ThreadedComponent running hash-job.ts on a worker thread) hashes files
 * with blocking calls, while a Ticker on the same scheduler goes on ticking; both print through one
 * ConsoleEchoer. When the files run out the Hasher's thread finishes, the Ticker reports how often it
 * ticked meanwhile, and the whole Graphline ends.
 *
 *   FILES ──outbox──▶ HASHER ──outbox──▶ PRINTER ◀──outbox── TICKER
 *         ──signal──▶ (control) ──signal──▶ (TICKER.control) ──signal──▶ (PRINTER.control)
 *
 * main.ts runs it; `npm run graph -- threaded` draws it.
 */
import { Component, ConsoleEchoer, DataSource, Graphline, ThreadedComponent, isShutdownMessage } from "kamaelia";
import type { AnyComponent, MainLoop } from "kamaelia";

/** Sends "tick N" every `intervalMs`; on a shutdown message, a count of its ticks, then passes it on. */
export class Ticker extends Component {
  static override Name = "Ticker";
  constructor(private readonly intervalMs: number) {
    super();
  }
  override *main(): MainLoop {
    let ticks = 0;
    let due = this.now() + this.intervalMs;
    for (;;) {
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send("the ticker ticked " + ticks + " times while the hasher worked");
          this.send(message, "signal");
          return;
        }
      }
      if (this.now() >= due) {
        this.send("tick " + ++ticks);
        due += this.intervalMs;
      }
      this.pauseFor(due - this.now());
      yield 1;
    }
  }
}

/** What the example hashes when given no files: its own sources. */
export const defaultFiles = [new URL("./hash-job.ts", import.meta.url).pathname, new URL("./system.ts", import.meta.url).pathname];

export function buildSystem(files: string[] = defaultFiles, slowMs = 400): AnyComponent {
  return new Graphline({
    FILES: new DataSource(files),
    HASHER: new ThreadedComponent(new URL("./hash-job.ts", import.meta.url).href, { name: "Hasher", args: { slowMs } }),
    TICKER: new Ticker(50),
    PRINTER: new ConsoleEchoer({ eol: "\n" }),
    linkages: {
      "FILES.outbox": "HASHER.inbox",
      "FILES.signal": "HASHER.control",
      "HASHER.outbox": "PRINTER.inbox",
      "TICKER.outbox": "PRINTER.inbox",
      "HASHER.signal": "TICKER.control",
      "TICKER.signal": "PRINTER.control",
    },
  });
}
