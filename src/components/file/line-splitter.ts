/**
 * LineSplitter: turns a stream of byte chunks into lines of UTF-8 text, whatever the chunk boundaries —
 * the `lines` mode of ReadFileAdaptor.
 *
 * Example:
 *   const lines = new LineSplitter();
 *   lines.push(bytesOf("one\ntw"));   // ["one"]
 *   lines.push(bytesOf("o\r\nthree")); // ["two"]
 *   lines.finish();                   // ["three"]: the last line needs no newline
 *
 * Behaviour: a line ends at "\n"; the "\n", and a "\r" just before it, are not part of the line. A line
 * may be split across any number of chunks, even inside a multi-byte character. `finish()` returns the
 * last line if the stream did not end with a newline (a final newline makes no empty extra line). A line
 * is held whole until its newline comes, so memory is the longest line.
 *
 * How it works inside: splitting is on the byte 0x0A, which never occurs inside a multi-byte UTF-8
 * character, so each line's bytes can be decoded on their own; the bytes of an unfinished line wait as a
 * list of chunk slices and are joined once when the line ends.
 */
import { newBytes } from "../protocol/bytes";
import { decodeUtf8 } from "./utf8";

const NEWLINE = 10;
const RETURN = 13;

export class LineSplitter {
  private partial: Uint8Array[] = [];
  private partialLength = 0;

  /** The lines that `chunk` completes, in order. */
  push(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== NEWLINE) continue;
      if (this.partialLength === 0) lines.push(lineOf(chunk, start, i));
      else {
        const whole = this.join(chunk, start, i);
        lines.push(lineOf(whole, 0, whole.length));
      }
      start = i + 1;
    }
    if (start < chunk.length) {
      this.partial.push(chunk.subarray(start, chunk.length));
      this.partialLength += chunk.length - start;
    }
    return lines;
  }

  /** The last line, if the stream ended without a newline; the splitter is then empty. */
  finish(): string[] {
    if (this.partialLength === 0) return [];
    const whole = this.join(null, 0, 0);
    return [lineOf(whole, 0, whole.length)];
  }

  /** The waiting bytes followed by `chunk[start..end)` (if any), as one array; the waiting list is emptied. */
  private join(chunk: Uint8Array | null, start: number, end: number): Uint8Array {
    const whole = newBytes(this.partialLength + end - start);
    let at = 0;
    for (let i = 0; i < this.partial.length; i++) {
      whole.set(this.partial[i], at);
      at += this.partial[i].length;
    }
    if (chunk !== null) whole.set(chunk.subarray(start, end), at);
    this.partial = [];
    this.partialLength = 0;
    return whole;
  }
}

/** The text of `bytes[start..end)` without a trailing "\r". */
function lineOf(bytes: Uint8Array, start: number, end: number): string {
  return decodeUtf8(bytes, start, end > start && bytes[end - 1] === RETURN ? end - 1 : end);
}
