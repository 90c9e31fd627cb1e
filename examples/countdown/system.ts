/**
 * The countdown system: a Ticker sends a number every 300 ms on a timer, a Formatter turns it into a line,
 * and a Printer writes it — a three-stage Pipeline. main.ts runs it; `npm run graph -- countdown` draws it.
 *
 * The convention for every example: `examples/<name>/system.ts` exports `buildSystem()`, which makes the
 * whole system without activating or running it. The graph script activates it on a scheduler of its own.
 */
import { Component, Pipeline, isShutdownMessage, producerFinished } from "kamaelia";
import type { AnyComponent, MainLoop } from "kamaelia";

export class Ticker extends Component {
  static override Name = "Ticker";
  constructor(private readonly from: number) {
    super();
  }
  override *main(): MainLoop {
    for (let n = this.from; n > 0; n--) {
      this.send(n);
      // pauseFor wakes at the latest when the time is up, but the Formatter collecting the number wakes
      // this producer sooner; so wait out whatever is left of the 300 ms.
      const due = this.now() + 300;
      while (this.now() < due) {
        this.pauseFor(due - this.now());
        yield 1;
      }
    }
    this.send(producerFinished(this), "signal");
  }
}

export class Formatter extends Component {
  static override Name = "Formatter";
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const n: number = this.recv();
        this.send(n === 1 ? "1... lift-off!" : n + "...");
      }
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** Writes each line through the host's `print` (stdout on Node), so a host can capture or silence it. */
export class Printer extends Component {
  static override Name = "Printer";
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) {
        const line = String(this.recv()) + "\n";
        const host = this.scheduler && this.scheduler.host;
        if (host && host.print) host.print(line);
        else console.log(line.slice(0, -1));
      }
      if (this.dataReady("control")) return;
      this.pause();
      yield 1;
    }
  }
}

/** The countdown from 5, ready to activate. */
export function buildSystem(): AnyComponent {
  return new Pipeline(new Ticker(5), new Formatter(), new Printer());
}
