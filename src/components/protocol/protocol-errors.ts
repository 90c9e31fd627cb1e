/**
 * Protocol errors: what the framing and chunking components report when a frame is bad, each saying what
 * went wrong and where (the offset in the stream, the header as read, the limit).
 *
 * Example:
 *   // downstream of a LengthPrefixDeFramer, on the control inbox its signal feeds:
 *   const m = this.recv("control");
 *   if (m instanceof ProducerFinished && m.message instanceof FramingError) report(m.message.message);
 *
 * Behaviour: `where` in each constructor is the place as words with a leading space, such as
 * " at byte offset 1024" (or "" when there is no stream). These errors are never thrown at a component's caller. The de-framers send them out of `signal`:
 * a stream de-framer that meets one has lost its place in the stream, so it sends
 * `producerFinished(this, error)` and ends; the DeFramer (one whole frame per message) sends the error
 * itself and carries on with the next message. Each kind names its likely causes below. Every one is also
 * `instanceof AxonError`.
 *
 * How it works inside: the kernel's technique (src/core/errors.ts), repeated here because its helper is not
 * exported: a plain constructor function whose prototype chain runs FramingError → AxonError → Error, so
 * `instanceof` works once downlevelled to ES5 on every engine (mujs has no Object.setPrototypeOf). Unlike
 * the kernel's errors these capture no stack: they are messages, made where the bad byte is found, so a
 * stack would only show the de-framer's own loop, and capturing one costs more than parsing the frame
 * (a hostile stream could make a DeFramer build one per message).
 */
import { AxonError } from "../../core/index";

/** A protocol error: a standard Error with a stable `name` and where the bad frame starts. */
export interface FramingError extends AxonError {
  /** The offset in the de-framer's input stream where the bad frame (or header) starts; -1 if none. */
  readonly offset: number;
  /** The header as read (non-printing characters shown as \xNN, long ones cut short), or "". */
  readonly header: string;
  /** The length the header asked for, or the size reached; -1 if unknown. */
  readonly length: number;
  /** The maxFrameSize in force, or -1 if it played no part. */
  readonly limit: number;
}

/** A constructor for one kind of protocol error; `instanceof` works on every engine. */
export interface FramingErrorClass<Args extends unknown[]> {
  new (...args: Args): FramingError;
  readonly prototype: FramingError;
}

type Fields = { offset?: number; header?: string; length?: number; limit?: number };

function defineFramingError<Args extends unknown[]>(
  name: string,
  base: { prototype: object },
  build: (...args: Args) => [message: string, fields: Fields],
): FramingErrorClass<Args> {
  const Kind = function (this: { [field: string]: unknown }) {
    const made = build.apply(null, arguments as unknown as Args);
    const fields = made[1];
    this.message = made[0];
    this.offset = fields.offset === undefined ? -1 : fields.offset;
    this.header = fields.header || "";
    this.length = fields.length === undefined ? -1 : fields.length;
    this.limit = fields.limit === undefined ? -1 : fields.limit;
  } as unknown as FramingErrorClass<Args>;
  const proto = Object.create(base.prototype);
  proto.constructor = Kind;
  proto.name = name;
  (Kind as unknown as { prototype: object }).prototype = proto;
  return Kind;
}

/** At most this many characters of a bad header are quoted in a message. */
const QUOTE_LIMIT = 40;

/**
 * A header as it may safely be printed: printable ASCII as is, anything else as \xNN (or \uNNNN), cut
 * short after QUOTE_LIMIT characters.
 */
export function printable(text: string): string {
  let out = "";
  const n = text.length < QUOTE_LIMIT ? text.length : QUOTE_LIMIT;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c < 127 && c !== 92) out += text.charAt(i);
    else out += c === 92 ? "\\\\" : c < 256 ? "\\x" + hex2(c) : "\\u" + ("000" + c.toString(16)).slice(-4);
  }
  return text.length > n ? out + "..." : out;
}

/** Two lowercase hex digits for a character code below 256 (Kamaelia's escapes use lowercase). */
export function hex2(code: number): string {
  return (code < 16 ? "0" : "") + code.toString(16);
}

/**
 * Base of every protocol error; also used as is for input that is not a frame at all (a message of the
 * wrong type, a SimpleFrame tag with whitespace). Catch this to catch them all.
 */
export const FramingError: FramingErrorClass<[message: string, offset?: number]> = defineFramingError(
  "FramingError",
  AxonError,
  (message: string, offset?: number) => [message, { offset }],
);

/** The instance types of the kinds below: each is a FramingError with its own `name`. */
export type CorruptFrame = FramingError;
export type ShortFrame = FramingError;
export type FrameTooLarge = FramingError;

/**
 * A header that cannot be read: no newline, no tag, a length that is empty, negative, not decimal, longer
 * than any valid length, or cut off by the end of the stream. Likely causes: the stream lost bytes or
 * sync, the sender uses another framing, or the connection joined mid-stream.
 */
export const CorruptFrame: FramingErrorClass<[where: string, offset: number, header: string, problem: string, limit?: number]> =
  defineFramingError(
    "CorruptFrame",
    FramingError,
    (where: string, offset: number, header: string, problem: string, limit?: number) => {
      const shown = printable(header);
      return ["corrupt frame" + where + ": header '" + shown + "' " + problem, { offset, header: shown, limit }];
    },
  );

/**
 * Fewer data than the header announced (Kamaelia's ShortFrame). Likely causes: a truncated message, or a
 * stream that ended (producerFinished) in the middle of a frame.
 */
export const ShortFrame: FramingErrorClass<[where: string, offset: number, header: string, length: number, received: number]> =
  defineFramingError(
    "ShortFrame",
    FramingError,
    (where: string, offset: number, header: string, length: number, received: number) => {
      const shown = printable(header);
      return ["short frame" + where + ": header '" + shown + "' says " + length + " but only " + received + " arrived", { offset, header: shown, length }];
    },
  );

/**
 * A frame larger than the de-framer's `maxFrameSize` (a header asking for more, or a chunk that grew past
 * it). Likely causes: a corrupt header, a hostile or broken peer, or a limit set too low for the content
 * (raise `maxFrameSize`).
 */
export const FrameTooLarge: FramingErrorClass<[where: string, offset: number, length: number, limit: number, header: string]> =
  defineFramingError(
    "FrameTooLarge",
    FramingError,
    (where: string, offset: number, length: number, limit: number, header: string) => {
      const shown = printable(header);
      const size = shown === "" ? "it has grown to " + length : "header '" + shown + "' asks for " + length;
      return ["frame too large" + where + ": " + size + ", over the limit of " + limit + " (maxFrameSize)", { offset, header: shown, length, limit }];
    },
  );
