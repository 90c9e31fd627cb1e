/**
 * The multicast example, after the Kamaelia paper: a sender streams a file at a steady bit rate to a
 * multicast group, and any number of receivers on the network (here: on this machine) print what the
 * group carries.
 *
 *   sender:   ReadFileAdaptor(file, bitrate) ──▶ MulticastTransceiver(0.0.0.0:0 → group:port)
 *   receiver: MulticastTransceiver(0.0.0.0:port, group) ──▶ Detuple(1) ──▶ bytes to text ──▶ ConsoleEchoer
 *
 * sender.ts and receiver.ts run one each; `npm run graph -- multicast` draws both side by side. Options:
 * `--group` (default the paper's 224.168.2.9), `--port` (1600), `--interface` (127.0.0.1, so nothing leaves
 * this machine; give a LAN address to reach others) and, for the sender, `--rate` in bits per second.
 */
import { ConsoleEchoer, Detuple, MulticastTransceiver, PAR, Pipeline, PureTransformer, ReadFileAdaptor } from "kamaelia";
import type { AnyComponent } from "kamaelia";

/** Where the stream goes, and how fast. */
export interface MulticastOptions {
  group: string;
  port: number;
  interfaceAddress: string;
  bitsPerSecond: number;
  /** The sender's file, when there is one. */
  file: string;
}

/** `--name value` pairs and one bare argument (the file) into options, with the paper's defaults. */
export function parseOptions(argv: string[]): MulticastOptions {
  const o: MulticastOptions = { group: "224.168.2.9", port: 1600, interfaceAddress: "127.0.0.1", bitsPerSecond: 64000, file: "" };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith("--")) {
      o.file = name;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(name + " needs a value");
    if (name === "--group") o.group = value;
    else if (name === "--port") o.port = Number(value);
    else if (name === "--interface") o.interfaceAddress = value;
    else if (name === "--rate") o.bitsPerSecond = Number(value);
    else throw new Error("unknown option " + name + " (known: --group, --port, --interface, --rate)");
  }
  return o;
}

/** The sender: the file, paced, in 1000-byte datagrams to the group. Ends when the file has been sent. */
export function buildSender(o: MulticastOptions): AnyComponent {
  return new Pipeline(
    new ReadFileAdaptor(o.file, { mode: "bitrate", bitsPerSecond: o.bitsPerSecond, chunkSize: 1000 }),
    new MulticastTransceiver("0.0.0.0", 0, o.group, o.port, { interfaceAddress: o.interfaceAddress }),
  );
}

/** The receiver: what the group carries on the port, printed as text. Runs until stopped. */
export function buildReceiver(o: MulticastOptions): AnyComponent {
  return new Pipeline(
    new MulticastTransceiver("0.0.0.0", o.port, o.group, 0, { interfaceAddress: o.interfaceAddress }),
    new Detuple(1),
    new PureTransformer((data: Uint8Array) => Buffer.from(data).toString("utf8")),
    new ConsoleEchoer(),
  );
}

/** Both ends, for drawing the graph (the sender reads this file itself). */
export function buildSystem(): AnyComponent {
  const o = parseOptions([import.meta.filename]);
  return new PAR(buildReceiver(o), buildSender(o));
}
