/**
 * Seq: runs components one after another, each in turn taking over the Seq's inbox and outbox.
 *
 * Example:
 *   new Pipeline(new Seq(new Greeting(), new Conversation(), new Goodbye()), new ConsoleEchoer()).run();
 *
 * Behaviour:
 * - The first component starts at once; when it ends, the next starts, and so on. While a component runs,
 *   messages sent to the Seq's `inbox` go to it and what it sends on `outbox` comes out of the Seq's.
 *   Messages that arrive between two components, or that a finished component left unread, wait and go to
 *   the next one, in order.
 * - A component's own `signal` is not passed on: one finishing is not the Seq finishing.
 * - When the last component has ended, the Seq sends `producerFinished` on `signal` and ends.
 * - `producerFinished` on the Seq's `control` means no more input will come, not "stop": it is passed to the
 *   running component and to each later one as it starts (after the input still waiting), so each can
 *   finish its work. `shutdownMicroprocess` means stop now: it goes to the running component, and once that
 *   has ended the Seq starts no more. Either way the Seq ends by forwarding the message on `signal`.
 *
 * How it works inside: Kamaelia's Seq — passthrough linkages made for each component in turn and undone
 * (by `removeChild`) when it ends.
 */
import { Component, isShutdownMessage, newComponent, producerFinished, ShutdownMicroprocess } from "../../core/index";
import type { AnyComponent, BoxDescriptions, DefaultInboxes, DefaultOutboxes, MainLoop, ShutdownMessage } from "../../core/index";

type SeqOutboxes = DefaultOutboxes & { _childControl: ShutdownMessage };

export class Seq extends Component<DefaultInboxes, SeqOutboxes> {
  static override Name = "Seq";
  static override Outboxes: BoxDescriptions<SeqOutboxes> = {
    outbox: "what the running component sends",
    signal: "producerFinished after the last component, or the shutdown message received",
    _childControl: "internal: shutdown messages for the running component",
  };
  /** The components, in the order they run. */
  readonly components: AnyComponent[];

  constructor(...components: AnyComponent[]) {
    super();
    this.components = components;
  }

  override *main(): MainLoop {
    let finished: ShutdownMessage | null = null; // upstream has no more input
    let stopNow: ShutdownMessage | null = null; // shutdownMicroprocess: start nothing more
    for (let i = 0; i < this.components.length && stopNow === null; i++) {
      const child = this.components[i];
      this.addChildren(child);
      this.link([this, "inbox"], [child, "inbox"], 1);
      this.link([child, "outbox"], [this, "outbox"], 2);
      this.link([this, "_childControl"], [child, "control"]);
      if (finished !== null) this.send(finished, "_childControl");
      yield newComponent(child);
      while (!child.isStopped()) {
        while (this.dataReady("control")) {
          const message = this.recv("control");
          if (!isShutdownMessage(message)) continue;
          if (message instanceof ShutdownMicroprocess) stopNow = message;
          else finished = message;
          this.send(message, "_childControl");
        }
        this.pause();
        yield 1;
      }
      // What the finished component left unread goes to the next one, ahead of anything newer.
      const unread = child.inboxes.inbox.takeAll();
      this.removeChild(child);
      for (let j = 0; j < unread.length; j++) this.inboxes.inbox.push(unread[j]);
    }
    this.send(stopNow || finished || producerFinished(this), "signal");
  }

  /** Reads like the sequence: `Seq_4(Greeting_1, Goodbye_2)`. */
  override toString(): string {
    const names: string[] = [];
    for (let i = 0; i < this.components.length; i++) names.push(this.components[i].name);
    return this.name + "(" + names.join(", ") + ")";
  }
}
