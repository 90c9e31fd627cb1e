/**
 * The desktop's `kamaelia:blocking-tcp-client` thread module: the ThreadedTCPClient's loop on Node's
 * blocking-only socket API (blocking-network.ts). NodeThreadPort loads it for that name.
 */
import { runBlockingTCPClient } from "../../../src/index";
import type { ThreadContext } from "../../../src/index";
import { nodeBlockingNetwork } from "../blocking-network";

export function main(thread: ThreadContext): void {
  const network = nodeBlockingNetwork();
  try {
    runBlockingTCPClient(thread, network);
  } finally {
    network.close();
  }
}
