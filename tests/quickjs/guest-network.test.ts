/**
 * The same network components inside a QuickJS guest, with the host bridge serving real sockets: a guest
 * TCPClient against a desktop echo server, a guest-hosted echo server against Node clients, and a guest
 * that hits its memory limit while holding a listening socket, which the host then releases.
 */
import { expect } from "chai";
import { connect } from "node:net";
import { Graphline, PureTransformer, ServerCore } from "../../src/index";
import { EventLoopDriver } from "../../targets/desktop/index";
import { GuestFailed, QuickJSHost } from "../../targets/quickjs/index";
import { eventually } from "../helpers/eventually";

/** Connect to 127.0.0.1:`port`, send `text`, and resolve with everything received until the server closes or `expected` bytes came. */
function echoClient(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    socket.on("data", (d) => {
      received += d.toString();
      if (received.length >= text.length) socket.end();
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

const ECHO_SERVER_SCRIPT = [
  "var K = Kamaelia;",
  "var server = new K.ServerCore(function () { return new K.PureTransformer(function (bytes) { return bytes; }); }, 0);",
  "new K.Graphline({ server: server, out: new K.PureTransformer(function (port) { return 'port ' + port + '\\n'; }), print: new K.ConsoleEchoer(),",
  "  linkages: { 'server.serverPort': 'out.inbox', 'out.outbox': 'print.inbox' } }).activate();",
].join("\n");

describe("QuickJS guest networking", function () {
  this.timeout(40000);

  it("a guest TCPClient — against a desktop echo server — gets its bytes back", async () => {
    const driver = new EventLoopDriver();
    const server = new ServerCore(() => new PureTransformer((bytes: Uint8Array) => bytes), 0);
    const serving = driver.run(new Graphline({ server, linkages: {} }));
    await eventually(() => server.port > 0, "the desktop server to listen");
    const printed: string[] = [];
    const host = await QuickJSHost.create({ print: (t) => printed.push(t) });
    host.evalScript(
      [
        "var K = Kamaelia;",
        "function bytes(s) { var b = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i); return b; }",
        "function text(b) { var s = ''; for (var i = 0; i < b.length; i++) s += String.fromCharCode(b[i]); return s; }",
        "new K.Graphline({ say: new K.DataSource([bytes('hello from the guest')]), client: new K.TCPClient('127.0.0.1', " + server.port + "),",
        "  show: new K.PureTransformer(function (b) { return text(b); }), print: new K.ConsoleEchoer(),",
        "  linkages: { 'say.outbox': 'client.inbox', 'client.outbox': 'show.inbox', 'show.outbox': 'print.inbox' } }).activate();",
      ].join("\n"),
    );
    const running = host.run();
    await eventually(() => printed.join("") === "hello from the guest", "the echo in the guest");
    host.stop();
    await running;
    expect(printed.join("")).to.equal("hello from the guest");
    expect(host.openIO).to.equal(0);
    host.dispose();
    driver.stop();
    await serving;
  });

  it("a guest-hosted echo server — with ten Node clients at once — echoes each one's bytes", async () => {
    const printed: string[] = [];
    const host = await QuickJSHost.create({ print: (t) => printed.push(t) });
    host.evalScript(ECHO_SERVER_SCRIPT, "echo-server.js");
    const running = host.run();
    await eventually(() => printed.some((p) => p.startsWith("port ")), "the guest server's port");
    const port = Number(/port (\d+)/.exec(printed.join(""))?.[1]);
    expect(port).to.be.greaterThan(0);
    const texts = Array.from({ length: 10 }, (_, i) => "client " + i + " says " + "x".repeat(1000 * (i + 1)));
    const replies = await Promise.all(texts.map((t) => echoClient(port, t)));
    expect(replies).to.deep.equal(texts);
    host.stop();
    await running;
    expect(host.openIO).to.equal(0);
    host.dispose();
  });

  it("a guest that runs out of memory while listening — ends with GuestFailed and its port is released", async () => {
    const printed: string[] = [];
    const logged: string[] = [];
    const host = await QuickJSHost.create({ print: (t) => printed.push(t), log: (_l, m) => logged.push(m), memoryLimitBytes: 24 << 20, cpuLimitMs: 10000 });
    host.evalScript(ECHO_SERVER_SCRIPT, "echo-server.js");
    const running = host.run().catch((e: unknown) => e);
    await eventually(() => printed.some((p) => p.startsWith("port ")), "the guest server's port");
    const port = Number(/port (\d+)/.exec(printed.join(""))?.[1]);
    expect(host.openIO).to.be.greaterThan(0);
    // A component that hoards memory a step at a time, as a leaking app would.
    host.evalScript(
      "class Hoarder extends Kamaelia.Component { *main() { var hog = []; for (;;) { for (var i = 0; i < 20000; i++) hog.push(i); yield 1; } } }\nHoarder.Name = 'Hoarder';\nnew Hoarder().activate();",
      "hoarder.js",
    );
    const failure = await running;
    expect(failure).to.be.instanceOf(GuestFailed);
    expect((failure as GuestFailed).reason).to.equal("memory");
    expect(logged.join("\n")).to.match(/Hoarder_\d+ crashed and was removed: InternalError: out of memory/);
    expect(host.openIO).to.equal(0);
    const refused = await echoClient(port, "anyone?").then(
      () => "connected",
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(refused).to.equal("ECONNREFUSED");
    host.dispose();
  });
});
