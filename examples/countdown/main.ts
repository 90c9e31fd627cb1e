/**
 * Countdown: the placeholder main job until the video preview streamer lands (issue 8). A Ticker sends a
 * number every 300 ms on a timer, a Formatter turns it into a line, and a Printer writes it — a three-stage
 * Pipeline run on Node's event loop by the desktop target.
 *
 * Run: npm start
 */
import { Component, Pipeline, isShutdownMessage, producerFinished } from "kamaelia";
import type { MainLoop } from "kamaelia";
import { EventLoopDriver } from "kamaelia/desktop";

class Ticker extends Component {
  static override Name = "Ticker";
  constructor(private readonly from: number) {
    super();
  }
  override *main(): MainLoop {
    for (let n = this.from; n > 0; n--) {
      this.send(n);
      this.pauseFor(300);
      yield 1;
    }
    this.send(producerFinished(this), "signal");
  }
}

class Formatter extends Component {
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

class Printer extends Component {
  static override Name = "Printer";
  override *main(): MainLoop {
    for (;;) {
      while (this.dataReady()) console.log(this.recv());
      if (this.dataReady("control")) return;
      this.pause();
      yield 1;
    }
  }
}

await new EventLoopDriver().run(new Pipeline(new Ticker(5), new Formatter(), new Printer()));
