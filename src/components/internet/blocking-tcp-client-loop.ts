/**
 * runBlockingTCPClient: the loop a ThreadedTCPClient's thread runs — a TCP client written, as on a handset
 * with blocking-only sockets, in plain sequential blocking calls. Platforms wrap it in their
 * `kamaelia:blocking-tcp-client` thread module with their own BlockingNetwork.
 *
 * Example (a platform's thread module):
 *   export function main(thread: ThreadContext): void {
 *     const network = myBlockingNetwork();
 *     try { runBlockingTCPClient(thread, network); } finally { network.close(); }
 *   }
 *
 * Behaviour: `thread.args` is `{ address, port, pollMs }`. It connects (blocking), then repeats: send
 * everything waiting on the thread's inbox (blocking; bytes, or strings as UTF-8, as TCPClient takes), check `control`, and block in `recv` for up to
 * `pollMs` (default 50) for bytes, which it sends on the thread's outbox. It ends by sending
 * `producerFinished` on the thread's signal whose message is the end as an IOEnd-shaped record
 * (`{ code, message }`): `closed` when the peer closed, the failure's code (refused, reset...) otherwise.
 * `producerFinished` on control: once its inbox is sent it half-closes the connection (the peer sees the
 * end) and goes on receiving until the peer closes too, then ends (`closed`); `shutdownMicroprocess`: it
 * closes at once.
 *
 * How it works inside: the recv timeout is what lets one thread both send and receive on a socket API with
 * no readiness calls; the thread blocks, the scheduler never does.
 */
import { ShutdownMicroprocess, isShutdownMessage, producerFinished } from "../../core/index";
import type { BlockingNetwork, BlockingTCPSocket, IOEndCode, ThreadContext } from "../../core/index";
import { bytesOf } from "../file/bytes-of";

/** What the thread is told. */
export interface BlockingTCPClientArgs {
  address: string;
  port: number;
  /** Longest single blocking recv, in ms, between looks at the inbox. Default 50. */
  pollMs?: number;
}

/** Bytes read per recv at most. */
const RECV_BYTES = 65536;

function endOf(error: unknown): { code: IOEndCode; message: string } {
  const e = error as { code?: IOEndCode; message?: string };
  return { code: e && typeof e.code === "string" ? e.code : "failed", message: e && e.message ? e.message : String(error) };
}

/** Run a TCP client on blocking sockets inside a thread, until the connection or the component ends. */
export function runBlockingTCPClient(thread: ThreadContext, network: BlockingNetwork): void {
  const args = thread.args as BlockingTCPClientArgs;
  const where = args.address + ":" + args.port;
  const pollMs = args.pollMs === undefined ? 50 : args.pollMs;
  let socket: BlockingTCPSocket;
  try {
    socket = network.connect(args.address, args.port);
  } catch (error) {
    const end = endOf(error);
    thread.send(producerFinished(undefined, { code: end.code, message: "connecting to " + where + ": " + end.message }), "signal");
    return;
  }
  let finishing = false;
  let halfClosed = false;
  try {
    for (;;) {
      while (thread.dataReady("control")) {
        const message = thread.recv("control");
        if (message instanceof ShutdownMicroprocess) return;
        if (isShutdownMessage(message)) finishing = true;
      }
      while (thread.dataReady("inbox")) socket.send(bytesOf(thread.recv("inbox"), thread.name));
      if (finishing && !halfClosed) {
        socket.end();
        halfClosed = true;
      }
      const bytes = socket.recv(RECV_BYTES, pollMs);
      if (bytes === null) {
        thread.send(producerFinished(undefined, { code: "closed", message: where + " closed the connection" }), "signal");
        return;
      }
      if (bytes !== undefined) thread.send(bytes);
    }
  } catch (error) {
    const end = endOf(error);
    thread.send(producerFinished(undefined, { code: end.code, message: where + ": " + end.message }), "signal");
  } finally {
    socket.close();
  }
}
