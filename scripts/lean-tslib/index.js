/*
 * Lean TypeScript helpers for the ES5 bundles: __extends and __generator, injected in place of tslib by
 * rollup.config.js (the typescript plugin's `tslib` option). Hand-written ES5, like the code they support.
 *
 * Why: tslib's __generator builds each generator from a state object plus six closures (next, throw,
 * return, their shared step, sent, and an iterator method). Every component's main() is a generator, so on
 * engines without native generators that is most of an idle component's memory. Here a generator is one
 * object with a few fields, and its methods live once on a shared prototype. It is also smaller.
 *
 * What it must match: TypeScript's private generator protocol, the state machine `tsc` emits for ES5 —
 * the body is called with the state object and returns an instruction [opcode, value]:
 *   0 next, 1 throw, 2 return, 3 break (jump to a label), 4 yield, 5 yield* (delegate), 6 catch (an
 *   exception entering a catch or finally), 7 endfinally.
 * The state object carries `label` (where to resume), `trys` (open try blocks as [try, catch, finally,
 * end] labels), `ops` (instructions held while a finally block runs) and `sent()` (the value or error
 * passed in by next()/throw()). This is why TypeScript is pinned (~5.9.3): a compiler that changed the
 * protocol would need this file changed too. tests/bundle/lean-generator.test.ts runs the same generators
 * natively, with tslib's helper and with this one, and requires identical behaviour.
 *
 * __spreadArray and __assign are here for apps (package export "kamaelia/helpers"), whose components may
 * spread arrays or objects; the core uses neither, so the bundles never include them.
 *
 * __extends copies static members onto the subclass instead of linking prototypes with
 * Object.setPrototypeOf, which mujs lacks; every engine then behaves the same.
 */

export function __extends(derived, base) {
  for (var key in base) if (Object.prototype.hasOwnProperty.call(base, key)) derived[key] = base[key];
  function Prototype() {
    this.constructor = derived;
  }
  Prototype.prototype = base.prototype;
  derived.prototype = new Prototype();
}

/** `[...a, ...b]` for arrays and array-likes: a new array (like tslib's; holes become undefined). */
export function __spreadArray(to, from) {
  var out = to.slice();
  for (var i = 0; i < from.length; i++) out.push(from[i]);
  return out;
}

/** `{ ...a, ...b }`: own enumerable properties, later sources winning (no Object.assign on ES5 engines). */
export function __assign(target) {
  for (var i = 1; i < arguments.length; i++) {
    var source = arguments[i];
    for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) target[key] = source[key];
  }
  return target;
}

/** Generator life: not yet started, suspended at a yield, running now, finished. */
var FRESH = 0;
var SUSPENDED = 1;
var RUNNING = 2;
var DONE = 3;

function LeanGenerator(thisArg, body) {
  this.label = 0;
  this.trys = [];
  this.ops = [];
  this.self = thisArg;
  this.body = body;
  this.delivered = undefined; // the [opcode, value] that sent() reads
  this.delegate = undefined; // the iterator of a yield*, while one runs
  this.life = FRESH;
}

LeanGenerator.prototype.sent = function () {
  var op = this.delivered;
  if (op[0] & 1) throw op[1];
  return op[1];
};
LeanGenerator.prototype.next = function (value) {
  return resume(this, [0, value]);
};
LeanGenerator.prototype["throw"] = function (error) {
  return resume(this, [1, error]);
};
LeanGenerator.prototype["return"] = function (value) {
  return resume(this, [2, value]);
};
// The iteration protocol where the engine has one (yield* and for...of need it); guarded, as mujs has no
// Symbol. Written as an expression because that is the guard form the bundle gate recognises.
typeof Symbol === "function" &&
  (LeanGenerator.prototype[Symbol.iterator] = function () {
    return this;
  });

export function __generator(thisArg, body) {
  return new LeanGenerator(thisArg, body);
}

/** Run the state machine with `op` until it yields, returns or throws. */
function resume(gen, op) {
  if (gen.life === RUNNING) throw new TypeError("Generator is already executing.");
  // throw() or return() before the first next() finishes the generator without running it.
  if (gen.life === FRESH && op[0]) gen.life = DONE;
  while (gen.life !== DONE) {
    gen.life = RUNNING;
    try {
      var delegate = gen.delegate;
      if (delegate) {
        var method = op[0] & 2 ? delegate["return"] : op[0] ? delegate["throw"] : delegate.next;
        if (!method && op[0] === 1 && delegate["return"]) delegate["return"](); // no throw(): close it
        var result = method ? method.call(delegate, op[1]) : undefined;
        if (result && !result.done) return result;
        gen.delegate = undefined;
        if (result) op = [op[0] & 2, result.value];
      }
      var kind = op[0];
      if (kind === 0 || kind === 1) gen.delivered = op;
      else if (kind === 4) {
        gen.label++;
        return { value: op[1], done: false };
      } else if (kind === 5) {
        gen.label++;
        gen.delegate = op[1];
        op = [0];
        continue;
      } else if (kind === 7) {
        op = gen.ops.pop();
        gen.trys.pop();
        continue;
      } else {
        var trys = gen.trys;
        var open = trys.length > 0 ? trys[trys.length - 1] : undefined;
        if (!open && (kind === 6 || kind === 2)) {
          gen.life = DONE;
          continue;
        }
        if (kind === 3 && (!open || (op[1] > open[0] && op[1] < open[3]))) gen.label = op[1];
        else if (kind === 6 && gen.label < open[1]) {
          gen.label = open[1];
          gen.delivered = op;
        } else if (open && gen.label < open[2]) {
          gen.label = open[2];
          gen.ops.push(op);
        } else {
          if (open[2]) gen.ops.pop();
          trys.pop();
          continue;
        }
      }
      op = gen.body.call(gen.self, gen);
    } catch (error) {
      op = [6, error];
      gen.delegate = undefined;
    } finally {
      if (gen.life === RUNNING) gen.life = SUSPENDED;
    }
  }
  if (op[0] & 5) throw op[1];
  return { value: op[0] ? op[1] : undefined, done: true };
}
