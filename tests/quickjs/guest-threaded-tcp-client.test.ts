/**
 * The threaded adaptor inside QuickJS: a guest ThreadedTCPClient runs its blocking socket calls on a thread
 * the host bridge serves (the host's ThreadPort with the desktop's blocking sockets), and while that thread
 * sits blocked in recv for 500 ms, a clock in the guest keeps ticking.
 */
import { expect } from "chai";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { QuickJSHost } from "../../targets/quickjs/index";

describe("QuickJS guest ThreadedTCPClient", function () {
  this.timeout(30000);

  it("guest ThreadedTCPClient — its thread blocked in recv for 500 ms — leaves a guest clock ticking", async () => {
    const server = createServer((socket) => setTimeout(() => socket.end("late reply"), 500));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    const printed: string[] = [];
    const host = await QuickJSHost.create({ print: (t) => printed.push(t) });
    host.evalScript(
      [
        "var K = Kamaelia;",
        "function text(bytes) { var s = ''; for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]); return s; }",
        "new K.Pipeline(new K.ThreadedTCPClient('127.0.0.1', " + port + ", { pollMs: 5000 }), new K.PureTransformer(function (b) { return 'data:' + text(b) + '\\n'; }), new K.ConsoleEchoer()).activate();",
        "new K.Pipeline(new K.Clock(10), new K.PureTransformer(function () { return 'tick\\n'; }), new K.ConsoleEchoer()).activate();",
      ].join("\n"),
      "threaded-client.js",
    );
    const running = host.run();
    const deadline = Date.now() + 15000;
    while (!printed.some((p) => p.startsWith("data:")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    host.stop();
    await running;
    host.dispose();
    server.close();
    const dataAt = printed.findIndex((p) => p.startsWith("data:"));
    expect(printed[dataAt]).to.equal("data:late reply\n");
    // Ticks printed before the reply arrived, that is while the client's thread was blocked in recv.
    expect(printed.slice(0, dataAt).filter((p) => p === "tick\n").length).to.be.greaterThan(10);
    expect(host.openIO).to.equal(0);
  });
});
