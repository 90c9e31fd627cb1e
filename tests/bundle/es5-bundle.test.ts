/**
 * The shipped ES5 bundle on Node: dist/kamaelia.es5.js (and its minified twin) loaded with node:vm into a fresh
 * context runs a hand-written ES5 Axon program, exposes the same API names as the ESM build, works as
 * CommonJS, and its source reaches for no module system and no host global beyond tslib's typeof guards.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { scanForHostReach } from "../../scripts/bundle-scan.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ES5 = join(root, "dist/kamaelia.es5.js");
const ES5_MIN = join(root, "dist/kamaelia.es5.min.js");
const NODE_ESM = join(root, "dist/node/kamaelia.mjs");

/**
 * An Axon program in hand-written ES5: source → Double → sink in a Pipeline, run to completion. The bundle's
 * downlevelled generators are not available to hand-written code, so each `main()` returns a plain iterator
 * (the scheduler only calls `next()`). Subclassing copies the statics, as tslib's `__extends` does where
 * `Object.setPrototypeOf` is missing: the Component constructor reads `Inboxes`/`Outboxes` off the class.
 */
const PROGRAM = `
(function (K) {
  function subclass(name, construct, step) {
    function C(arg) {
      K.Component.call(this);
      if (construct) construct.call(this, arg);
    }
    for (var key in K.Component) {
      if (Object.prototype.hasOwnProperty.call(K.Component, key)) C[key] = K.Component[key];
    }
    C.Name = name;
    C.prototype = Object.create(K.Component.prototype);
    C.prototype.constructor = C;
    C.prototype.main = function () {
      var self = this;
      return { next: function () { return step.call(self); } };
    };
    return C;
  }
  var YIELD = function () { return { value: 1, done: false }; };
  var END = function () { return { value: undefined, done: true }; };
  function passShutdownOn(component) {
    if (!component.dataReady("control")) return false;
    var message = component.recv("control");
    if (!K.isShutdownMessage(message)) return false;
    component.send(message, "signal");
    return true;
  }

  var Source = subclass("Source", function (items) { this.items = items; this.position = 0; }, function () {
    if (this.position < this.items.length) {
      this.send(this.items[this.position++]);
      return YIELD();
    }
    this.send(K.producerFinished(this), "signal");
    return END();
  });
  var Double = subclass("Double", null, function () {
    while (this.dataReady()) this.send(this.recv() * 2);
    if (passShutdownOn(this)) return END();
    this.pause();
    return YIELD();
  });
  var Sink = subclass("Sink", function () { this.items = []; }, function () {
    while (this.dataReady()) this.items.push(this.recv());
    if (passShutdownOn(this)) return END();
    this.pause();
    return YIELD();
  });

  var scheduler = new K.Scheduler({ host: { now: function () { return 0; } } });
  var sink = new Sink();
  var pipeline = new K.Pipeline(new Source([1, 2, 3, 4, 5]), new Double(), sink);
  pipeline.run(scheduler);
  return JSON.stringify({
    items: sink.items,
    allEnded: pipeline.isStopped() && sink.isStopped(),
    liveThreads: scheduler.listAllThreads().length,
    liveLinkages: K.liveLinkageCount(),
    graph: String(pipeline).replace(/_\\d+/g, "")
  });
})(Kamaelia);
`;

type ProgramResult = { items: number[]; allEnded: boolean; liveThreads: number; liveLinkages: number; graph: string };

/** A fresh context with the bundle at `file` loaded into it; `sandbox` seeds the context's globals. */
function loadBundle(file: string, sandbox: object = {}): vm.Context {
  const context = vm.createContext(sandbox);
  vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  return context;
}

function runProgram(context: vm.Context): ProgramResult {
  return JSON.parse(vm.runInContext(PROGRAM, context, { filename: "es5-program.js" }) as string) as ProgramResult;
}

/** Every name a value exposes, sorted (it may come from another realm, so no deep-equal on the object). */
function apiNames(api: object): string[] {
  return Object.keys(api).sort();
}

async function esmApiNames(): Promise<string[]> {
  const esm = (await import(pathToFileURL(NODE_ESM).href)) as object;
  return apiNames(esm);
}

// The source scan (scripts/bundle-scan.mjs) parses the bundle and looks at identifiers, so comments, strings
// and property names (`exports.Set`, `/* global Promise */`) never count as references.

const scans: { [file: string]: ReturnType<typeof scanForHostReach> } = {};
/** The scan of a built file, parsed once per run. */
function scanFile(file: string): ReturnType<typeof scanForHostReach> {
  return scans[file] || (scans[file] = scanForHostReach(readFileSync(file, "utf8")));
}

describe("ES5 bundle", () => {
  before(() => {
    for (const file of [ES5, ES5_MIN, NODE_ESM]) {
      if (!existsSync(file)) throw new Error(file + " is missing: run npm run build first");
    }
  });

  describe("loaded with node:vm into a fresh context", () => {
    it("the ES5 bundle — run as a script — defines the one global Kamaelia and nothing else", () => {
      const context = loadBundle(ES5);
      expect(Object.keys(context)).to.deep.equal(["Kamaelia"]);
    });

    it("an ES5 program — source → Double → sink in a Pipeline — delivers every item doubled, in order", () => {
      expect(runProgram(loadBundle(ES5)).items).to.deep.equal([2, 4, 6, 8, 10]);
    });

    it("an ES5 program — source runs out — ends every component and leaves no linkage", () => {
      const result = runProgram(loadBundle(ES5));
      expect(result.allEnded).to.equal(true);
      expect(result.liveThreads).to.equal(0);
      expect(result.liveLinkages).to.equal(0);
    });

    it("an ES5 program — components named by static Name — reads like the graph", () => {
      expect(runProgram(loadBundle(ES5)).graph).to.equal("Pipeline(Source -> Double -> Sink)");
    });

    it("an ES5 program — context without Map, Set, WeakMap, Promise, Symbol or Reflect — runs the same", () => {
      const context = vm.createContext({});
      vm.runInContext("delete this.Map; delete this.Set; delete this.WeakMap; delete this.Promise; delete this.Symbol; delete this.Reflect;", context);
      expect(vm.runInContext("typeof Map + typeof Promise + typeof Symbol", context)).to.equal("undefinedundefinedundefined");
      vm.runInContext(readFileSync(ES5, "utf8"), context, { filename: ES5 });
      expect(runProgram(context)).to.deep.equal(runProgram(loadBundle(ES5)));
    });

    it("the minified ES5 bundle — same program — gives the same result as the readable one", () => {
      const minified = runProgram(loadBundle(ES5_MIN));
      expect(minified).to.deep.equal(runProgram(loadBundle(ES5)));
      expect(minified.items).to.deep.equal([2, 4, 6, 8, 10]);
    });
  });

  describe("its API", () => {
    it("the ES5 bundle's global Kamaelia — compared with the ESM dist/node/kamaelia.mjs — exposes the same names", async () => {
      expect(apiNames(loadBundle(ES5).Kamaelia as object)).to.deep.equal(await esmApiNames());
    });

    it("the minified ES5 bundle's global Kamaelia — compared with the ESM build — exposes the same names", async () => {
      expect(apiNames(loadBundle(ES5_MIN).Kamaelia as object)).to.deep.equal(await esmApiNames());
    });

    it("the ES5 bundle — evaluated with a CommonJS module object — sets module.exports to Kamaelia", () => {
      const context = loadBundle(ES5, { module: { exports: {} } });
      expect(context.module.exports).to.equal(context.Kamaelia);
    });

    // Regression: the package is "type": "module", so dist/package.json must mark the ES5 .js as CommonJS.
    // The require runs in a child `node` without tsx, whose require hook would load it as CommonJS anyway.
    it("the ES5 bundle — loaded with require() in plain Node — exposes the same names as the ESM build", async () => {
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const script = "process.stdout.write(JSON.stringify(Object.keys(require(process.argv[1])).sort()))";
      const output = execFileSync(process.execPath, ["-e", script, ES5], { env, encoding: "utf8" });
      expect(JSON.parse(output)).to.deep.equal(await esmApiNames());
    });
  });

  describe("its source", () => {
    for (const [label, file] of [["kamaelia.es5.js", ES5], ["kamaelia.es5.min.js", ES5_MIN]] as const) {
      it(label + " — parsed — has no import, export or require(", () => {
        expect(scanFile(file).moduleSyntax).to.deep.equal([]);
      });

      it(label + " — parsed — references no host global, and Symbol or Iterator only behind typeof guards", () => {
        expect(scanFile(file).globals).to.deep.equal([]);
      });
    }

    it("the scan — planted Map, console, setTimeout, Promise, unguarded Symbol, require, import, export — reports each", () => {
      const planted = [
        "var m = new Map();",
        "console.log(1);",
        "setTimeout(f, 1);",
        "var p = Promise.resolve();",
        "var s = typeof Symbol === 'function' ? 1 : Symbol.iterator;",
        "var r = require('x');",
        "import a from 'b';",
        "export function f() {}",
      ].join("\n");
      const found = scanForHostReach(planted);
      expect(found.globals).to.deep.equal([
        "Map at line 1",
        "console at line 2",
        "setTimeout at line 3",
        "Promise at line 4",
        "Symbol (unguarded) at line 5",
        "require at line 6",
      ]);
      expect(found.moduleSyntax).to.deep.equal(["require( at line 6", "import at line 7", "export at line 8"]);
    });

    it("the scan — the names only in comments, strings, property names and behind guards — reports nothing", () => {
      const harmless = [
        "/* global Promise, Map */ // console.log",
        "var text = 'new Map() and setTimeout(f)';",
        "exports.Set = obj.Promise; var o = { Map: 1 };",
        "var it = typeof Symbol === 'function' && Symbol.iterator;",
        "var base = 'function' == typeof Iterator ? Iterator : Object;",
      ].join("\n");
      expect(scanForHostReach(harmless)).to.deep.equal({ moduleSyntax: [], globals: [] });
    });
  });
});
