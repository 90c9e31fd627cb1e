/**
 * Marshaller and DeMarshaller: components that turn values into text and back through a codec, the generic
 * marshalling component of the Kamaelia paper (Kamaelia.Util.Marshalling and BasicMarshallComponent).
 *
 * Example:
 *   // In a pipeline, as Kamaelia.Util.Marshalling: values in at "inbox", text out of "outbox".
 *   new Pipeline(new Source(), new Marshaller(MimeDict), new TCPClient(host, port));
 *   new Pipeline(new TCPClient(host, port), new DeMarshaller(MimeDict), new Handler());
 *   // Both directions in one component, as in the paper:
 *   const m = new Marshaller(jsonCodec);   // { marshall: JSON.stringify, demarshall: JSON.parse }
 *   link([app, "outbox"], [m, "marshall"]);    link([m, "marshalled"], [net, "inbox"]);
 *   link([net, "outbox"], [m, "demarshall"]);  link([m, "demarshalled"], [app, "inbox"]);
 *
 * Behaviour:
 * - A codec is any object with `marshall(value) -> string` and `demarshall(string) -> value`; the MimeDict
 *   class is one.
 * - Marshaller: "inbox" → codec.marshall → "outbox" (Kamaelia's Marshaller), "marshall" → codec.marshall →
 *   "marshalled" and "demarshall" → codec.demarshall → "demarshalled" (the paper's bidirectional
 *   component). DeMarshaller: "inbox" → codec.demarshall → "outbox" (Kamaelia's DeMarshaller).
 * - Each message is converted on its own, in arrival order per inbox. When the codec throws, the component
 *   sends a MarshallingError (with `input` and `cause`) on "signal" and carries on with the next message:
 *   one bad message loses nothing else. Components downstream ignore it on "control", since it is not a
 *   shutdown message; a supervisor can watch "signal" for it.
 * - Backpressure: while a destination is full the component leaves the rest of that inbox waiting, and is
 *   woken when the consumer collects.
 * - Shutdown: on producerFinished or shutdownMicroprocess at "control" it converts everything already
 *   waiting, forwards the message on "signal" and ends.
 *
 * How it works inside: both classes share one main loop (CodecComponent) driven by a table of routes
 * (inbox, outbox, direction), so the bidirectional form costs nothing extra.
 */
import { Component } from "../../core/index";
import { takeShutdown } from "../take-shutdown";
import type { AnyComponent, Box, BoxDescriptions, MainLoop, ShutdownMessage } from "../../core/index";
import { MarshallingError, describeCause } from "./marshalling-error";

/** Turns values into text and back. Both may throw on bad input. */
export interface Codec<V> {
  marshall(value: V): string;
  demarshall(text: string): V;
}

/** Inbox name, outbox name, and true to marshall (false to demarshall). */
type Route = [string, string, boolean];

/** @internal The shared main loop of Marshaller and DeMarshaller. */
class CodecComponent<I, O> extends Component<I, O> {
  static override Name = "CodecComponent";
  /** The codec messages go through. */
  readonly codec: Codec<unknown>;
  private readonly routes: Route[];

  constructor(codec: Codec<unknown>, routes: Route[]) {
    super();
    this.codec = codec;
    this.routes = routes;
  }

  override *main(): MainLoop {
    for (;;) {
      let drained = true;
      for (let i = 0; i < this.routes.length; i++) if (!this.convert(this.routes[i])) drained = false;
      // Control is read only once the data before it has gone (docs/shutdown.md).
      const finish = drained ? takeShutdown(this as unknown as AnyComponent) : null;
      if (finish !== null) {
        (this as unknown as AnyComponent).send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** Convert what waits in one inbox; false if its destination filled up first. */
  private convert(route: Route): boolean {
    const self = this as unknown as AnyComponent; // routes name boxes at run time
    const inbox = route[0];
    const out = (self.outboxes as unknown as { [name: string]: Box })[route[1]];
    const marshalling = route[2];
    while (self.dataReady(inbox) > 0) {
      if (out.isFull()) return false; // collecting from the destination wakes this component
      const input = self.recv(inbox);
      let result: unknown;
      try {
        result = marshalling ? this.codec.marshall(input) : this.codec.demarshall(input);
      } catch (cause) {
        const verb = marshalling ? "marshall" : "demarshall";
        self.send(
          new MarshallingError(
            self.name + " could not " + verb + " a message from its '" + inbox + "' inbox (" + describeCause(cause) +
              "). Likely causes: the input is not in the codec's format, or is of another type than the codec expects.",
            input,
            cause,
          ),
          "signal",
        );
        continue;
      }
      self.send(result, route[1]);
    }
    return true;
  }
}

type MarshallerIn<V> = { inbox: V; marshall: V; demarshall: string; control: ShutdownMessage };
type MarshallerOut<V> = {
  outbox: string;
  marshalled: string;
  demarshalled: V;
  signal: ShutdownMessage | MarshallingError;
};

/** Values to text through a codec; both directions through the "marshall" and "demarshall" inboxes. */
export class Marshaller<V = unknown> extends CodecComponent<MarshallerIn<V>, MarshallerOut<V>> {
  static override Name = "Marshaller";
  static override Inboxes: BoxDescriptions<MarshallerIn<unknown>> = {
    inbox: "values to marshall; the text goes to outbox",
    marshall: "values to marshall; the text goes to marshalled",
    demarshall: "text to demarshall; the values go to demarshalled",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<MarshallerOut<unknown>> = {
    outbox: "text marshalled from inbox",
    marshalled: "text marshalled from marshall",
    demarshalled: "values demarshalled from demarshall",
    signal: "shutdown messages, passed on when this ends; a MarshallingError for each message the codec rejects",
  };

  constructor(codec: Codec<V>) {
    super(codec as Codec<unknown>, [
      ["inbox", "outbox", true],
      ["marshall", "marshalled", true],
      ["demarshall", "demarshalled", false],
    ]);
  }
}

type DeMarshallerIn = { inbox: string; control: ShutdownMessage };
type DeMarshallerOut<V> = { outbox: V; signal: ShutdownMessage | MarshallingError };

/** Text to values through a codec (Kamaelia.Util.Marshalling.DeMarshaller). */
export class DeMarshaller<V = unknown> extends CodecComponent<DeMarshallerIn, DeMarshallerOut<V>> {
  static override Name = "DeMarshaller";
  static override Inboxes: BoxDescriptions<DeMarshallerIn> = {
    inbox: "text to demarshall",
    control: "shutdown messages: producerFinished or shutdownMicroprocess",
  };
  static override Outboxes: BoxDescriptions<DeMarshallerOut<unknown>> = {
    outbox: "the demarshalled values",
    signal: "shutdown messages, passed on when this ends; a MarshallingError for each message the codec rejects",
  };

  constructor(codec: Codec<V>) {
    super(codec as Codec<unknown>, [["inbox", "outbox", false]]);
  }
}
