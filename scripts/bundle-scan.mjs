// Source scans of a built ES5 bundle, used by the build gates (scripts/bundle-gates.mjs) and the bundle
// tests. The bundle is parsed with TypeScript's parser and only identifiers and property accesses count,
// so comments, strings and property names (`exports.Set`, `/* global Promise */`) never do.
//
//   scanForHostReach(text)  module syntax, and host globals the core must never touch (ENGINES.md rules 1-6)
//   scanForFeatures(text)   ES2015+ built-ins, each named with the engines that lack it, as measured in
//                           scripts/engine-features.json (written by scripts/probe-engine-features.mjs)
//
// Both return lists of readable findings such as "Map at line 3" or
// "Object.assign at line 812: missing on mujs 1.3.2"; an empty list means the bundle is clean.
//
// How it works inside: a use behind a feature test is not a finding. tslib's helpers, inlined into every
// bundle, test before they touch: `typeof Symbol === "function" && Symbol.iterator`,
// `Object.setPrototypeOf || fallback`. A method call such as `.includes(` cannot know its receiver, so it is
// reported under every built-in of that name, except the calls listed in ALLOWED_METHOD_CALLS.
import { readFileSync } from "node:fs";
import ts from "typescript";

/** The committed table: { engines: { name: version }, missing: { feature: [engine names] } }. */
export const ENGINE_FEATURES = JSON.parse(readFileSync(new URL("./engine-features.json", import.meta.url), "utf8"));

/** Host globals the ES5 core must never touch (ENGINES.md, coding rules 1, 3 and 6). */
const NEVER = [
  "globalThis", "window", "global", "process", "console",
  "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "queueMicrotask",
  "Promise", "Map", "Set", "WeakMap", "WeakSet", "Reflect", "Proxy", "require",
];
/** Globals tslib's helpers may touch, but only behind a `typeof X === "function"` guard. */
const GUARDED = ["Symbol", "Iterator"];

/** Every constructor the table's "typed arrays" row was measured with (see PROBES in the probe script). */
const TYPED_ARRAYS = [
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float32Array", "Float64Array", "DataView",
];

/**
 * Method calls that look like ES2015+ built-ins but are known to be the project's own methods. Keep each
 * entry as narrow as the bundle allows, with the reason beside it.
 */
const ALLOWED_METHOD_CALLS = [
  // AdaptiveCommsComponent's private find(resource) (src/core/adaptive-comms-component.ts), an index lookup
  // in its resource list. Property names survive minification, so this holds for the .min.js as well.
  { call: "this.find", why: "AdaptiveCommsComponent.prototype.find, not Array.prototype.find" },
];

// ---- Parsing and guards, shared by both scans.

let lastParse = { text: undefined, file: undefined };
/** The parsed bundle; the last one is kept, as the gates scan each bundle twice in a row. */
function parse(text) {
  if (lastParse.text !== text) lastParse = { text, file: ts.createSourceFile("bundle.js", text, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS) };
  return lastParse.file;
}

function lineOf(file, node) {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

function unparenthesize(node) {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function within(node, container) {
  return node.pos >= container.pos && node.end <= container.end;
}

/** "Object.assign" for that property access, "Map" for an identifier, undefined for anything else. */
function dottedName(node) {
  node = unparenthesize(node);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    const left = dottedName(node.expression);
    return left === undefined ? undefined : left + "." + node.name.text;
  }
  return undefined;
}

/** { subject, equal, literal } for `typeof subject === "literal"` (either order; ==, ===, != or !==). */
function typeofComparison(node) {
  node = unparenthesize(node);
  if (!ts.isBinaryExpression(node)) return undefined;
  const op = node.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  let left = unparenthesize(node.left);
  let right = unparenthesize(node.right);
  if (ts.isTypeOfExpression(right)) [left, right] = [right, left];
  if (!ts.isTypeOfExpression(left) || !ts.isStringLiteral(right)) return undefined;
  const subject = dottedName(left.expression);
  return subject === undefined ? undefined : { subject, equal, literal: right.text };
}

/**
 * True when `node` sits where a test protects it: as the operand of `typeof`, after `test &&`, or in
 * `test ? node : …`. `isTest(n)` says whether an expression is a test for this use.
 */
function isGuardedBy(node, isTest) {
  let up = node.parent;
  while (ts.isParenthesizedExpression(up)) up = up.parent;
  if (ts.isTypeOfExpression(up)) return true;
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && isTest(n.left) && within(node, n.right)) return true;
    if (ts.isConditionalExpression(n) && isTest(n.condition) && within(node, n.whenTrue)) return true;
  }
  return false;
}

/** An identifier used as a property name (`a.Map`, `{ Map: 1 }`) names no variable. */
function isPropertyName(id) {
  const p = id.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    (ts.isMethodDeclaration(p) && p.name === id) ||
    ((ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) && p.name === id)
  );
}

/** True for `export var …`, `export function …` and the like. */
function hasExportModifier(node) {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers !== undefined && modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

// ---- Host reach.

/** True for `typeof name === "function"` (either order, `==` or `===`): the only guard tslib uses. */
function isTypeofFunctionGuard(node, name) {
  const c = typeofComparison(node);
  return c !== undefined && c.equal && c.literal === "function" && c.subject === name;
}

/**
 * What the scan finds in `text`: module syntax and forbidden global references, each as `what at line N`.
 * @example scanForHostReach("var m = new Map();") // { moduleSyntax: [], globals: ["Map at line 1"] }
 */
export function scanForHostReach(text) {
  const file = parse(text);
  const moduleSyntax = [];
  const globals = [];
  const where = (node) => " at line " + lineOf(file, node);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) moduleSyntax.push("import" + where(node));
    else if (ts.isExportDeclaration(node) || ts.isExportAssignment(node) || hasExportModifier(node)) moduleSyntax.push("export" + where(node));
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) moduleSyntax.push("import()" + where(node));
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) moduleSyntax.push("import.meta" + where(node));
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require") {
      moduleSyntax.push("require(" + where(node));
    } else if (ts.isIdentifier(node) && !isPropertyName(node)) {
      if (NEVER.indexOf(node.text) >= 0) globals.push(node.text + where(node));
      else if (GUARDED.indexOf(node.text) >= 0 && !isGuardedBy(node, (n) => isTypeofFunctionGuard(n, node.text))) {
        globals.push(node.text + " (unguarded)" + where(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { moduleSyntax, globals };
}

// ---- ES2015+ features.

/**
 * The table's rows sorted by how a bundle would use them: global names (`Map`, `print`), static members
 * (`Object.assign`) and prototype methods by method name (`includes` → Array's and String's). Rows no
 * engine lacks are left out. Function.prototype.name is left out too: a `.name` read cannot be told from
 * any other property read, so the device tests cover it instead.
 */
function featureIndex(table) {
  const globals = {};
  const statics = {};
  const methods = {};
  for (const feature of Object.keys(table.missing)) {
    if (table.missing[feature].length === 0 || feature === "Function.prototype.name") continue;
    const parts = feature.split(".");
    if (feature === "typed arrays") for (const name of TYPED_ARRAYS) globals[name] = feature;
    else if (parts.length === 1) globals[feature] = feature;
    else statics[feature] = feature; // also catches `Array.prototype.find.call(…)` and `String.prototype.repeat ||`
    if (parts.length === 3 && parts[1] === "prototype") (methods[parts[2]] = methods[parts[2]] || []).push(feature);
  }
  return { globals, statics, methods };
}

/** "missing on Duktape 2.7.0, mujs 1.3.2": the engines lacking any of `features`, in the table's order. */
function missingOn(table, features) {
  const lacking = Object.keys(table.engines).filter((engine) => features.some((f) => table.missing[f].indexOf(engine) >= 0));
  return "missing on " + lacking.map((engine) => engine + " " + table.engines[engine]).join(", ");
}

/** True for `X || fallback`, `X && …`, `X ? … : …`: the property access is itself the feature test. */
function isFeatureTest(node) {
  let child = node;
  let up = node.parent;
  while (ts.isParenthesizedExpression(up)) [child, up] = [up, up.parent];
  if (ts.isConditionalExpression(up)) return up.condition === child;
  if (!ts.isBinaryExpression(up) || up.left !== child) return false;
  const op = up.operatorToken.kind;
  return op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken;
}

/**
 * A test that makes a use of `subject` safe: `typeof subject` compared with anything but "undefined" (or
 * `!==` "undefined"), or, for a property such as Object.assign, the property itself (`Object.assign && …`;
 * reading a missing global throws, so a bare global is never its own test).
 */
function featureTestFor(subject, isProperty) {
  return (n) => {
    const c = typeofComparison(n);
    if (c !== undefined) return c.subject === subject && c.equal === (c.literal !== "undefined");
    return isProperty && dottedName(n) === subject;
  };
}

/**
 * Every unguarded use in `text` of an ES2015+ built-in or host global that some engine lacks, as
 * `feature at line N: missing on engine version, …`, measured in `table` (default: the committed one).
 * @example scanForFeatures("var m = new Map();") // ["Map at line 1: missing on Duktape 2.7.0, mujs 1.3.2"]
 */
export function scanForFeatures(text, table = ENGINE_FEATURES) {
  const file = parse(text);
  const index = featureIndex(table);
  const found = [];
  const report = (label, features, node) => found.push(label + " at line " + lineOf(file, node) + ": " + missingOn(table, features));
  const visit = (node) => {
    if (ts.isIdentifier(node) && !isPropertyName(node) && Object.prototype.hasOwnProperty.call(index.globals, node.text)) {
      const feature = index.globals[node.text];
      if (!isGuardedBy(node, featureTestFor(node.text, false))) report(feature === node.text ? feature : node.text + " (" + feature + ")", [feature], node);
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = dottedName(node);
      if (name !== undefined && Object.prototype.hasOwnProperty.call(index.statics, name)) {
        if (!isFeatureTest(node) && !isGuardedBy(node, featureTestFor(name, true))) report(name, [name], node);
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const call = node.expression.expression.getText(file) + "." + method;
      if (Object.prototype.hasOwnProperty.call(index.methods, method) && !ALLOWED_METHOD_CALLS.some((a) => a.call === call)) {
        report("." + method + "() (" + index.methods[method].join(" or ") + ")", index.methods[method], node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
