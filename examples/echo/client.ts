/**
 * The echo client: `node --import tsx examples/echo/client.ts <port> [text...]` sends the text (default
 * "hello, echo") to the echo server on 127.0.0.1, closes its sending half, prints what comes back, and
 * exits once the server has closed the connection.
 */
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, TCPClient } from "kamaelia";
import { EventLoopDriver } from "kamaelia/desktop";

const port = Number(process.argv[2] || 1601);
const text = process.argv.length > 3 ? process.argv.slice(3).join(" ") : "hello, echo";
const decoder = new TextDecoder();

await new EventLoopDriver().run(
  new Pipeline(
    new DataSource([text + "\n"]),
    new TCPClient("127.0.0.1", port),
    new PureTransformer((bytes: Uint8Array) => decoder.decode(bytes, { stream: true })),
    new ConsoleEchoer(),
  ),
);
