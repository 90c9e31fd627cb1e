/**
 * PublishTo: sends everything it receives to the Backplane of that name, for every subscriber to see.
 *
 * Example:
 *   new Pipeline(new Thermometer(), new PublishTo("readings")).activate(scheduler);
 *
 * Behaviour:
 * - It finds the backplane through the CAT (the service "Backplane_I_<name>"). If the backplane is not
 *   there yet it waits: it looks again on its next step, then every few milliseconds, for up to `waitMs`
 *   (default 1000 ms on the host clock). Messages sent to it meanwhile wait in its inbox and are published
 *   once it is found. If the time runs out it crashes with ServiceNotFound naming the service — most likely
 *   a misspelt name or a backplane never started. `waitMs: 0` fails at once (Kamaelia's behaviour);
 *   `waitMs: Infinity` waits for ever.
 * - Once found, each message on `inbox` goes to the backplane, in order, drained fully each step.
 * - If the backplane has ended, what it is sent is dropped: a broadcast nobody can hear. (A publisher does
 *   not own the backplane, so it is not ended with it — as in Kamaelia.)
 * - `producerFinished` or `shutdownMicroprocess` on `control`: what is in its inbox is published first, then
 *   the message is forwarded on `signal` and it ends. The backplane and its subscribers carry on. While it
 *   is still waiting for the backplane, `shutdownMicroprocess` ends it at once (unpublished messages are
 *   dropped), and `producerFinished` does too if nothing is waiting to be published; otherwise it keeps
 *   waiting so the data gets out, then ends.
 *
 * How it works inside: one linkage, from an internal outbox `_toBackplane` to the backplane's inbox, made
 * once the backplane is found and undone when this ends. Relaying through its own outbox (Kamaelia links its
 * inbox straight through) costs one step but lets it notice a dead backplane instead of filling its inbox.
 */
import { AxonError, Component, WaitComplete, isShutdownMessage } from "../../core/index";
import type { AnyComponent, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { backplaneInboxService } from "./backplane";
import { checkWaitMs, waitForService } from "./wait-for-service";
import type { BackplaneClientOptions, ServiceWait } from "./wait-for-service";

type PublishIn<T> = { inbox: T; control: ShutdownMessage };
type PublishOut<T> = { outbox: never; signal: ShutdownMessage; _toBackplane: T };

export class PublishTo<T = any> extends Component<PublishIn<T>, PublishOut<T>> {
  static override Name = "PublishTo";
  static override Inboxes: BoxDescriptions<PublishIn<unknown>> = {
    inbox: "messages to publish on the backplane",
    control: "producerFinished or shutdownMicroprocess: ends this publisher (not the backplane)",
  };
  static override Outboxes: BoxDescriptions<PublishOut<unknown>> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on when this ends",
    _toBackplane: "internal: linked to the backplane's inbox",
  };

  /** The name of the backplane to publish to. */
  readonly destination: string;
  /** How long to wait for the backplane to appear, in ms. */
  readonly waitMs: number;

  constructor(destination: string, options?: BackplaneClientOptions) {
    super();
    if (typeof destination !== "string" || destination === "") {
      throw new AxonError('PublishTo needs the name of a backplane: new PublishTo("readings")');
    }
    this.destination = destination;
    this.waitMs = checkWaitMs("PublishTo", options);
  }

  override *main(): MainLoop {
    const found = (yield WaitComplete(waitForService(this, backplaneInboxService(this.destination), this.waitMs))) as ServiceWait;
    if (found.service === null) {
      this.send(found.finishing as ShutdownMessage, "signal");
      return;
    }
    const backplane: AnyComponent = found.service[0];
    this.link([this, "_toBackplane"], [backplane, found.service[1]]);
    const toBackplane = this.outboxes._toBackplane;
    let finishing = found.finishing;
    for (;;) {
      while (this.dataReady()) {
        if (backplane.isStopped()) this.recv(); // dropped: nobody is listening
        else if (toBackplane.isFull()) break;
        else toBackplane.push(this.recv());
      }
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
