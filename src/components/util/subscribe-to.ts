/**
 * SubscribeTo: receives everything published to the Backplane of that name from the moment it subscribes,
 * and sends it on out of its `outbox`.
 *
 * Example:
 *   new Pipeline(new SubscribeTo("readings"), new ConsoleEchoer({ eol: "\n" })).activate(scheduler);
 *
 * Behaviour:
 * - It finds the backplane through the CAT (the service "Backplane_O_<name>") and asks to be attached by
 *   sending `addsink(this, "inbox", "control")`. A missing backplane is waited for exactly as PublishTo
 *   waits (`waitMs`, default 1000 ms; then a crash with ServiceNotFound naming the service).
 * - Every message published after the backplane handled its request comes out of `outbox`, in order. If
 *   the destination is bounded and full, messages wait in this component's inbox: a slow subscriber never
 *   holds up the backplane or the other subscribers.
 * - `producerFinished` or `shutdownMicroprocess` on `control` (from its owner, or from the backplane when
 *   the backplane ends): it sends on what it has received, forwards the message on `signal` and ends. A
 *   shutdown message that arrives while it is still waiting for the backplane ends it at once.
 * - However it ends — shut down, crashed or stopped — it unsubscribes (sends `removesink` to a backplane
 *   that is still running), so the backplane removes its outbox and linkage for it.
 *
 * How it works inside: an internal outbox `_toBackplane` linked to the backplane's configuration inbox
 * carries addsink and, from a teardown registered when subscribing, removesink. Teardown runs before this
 * component's linkages are undone, so the removesink still has a way out. The backplane links to this
 * component's `inbox` rather than straight through to its `outbox` (Kamaelia's Plug passes straight
 * through), so nothing published after it ends can reach whatever it was feeding.
 */
import { AxonError, Component, WaitComplete, isShutdownMessage } from "../../core/index";
import type { AnyComponent, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { backplaneConfigurationService } from "./backplane";
import { addsink, removesink } from "./splitter";
import type { SinkRequest } from "./splitter";
import { checkWaitMs, waitForService } from "./wait-for-service";
import type { BackplaneClientOptions, ServiceWait } from "./wait-for-service";

type SubscribeIn<T> = { inbox: T; control: ShutdownMessage };
type SubscribeOut<T> = { outbox: T; signal: ShutdownMessage; _toBackplane: SinkRequest };

export class SubscribeTo<T = any> extends Component<SubscribeIn<T>, SubscribeOut<T>> {
  static override Name = "SubscribeTo";
  static override Inboxes: BoxDescriptions<SubscribeIn<unknown>> = {
    inbox: "internal: the backplane sends published messages here",
    control: "producerFinished or shutdownMicroprocess: from the owner, or from the backplane as it ends",
  };
  static override Outboxes: BoxDescriptions<SubscribeOut<unknown>> = {
    outbox: "every message published to the backplane after subscribing",
    signal: "the shutdown message, passed on when this ends",
    _toBackplane: "internal: addsink/removesink to the backplane's configuration inbox",
  };

  /** The name of the backplane to subscribe to. */
  readonly source: string;
  /** How long to wait for the backplane to appear, in ms. */
  readonly waitMs: number;

  constructor(source: string, options?: BackplaneClientOptions) {
    super();
    if (typeof source !== "string" || source === "") {
      throw new AxonError('SubscribeTo needs the name of a backplane: new SubscribeTo("readings")');
    }
    this.source = source;
    this.waitMs = checkWaitMs("SubscribeTo", options);
  }

  override *main(): MainLoop {
    const found = (yield WaitComplete(waitForService(this, backplaneConfigurationService(this.source), this.waitMs))) as ServiceWait;
    if (found.service === null) {
      this.send(found.finishing as ShutdownMessage, "signal");
      return;
    }
    const backplane: AnyComponent = found.service[0];
    this.link([this, "_toBackplane"], [backplane, found.service[1]]);
    this.send(addsink(this, "inbox", "control"), "_toBackplane");
    this.addTeardown(() => {
      if (!backplane.isStopped()) this.send(removesink(this, "inbox", "control"), "_toBackplane");
    });
    const outbox = this.outboxes.outbox;
    let finishing = found.finishing;
    for (;;) {
      while (this.dataReady() && !outbox.isFull()) this.send(this.recv());
      while (finishing === null && this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) finishing = message;
      }
      if (finishing !== null && this.dataReady() === 0) {
        this.send(finishing, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }
}
