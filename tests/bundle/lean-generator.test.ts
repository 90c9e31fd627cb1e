/**
 * The lean generator helper (scripts/lean-tslib) against TypeScript's own: the same generator sources are
 * compiled to ES5 and run three ways — natively, with tslib's __generator and with the lean one — and every
 * sequence of next/throw/return calls must give identical results, side effects and errors.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import ts from "typescript";
import fc from "fast-check";

const require = createRequire(import.meta.url);

/** Generator functions covering TypeScript's ES5 state machine: try/catch/finally, loops, yield*, returns. */
const SOURCES = `
function* plain(log) { log.push("start"); const a = yield 1; log.push("got " + a); const b = yield 2; log.push("got " + b); return a + b; }
function* loop(log) { for (let i = 0; i < 3; i++) { if (i === 1) continue; const v = yield i; log.push("v" + v); if (v === "stop") break; } return "end"; }
function* tryCatch(log) { try { yield 1; log.push("after 1"); yield 2; } catch (e) { log.push("caught " + e); yield "in catch"; } log.push("after try"); return "done"; }
function* tryFinally(log) { try { yield 1; yield 2; return "from try"; } finally { log.push("finally"); } }
function* yieldInFinally(log) { try { yield 1; } finally { log.push("cleanup"); yield "cleaning"; log.push("cleaned"); } return 9; }
function* nested(log) { try { try { yield 1; throw new Error("inner"); } catch (e) { log.push("inner caught"); yield 2; throw new Error("rethrown"); } finally { log.push("inner finally"); } } catch (e) { log.push("outer caught " + e.message); yield 3; } finally { log.push("outer finally"); } return 4; }
function* finallyOverrides(log) { try { yield 1; return "try"; } finally { log.push("f"); } }
function* throwsInFinally(log) { try { yield 1; } finally { throw new Error("from finally"); } }
function* child(log) { try { const x = yield "c1"; log.push("child got " + x); yield "c2"; return "child result"; } finally { log.push("child finally"); } }
function* delegating(log) { const r = yield* child(log); log.push("delegate returned " + r); yield "after"; return r; }
function* breakOutOfTry(log) { for (let i = 0; i < 5; i++) { try { if (i === 2) break; yield i; } finally { log.push("f" + i); } } return "broke"; }
function* caughtThenContinue(log) { let n = 0; while (n < 3) { try { yield n; } catch (e) { log.push("c" + n + e); } n++; } return n; }
const generators = { plain, loop, tryCatch, tryFinally, yieldInFinally, nested, finallyOverrides, throwsInFinally, delegating, breakOutOfTry, caughtThenContinue };
`;

type Call = ["next" | "throw" | "return", unknown];
type Outcome = { results: unknown[]; log: string[] };
type Runner = (name: string, calls: Call[]) => Outcome;

function compile(target: ts.ScriptTarget): string {
  return ts.transpileModule(SOURCES, {
    compilerOptions: { target, module: ts.ModuleKind.None, noEmitHelpers: true, importHelpers: false, downlevelIteration: true },
  }).outputText;
}

/** Helpers as plain scripts: tslib's, or the lean module's exports rewritten as var declarations. */
const tslibHelpers = readFileSync(require.resolve("tslib/tslib.js"), "utf8"); // defines globals in a bare context
// The lean module's exports become plain declarations, run after tslib so they replace its __generator
// (yield* also needs tslib's __values, which the core never uses).
const leanHelpers = readFileSync(new URL("../../scripts/lean-tslib/index.js", import.meta.url), "utf8").replace(/^export /gm, "");

function runner(code: string, helpers: string[]): Runner {
  const context = vm.createContext({});
  for (const script of helpers) vm.runInContext(script, context);
  vm.runInContext(code + "\nthis.generators = generators;", context);
  const generators = (context as { generators: Record<string, (log: string[]) => Generator> }).generators;
  return (name, calls) => {
    const log: string[] = [];
    const g = generators[name](log);
    const results: unknown[] = [];
    for (const [method, value] of calls) {
      try {
        const r = (g[method] as (v: unknown) => IteratorResult<unknown>).call(g, value);
        results.push({ value: r.value, done: r.done });
      } catch (e) {
        results.push({ threw: e instanceof Error ? e.message : String(e) });
      }
    }
    return { results: JSON.parse(JSON.stringify(results)), log };
  };
}

const native = runner(compile(ts.ScriptTarget.ES2020), []);
const withTslib = runner(compile(ts.ScriptTarget.ES5), [tslibHelpers]);
const withLean = runner(compile(ts.ScriptTarget.ES5), [tslibHelpers, leanHelpers]);
const names = ["plain", "loop", "tryCatch", "tryFinally", "yieldInFinally", "nested", "finallyOverrides", "throwsInFinally", "delegating", "breakOutOfTry", "caughtThenContinue"];

describe("lean generator helper", () => {
  for (const name of names) {
    it(`${name} — driven by next() to the end — behaves as native and as tslib`, () => {
      const calls: Call[] = Array.from({ length: 8 }, (_, i) => ["next", "v" + i]);
      const expected = native(name, calls);
      expect(withTslib(name, calls)).to.deep.equal(expected);
      expect(withLean(name, calls)).to.deep.equal(expected);
    });
  }

  it("every generator — any sequence of next/throw/return calls — behaves as native and as tslib", () => {
    const call = fc.tuple(fc.constantFrom<"next" | "throw" | "return">("next", "next", "throw", "return"), fc.oneof(fc.constant("stop"), fc.integer({ min: 0, max: 3 }).map(String)));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(call, { maxLength: 10 }), (name, calls) => {
        const expected = native(name, calls as Call[]);
        expect(withLean(name, calls as Call[])).to.deep.equal(expected);
        expect(withTslib(name, calls as Call[])).to.deep.equal(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("a generator — calling next() from inside itself — throws TypeError as native does", () => {
    const context = vm.createContext({});
    vm.runInContext(leanHelpers, context);
    vm.runInContext(ts.transpileModule("var self; function* g() { self.next(); yield 1; } this.run = function () { self = g(); try { self.next(); } catch (e) { return e instanceof TypeError && e.message; } };", { compilerOptions: { target: ts.ScriptTarget.ES5, noEmitHelpers: true } }).outputText, context);
    expect((context as { run: () => unknown }).run()).to.equal("Generator is already executing.");
  });
});
