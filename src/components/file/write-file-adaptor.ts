/**
 * WriteFileAdaptor: writes what arrives on its inbox into a file (Kamaelia's WriteFileAdaptor).
 *
 * Example:
 *   new Pipeline(new ReadFileAdaptor("in.bin"), new WriteFileAdaptor("copy.bin")).activate(driver.scheduler);
 *   new Pipeline(new DataSource(["one\n", "two\n"]), new WriteFileAdaptor("log.txt", { append: true }));
 *
 * Behaviour:
 * - Each message on `inbox` is written in order: a Uint8Array as it is, a string as UTF-8. Anything else
 *   is a wiring mistake: it crashes with an AxonError naming what it got.
 * - The file is created or truncated, or appended to with `append: true`.
 * - Backpressure: while the platform has `writeLimit` bytes (default 262144) not yet in the file, it
 *   takes nothing more from its inbox, so a bounded inbox pushes back on the producer.
 * - `producerFinished` on `control`: it writes everything that came before it, closes the file, waits
 *   until the platform says the bytes are in it (the `closed` end), and only then passes the message on
 *   `signal` and ends — so whatever runs next may read the file.
 * - `shutdownMicroprocess` on `control`: it stops at once; bytes not yet written may be lost. The message
 *   is forwarded on `signal`.
 * - A file that cannot be written (a missing folder, no permission, a full disk) ends it with
 *   `producerFinished(this, IOFailed)` on `signal` and a warning in the host's log naming the path.
 * - It needs the host's `io.FileWriter` (IONotAvailable otherwise).
 *
 * How it works inside: a FileWriter watched through the Selector (readiness on `ready`); one message may
 * be held between steps when `write` refuses it, and is offered again when the writer is writable.
 */
import { AxonError, Component, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, IOEnd, MainLoop, ShutdownMessage } from "../../core/index";
import { IOFailed, needIO } from "../internet/io-errors";
import type { Readiness } from "../internet/readiness";
import { takeEnd } from "../internet/readiness";
import { Selector } from "../internet/selector";
import { hostLog } from "../util/host-log";
import { bytesOf } from "./bytes-of";
import { takeControl } from "../take-shutdown";

/** Options for WriteFileAdaptor. */
export interface WriteFileAdaptorOptions {
  /** Add to the end of an existing file instead of replacing it. */
  append?: boolean;
  /** Bytes accepted but not yet in the file before it stops taking messages. Default 262144. */
  writeLimit?: number;
}

type WriteIn = { inbox: Uint8Array | string; control: ShutdownMessage; ready: Readiness };
type WriteOut = { outbox: never; signal: ShutdownMessage };

export class WriteFileAdaptor extends Component<WriteIn, WriteOut> {
  static override Name = "WriteFileAdaptor";
  static override Inboxes: BoxDescriptions<WriteIn> = {
    inbox: "Uint8Array bytes or strings (written as UTF-8), in order",
    control: "producerFinished: write the rest, close the file, then pass it on; shutdownMicroprocess: stop now",
    ready: "readiness of the file, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<WriteOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message once the file is closed, or producerFinished(IOFailed) if it could not be written",
  };

  /** The file's path. */
  readonly path: string;
  /** True when appending. */
  readonly append: boolean;
  private readonly writeLimit: number | undefined;

  constructor(path: string, options?: WriteFileAdaptorOptions) {
    super();
    if (typeof path !== "string" || path === "") throw new AxonError("WriteFileAdaptor needs the path of a file to write, not " + String(path));
    this.path = path;
    this.append = !!(options && options.append);
    this.writeLimit = options && options.writeLimit;
  }

  override *main(): MainLoop {
    const FileWriter = needIO(this, "FileWriter");
    const watch = Selector.watchFor(this, "ready");
    const writer = new FileWriter({
      path: this.path,
      append: this.append,
      writeLimit: this.writeLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
    });
    this.addTeardown(function () {
      writer.close();
    });
    let held: Uint8Array | null = null;
    let end: IOEnd | null = null;
    let finishing: ShutdownMessage | null = null;
    let ending = false;
    for (;;) {
      end = takeEnd(this, "ready", end);
      if (end !== null) {
        if (ending && end.code === "closed") this.send(finishing as ShutdownMessage, "signal");
        else {
          hostLog(this, "warn", this.name + " could not write " + this.path + ": " + end.code + ": " + end.message);
          this.send(producerFinished(this, new IOFailed(this.name, this.path, end)), "signal");
        }
        return;
      }
      if (!ending) {
        for (;;) {
          if (held === null) {
            if (this.dataReady() === 0) break;
            held = bytesOf(this.recv(), this.name);
          }
          if (!writer.write(held)) break; // the writer says when it has room again
          held = null;
        }
      }
      const control: ShutdownMessage | null = takeControl(this, finishing);
      if (control instanceof ShutdownMicroprocess) {
        this.send(control, "signal");
        return;
      }
      finishing = control;
      if (finishing !== null && !ending && held === null && this.dataReady() === 0) {
        writer.end();
        ending = true;
      }
      this.pause(); // woken by readiness, by data or by control
      yield 1;
    }
  }
}
