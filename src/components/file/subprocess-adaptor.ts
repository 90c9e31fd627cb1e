/**
 * SubprocessAdaptor: runs a program as a component — its inbox feeds the program's standard input, its
 * standard output comes out of `outbox` and its standard error out of `stderr` (Kamaelia's UnixProcess).
 *
 * Example:
 *   // frames from a video file, as a stream of JPEG bytes
 *   new Pipeline(
 *     new SubprocessAdaptor("ffmpeg", ["-i", "clip.mpg", "-f", "mjpeg", "-"]),
 *     new JpegSplitter(), new FrameSender(),
 *   ).activate(driver.scheduler);
 *   // sort some lines
 *   new Pipeline(new DataSource(["b\n", "a\n"]), new SubprocessAdaptor("sort"), new Collector());
 *
 * Behaviour:
 * - The program is started directly, with no shell: `args` are passed exactly as given.
 * - `inbox`: Uint8Array bytes or strings (as UTF-8), fed to standard input in order. Standard output
 *   leaves as Uint8Array chunks on `outbox`, standard error on `stderr` (or nowhere, with
 *   `stderr: "discard"`; an unlinked `stderr` outbox keeps everything sent to it).
 * - Backpressure both ways: it reads no more of a stream while that stream's destination is full, so the
 *   program is held back once the platform's `readLimit` (default 262144 bytes) is waiting; and it takes
 *   no more from its inbox while `writeLimit` bytes wait to be fed.
 * - `producerFinished` on `control`: the rest of the inbox is fed, then standard input is closed; the
 *   program runs on until it exits.
 * - When the program exits (and all its output has been sent), its status `{ code, signal }` goes out of
 *   `exitStatus`, then `producerFinished(this, status)` out of `signal`, and the component ends. A program
 *   that fails (exit code 3) ends the same way: the status says so.
 * - `shutdownMicroprocess` on `control`: the program is killed (SIGTERM, then SIGKILL if it lingers), the
 *   message is forwarded on `signal`, and the component ends at once.
 * - A program that cannot be started ends it with `producerFinished(this, IOFailed)` (code `not-found` or
 *   `denied`) and a warning in the host's log naming the command.
 * - It needs the host's `io.Subprocess` (IONotAvailable otherwise).
 *
 * How it works inside: a Subprocess watched through the Selector (readiness on `ready`). The exit status
 * arrives through `onExit`, and the `closed` end that follows it (src/core/io/subprocess.ts) wakes the
 * component. One inbox message may be held between steps when `write` refuses it.
 */
import { AxonError, Component, ProducerFinished, ShutdownMicroprocess, producerFinished } from "../../core/index";
import type { BoxDescriptions, ExitStatus, IOEnd, MainLoop, OutputStream, ShutdownMessage, Subprocess } from "../../core/index";
import { IOFailed, needIO } from "../internet/io-errors";
import type { Readiness } from "../internet/readiness";
import { takeEnd } from "../internet/readiness";
import { Selector } from "../internet/selector";
import { hostLog } from "../util/host-log";
import { bytesOf } from "./bytes-of";

/** Options for SubprocessAdaptor. */
export interface SubprocessAdaptorOptions {
  /** Working directory. */
  cwd?: string;
  /** Extra environment variables. */
  env?: { [name: string]: string };
  /** `outbox` (default) sends standard error out of `stderr`; `discard` drops it. */
  stderr?: "outbox" | "discard";
  /** Unread bytes per output stream before the program is held back. Default 262144. */
  readLimit?: number;
  /** Unfed input bytes before the inbox stops being taken. Default 262144. */
  writeLimit?: number;
}

type ProcessIn = { inbox: Uint8Array | string; control: ShutdownMessage; ready: Readiness };
type ProcessOut = { outbox: Uint8Array; stderr: Uint8Array; exitStatus: ExitStatus; signal: ShutdownMessage };

export class SubprocessAdaptor extends Component<ProcessIn, ProcessOut> {
  static override Name = "SubprocessAdaptor";
  static override Inboxes: BoxDescriptions<ProcessIn> = {
    inbox: "Uint8Array bytes or strings (UTF-8) for the program's standard input",
    control: "producerFinished: feed the rest, then close standard input; shutdownMicroprocess: kill it and stop",
    ready: "readiness of the process, from the Selector (internal)",
  };
  static override Outboxes: BoxDescriptions<ProcessOut> = {
    outbox: "the program's standard output, as Uint8Array chunks",
    stderr: "the program's standard error, as Uint8Array chunks",
    exitStatus: "{ code, signal } once the program has exited",
    signal: "producerFinished(status) after the exit, producerFinished(IOFailed) if it could not start, or the shutdown message",
  };

  /** The program. */
  readonly command: string;
  /** Its arguments. */
  readonly args: string[];
  private readonly options: SubprocessAdaptorOptions;

  constructor(command: string, args?: string[], options?: SubprocessAdaptorOptions) {
    super();
    if (typeof command !== "string" || command === "") throw new AxonError("SubprocessAdaptor needs a program to run, not " + String(command));
    if (args !== undefined && !Array.isArray(args)) throw new AxonError("SubprocessAdaptor needs its arguments as an array of strings, such as [\"-i\", \"clip.mpg\"]");
    this.command = command;
    this.args = args ? args.slice() : [];
    this.options = options || {};
  }

  override *main(): MainLoop {
    const Process = needIO(this, "Subprocess");
    const watch = Selector.watchFor(this, "ready");
    const o = this.options;
    let status: ExitStatus | null = null;
    const child: Subprocess = new Process({
      command: this.command,
      args: this.args,
      cwd: o.cwd,
      env: o.env,
      readLimit: o.readLimit,
      writeLimit: o.writeLimit,
      onReadable: watch.onReadable,
      onWritable: watch.onWritable,
      onError: watch.onError,
      onExit: function (exit: ExitStatus) {
        status = exit;
      },
    });
    this.addTeardown(function () {
      child.close();
    });
    const discardErrors = o.stderr === "discard";
    let held: Uint8Array | null = null;
    let end: IOEnd | null = null;
    let inputDone = false;
    let inputClosed = false;
    for (;;) {
      end = takeEnd(this, "ready", end);
      const outDone = this.relay(child, "stdout", "outbox", false);
      const errDone = this.relay(child, "stderr", "stderr", discardErrors);
      if (end === null && !inputClosed) {
        for (;;) {
          if (held === null) {
            if (this.dataReady() === 0) break;
            held = bytesOf(this.recv(), this.name);
          }
          if (!child.write(held)) break; // the process says when it has room again
          held = null;
        }
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return; // the teardown kills the program
        }
        if (message instanceof ProducerFinished) inputDone = true;
      }
      if (inputDone && !inputClosed && held === null && this.dataReady() === 0) {
        child.end();
        inputClosed = true;
      }
      if (end !== null) {
        if (status === null) {
          hostLog(this, "warn", this.name + ' could not run "' + this.command + '": ' + end.code + ": " + end.message + " (is it installed, on the PATH and executable?)");
          this.send(producerFinished(this, new IOFailed(this.name, this.command, end)), "signal");
          return;
        }
        if (outDone && errDone && !this.outboxes.exitStatus.isFull()) {
          this.send(status, "exitStatus");
          this.send(producerFinished(this, status), "signal");
          return;
        }
      }
      this.pause(); // woken by readiness, by data, by control, or by a consumer collecting
      yield 1;
    }
  }

  /** Send what `stream` has while `box`'s destination has room; true when nothing of it is left waiting. */
  private relay(child: Subprocess, stream: OutputStream, box: "outbox" | "stderr", discard: boolean): boolean {
    const out = this.outboxes[box];
    for (;;) {
      if (!discard && out.isFull()) return false;
      const chunk = child.read(stream);
      if (chunk === undefined) return true;
      if (!discard) this.send(chunk, box);
    }
  }
}
