/**
 * The chat example (examples/chat) runs for real: server.ts as a process on a free port, three plain TCP
 * clients typing lines, everyone seeing every line, a departure announced, and SIGTERM shutting it down in
 * order (exit code 0). It uses the built package, as examples do (npm test builds first).
 */
import { expect } from "chai";
import * as net from "node:net";
import { startExampleServer } from "./example-server";
import type { ExampleServer } from "./example-server";

interface ChatClient {
  socket: net.Socket;
  seen: () => string;
  closed: () => boolean;
}

async function join(port: number): Promise<ChatClient> {
  const socket = net.connect({ port, host: "127.0.0.1" });
  let text = "";
  let closed = false;
  socket.on("data", (d: Buffer) => (text += d.toString()));
  socket.on("close", () => (closed = true));
  socket.on("error", () => undefined);
  await new Promise<void>((done, fail) => {
    socket.once("connect", () => done());
    socket.once("error", fail);
  });
  return { socket, seen: () => text, closed: () => closed };
}

async function eventually(test: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > 15000) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("the chat example", function () {
  this.timeout(40000);
  let server: ExampleServer | null = null;
  afterEach(async () => {
    if (server !== null) await server.stop();
    server = null;
  });

  it("examples/chat — three clients on the running server — every line reaches everyone, a departure is announced", async () => {
    server = await startExampleServer("chat");
    const clients: ChatClient[] = [];
    for (let i = 1; i <= 3; i++) {
      const client = await join(server.port);
      clients.push(client);
      // Seeing its own arrival means it is subscribed: from here on it hears everything.
      await eventually(() => client.seen().indexOf("* guest " + i + " joined\n") >= 0, "guest " + i + " to hear itself join");
    }
    clients[0].socket.write("hello from one\r\n");
    clients[2].socket.write("and from th");
    clients[2].socket.write("ree\n");
    for (const c of clients) {
      await eventually(() => c.seen().indexOf("guest 1: hello from one\n") >= 0 && c.seen().indexOf("guest 3: and from three\n") >= 0, "both lines");
    }
    expect(clients[0].seen()).to.contain("* guest 3 joined\n");
    clients[1].socket.end();
    await eventually(() => clients[1].closed(), "guest 2's connection to close");
    for (const c of [clients[0], clients[2]]) await eventually(() => c.seen().indexOf("* guest 2 left\n") >= 0, "the departure");
    const code = await server.stop();
    server = null;
    expect(code).to.equal(0);
    for (const c of [clients[0], clients[2]]) await eventually(() => c.closed(), "the server to close the rest");
  });
});
