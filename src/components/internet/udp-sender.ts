/**
 * SimpleUDPSender: sends each message on its inbox as one datagram to a fixed address and port.
 *
 * Example:
 *   new Pipeline(new DataSource(["ping"]), new SimpleUDPSender("127.0.0.1", 1600)).activate(driver.scheduler);
 *
 * Behaviour: as every UDP component (udp-endpoint.ts), sending only: inbox messages are Uint8Array or
 * string datagrams (or `[{ address, port }, data]` to send one elsewhere); datagrams that come back to its
 * port are dropped; `producerFinished` ends it once everything waiting has been handed to the platform;
 * a failed socket ends it with `producerFinished(this, IOFailed)`. Its own port is one the system picks,
 * unless `localPort` says.
 */
import type { BoxDescriptions, ShutdownMessage } from "../../core/index";
import type { Readiness } from "./readiness";
import { UDPEndpoint } from "./udp-endpoint";
import type { OutgoingDatagram } from "./udp-endpoint";

/** Options for SimpleUDPSender. */
export interface SimpleUDPSenderOptions {
  /** Local address to send from; default every interface. */
  localAddress?: string;
  /** Local port to send from; default one the system picks. */
  localPort?: number;
}

type SenderIn = { inbox: OutgoingDatagram; control: ShutdownMessage; ready: Readiness };
type SenderOut = { outbox: never; signal: ShutdownMessage };

export class SimpleUDPSender extends UDPEndpoint<SenderIn, SenderOut> {
  static override Name = "SimpleUDPSender";
  static override Inboxes: BoxDescriptions<SenderIn> = {
    inbox: "datagrams (Uint8Array or string), or [{ address, port }, data] to send one elsewhere",
    control: "producerFinished: send what is waiting, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<SenderOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, or producerFinished(IOFailed) if the socket failed",
  };

  constructor(address: string, port: number, options?: SimpleUDPSenderOptions) {
    super(
      { address: options && options.localAddress, port: (options && options.localPort) || 0 },
      { destination: { address, port }, receives: false, where: "udp to " + address + ":" + port },
    );
  }
}
