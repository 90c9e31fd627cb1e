/**
 * The echo example (examples/echo) runs for real: server.ts as a process on a free port, client.ts as
 * another that prints its echo, a plain socket sending 1 MB and half-closing, and SIGTERM shutting the
 * server down in order (exit code 0). It uses the built package, as examples do (npm test builds first).
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as net from "node:net";
import { resolve } from "node:path";
import { startExampleServer } from "./example-server";
import type { ExampleServer } from "./example-server";

const root = resolve(import.meta.dirname, "../..");

describe("the echo example", function () {
  this.timeout(40000);
  let server: ExampleServer | null = null;
  afterEach(async () => {
    if (server !== null) await server.stop();
    server = null;
  });

  it("examples/echo — server.ts and client.ts as programs — the client prints its text back; SIGTERM ends the server cleanly", async () => {
    server = await startExampleServer("echo");
    const port = server.port;
    const printed = await new Promise<string>((done, fail) =>
      execFile(process.execPath, ["--import", "tsx", "examples/echo/client.ts", String(port), "hello", "from", "Kamaelia"], { cwd: root, timeout: 20000 }, (error, stdout, stderr) =>
        error ? fail(new Error("the client failed: " + error.message + "\n" + stderr)) : done(stdout),
      ),
    );
    expect(printed).to.equal("hello from Kamaelia\n");
    const big = Buffer.alloc(1 << 20);
    for (let i = 0; i < big.length; i++) big[i] = (i * 13) & 0xff;
    const echoed = await new Promise<Buffer>((done, fail) => {
      const parts: Buffer[] = [];
      const socket = net.connect({ port, host: "127.0.0.1" }, () => socket.end(big));
      socket.on("data", (d: Buffer) => parts.push(d));
      socket.on("close", () => done(Buffer.concat(parts)));
      socket.on("error", fail);
    });
    expect(echoed.equals(big)).to.equal(true);
    const code = await server.stop();
    server = null;
    expect(code).to.equal(0);
  });
});
