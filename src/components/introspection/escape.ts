/**
 * Escaping for the renderers: names are whatever a program chose (adaptive box names come from the network),
 * so every name is escaped before it goes into XML (SVG, HTML, Graphviz HTML-like labels) or a DOT string.
 *
 * Example:
 *   escapeXml('a<b & "c"');        // 'a&lt;b &amp; &quot;c&quot;'
 *   escapeDotString('say "hi"\\'); // 'say \\"hi\\"\\\\'
 *   escapeXml("bell\u0007");        // 'bell\\u0007' — shown, not dropped
 *
 * Behaviour: characters that XML 1.0 cannot carry, or that would be invisible or misleading in a picture —
 * C0 and C1 controls (tab and line breaks too), U+FFFE, U+FFFF and unpaired surrogates — become the visible
 * text `\uXXXX`. Paired surrogates (emoji and the like) pass through. Then escapeXml replaces & < > " ' with
 * entities, and escapeDotString doubles backslashes and escapes double quotes.
 *
 * How it works inside: one pass over the UTF-16 code units with charCodeAt (ES5; no padStart or code points).
 */

function hex4(code: number): string {
  return ("000" + code.toString(16)).slice(-4); // no padStart in ES5
}

/** True for a code unit that must be shown as \uXXXX; `next` is the following unit, for surrogate pairs. */
function mustShow(code: number, previous: number, next: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) return true;
  if (code >= 0xd800 && code <= 0xdbff) return !(next >= 0xdc00 && next <= 0xdfff);
  if (code >= 0xdc00 && code <= 0xdfff) return !(previous >= 0xd800 && previous <= 0xdbff);
  return false;
}

/** `text` with unshowable code units written as `\uXXXX`. */
export function showControls(text: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // NaN (past either end) compares false, so an end never looks like half of a pair.
    if (mustShow(code, text.charCodeAt(i - 1), text.charCodeAt(i + 1))) {
      out += text.slice(start, i) + "\\u" + hex4(code);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Text safe in XML content and in single- or double-quoted attributes. */
export function escapeXml(text: string): string {
  return showControls(String(text))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Text safe between the double quotes of a Graphviz DOT string. */
export function escapeDotString(text: string): string {
  return showControls(String(text)).replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
