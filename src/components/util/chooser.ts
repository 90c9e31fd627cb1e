/**
 * Chooser: steps forwards and backwards through a list, sending the item it lands on — a cursor driven by
 * messages ("NEXT", "PREV", "FIRST", "LAST", "SAME").
 *
 * Example:
 *   // a slideshow: buttons send "NEXT" and "PREV", the display shows what comes out
 *   const chooser = new Chooser(["one.png", "two.png", "three.png"]);
 *   graph.link([nextButton, "outbox"], [chooser, "inbox"]);
 *   graph.link([chooser, "outbox"], [display, "inbox"]);
 *
 * Behaviour:
 * - When it starts it sends the first item. Then each command on `inbox` moves it and sends the item:
 *   "NEXT" and "PREV" step one way or the other, "FIRST" and "LAST" jump to the ends (and send even if it
 *   is already there), "SAME" sends the current item again.
 * - At the end of the list "NEXT" sends nothing and stays put; at the start "PREV" does the same (it does
 *   not wrap round, as in Kamaelia).
 * - An empty list sends nothing, ever, whatever it is told.
 * - Any other command is ignored with a warning in the host's log (Kamaelia ignores it silently): commands
 *   often come from user interfaces, and a stray one must not end the component.
 * - A full bounded destination holds commands back in its inbox until it has room.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: the commands already waiting are carried
 *   out, then the message is forwarded on `signal` and it ends.
 * - Items that are not an array are an AxonError at construction. The list is copied.
 *
 * How it works inside: an index into the copied list, and the standard drain-then-control loop.
 */
import { AxonError, Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { hostLog } from "./host-log";

/** What a Chooser understands on its inbox. */
export type ChooserCommand = "NEXT" | "PREV" | "FIRST" | "LAST" | "SAME";

type ChooserIn = { inbox: ChooserCommand; control: ShutdownMessage };
type ChooserOut<T> = { outbox: T; signal: ShutdownMessage };

export class Chooser<T = any> extends Component<ChooserIn, ChooserOut<T>> {
  static override Name = "Chooser";
  static override Inboxes: BoxDescriptions<ChooserIn> = {
    inbox: 'commands: "NEXT", "PREV", "FIRST", "LAST" or "SAME"',
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<ChooserOut<unknown>> = {
    outbox: "the chosen item, each time the choice is made",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The items to choose from (a copy of the list given). */
  readonly items: T[];
  /** Where the cursor is now. */
  index = 0;

  constructor(items: T[]) {
    super();
    if (!Array.isArray(items)) throw new AxonError('Chooser needs an array of items: new Chooser(["a", "b"])');
    this.items = items.slice();
  }

  override *main(): MainLoop {
    const outbox = this.outboxes.outbox;
    if (this.items.length > 0) this.send(this.items[0]);
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) {
        if (this.move(this.recv()) && this.items.length > 0) this.send(this.items[this.index]);
      }
      const finish = this.dataReady() === 0 ? takeShutdown(this) : null;
      if (finish !== null) {
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Carry out one command; true when the current item should be sent. */
  private move(command: unknown): boolean {
    const last = this.items.length - 1;
    switch (command) {
      case "SAME":
        return true;
      case "NEXT":
        if (this.index >= last) return false;
        this.index++;
        return true;
      case "PREV":
        if (this.index <= 0) return false;
        this.index--;
        return true;
      case "FIRST":
        this.index = 0;
        return true;
      case "LAST":
        this.index = last < 0 ? 0 : last;
        return true;
      default:
        hostLog(this, "warn", this.name + ' ignored an unknown command (not "NEXT", "PREV", "FIRST", "LAST" or "SAME"): ' + String(command));
        return false;
    }
  }
}
