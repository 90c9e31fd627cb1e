/**
 * multicastProbe: can this machine loop a multicast datagram back to itself on the loopback interface?
 * Tests of multicast skip with the reason when it cannot — except under CI=true, where a machine without
 * multicast is a broken test machine and the tests must fail instead.
 */
import { createSocket } from "node:dgram";

/** The group the multicast tests use: administratively scoped, so it never leaves the site. */
export const TEST_GROUP = "239.255.77.";

let verdict: Promise<string | null> | null = null;

/** null when multicast on 127.0.0.1 works, else why not. Probed once per run. */
export function multicastProbe(): Promise<string | null> {
  if (verdict === null) verdict = probe();
  return verdict;
}

/** Skip the calling test (or fail, under CI=true) when multicast does not work here. */
export async function needMulticast(context: Mocha.Context): Promise<void> {
  const reason = await multicastProbe();
  if (reason === null) return;
  if (process.env.CI === "true") throw new Error("multicast on loopback does not work on this CI machine: " + reason);
  context.skip();
}

function probe(): Promise<string | null> {
  return new Promise((resolve) => {
    const group = TEST_GROUP + "1";
    const socket = createSocket({ type: "udp4", reuseAddr: true });
    const finish = (reason: string | null): void => {
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      if (reason !== null) console.error("  multicast tests skipped: " + reason);
      resolve(reason);
    };
    const timer = setTimeout(() => finish("a datagram sent to " + group + " on 127.0.0.1 did not come back within 3 s"), 3000);
    socket.on("error", (error) => finish("socket error " + error.message));
    socket.on("message", () => finish(null));
    socket.bind(0, () => {
      try {
        socket.setMulticastInterface("127.0.0.1");
        socket.setMulticastLoopback(true);
        socket.addMembership(group, "127.0.0.1");
      } catch (error) {
        finish("joining " + group + " on 127.0.0.1 failed: " + (error as Error).message);
        return;
      }
      socket.send("probe", socket.address().port, group, (error) => {
        if (error) finish("sending to " + group + " failed: " + error.message);
      });
    });
  });
}
