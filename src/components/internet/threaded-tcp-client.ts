/**
 * ThreadedTCPClient: a TCP client for platforms whose sockets only block — the threaded adaptor Kamaelia
 * built for Series 60 phones. The blocking calls run on a platform thread (the platform's
 * `kamaelia:blocking-tcp-client` thread module, see blocking-tcp-client-loop.ts); only messages cross, so a
 * thread sitting in `recv` never stalls the scheduler.
 *
 * Example:
 *   new Pipeline(new ThreadedTCPClient("10.0.0.2", 1500), new LengthPrefixDeFramer(), new ImageDisplay()).activate();
 *
 * Behaviour: the same boxes as TCPClient — bytes (Uint8Array, or strings as UTF-8) on `inbox` are sent, received bytes come out
 * of `outbox` — and the same backpressure, bounded by the thread port's capacity. It ends with
 * `producerFinished` on `signal` whose message is `{ code, message }`: `closed` when the peer closed or
 * after a producerFinished on `control` once everything was sent; `refused`, `reset`, `not-found`... on
 * failure. shutdownMicroprocess ends it at once, whatever the thread is blocked in.
 *
 * How it works inside: a ThreadedComponent with a platform thread module; `pollMs` bounds how long the
 * thread blocks in `recv` before looking for data to send.
 */
import { AxonError } from "../../core/index";
import { ThreadedComponent } from "../threads/threaded-component";

/** ThreadedTCPClient's options. */
export interface ThreadedTCPClientOptions {
  /** Longest blocking recv between looks at the inbox, in ms. Default 50. */
  pollMs?: number;
  /** Messages queued each way between the thread and the scheduler. Default 16. */
  capacity?: number;
}

export class ThreadedTCPClient extends ThreadedComponent {
  static override Name = "ThreadedTCPClient";

  constructor(address: string, port: number, options?: ThreadedTCPClientOptions) {
    if (typeof address !== "string" || address === "" || typeof port !== "number" || !(port > 0 && port < 65536)) {
      throw new AxonError("ThreadedTCPClient needs an address and a port from 1 to 65535, not " + String(address) + ":" + String(port));
    }
    const o = options || {};
    super("kamaelia:blocking-tcp-client", { name: "ThreadedTCPClient", args: { address: address, port: port, pollMs: o.pollMs }, capacity: o.capacity });
  }
}
