/**
 * MulticastTransceiver: sends its inbox to a multicast group and sends what the group receives out of its
 * outbox — Kamaelia's Multicast_transceiver, as in the paper's streaming example.
 *
 * Example (the paper's sender and receiver):
 *   new Pipeline(new ReadFileAdaptor("file.ogg", { mode: "bitrate", bitsPerSecond: 400000 }),
 *                new MulticastTransceiver("0.0.0.0", 0, "224.168.2.9", 1600)).activate(driver.scheduler);
 *   new Pipeline(new MulticastTransceiver("0.0.0.0", 1600, "224.168.2.9", 0),
 *                new Detuple(1), new WriteFileAdaptor("received.ogg")).activate(driver.scheduler);
 *
 * Behaviour: as every UDP component (udp-endpoint.ts):
 * - It binds `localAddress`:`localPort` (sharing the port, so several receivers on one machine can
 *   listen) and joins `group`. Each inbox message (Uint8Array or string) is sent to `group`:`destPort`.
 * - Datagrams sent to the group on `localPort` leave as `[{ address, port }, data]` — the sender and the
 *   bytes, so `new Detuple(1)` takes the data. With loopback on (the default) it hears its own datagrams
 *   too, when they go to its own port.
 * - `options.interfaceAddress` picks the network interface to join and send on (such as `127.0.0.1` to
 *   keep everything on this machine); `ttl` (default 1: the local network) and `loopback` as the platform's
 *   MulticastOptions.
 * - A machine with no route to the group, or a group address that is not multicast, ends it with
 *   `producerFinished(this, IOFailed)`. The socket is closed (leaving the group) whenever it ends.
 */
import type { BoxDescriptions, ShutdownMessage } from "../../core/index";
import type { Readiness } from "./readiness";
import { UDPEndpoint } from "./udp-endpoint";
import type { ReceivedDatagram } from "./udp-endpoint";

/** Options for MulticastTransceiver. */
export interface MulticastTransceiverOptions {
  /** The local interface to join the group and send on; default chosen by the platform. */
  interfaceAddress?: string;
  /** Hops a sent datagram may travel; default 1. */
  ttl?: number;
  /** Hear datagrams sent from this machine; default true. */
  loopback?: boolean;
}

type TransceiverIn = { inbox: Uint8Array | string; control: ShutdownMessage; ready: Readiness };
type TransceiverOut = { outbox: ReceivedDatagram; signal: ShutdownMessage };

export class MulticastTransceiver extends UDPEndpoint<TransceiverIn, TransceiverOut> {
  static override Name = "MulticastTransceiver";
  static override Inboxes: BoxDescriptions<TransceiverIn> = {
    inbox: "data to send to the group (Uint8Array or string), one datagram each",
    control: "producerFinished: send what is waiting, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<TransceiverOut> = {
    outbox: "datagrams received from the group as [{ address, port }, data]",
    signal: "the shutdown message, or producerFinished(IOFailed) if the socket failed",
  };

  /** The group joined. */
  readonly group: string;

  constructor(localAddress: string, localPort: number, group: string, destPort: number, options?: MulticastTransceiverOptions) {
    const o = options || {};
    super(
      {
        address: localAddress,
        port: localPort,
        reuseAddress: true,
        multicast: { group, interfaceAddress: o.interfaceAddress, ttl: o.ttl, loopback: o.loopback },
      },
      { destination: { address: group, port: destPort }, receives: true, where: "multicast " + group + " (port " + localPort + ", sending to " + destPort + ")" },
    );
    this.group = group;
  }
}
