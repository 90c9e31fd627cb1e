/**
 * UDPReceiver: receives datagrams on a local port and sends each out of its outbox with who sent it.
 *
 * Example:
 *   new Pipeline(new UDPReceiver(1600), new Detuple(1), new ConsoleEchoer()).activate(driver.scheduler);
 *
 * Behaviour: as every UDP component (udp-endpoint.ts), receiving only: each datagram leaves as
 * `[{ address, port }, data]`, `data` a Uint8Array; while the consumer's inbox is full it receives nothing
 * more, and the platform drops the newest beyond its read limit; a shutdown message on `control` is passed
 * on and ends it; a failed socket (the port is taken) ends it with `producerFinished(this, IOFailed)`.
 * Port 0 picks a free port (see `localPort`).
 */
import type { BoxDescriptions, ShutdownMessage } from "../../core/index";
import type { Readiness } from "./readiness";
import { UDPEndpoint } from "./udp-endpoint";
import type { ReceivedDatagram } from "./udp-endpoint";

type ReceiverIn = { inbox: never; control: ShutdownMessage; ready: Readiness };
type ReceiverOut = { outbox: ReceivedDatagram; signal: ShutdownMessage };

export class UDPReceiver extends UDPEndpoint<ReceiverIn, ReceiverOut> {
  static override Name = "UDPReceiver";
  static override Inboxes: BoxDescriptions<ReceiverIn> = {
    inbox: "NOT USED",
    control: "producerFinished or shutdownMicroprocess: pass it on and stop",
    ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ReceiverOut> = {
    outbox: "received datagrams as [{ address, port }, data]",
    signal: "the shutdown message, or producerFinished(IOFailed) if the socket failed",
  };

  constructor(localPort: number, localAddress?: string) {
    const address = localAddress || "0.0.0.0";
    super({ address, port: localPort }, { destination: null, receives: true, where: "udp " + address + ":" + localPort });
  }
}
