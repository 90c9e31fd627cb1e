/**
 * NodeSubprocess: the desktop's Subprocess (src/core/io/subprocess.ts) on Node's child_process, with no
 * shell in between.
 *
 * Example:
 *   const child = new NodeSubprocess({ command: "ffmpeg", args: ["-i", "clip.mpg", "-f", "mjpeg", "-"],
 *     onReadable: () => drain(), onExit: (status) => exited(status), onError: (end) => ended(end) });
 *
 * Behaviour (beyond the contract):
 * - Each output stream is paused while `readLimit` or more of its bytes wait unread, so at most
 *   `readLimit` plus one pipe read (64 KiB on Linux) is held per stream.
 * - `write` copies the bytes; it takes them while fewer than `writeLimit` bytes wait to be fed, and an
 *   `onWritable` follows a refused `write` once they have drained below it. The first `onWritable` says
 *   the program started. Bytes written after the child stopped reading (closed its standard input, or
 *   exited) are taken and dropped, so an owner never waits for room that cannot come; its exit says why.
 *   `write` after `end()` is a programming mistake and throws.
 * - After `onExit`, `onError` reports the end as `closed`, as for every IO object.
 * - `close()` on a running child sends SIGTERM, and SIGKILL one second later if it has not exited.
 *
 * How it works inside: one small queue per output stream; the ChildProcess `close` event (exit seen and
 * every stdio stream ended) is what reports the exit. A start failure arrives as the ChildProcess `error`
 * event before any `spawn` event, and then nothing else is reported.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";
import type { ExitStatus, OutputStream, Subprocess, SubprocessOptions } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** Unread bytes per output stream before it is paused, when the owner does not say. */
const DEFAULT_READ_LIMIT = 262144;
/** Unfed stdin bytes accepted before `write` returns false, when the owner does not say. */
const DEFAULT_WRITE_LIMIT = 262144;
/** How long a child gets to act on SIGTERM before `close()` sends SIGKILL. */
const KILL_GRACE_MS = 1000;

/** One output stream's unread bytes. */
class Output {
  chunks: Buffer[] = [];
  bytes = 0;
  paused = false;
  constructor(readonly stream: Readable | null) {}
}

export class NodeSubprocess implements Subprocess {
  /** The child's process id (0 if it never started). */
  readonly pid: number;
  private callbacks: SubprocessOptions | null;
  private readonly child: ChildProcess;
  private readonly command: string;
  private readonly readLimit: number;
  private readonly writeLimit: number;
  private readonly outputs: { stdout: Output; stderr: Output };
  private feeding = 0;
  private wantWritable = false;
  private started = false;
  private exited = false;
  private finished = false;
  private closed = false;

  constructor(options: SubprocessOptions) {
    this.callbacks = options;
    this.command = options.command;
    this.readLimit = options.readLimit !== undefined ? options.readLimit : DEFAULT_READ_LIMIT;
    this.writeLimit = options.writeLimit !== undefined ? options.writeLimit : DEFAULT_WRITE_LIMIT;
    const env = options.env !== undefined ? { ...process.env, ...options.env } : process.env;
    const child = spawn(options.command, options.args || [], { cwd: options.cwd, env, shell: false, stdio: ["pipe", "pipe", "pipe"] });
    this.child = child;
    this.pid = child.pid !== undefined ? child.pid : 0;
    this.outputs = { stdout: new Output(child.stdout), stderr: new Output(child.stderr) };
    this.listen(this.outputs.stdout);
    this.listen(this.outputs.stderr);
    // EPIPE when the child stops reading: its exit is what the owner hears about.
    if (child.stdin) child.stdin.on("error", () => undefined);
    child.on("spawn", () => {
      this.started = true;
      const cb = this.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(Math.max(0, this.writeLimit - this.feeding));
    });
    child.on("error", (error) => {
      if (this.started || this.finished) return; // a failed kill after the start: the exit will follow
      this.finished = true;
      const cb = this.callbacks;
      this.callbacks = null;
      if (cb !== null && cb.onError) cb.onError(endFromError(error));
    });
    child.on("exit", () => {
      this.exited = true;
    });
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) => {
      this.exited = true;
      if (!this.started || this.finished) return;
      this.finished = true;
      const status: ExitStatus = { code, signal };
      const cb = this.callbacks;
      this.callbacks = null;
      if (cb === null) return;
      if (cb.onExit) cb.onExit(status);
      if (cb.onError) cb.onError({ code: "closed", message: options.command + (signal !== null ? " was killed by " + signal : " exited with code " + code) });
    });
  }

  /** Unread bytes held for `stream` (for diagnostics and tests; not in the contract). */
  bufferedBytes(stream: OutputStream): number {
    return this.outputs[stream].bytes;
  }

  read(stream: OutputStream): Uint8Array | undefined {
    const output = this.outputs[stream];
    if (output.chunks.length === 0) return undefined;
    const chunk = output.chunks.shift() as Buffer;
    output.bytes -= chunk.length;
    if (output.paused && output.bytes < this.readLimit && !this.closed) {
      output.paused = false;
      (output.stream as Readable).resume(); // data comes on a later event, never now
    }
    return chunk;
  }

  write(bytes: Uint8Array): boolean {
    const stdin = this.child.stdin;
    if (this.closed || stdin === null || (this.finished && !this.started)) return false;
    if (stdin.writableEnded) throw new Error("Subprocess " + this.command + ": write() after end()");
    if (stdin.destroyed) return true; // the child stopped reading: dropped, and its exit will say why
    if (this.feeding >= this.writeLimit) {
      this.wantWritable = true;
      return false;
    }
    if (bytes.length === 0) return true;
    const copy = Buffer.from(bytes);
    this.feeding += copy.length;
    stdin.write(copy, () => {
      this.feeding -= copy.length;
      if (this.wantWritable && this.feeding < this.writeLimit) {
        this.wantWritable = false;
        const cb = this.callbacks;
        if (cb !== null && cb.onWritable) cb.onWritable(this.writeLimit - this.feeding);
      }
    });
    return true;
  }

  end(): void {
    const stdin = this.child.stdin;
    if (stdin !== null && !stdin.writableEnded) stdin.end();
  }

  kill(signal?: string): void {
    if (this.running()) this.child.kill((signal || "SIGTERM") as NodeJS.Signals);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    if (this.running()) {
      const child = this.child;
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }, KILL_GRACE_MS);
      child.once("exit", () => clearTimeout(timer));
    }
    if (this.child.stdin) this.child.stdin.destroy();
    for (const output of [this.outputs.stdout, this.outputs.stderr]) {
      output.chunks = [];
      output.bytes = 0;
      if (output.stream) output.stream.destroy();
    }
  }

  private running(): boolean {
    return this.pid !== 0 && !this.exited && this.child.exitCode === null && this.child.signalCode === null;
  }

  private listen(output: Output): void {
    const stream = output.stream;
    if (stream === null) return;
    stream.on("error", () => undefined); // a pipe torn down by close(): nothing to report
    stream.on("data", (chunk: Buffer) => {
      if (this.closed) return;
      output.chunks.push(chunk);
      output.bytes += chunk.length;
      if (output.bytes >= this.readLimit && !output.paused) {
        output.paused = true;
        stream.pause();
      }
      const cb = this.callbacks;
      if (cb !== null && cb.onReadable) cb.onReadable(output.bytes);
    });
  }
}
