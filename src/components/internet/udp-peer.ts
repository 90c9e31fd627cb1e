/**
 * UDPPeer: both ends of UDP in one component — what arrives on its inbox goes to a remote address as
 * datagrams, and datagrams received on its local port come out of its outbox (Kamaelia's SimplePeer).
 *
 * Example:
 *   // two peers talking on one machine
 *   const a = new UDPPeer("127.0.0.1", 1500, "127.0.0.1", 1501);
 *   const b = new UDPPeer("127.0.0.1", 1501, "127.0.0.1", 1500);
 *   new Pipeline(new DataSource(["hello"]), a).activate(driver.scheduler);
 *   new Pipeline(b, new Detuple(1), new ConsoleEchoer()).activate(driver.scheduler);   // prints hello
 *   // no fixed remote: each message says where it goes (Kamaelia's TargettedPeer)
 *   new UDPPeer("0.0.0.0", 0).activate(...);   // inbox: [{ address: "10.0.0.2", port: 1600 }, bytes]
 *
 * Behaviour: as every UDP component (udp-endpoint.ts): received datagrams leave as
 * `[{ address, port }, data]`; inbox messages are Uint8Array or string datagrams, or
 * `[{ address, port }, data]` for a destination of their own (the only form a peer without a remote
 * accepts); the shutdown messages end it after the inbox is sent; a failed socket ends it with
 * `producerFinished(this, IOFailed)`. The local address defaults to every interface, the port to one the
 * system picks (see `localPort`).
 */
import type { BoxDescriptions, ShutdownMessage } from "../../core/index";
import type { Readiness } from "./readiness";
import { UDPEndpoint } from "./udp-endpoint";
import type { OutgoingDatagram, ReceivedDatagram } from "./udp-endpoint";

type PeerIn = { inbox: OutgoingDatagram; control: ShutdownMessage; ready: Readiness };
type PeerOut = { outbox: ReceivedDatagram; signal: ShutdownMessage };

export class UDPPeer extends UDPEndpoint<PeerIn, PeerOut> {
  static override Name = "UDPPeer";
  static override Inboxes: BoxDescriptions<PeerIn> = {
    inbox: "datagrams for the remote (Uint8Array or string), or [{ address, port }, data] for anywhere",
    control: "producerFinished: send what is waiting, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the socket, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<PeerOut> = {
    outbox: "received datagrams as [{ address, port }, data]",
    signal: "the shutdown message, or producerFinished(IOFailed) if the socket failed",
  };

  constructor(localAddress?: string, localPort?: number, remoteAddress?: string, remotePort?: number) {
    const address = localAddress || "0.0.0.0";
    const port = localPort || 0;
    super(
      { address, port },
      {
        destination: remoteAddress !== undefined && remotePort !== undefined ? { address: remoteAddress, port: remotePort } : null,
        receives: true,
        where: "udp " + address + ":" + port,
      },
    );
  }
}
