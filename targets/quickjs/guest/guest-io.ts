/**
 * Guest IO: the platform IO contract's classes inside a QuickJS guest, each served by the host bridge with
 * the host's own IO (on the desktop, Node's sockets, files, processes and worker threads). The same
 * network components then run in the guest unchanged: they find these on `host.io`.
 *
 * Example (the bridge installs this; apps never construct these directly):
 *   const io = guestIO(hostFunctions());
 *   new io.TCPSocket({ address: "127.0.0.1", port: 1500, onReadable: ... });
 *
 * Behaviour: each method is one synchronous call into the host; bytes are copied across. Properties such
 * as `port` or `remoteAddress` are read from the host when asked. Thread-port messages cross as JSON with
 * byte arrays encoded (bytes-json.ts), so they must be plain data and bytes (ThreadedComponent already
 * encodes shutdown messages that way).
 *
 * How it works inside: one small class per kind over GuestIOObject; getters through defineProperty, which
 * every ES5 engine has.
 */
import type {
  Datagram,
  FileReaderOptions,
  FileWriterOptions,
  OutputStream,
  PendingConnection,
  PlatformIO,
  SubprocessOptions,
  TCPListenerOptions,
  TCPSocketOptions,
  ThreadMessage,
  ThreadPortOptions,
  UDPSocketOptions,
} from "../../../src/index";
import { GuestIOObject, decodeBytesJson, encodeBytesJson, fromHost, toHost } from "./guest-io-object";
import type { HostFunctions } from "./host-functions";

/** Define read-only properties on `proto` that ask the host each time. */
function hostProperties(proto: object, names: string[]): void {
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    Object.defineProperty(proto, name, {
      get: function (this: GuestIOObject & { host: HostFunctions }) {
        return this.host.get(this.id, name);
      },
    });
  }
}

/** Build the guest's PlatformIO over `host`. */
export function guestIO(host: HostFunctions): PlatformIO {
  class GuestTCPSocket extends GuestIOObject {
    constructor(options: TCPSocketOptions) {
      super(host, "TCPSocket", options);
    }
    read(): Uint8Array | undefined {
      return fromHost(this.host.read(this.id)) as Uint8Array | undefined;
    }
    write(bytes: Uint8Array): boolean {
      return this.host.write(this.id, toHost(bytes));
    }
    end(): void {
      this.host.call(this.id, "end");
    }
  }
  hostProperties(GuestTCPSocket.prototype, ["readEnded", "remoteAddress", "remotePort", "localPort"]);

  class GuestTCPListener extends GuestIOObject {
    constructor(options: TCPListenerOptions) {
      super(host, "TCPListener", options);
    }
    read(): PendingConnection | undefined {
      return this.host.read(this.id) as PendingConnection | undefined;
    }
  }
  hostProperties(GuestTCPListener.prototype, ["port"]);

  class GuestUDPSocket extends GuestIOObject {
    constructor(options: UDPSocketOptions) {
      super(host, "UDPSocket", options);
    }
    read(): Datagram | undefined {
      const d = this.host.read(this.id) as { address: string; port: number; data: ArrayBuffer } | undefined;
      return d === undefined ? undefined : { address: d.address, port: d.port, data: fromHost(d.data) as Uint8Array };
    }
    write(data: Uint8Array, address: string, port: number): boolean {
      return this.host.write(this.id, toHost(data), address, port);
    }
  }
  hostProperties(GuestUDPSocket.prototype, ["port", "dropped"]);

  class GuestFileReader extends GuestIOObject {
    constructor(options: FileReaderOptions) {
      super(host, "FileReader", options);
    }
    read(): Uint8Array | undefined {
      return fromHost(this.host.read(this.id)) as Uint8Array | undefined;
    }
  }

  class GuestFileWriter extends GuestIOObject {
    constructor(options: FileWriterOptions) {
      super(host, "FileWriter", options);
    }
    write(bytes: Uint8Array): boolean {
      return this.host.write(this.id, toHost(bytes));
    }
    end(): void {
      this.host.call(this.id, "end");
    }
  }

  class GuestSubprocess extends GuestIOObject {
    constructor(options: SubprocessOptions) {
      super(host, "Subprocess", options);
    }
    read(stream: OutputStream): Uint8Array | undefined {
      return fromHost(this.host.read(this.id, stream)) as Uint8Array | undefined;
    }
    write(bytes: Uint8Array): boolean {
      return this.host.write(this.id, toHost(bytes));
    }
    end(): void {
      this.host.call(this.id, "end");
    }
    kill(signal?: string): void {
      this.host.call(this.id, "kill", signal);
    }
  }
  hostProperties(GuestSubprocess.prototype, ["pid"]);

  class GuestThreadPort extends GuestIOObject {
    constructor(options: ThreadPortOptions) {
      super(host, "ThreadPort", options);
    }
    read(): ThreadMessage | undefined {
      const m = this.host.read(this.id) as { box: string; json: string } | undefined;
      return m === undefined ? undefined : { box: m.box, message: decodeBytesJson(m.json) };
    }
    write(box: string, message: unknown): boolean {
      return this.host.write(this.id, encodeBytesJson(message), box);
    }
  }

  class GuestWebSocketClient extends GuestIOObject {
    constructor(options: object) {
      super(host, "WebSocketClient", options);
    }
    read(): Uint8Array | string | undefined {
      return fromHost(this.host.read(this.id)) as Uint8Array | string | undefined;
    }
    write(data: Uint8Array | string): boolean {
      return this.host.write(this.id, typeof data === "string" ? JSON.stringify(data) : toHost(data), "text");
    }
  }

  class GuestDisplay extends GuestIOObject {
    constructor(options: object) {
      super(host, "Display", options);
    }
    show(bytes: Uint8Array, mime: string): boolean {
      return this.host.write(this.id, toHost(bytes), mime);
    }
  }
  hostProperties(GuestDisplay.prototype, ["painted", "undecodable", "width", "height"]);

  const all: { [kind: string]: unknown } = {
    TCPSocket: GuestTCPSocket,
    TCPListener: GuestTCPListener,
    UDPSocket: GuestUDPSocket,
    FileReader: GuestFileReader,
    FileWriter: GuestFileWriter,
    Subprocess: GuestSubprocess,
    ThreadPort: GuestThreadPort,
    WebSocketClient: GuestWebSocketClient,
    Display: GuestDisplay,
  };
  // Only what the host offers, so a component's needIO names the missing kind in the guest itself.
  const io: { [kind: string]: unknown } = { target: "quickjs" };
  const offered = host.kinds().split(",");
  for (let i = 0; i < offered.length; i++) if (all[offered[i]] !== undefined) io[offered[i]] = all[offered[i]];
  return io as unknown as PlatformIO;
}
