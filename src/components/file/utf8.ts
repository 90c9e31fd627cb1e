/**
 * UTF-8: text to bytes and bytes to text for the file, process and UDP components, in plain ES5 (engines
 * without TextEncoder/TextDecoder run the core too).
 *
 * Example:
 *   encodeUtf8("héllo")                  // Uint8Array [104, 195, 169, 108, 108, 111]
 *   decodeUtf8(bytes, 0, bytes.length)   // "héllo"
 *
 * Behaviour: encoding turns a lone surrogate into U+FFFD, as TextEncoder does; decoding turns each
 * malformed sequence (a stray continuation byte, a truncated or overlong sequence, a surrogate, a value
 * above U+10FFFF) into one U+FFFD and carries on. Both need typed arrays (bytes.ts says so where missing).
 *
 * How it works inside: one pass each way over code units / bytes; decoded text is built from slices of
 * at most 4096 code units (String.fromCharCode.apply has an argument-count limit on some engines).
 */
import { newBytes } from "../protocol/bytes";

const REPLACEMENT = 0xfffd;
/** Code units handed to one String.fromCharCode.apply call. */
const SLICE = 4096;

/** The UTF-8 bytes of `text`. */
export function encodeUtf8(text: string): Uint8Array {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = codePointAt(text, i);
    length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  const bytes = newBytes(length);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = codePointAt(text, i);
    if (c < 0x80) bytes[at++] = c;
    else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      bytes[at++] = 0xf0 | (c >> 18);
      bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
      i++;
    }
  }
  return bytes;
}

/** The code point at `i`: a surrogate pair joined, a lone surrogate as U+FFFD. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return REPLACEMENT;
}

/** The text in `bytes[start..end)`, read as UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let text = "";
  let i = start;
  while (i < end) {
    const b = bytes[i];
    let c = REPLACEMENT;
    let need = 0;
    let min = 0;
    if (b < 0x80) c = b;
    else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      c = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      c = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      c = b & 0x07;
      min = 0x10000;
    }
    i++;
    if (need > 0) {
      let k = 0;
      while (k < need && i < end && (bytes[i] & 0xc0) === 0x80) {
        c = (c << 6) | (bytes[i] & 0x3f);
        i++;
        k++;
      }
      if (k < need || c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) c = REPLACEMENT;
    }
    if (c >= 0x10000) {
      c -= 0x10000;
      units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
    } else units.push(c);
    if (units.length >= SLICE) {
      text += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return units.length > 0 ? text + String.fromCharCode.apply(null, units) : text;
}
