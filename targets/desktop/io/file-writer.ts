/**
 * NodeFileWriter: the desktop's FileWriter (src/core/io/files.ts) on Node's fs, one write in flight at a time.
 *
 * Example:
 *   const writer = new NodeFileWriter({ path: "out.bin", onWritable: () => more(), onError: (end) => ended(end) });
 *   if (!writer.write(bytes)) holdUntilWritable(bytes);
 *   writer.end();   // later: onError({ code: "closed" }) once every byte is in the file
 *
 * Behaviour (beyond the contract):
 * - The first `onWritable` says the file is open; later ones follow a refused `write` once fewer than
 *   `writeLimit` bytes wait.
 * - `write` copies the bytes, so the caller may reuse its array at once. It takes a chunk whenever fewer
 *   than `writeLimit` bytes wait, so at most `writeLimit` plus one chunk is held.
 * - `write` after `end()` or `close()` is a programming mistake and throws.
 * - A missing directory ends with `not-found`, a read-only place with `denied`, a directory with `failed`.
 *
 * How it works inside: fs.open (`w` or `a`), then a queue of chunks fed to fs.write one by one (a short
 * write continues from where it stopped); when the queue is empty after `end()`, fs.close, then `closed`.
 */
import { close as closeFd, open, write as writeFd } from "node:fs";
import type { FileWriter, FileWriterOptions, IOCallbacks, IOEnd } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** Unwritten bytes accepted before `write` returns false, when the owner does not say. */
const DEFAULT_WRITE_LIMIT = 262144;

export class NodeFileWriter implements FileWriter {
  private callbacks: IOCallbacks | null;
  private readonly path: string;
  private readonly writeLimit: number;
  private fd: number | null = null;
  private queue: Buffer[] = [];
  private pending = 0;
  private writing = false;
  private wantWritable = false;
  private ending = false;
  private ended = false;
  private closed = false;

  constructor(options: FileWriterOptions) {
    this.callbacks = options;
    this.path = options.path;
    this.writeLimit = options.writeLimit !== undefined ? options.writeLimit : DEFAULT_WRITE_LIMIT;
    open(this.path, options.append ? "a" : "w", (error, fd) => {
      if (this.closed) {
        if (!error) closeFd(fd, () => undefined);
        return;
      }
      if (error) {
        this.finish(endFromError(error));
        return;
      }
      this.fd = fd;
      const cb = this.callbacks;
      if (cb !== null && cb.onWritable) cb.onWritable(Math.max(0, this.writeLimit - this.pending));
      this.pump();
    });
  }

  write(bytes: Uint8Array): boolean {
    if (this.ending || this.closed) throw new Error("FileWriter " + this.path + ": write() after " + (this.closed ? "close()" : "end()"));
    if (this.ended) return false; // it failed; onError has said why
    if (this.pending >= this.writeLimit) {
      this.wantWritable = true;
      return false;
    }
    if (bytes.length === 0) return true;
    this.queue.push(Buffer.from(bytes));
    this.pending += bytes.length;
    this.pump(); // fs.write calls back later, never now
    return true;
  }

  end(): void {
    if (this.ending || this.closed) return;
    this.ending = true;
    this.pump();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    this.queue = [];
    if (!this.writing) this.release();
  }

  private pump(): void {
    if (this.writing || this.ended || this.closed || this.fd === null) return;
    if (this.queue.length === 0) {
      if (this.ending) this.closeThenFinish();
      return;
    }
    this.writing = true;
    const chunk = this.queue[0];
    writeFd(this.fd, chunk, 0, chunk.length, null, (error, written) => {
      this.writing = false;
      if (this.closed) {
        this.release();
        return;
      }
      if (error) {
        this.finish(endFromError(error));
        return;
      }
      if (written < chunk.length) this.queue[0] = chunk.subarray(written);
      else this.queue.shift();
      this.pending -= written;
      if (this.wantWritable && this.pending < this.writeLimit) {
        this.wantWritable = false;
        const cb = this.callbacks;
        if (cb !== null && cb.onWritable) cb.onWritable(this.writeLimit - this.pending);
      }
      this.pump();
    });
  }

  private closeThenFinish(): void {
    const fd = this.fd as number;
    this.fd = null;
    this.writing = true; // nothing else may start while the close is in flight
    closeFd(fd, (error) => {
      this.writing = false;
      if (this.closed) return;
      this.finish(error ? endFromError(error) : { code: "closed", message: "finished writing " + this.path });
    });
  }

  private finish(end: IOEnd): void {
    if (this.ended) return;
    this.ended = true;
    this.release();
    this.queue = [];
    const cb = this.callbacks;
    this.callbacks = null;
    if (cb !== null && cb.onError) cb.onError(end);
  }

  private release(): void {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) closeFd(fd, () => undefined);
  }
}
