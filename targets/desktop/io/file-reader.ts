/**
 * NodeFileReader: the desktop's FileReader (src/core/io/files.ts) on Node's fs, one chunk read at a time.
 *
 * Example:
 *   const reader = new NodeFileReader({ path: "clip.mpg", chunkSize: 4096,
 *     onReadable: () => drain(), onError: (end) => (end.code === "closed" ? done() : failed(end)) });
 *
 * Behaviour (beyond the contract): chunks are `chunkSize` bytes except the last; the file is read ahead
 * only while one more chunk fits within `readLimit` unread bytes (one chunk is always allowed, so a
 * `chunkSize` above `readLimit` still reads). A missing file ends with `not-found`, one that may not be
 * read with `denied`, a directory with `failed`.
 *
 * How it works inside: fs.open, then one fs.read in flight at most; `read()` starts the next read when
 * room appears, and its completion (a later event) is what calls back. Closing while a read is in flight
 * releases the file descriptor when that read returns.
 */
import { close as closeFd, open, read as readFd } from "node:fs";
import type { FileReader, FileReaderOptions, IOCallbacks, IOEnd } from "../../../src/index";
import { endFromError } from "./end-from-error";

/** The largest chunk when the owner does not say. */
const DEFAULT_CHUNK_SIZE = 65536;
/** Bytes read ahead at most when the owner does not say. */
const DEFAULT_READ_LIMIT = 262144;

export class NodeFileReader implements FileReader {
  private callbacks: IOCallbacks | null;
  private readonly path: string;
  private readonly chunkSize: number;
  private readonly readLimit: number;
  private fd: number | null = null;
  private position = 0;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private reading = false;
  private ended = false;
  private closed = false;

  constructor(options: FileReaderOptions) {
    this.callbacks = options;
    this.path = options.path;
    this.chunkSize = options.chunkSize !== undefined && options.chunkSize > 0 ? options.chunkSize : DEFAULT_CHUNK_SIZE;
    this.readLimit = options.readLimit !== undefined ? options.readLimit : DEFAULT_READ_LIMIT;
    open(this.path, "r", (error, fd) => {
      if (this.closed) {
        if (!error) closeFd(fd, () => undefined);
        return;
      }
      if (error) {
        this.finish(endFromError(error));
        return;
      }
      this.fd = fd;
      this.pump();
    });
  }

  /** Bytes read ahead and not yet taken by `read()` (for diagnostics and tests; not in the contract). */
  get bufferedBytes(): number {
    return this.queued;
  }

  read(): Uint8Array | undefined {
    if (this.queue.length === 0) return undefined;
    const chunk = this.queue.shift() as Uint8Array;
    this.queued -= chunk.length;
    this.pump(); // fs.read calls back later, never now
    return chunk;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.callbacks = null;
    if (!this.reading) this.release();
  }

  private pump(): void {
    if (this.reading || this.ended || this.closed || this.fd === null) return;
    if (this.queued > 0 && this.queued + this.chunkSize > this.readLimit) return;
    this.reading = true;
    const buffer = Buffer.allocUnsafe(this.chunkSize);
    readFd(this.fd, buffer, 0, this.chunkSize, this.position, (error, count) => {
      this.reading = false;
      if (this.closed) {
        this.release();
        return;
      }
      if (error) {
        this.finish(endFromError(error));
        return;
      }
      if (count === 0) {
        this.finish({ code: "closed", message: "end of file " + this.path });
        return;
      }
      this.position += count;
      this.queue.push(count < this.chunkSize ? buffer.subarray(0, count) : buffer);
      this.queued += count;
      const cb = this.callbacks;
      if (cb !== null && cb.onReadable) cb.onReadable(this.queued);
      this.pump();
    });
  }

  /** The end: release the file, then report (chunks already read stay readable). */
  private finish(end: IOEnd): void {
    if (this.ended) return;
    this.ended = true;
    this.release();
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
