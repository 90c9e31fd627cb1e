/**
 * Backplane: a named place to publish messages, found through the CAT, so any part of a system can publish
 * to it (PublishTo) or subscribe to it (SubscribeTo) without knowing the other parts.
 *
 * Example:
 *   new Backplane("readings").activate(scheduler);
 *   new Pipeline(new Thermometer(), new PublishTo("readings")).activate(scheduler);
 *   new Pipeline(new SubscribeTo("readings"), new ConsoleEchoer({ eol: "\n" })).activate(scheduler);
 *   new Pipeline(new SubscribeTo("readings"), new Logger()).activate(scheduler);
 *
 * Behaviour:
 * - On its first step it registers two services in its scheduler's CAT, with Kamaelia's names:
 *   "Backplane_I_<name>" (its `inbox`, where PublishTo sends) and "Backplane_O_<name>" (its
 *   `configuration` inbox, where SubscribeTo sends addsink/removesink). A second live Backplane with the
 *   same name crashes with ServiceAlreadyExists on its first step; the first one carries on.
 * - Every message published reaches every subscriber attached when the backplane handles it, in order.
 *   Subscribers see only what is published after they subscribed.
 * - `producerFinished` or `shutdownMicroprocess` on `control` ends it: pending messages go out first, then
 *   the message goes to every subscriber's `control` (so each SubscribeTo forwards it and ends, and so do the
 *   pipelines behind them) and out of `signal`. Its services go away as it ends. Publishers are not told:
 *   a PublishTo whose backplane has ended drops what it is sent (see PublishTo).
 *
 * How it works inside: a Splitter (one outbox per subscriber, added and removed at run time) that also
 * registers itself as the two services. Kamaelia wraps a PlugSplitter child instead; being the splitter
 * saves a component and a hop per message.
 */
import { AxonError, WaitComplete } from "../../core/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { Splitter } from "./splitter";
import type { SinkRequest } from "./splitter";

/** The CAT service a backplane's publishers send to (its `inbox`). */
export function backplaneInboxService(name: string): string {
  return "Backplane_I_" + name;
}

/** The CAT service a backplane's subscribers send addsink/removesink to (its `configuration` inbox). */
export function backplaneConfigurationService(name: string): string {
  return "Backplane_O_" + name;
}

type BackplaneIn<T> = { inbox: T; control: ShutdownMessage; configuration: SinkRequest };
type BackplaneOut = { outbox: never; signal: ShutdownMessage };

export class Backplane<T = any> extends Splitter<T> {
  static override Name = "Backplane";
  static override Inboxes: BoxDescriptions<BackplaneIn<unknown>> = {
    inbox: "messages published (PublishTo finds this as the service Backplane_I_<name>)",
    control: "producerFinished or shutdownMicroprocess: ends the backplane and every subscriber",
    configuration: "addsink/removesink from subscribers (the service Backplane_O_<name>)",
  };
  static override Outboxes: BoxDescriptions<BackplaneOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on when this ends",
  };

  /** The name publishers and subscribers use. (`name` is the component's readable name, `Backplane_7`.) */
  readonly backplaneName: string;

  constructor(name: string) {
    super();
    if (typeof name !== "string" || name === "") throw new AxonError('Backplane needs a name: new Backplane("readings")');
    this.backplaneName = name;
  }

  override *main(): MainLoop {
    const cat = this.getcat();
    cat.registerService(backplaneInboxService(this.backplaneName), this, "inbox");
    cat.registerService(backplaneConfigurationService(this.backplaneName), this, "configuration");
    yield WaitComplete(super.main());
  }
}
