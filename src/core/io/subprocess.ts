/**
 * Processes in the platform IO contract: a child program with its standard streams as byte streams.
 *
 * Example:
 *   const child = new io.Subprocess({ command: "ffmpeg", args: ["-i", "clip.mpg", "-f", "mjpeg", "-"],
 *     onReadable: () => drain(), onExit: (status) => finish(status) });
 *   const jpegBytes = child.read("stdout");
 *
 * Behaviour (beyond io-callbacks.ts):
 * - `read("stdout")` and `read("stderr")` never block; each stream stops being read from the child while
 *   more than `readLimit` bytes of it wait unread, so a slow owner pushes back on the child.
 * - `write` feeds standard input; `end()` closes it once everything written has been fed.
 * - `onExit` reports the exit status once, after both output streams have been read to their end
 *   by the platform (their bytes may still wait in `read`); `onError` then reports the end as `closed`, as
 *   for every IO object. A program that cannot be started ends with `onError` (`not-found` or `denied`)
 *   and no `onExit`.
 * - `close()` kills the child if it still runs (SIGTERM, then SIGKILL) and silences callbacks.
 *
 * How it works inside: types only.
 */
import type { IOCallbacks } from "./io-callbacks";

/** How a process ended: an exit code, or the signal that killed it. */
export interface ExitStatus {
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  /** Signal name such as `SIGTERM`, or null. */
  readonly signal: string | null;
}

/** Which output stream to read. */
export type OutputStream = "stdout" | "stderr";

/** How to start a process. */
export interface SubprocessOptions extends IOCallbacks {
  /** The program: a path, or a name looked up on the PATH. */
  command: string;
  /** Its arguments (no shell is involved, so nothing is interpreted). */
  args?: string[];
  /** Working directory. */
  cwd?: string;
  /** Extra environment variables. */
  env?: { [name: string]: string };
  /** Unread bytes held per output stream before it stops being read. Default 262144. */
  readLimit?: number;
  /** Unfed stdin bytes accepted before `write()` returns false. Default 262144. */
  writeLimit?: number;
  /** The process has exited (see Behaviour). */
  onExit?(status: ExitStatus): void;
}

/** A running child process. */
export interface Subprocess {
  /** The next bytes from `stream`, or `undefined` if none are waiting. */
  read(stream: OutputStream): Uint8Array | undefined;
  /** Feed bytes to standard input; false (nothing taken) when `writeLimit` bytes are still unfed. */
  write(bytes: Uint8Array): boolean;
  /** Close standard input once everything written has been fed. */
  end(): void;
  /** Send a signal (default `SIGTERM`); harmless after exit. */
  kill(signal?: string): void;
  /** Kill if running, release everything; callbacks stop. Idempotent. */
  close(): void;
  /** The operating system's process id (0 if it never started). */
  readonly pid: number;
}
