/**
 * Files in the platform IO contract: a streaming reader and a streaming writer.
 *
 * Example:
 *   const reader = new io.FileReader({ path: "clip.mpg", chunkSize: 4096, onReadable: ..., onError: ... });
 *   const writer = new io.FileWriter({ path: "out.bin", onWritable: ..., onError: ... });
 *
 * Behaviour (beyond io-callbacks.ts):
 * - A reader delivers the file's bytes in order, in chunks of at most `chunkSize`, reading ahead no more
 *   than `readLimit` bytes; at the end of the file it ends with `closed`.
 * - A writer creates or truncates the file (or appends with `append`); `end()` flushes everything written
 *   and then ends it with `closed`, so `closed` means the bytes are in the file.
 *
 * How it works inside: types only.
 */
import type { IOCallbacks } from "./io-callbacks";

/** How to open a file for reading. */
export interface FileReaderOptions extends IOCallbacks {
  /** The file's path, as the platform names files. */
  path: string;
  /** Largest chunk `read()` returns. Default 65536. */
  chunkSize?: number;
  /** Bytes read ahead of the owner at most. Default 262144. */
  readLimit?: number;
}

/** A file being read from start to end. */
export interface FileReader {
  /** The next chunk, or `undefined` if none is waiting. */
  read(): Uint8Array | undefined;
  /** Stop reading and release the file; callbacks stop. Idempotent. */
  close(): void;
}

/** How to open a file for writing. */
export interface FileWriterOptions extends IOCallbacks {
  /** The file's path. */
  path: string;
  /** Append instead of truncating. */
  append?: boolean;
  /** Unwritten bytes accepted before `write()` returns false. Default 262144. */
  writeLimit?: number;
}

/** A file being written. */
export interface FileWriter {
  /** Queue bytes; false (nothing taken) when `writeLimit` bytes are still unwritten. */
  write(bytes: Uint8Array): boolean;
  /** Flush, close the file, then end with `closed`. */
  end(): void;
  /** Close now; unwritten bytes may be lost; callbacks stop. Idempotent. */
  close(): void;
}
