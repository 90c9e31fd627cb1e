/**
 * PAR: runs components side by side; each gets a copy of what arrives on the PAR's inbox, and their
 * outputs merge into the PAR's outbox.
 *
 * Example:
 *   new Pipeline(new Ticker(), new PAR(new Logger(), new Counter()), new ConsoleEchoer()).run();
 *
 * Behaviour:
 * - Every message on `inbox` is sent to every child still running, in order.
 * - Everything the children send on `outbox` comes out of the PAR's `outbox`, interleaved as sent.
 * - A shutdown message on `control` goes to every running child's `control`. When every child has ended,
 *   the PAR sends on `signal` the shutdown it received, or `producerFinished`, and ends.
 *
 * How it works inside: Kamaelia's PAR. Children's outboxes link straight to the PAR's outbox (many sources
 * may feed one box); the PAR keeps one run-time outbox per child for the copies it makes of `inbox`
 * messages, and one for shutdown messages.
 */
import { AdaptiveCommsComponent, isShutdownMessage, newComponent, producerFinished } from "../../core/index";
import type { AnyComponent, MainLoop, ShutdownMessage } from "../../core/index";

export class PAR extends AdaptiveCommsComponent {
  static override Name = "PAR";
  /** The components, all running at once. */
  readonly components: AnyComponent[];

  constructor(...components: AnyComponent[]) {
    super();
    this.components = components;
  }

  override *main(): MainLoop {
    const children = this.components;
    const toChild: string[] = [];
    const controlChild: string[] = [];
    this.addChildren(children);
    for (let i = 0; i < children.length; i++) {
      toChild.push(this.addOutbox("_to_" + i));
      controlChild.push(this.addOutbox("_control_" + i));
      this.link([this, toChild[i]], [children[i], "inbox"]);
      this.link([this, controlChild[i]], [children[i], "control"]);
      this.link([children[i], "outbox"], [this, "outbox"], 2);
    }
    yield newComponent(children);
    let shutdown: ShutdownMessage | null = null;
    for (;;) {
      while (this.dataReady()) {
        const message = this.recv();
        for (let i = 0; i < children.length; i++) if (!children[i].isStopped()) this.send(message, toChild[i]);
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (!isShutdownMessage(message)) continue;
        shutdown = message;
        for (let i = 0; i < children.length; i++) if (!children[i].isStopped()) this.send(message, controlChild[i]);
      }
      if (this.allEnded()) break;
      this.pause();
      yield 1;
    }
    this.send(shutdown || producerFinished(this), "signal");
  }

  /** Reads like the group: `PAR_4(Logger_1 | Counter_2)`. */
  override toString(): string {
    const names: string[] = [];
    for (let i = 0; i < this.components.length; i++) names.push(this.components[i].name);
    return this.name + "(" + names.join(" | ") + ")";
  }

  private allEnded(): boolean {
    for (let i = 0; i < this.components.length; i++) if (!this.components[i].isStopped()) return false;
    return true;
  }
}
