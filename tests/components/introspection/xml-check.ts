/**
 * A tiny XML well-formedness check for the renderers' output (no XML parser is a dependency): one root
 * element, tags closed in order, attributes quoted and not repeated, entities well-formed, no `<` or raw `&`
 * in text or attribute values, and no character XML 1.0 forbids. Returns the problems found (empty: fine).
 */

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

function badCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return "control character U+" + c.toString(16);
    if (c === 0xfffe || c === 0xffff) return "non-character U+" + c.toString(16);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return "unpaired surrogate at " + i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return "unpaired surrogate at " + i;
  }
  return null;
}

function checkEscapes(text: string, where: string, problems: string[]): void {
  if (text.indexOf("<") >= 0) problems.push("raw '<' in " + where);
  for (let at = text.indexOf("&"); at >= 0; at = text.indexOf("&", at + 1)) {
    if (!ENTITY.test(text.slice(at, at + 12))) problems.push("bad entity in " + where + ": " + JSON.stringify(text.slice(at, at + 12)));
  }
}

function checkAttributes(tag: string, text: string, problems: string[]): void {
  const seen: string[] = [];
  const pattern = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let rest = text;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = pattern.exec(text)) !== null) {
    if (m.index !== consumed) break;
    consumed = pattern.lastIndex;
    const name = m[1];
    if (!NAME.test(name)) problems.push("bad attribute name " + JSON.stringify(name) + " on <" + tag + ">");
    if (seen.indexOf(name) >= 0) problems.push("repeated attribute " + name + " on <" + tag + ">");
    seen.push(name);
    checkEscapes(m[3] !== undefined ? m[3] : m[4], "attribute " + name + " of <" + tag + ">", problems);
  }
  rest = text.slice(consumed);
  if (rest.replace(/\s+/g, "") !== "") problems.push("unparsed attribute text on <" + tag + ">: " + JSON.stringify(rest.slice(0, 40)));
}

export function xmlProblems(document: string): string[] {
  const problems: string[] = [];
  const bad = badCharacter(document);
  if (bad) problems.push(bad);
  let text = document.replace(/^<\?xml[^?]*\?>\s*/, "").replace(/^<!DOCTYPE html>\s*/i, "");
  const stack: string[] = [];
  let roots = 0;
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(text)) !== null) {
    if (m[0].startsWith("<!--") || m[0].startsWith("<![CDATA[")) continue;
    if (m[6] !== undefined) {
      problems.push("stray '<' at " + m.index);
      continue;
    }
    if (m[5] !== undefined) {
      if (stack.length === 0 && m[5].trim() !== "") problems.push("text outside the root: " + JSON.stringify(m[5].slice(0, 40)));
      checkEscapes(m[5], "text inside <" + (stack[stack.length - 1] || "") + ">", problems);
      continue;
    }
    const closing = m[1] === "/";
    const name = m[2];
    if (!NAME.test(name)) problems.push("bad tag name " + JSON.stringify(name));
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push("</" + name + "> closes <" + open + ">");
      continue;
    }
    checkAttributes(name, m[3], problems);
    if (stack.length === 0) roots++;
    if (m[4] !== "/") stack.push(name);
  }
  text = "";
  if (stack.length > 0) problems.push("unclosed: " + stack.join(" > "));
  if (roots !== 1) problems.push(roots + " root elements");
  return problems;
}
