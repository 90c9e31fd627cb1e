/**
 * ServerCore under load on loopback (desktop EventLoopDriver): 1,000 concurrent TCPClients against the echo
 * server, every byte echoed, then every count back where it started; and a few thousand connect/disconnect
 * cycles with nothing growing. (bench/network-load.ts runs the full 10,000 cycles and reports rates.)
 */
import { expect } from "chai";
import { Pipeline, SELECTOR_SERVICE, ServerCore, TCPClient, liveLinkageCount } from "../../../src/index";
import type { Selector } from "../../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { Echo, Feeder, Recorder, componentCount, eventually, pattern, tcpHandles } from "./tcp-helpers";

/** Everything that must come back to where it was: components, linkages, sockets, the server's and Selector's own records. */
function counts(driver: EventLoopDriver, server: ServerCore): { [what: string]: number } {
  const selector = driver.scheduler.tracker.retrieveService<Selector>(SELECTOR_SERVICE)[0];
  return {
    components: componentCount(driver),
    linkages: liveLinkageCount(),
    sockets: tcpHandles(),
    connections: server.connectionCount(),
    serverOutboxes: Object.keys(server.outboxes).length,
    serverChildren: server.childComponents().length,
    watches: selector.watchCount(),
    selectorOutboxes: Object.keys(selector.outboxes).length,
    // The linkage records each keeps (dead ones included): a list that only grows is a leak too.
    selectorLinkageRecords: (selector._linkages || []).length,
    serverLinkageRecords: (server._linkages || []).length,
  };
}

/** Start `n` echo conversations at once; resolves with their recorders once all have ended. */
async function conversations(driver: EventLoopDriver, port: number, n: number, size: number): Promise<Recorder[]> {
  const recorders: Recorder[] = [];
  const pipelines: Pipeline[] = [];
  for (let i = 0; i < n; i++) {
    const feeder = new Feeder();
    feeder.feed(new Uint8Array(pattern(size, i)));
    feeder.finish();
    const recorder = new Recorder();
    recorders.push(recorder);
    pipelines.push(new Pipeline(feeder, new TCPClient("127.0.0.1", port), recorder).activate(driver.scheduler));
  }
  driver.kick();
  await eventually(() => pipelines.every((p) => p.isStopped()), n + " conversations to end", 40000);
  return recorders;
}

describe("ServerCore under load", function () {
  this.timeout(60000);

  it("ServerCore — 1,000 concurrent clients echoing 1 KB each — every byte echoed, then components, linkages and sockets back to their start", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const server = new ServerCore(() => new Echo(), 0, { address: "127.0.0.1", backlog: 2048 });
    const handle = new AsyncHandle(server, driver);
    const port = (await handle.get("serverPort")) as number;
    const before = counts(driver, server);
    const recorders = await conversations(driver, port, 1000, 1024);
    let echoed = 0;
    for (let i = 0; i < recorders.length; i++) {
      expect(recorders[i].bytes().equals(pattern(1024, i)), "client " + i + "'s echo").to.equal(true);
      expect(recorders[i].reason()).to.deep.include({ code: "closed" });
      echoed += recorders[i].bytes().length;
    }
    expect(echoed).to.equal(1024 * 1000);
    await eventually(() => JSON.stringify(counts(driver, server)) === JSON.stringify(before), "every count to return");
    expect(counts(driver, server)).to.deep.equal(before);
    await handle.shutdown();
    handle.close();
  });

  it("ServerCore — 3,000 connect/disconnect cycles, 50 at a time — no count grows", async () => {
    const driver = new EventLoopDriver({ log: () => undefined });
    const server = new ServerCore(() => new Echo(), 0, { address: "127.0.0.1", backlog: 512 });
    const handle = new AsyncHandle(server, driver);
    const port = (await handle.get("serverPort")) as number;
    const before = counts(driver, server);
    for (let round = 0; round < 60; round++) {
      const recorders = await conversations(driver, port, 50, 16);
      for (let i = 0; i < recorders.length; i++) expect(recorders[i].bytes().length).to.equal(16);
    }
    await eventually(() => JSON.stringify(counts(driver, server)) === JSON.stringify(before), "every count to return");
    expect(counts(driver, server)).to.deep.equal(before);
    await handle.shutdown();
    handle.close();
  });
});
