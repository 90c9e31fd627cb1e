/**
 * FrameSaver: writes each JPEG it receives to its own file, `frame-000001.jpg`, `frame-000002.jpg`, … in
 * a folder — `kamaelia-preview --save DIR`.
 *
 * Example:
 *   new Pipeline(new TCPClient(host, 1500), new LengthPrefixDeFramer(), new FrameSaver("/tmp/frames"));
 *
 * Behaviour:
 * - Each message on `inbox` is one frame (a Uint8Array). Frame n of the stream (counting from 1, as the
 *   JpegDecoder counts) goes to `<dir>/frame-<n, six digits>.jpg`, created or replaced, exactly its bytes.
 *   Files are written one after another, in order.
 * - The folder must exist (the CLI makes it). A file that cannot be written (no folder, no permission, a
 *   full disk) is skipped — the WriteFileAdaptor warns in the host's log, naming the path and why —
 *   `failed` counts it, and the next frame is tried as usual: a preview is not stopped by a full disk.
 * - `producerFinished` on `control`: every frame still waiting is written and its file closed (the bytes
 *   are in it) before the message goes on `signal` and it ends — so when the client has ended, every file
 *   is complete. `shutdownMicroprocess`: the file being written is abandoned, the message passed on at once.
 * - `saved`, `failed` and `received` count as they go.
 *
 * How it works inside: one WriteFileAdaptor child per frame, the library's own file writer, made when the
 * frame's turn comes — Kamaelia's "a component per file", as its Carousel does. (Writing through the
 * platform's FileWriter directly would need a Selector watch per file, and every watch adds a teardown to
 * its owner for as long as the owner lives; a child per file leaves nothing behind when it ends.) The child
 * gets the bytes on its inbox and producerFinished on its control; its signal, linked back to `_fileDone`,
 * says when the file is complete (the shutdown message passed on) or failed (producerFinished with an
 * IOFailed). Then the child is removed, which undoes its linkages, and the next frame's child is made.
 */
import { join } from "node:path";
import { Component, IOFailed, ProducerFinished, ShutdownMicroprocess, WriteFileAdaptor, isShutdownMessage, newComponent, producerFinished } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";

type SaverIn = { inbox: Uint8Array; control: ShutdownMessage; _fileDone: ShutdownMessage };
type SaverOut = { outbox: never; signal: ShutdownMessage; _toFile: Uint8Array; _fileControl: ShutdownMessage };

/** The file name frame `n` (from 1) is saved under: `frame-000001.jpg`. */
export function frameFileName(n: number): string {
  const digits = String(n);
  return "frame-" + (digits.length >= 6 ? digits : "000000".slice(digits.length) + digits) + ".jpg";
}

export class FrameSaver extends Component<SaverIn, SaverOut> {
  static override Name = "FrameSaver";
  static override Inboxes: BoxDescriptions<SaverIn> = {
    inbox: "frames (Uint8Array JPEG files) to save, one file each",
    control: "producerFinished: save what waits, then pass it on; shutdownMicroprocess: stop now",
    _fileDone: "internal: the current file writer's signal",
  };
  static override Outboxes: BoxDescriptions<SaverOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, once every file is complete",
    _toFile: "internal: the frame, to the current file writer",
    _fileControl: "internal: producerFinished (or shutdownMicroprocess), to the current file writer",
  };

  /** The folder the files go in. */
  readonly dir: string;
  /** Frames received. */
  received = 0;
  /** Files written completely. */
  saved = 0;
  /** Files that could not be written. */
  failed = 0;

  constructor(dir: string) {
    super();
    this.dir = dir;
  }

  override *main(): MainLoop {
    let writer: WriteFileAdaptor | null = null;
    let finish: ShutdownMessage | null = null;
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message) && !(finish instanceof ShutdownMicroprocess)) finish = message;
      }
      if (finish instanceof ShutdownMicroprocess) {
        if (writer !== null) this.send(finish, "_fileControl");
        this.send(finish, "signal");
        return;
      }
      if (writer !== null && (this.dataReady("_fileDone") || writer.isStopped())) {
        // Nothing on _fileDone from a stopped writer means it crashed: that file failed too.
        const result = this.dataReady("_fileDone") ? this.recv("_fileDone") : null;
        if (result === null || (result instanceof ProducerFinished && result.message instanceof IOFailed)) this.failed++;
        else this.saved++;
        this.removeChild(writer);
        writer = null;
      }
      if (writer === null && this.dataReady()) {
        const frame = this.recv();
        writer = new WriteFileAdaptor(join(this.dir, frameFileName(++this.received)));
        this.link([this, "_toFile"], [writer, "inbox"]);
        this.link([this, "_fileControl"], [writer, "control"]);
        this.link([writer, "signal"], [this, "_fileDone"]);
        this.addChildren(writer);
        this.send(frame, "_toFile");
        this.send(producerFinished(this), "_fileControl");
        yield newComponent(writer);
        continue;
      }
      if (writer === null && finish !== null) {
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }
}
