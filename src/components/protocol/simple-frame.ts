/**
 * SimpleFrame: one tagged frame of Kamaelia.Protocol.Framing, written `"<tag> <length>\n<data>"`.
 *
 * Example:
 *   String(new SimpleFrame(7, "hello"));         // "7 5\nhello"
 *   SimpleFrame.fromString("7 5\nhello").data;   // "hello" (tag "7")
 *
 * Behaviour:
 * - The value object the Framer takes and the DeFramer gives: a `tag` (such as a sequence number) and the
 *   `data`. The tag is kept as a string (a number is written in decimal); it must be non-empty with no
 *   whitespace, since a space ends it on the wire. Breaking that rule throws a FramingError at once.
 * - Strings, as in Kamaelia, so the framing runs on every engine, mujs included. `<length>` counts string
 *   characters (UTF-16 code units): for byte strings (every character 0–255) that is the byte count, as in
 *   Kamaelia; encode text to UTF-8 bytes first to talk to a peer that counts bytes.
 * - `fromString` reads a frame back, ignoring anything after `<length>` characters of data (as Kamaelia
 *   does). A bad frame throws: CorruptFrame (no newline, no tag, an empty, negative, non-decimal or
 *   over-long length), ShortFrame (fewer data than `<length>`), FrameTooLarge (over `maxFrameSize`).
 *
 * How it works inside: the header is found with one indexOf and checked character by character; the data
 * is one substring, so nothing is copied per character.
 */
import { digitsOf, maxFrameSizeOf } from "./frame-limit";
import { CorruptFrame, FrameTooLarge, FramingError, printable, ShortFrame } from "./protocol-errors";

/** True for a tag that can be written: non-empty, with no whitespace. */
function writableTag(tag: string): boolean {
  return tag !== "" && !/\s/.test(tag);
}

export class SimpleFrame {
  /** The tag, such as a sequence number, as a string. */
  readonly tag: string;
  /** The payload. */
  readonly data: string;

  constructor(tag: string | number, data: string) {
    const text = String(tag);
    if (!writableTag(text)) throw new FramingError("a SimpleFrame tag must be non-empty with no whitespace, not '" + printable(text) + "'");
    if (typeof data !== "string") throw new FramingError("SimpleFrame data must be a string, not " + typeof data);
    this.tag = text;
    this.data = data;
  }

  /** The frame as written on the wire: `"<tag> <length>\n<data>"`. */
  toString(): string {
    return this.tag + " " + this.data.length + "\n" + this.data;
  }

  /** Read one frame back (Kamaelia's `SimpleFrame.fromString`); throws a FramingError for a bad one. */
  static fromString(text: string, maxFrameSize?: number): SimpleFrame {
    return parseSimpleFrame(text, maxFrameSizeOf({ maxFrameSize }, "SimpleFrame.fromString"), -1, 0);
  }
}

/** Where a frame is, as words for an error: "" alone, or " in message 3 (character offset 120)". */
function place(index: number, offset: number): string {
  return index < 0 ? "" : " in message " + index + " (character offset " + offset + ")";
}

/**
 * @internal One frame from `text`, or a thrown FramingError. `index` is the frame's message number in a
 * DeFramer's input (-1 for none) and `offset` its character offset there; both only go into errors.
 */
export function parseSimpleFrame(text: string, limit: number, index: number, offset: number): SimpleFrame {
  if (typeof text !== "string") throw new FramingError("frame" + place(index, offset) + " is not a string but " + typeof text, offset);
  const newline = text.indexOf("\n");
  if (newline < 0) throw new CorruptFrame(place(index, offset), offset, text, "has no newline: a frame starts '<tag> <length>\\n'");
  const header = text.substring(0, newline);
  const space = header.indexOf(" ");
  const tag = header.substring(0, space);
  if (space < 0 || !writableTag(tag)) throw new CorruptFrame(place(index, offset), offset, header, "is not '<tag> <length>' with a tag free of whitespace");
  const digits = header.substring(space + 1);
  const problem = lengthProblem(digits, limit);
  if (problem !== "") throw new CorruptFrame(place(index, offset), offset, header, problem, limit);
  const length = parseInt(digits, 10);
  if (length > limit) throw new FrameTooLarge(place(index, offset), offset, length, limit, header);
  const data = text.substring(newline + 1);
  if (data.length < length) throw new ShortFrame(place(index, offset), offset, header, length, data.length);
  return new SimpleFrame(tag, data.length === length ? data : data.substring(0, length));
}

/** What is wrong with a length field, or "" when it is 1 to digitsOf(limit) decimal digits. */
function lengthProblem(digits: string, limit: number): string {
  if (digits === "") return "has no length";
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return i === 0 && c === 45 && digits.length > 1 ? "has a negative length" : "has a length that is not a decimal number";
  }
  const most = digitsOf(limit);
  return digits.length > most ? "has a length longer than any valid one (maxFrameSize " + limit + " has " + most + " digits)" : "";
}
