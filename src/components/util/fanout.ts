/**
 * Fanout: copies each message to every one of a fixed list of named outboxes.
 *
 * Example:
 *   const split = new Fanout(["toConsole", "toFile"]);   // or new Fanout<Frame, "toConsole" | "toFile">([...])
 *   graph.link([split, "toConsole"], [echoer, "inbox"]);
 *   graph.link([split, "toFile"], [writer, "inbox"]);
 *
 * Behaviour:
 * - Each message on `inbox` is sent, in order, on every outbox named at construction. Nothing goes to
 *   `outbox` unless "outbox" is one of the names. The same message object goes to every destination (it is
 *   not copied), so a mutable message must not be changed by its receivers.
 * - If any destination is bounded and full, no destination gets the next message until all have room: the
 *   message waits in this component's inbox, so every destination sees the same sequence.
 * - `producerFinished` or `shutdownMicroprocess` on `control`: everything in `inbox` is fanned out first,
 *   then the message is forwarded on `signal` (not on the named outboxes) and the component ends. Link the
 *   destinations' control boxes elsewhere, or use a Splitter with sink controls, to shut them down too.
 * - The names must be a non-empty array of distinct non-empty strings, and not "signal"; anything else is an
 *   AxonError at construction.
 *
 * How it works inside: an AdaptiveCommsComponent whose named outboxes are added in the constructor, so they
 * exist before anyone links to them; the outboxes' Box objects are kept in an array for the room check. The
 * names are a type parameter inferred from the literal list, so `link([split, "toFile"], ...)` type-checks.
 */
import { AdaptiveCommsComponent, AxonError, isShutdownMessage } from "../../core/index";
import type { Box, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";

type FanoutIn<T> = { inbox: T; control: ShutdownMessage };
type FanoutOut<T> = { outbox: T; signal: ShutdownMessage };
/** The named outboxes, each carrying T; `Names` is inferred from the literal list given to the constructor. */
type NamedOutboxes<T, Names extends string> = { [Name in Names]: T };

function checkNames(boxnames: string[]): void {
  const usage = 'Fanout needs a non-empty array of outbox names: new Fanout(["toConsole", "toFile"])';
  if (!Array.isArray(boxnames) || boxnames.length === 0) throw new AxonError(usage);
  const seen: { [name: string]: boolean } = Object.create(null);
  for (let i = 0; i < boxnames.length; i++) {
    const name = boxnames[i];
    if (typeof name !== "string" || name === "") throw new AxonError(usage + "; got " + String(name));
    if (name === "signal") throw new AxonError('Fanout cannot use "signal" as a data outbox: it carries shutdown messages');
    if (seen[name]) throw new AxonError('Fanout was given the outbox name "' + name + '" twice');
    seen[name] = true;
  }
}

export class Fanout<T = any, Names extends string = string> extends AdaptiveCommsComponent<
  FanoutIn<T>,
  FanoutOut<T> & NamedOutboxes<T, Names>
> {
  static override Name = "Fanout";
  static override Inboxes: BoxDescriptions<FanoutIn<unknown>> = {
    inbox: "messages to copy to every named outbox",
    control: "producerFinished or shutdownMicroprocess: finish and pass it on",
  };
  static override Outboxes: BoxDescriptions<FanoutOut<unknown>> = {
    outbox: "NOT USED, unless named in boxnames",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The outboxes every message is copied to. */
  readonly boxnames: Names[];
  private readonly targets: Box[] = [];

  constructor(boxnames: Names[]) {
    super();
    checkNames(boxnames);
    this.boxnames = boxnames.slice();
    const outboxes = this.outboxes as { [name: string]: Box };
    for (let i = 0; i < boxnames.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(outboxes, boxnames[i])) this.addOutbox(boxnames[i]);
      this.targets.push(outboxes[boxnames[i]]);
    }
  }

  override *main(): MainLoop {
    const targets = this.targets;
    for (;;) {
      while (this.dataReady() && this.hasRoom()) {
        const message = this.recv();
        for (let i = 0; i < targets.length; i++) targets[i].push(message);
      }
      while (this.dataReady() === 0 && this.dataReady("control")) {
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

  private hasRoom(): boolean {
    for (let i = 0; i < this.targets.length; i++) if (this.targets[i].isFull()) return false;
    return true;
  }
}
