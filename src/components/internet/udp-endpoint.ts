/**
 * UDPEndpoint: what every UDP component shares — one UDP socket, datagrams to send taken from `inbox`,
 * datagrams received sent out of `outbox` — so UDPPeer, SimpleUDPSender, UDPReceiver and
 * MulticastTransceiver each only say how their socket is made and where their datagrams go.
 *
 * Example (a new kind of UDP component):
 *   class Echoer extends UDPEndpoint<...> {
 *     constructor(port: number) { super({ port }, { receives: true, where: "udp port " + port }); }
 *   }
 *
 * Behaviour (shared by every UDP component):
 * - A received datagram leaves on `outbox` as `[sender, data]`: `sender` is `{ address, port }` and
 *   `data` a Uint8Array — the same shape everywhere, the paper's `(address, data)` tuple, so
 *   `new Detuple(1)` takes the data.
 * - Each message on `inbox` is one datagram: a Uint8Array, or a string sent as UTF-8. A component with no
 *   fixed destination takes `[{ address, port }, data]` instead; a message it cannot send anywhere is a
 *   wiring mistake (an AxonError naming it).
 * - Backpressure: while its outbox's destination is full it receives nothing more; the platform then
 *   holds up to its read limit and drops the newest beyond (UDP may lose datagrams anyway). While the
 *   platform cannot take more datagrams it takes nothing more from its inbox.
 * - `producerFinished` on `control`: it sends every datagram already in its inbox, then passes the message
 *   on `signal` and ends. `shutdownMicroprocess`: it passes the message on at once and ends.
 * - A socket that fails (the port is taken, no route to a group, a datagram too big) ends it with
 *   `producerFinished(this, IOFailed)` on `signal`, with a warning in the host's log. Whenever it ends,
 *   its socket is closed (datagrams already handed to the platform still go out).
 * - `localPort` is the bound port once the socket is bound (0 before), handy with port 0.
 * - It needs the host's `io.UDPSocket` (IONotAvailable otherwise).
 *
 * How it works inside: a UDPSocket watched through the Selector (readiness on `ready`); one datagram may
 * be held between steps when `write` refuses it.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage, UDPSocket, UDPSocketOptions } from "../../core/index";
import { bytesOf } from "../file/bytes-of";
import { hostLog } from "../util/host-log";
import { IOFailed, needIO } from "./io-errors";
import type { Readiness } from "./readiness";
import { takeEnd } from "./readiness";
import { Selector } from "./selector";
import { takeControl } from "../take-shutdown";

/** A UDP address: who sent a datagram, or where to send one. */
export interface UDPAddress {
  readonly address: string;
  readonly port: number;
}

/** A received datagram as UDP components send it on: `[sender, data]`. */
export type ReceivedDatagram = [sender: UDPAddress, data: Uint8Array];

/** A datagram to send: data for the component's own destination, or `[destination, data]`. */
export type OutgoingDatagram = Uint8Array | string | [destination: UDPAddress, data: Uint8Array | string];

/** How a UDP component uses its socket. */
export interface UDPEndpointSetup {
  /** Where inbox data goes when a message does not say; null for "each message says". */
  destination: UDPAddress | null;
  /** Send received datagrams out of `outbox` (otherwise they are read and dropped). */
  receives: boolean;
  /** What the socket is, for errors and logs, such as `udp 0.0.0.0:1600`. */
  where: string;
}

/** The boxes every UDP component has; each narrows the inbox and outbox types to what it uses. */
type EndpointIn = { inbox: unknown; control: ShutdownMessage; ready: Readiness };
type EndpointOut = { outbox: ReceivedDatagram; signal: ShutdownMessage };
/** The shared main loop's view of the component: its boxes at their widest. */
type Untyped = Component<EndpointIn, EndpointOut>;

export class UDPEndpoint<I extends EndpointIn = EndpointIn, O extends { outbox: unknown; signal: ShutdownMessage } = EndpointOut> extends Component<I, O> {
  static override Name = "UDPEndpoint";
  static override Inboxes: BoxDescriptions<EndpointIn> = {
    inbox: "datagrams to send: Uint8Array or string, or [{ address, port }, data]",
    control: "producerFinished: send what is waiting, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<EndpointOut> = {
    outbox: "received datagrams as [{ address, port }, data]",
    signal: "the shutdown message, or producerFinished(IOFailed) if the socket failed",
  };

  private socket: UDPSocket | null = null;

  constructor(
    private readonly socketOptions: UDPSocketOptions,
    private readonly setup: UDPEndpointSetup,
  ) {
    super();
  }

  /** The local port, once bound (0 before). */
  get localPort(): number {
    return this.socket === null ? 0 : this.socket.port;
  }

  override *main(): MainLoop {
    const self = this as unknown as Untyped;
    const Socket = needIO(this, "UDPSocket");
    const watch = Selector.watchFor(this, "ready");
    const o = this.socketOptions;
    const socket = new Socket({
      port: o.port,
      address: o.address,
      reuseAddress: o.reuseAddress,
      multicast: o.multicast,
      readLimit: o.readLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.socket = socket;
    this.addTeardown(function () {
      socket.close();
    });
    const outbox = self.outboxes.outbox;
    const receives = this.setup.receives;
    let held: { data: Uint8Array; to: UDPAddress } | null = null;
    let end: IOEnd | null = null;
    let finishing: ShutdownMessage | null = null;
    for (;;) {
      end = takeEnd(self, "ready", end);
      while (!receives || !outbox.isFull()) {
        const datagram = socket.read();
        if (datagram === undefined) break;
        if (receives) self.send([{ address: datagram.address, port: datagram.port }, datagram.data]);
      }
      if (end !== null) {
        hostLog(this, "warn", this.name + " (" + this.setup.where + ") failed: " + end.code + ": " + end.message);
        self.send(producerFinished(this, new IOFailed(this.name, this.setup.where, end)), "signal");
        return;
      }
      for (;;) {
        if (held === null) {
          if (self.dataReady() === 0) break;
          held = this.datagramFor(self.recv());
        }
        if (!socket.write(held.data, held.to.address, held.to.port)) break; // the socket says when it has room
        held = null;
      }
      const control: ShutdownMessage | null = takeControl(self, finishing);
      if (control instanceof ShutdownMicroprocess) {
        self.send(control, "signal");
        return;
      }
      finishing = control;
      if (finishing !== null && held === null && self.dataReady() === 0) {
        self.send(finishing, "signal");
        return;
      }
      this.pause(); // woken by readiness, by data, by control, or by the consumer collecting
      yield 1;
    }
  }

  /** Where and what one inbox message sends. */
  private datagramFor(message: unknown): { data: Uint8Array; to: UDPAddress } {
    if (Array.isArray(message) && message.length === 2 && isAddress(message[0])) {
      return { data: bytesOf(message[1], this.name), to: message[0] };
    }
    const to = this.setup.destination;
    if (to === null) {
      throw new AxonError(this.name + " has no destination of its own: send it [{ address, port }, data], or give it a remote address and port");
    }
    return { data: bytesOf(message, this.name), to };
  }
}

function isAddress(value: unknown): value is UDPAddress {
  return value !== null && typeof value === "object" && typeof (value as UDPAddress).address === "string" && typeof (value as UDPAddress).port === "number";
}
