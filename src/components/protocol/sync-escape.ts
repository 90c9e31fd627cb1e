/**
 * Sync escaping: how DataChunker keeps its sync message out of the data, and DataDeChunker undoes it
 * (Kamaelia.Support.Data.Escape, as Kamaelia.Protocol.Framing uses it).
 *
 * Example (sync "XXXX"):
 *   escapeSync("50% of X", table)      // "50%25 of %58"
 *   unescapeSync("50%25 of %58", table) // "50% of X"
 *
 * Behaviour: every "%" becomes "%25", and every character that occurs in the sync message becomes "%"
 * and its code in two lowercase hex digits ("X" → "%58"). So no character of the sync message is left in
 * the data, and the sync message cannot occur inside escaped data. Unescaping turns exactly those
 * sequences back; any other "%" is left as it is, as Kamaelia leaves it.
 *
 * Against Kamaelia: Kamaelia substitutes one character after another over the whole text, so a sync
 * character that is "%", a digit or a–f also rewrote the escapes made before it, and it wrote codes below
 * 0x10 with one hex digit. Here each character is escaped once, in one pass, always with two digits (as
 * Kamaelia's own escape tests expect). For any sync message without those characters — the default
 * "XXXXXXXXXXXXXXXXXXXXXXXX" included — the bytes on the wire are identical to Kamaelia's both ways.
 *
 * How it works inside: a 256-entry table says which character codes to escape; text is copied in runs
 * between escapes (substring and join), never a character at a time.
 */
import { AxonError } from "../../core/index";
import { hex2 } from "./protocol-errors";

/** Character code → true if it is escaped. Made by `syncTable`. */
export type SyncTable = boolean[];

/** "%" in character codes. */
const PERCENT = 37;

/** True for the characters that an escape is made of: "%", 0–9 and a–f. */
function inEscapes(code: number): boolean {
  return code === PERCENT || (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
}

/**
 * The escape table for `sync`; throws AxonError unless `sync` is a non-empty string of characters 0–255
 * with at least one character that is not "%", 0–9 or a–f (else escaped data could contain it).
 */
export function syncTable(sync: string, who: string): SyncTable {
  let usable = false;
  let ok = typeof sync === "string" && sync.length > 0;
  const table: SyncTable = [];
  for (let c = 0; c < 256; c++) table.push(c === PERCENT);
  for (let i = 0; ok && i < sync.length; i++) {
    const code = sync.charCodeAt(i);
    if (code > 255) ok = false;
    else {
      table[code] = true;
      if (!inEscapes(code)) usable = true;
    }
  }
  if (!ok || !usable) {
    throw new AxonError(
      who + ": the sync message must be a non-empty string of characters U+0000-U+00FF with at least one that is not '%', 0-9 or a-f, such as the default 'XXXXXXXXXXXXXXXXXXXXXXXX'",
    );
  }
  return table;
}

/** `text` with "%" and every sync character escaped as "%xx". */
export function escapeSync(text: string, table: SyncTable): string {
  let parts: string[] | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 256 && table[code]) {
      (parts || (parts = [])).push(text.substring(start, i), "%" + hex2(code));
      start = i + 1;
    }
  }
  if (parts === null) return text;
  parts.push(text.substring(start));
  return parts.join("");
}

/** The value of the lowercase hex digit at `text[i]`, or -1. */
function hexDigit(text: string, i: number): number {
  const c = text.charCodeAt(i); // NaN past the end, which fails both tests
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}

/** `text` with each "%xx" that escapes "%" or a sync character turned back into that character. */
export function unescapeSync(text: string, table: SyncTable): string {
  let at = text.indexOf("%");
  if (at < 0) return text;
  const parts: string[] = [];
  let start = 0;
  while (at >= 0) {
    const high = hexDigit(text, at + 1);
    const low = hexDigit(text, at + 2);
    const code = high * 16 + low;
    if (high >= 0 && low >= 0 && table[code]) {
      parts.push(text.substring(start, at), String.fromCharCode(code));
      start = at + 3;
      at = text.indexOf("%", start);
    } else at = text.indexOf("%", at + 1);
  }
  parts.push(text.substring(start));
  return parts.join("");
}
