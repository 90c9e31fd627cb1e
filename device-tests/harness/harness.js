/*
 * Device-test harness: the tiny, dependency-free ES5 test runner that runs inside every engine.
 *
 * Example (a case file, compiled to ES5):
 *   DeviceTest.define("round-robin order", function (t) { t.deepEqual(log, ["a0", "b0"], "order"); });
 *
 * Behaviour: cases register with DeviceTest.define; DeviceTest.runAll() runs each in turn, catching what it
 * throws, and prints one last line `__RESULT__ <json>`: [{ name, status: "passed" | "failed", error? }].
 * The runner on the host parses that line. Nothing here uses anything beyond ES5 and a global `print`.
 */
var DeviceTest = (function () {
  var cases = [];

  function AssertionFailed(message) {
    this.message = message;
  }
  AssertionFailed.prototype = new Error();
  AssertionFailed.prototype.name = "AssertionFailed";

  function show(value) {
    try {
      var text = JSON.stringify(value);
      return text === undefined ? String(value) : text;
    } catch (e) {
      return String(value);
    }
  }

  function sameKeys(a, b) {
    var k;
    for (k in a) if (Object.prototype.hasOwnProperty.call(a, k) && !Object.prototype.hasOwnProperty.call(b, k)) return false;
    for (k in b) if (Object.prototype.hasOwnProperty.call(b, k) && !Object.prototype.hasOwnProperty.call(a, k)) return false;
    return true;
  }

  function deepEqual(a, b) {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
    if ((a instanceof Array) !== (b instanceof Array)) return false;
    if (a instanceof Array && a.length !== b.length) return false;
    if (!sameKeys(a, b)) return false;
    for (var k in a) if (Object.prototype.hasOwnProperty.call(a, k) && !deepEqual(a[k], b[k])) return false;
    return true;
  }

  /** The error's name and message, plus the top of its stack where the engine keeps one. */
  function describe(error) {
    if (error && typeof error === "object" && error.message !== undefined) {
      var text = (error.name || "Error") + ": " + error.message;
      var stack;
      try {
        stack = error instanceof AssertionFailed ? undefined : error.stack; // Hermes throws on a foreign .stack
      } catch (e) {
        stack = undefined;
      }
      if (typeof stack === "string") {
        var frames = stack.split("\n");
        var kept = [];
        for (var i = 0; i < frames.length && kept.length < 4; i++) {
          if (frames[i].indexOf(error.message) < 0 && frames[i].replace(/\s/g, "") !== "") kept.push(frames[i].replace(/^\s+/, "    "));
        }
        if (kept.length > 0) text += "\n" + kept.join("\n");
      }
      return text;
    }
    return String(error);
  }

  /** The assertion kit each case receives. */
  function kit() {
    return {
      equal: function (actual, expected, label) {
        if (actual !== expected) throw new AssertionFailed(label + ": expected " + show(expected) + ", got " + show(actual));
      },
      deepEqual: function (actual, expected, label) {
        if (!deepEqual(actual, expected)) throw new AssertionFailed(label + ": expected " + show(expected) + ", got " + show(actual));
      },
      ok: function (condition, label) {
        if (!condition) throw new AssertionFailed(label);
      },
      throws: function (fn, errorClass, label) {
        try {
          fn();
        } catch (error) {
          if (errorClass && !(error instanceof errorClass)) {
            throw new AssertionFailed(label + ": threw " + describe(error) + ", not the expected error class");
          }
          return error;
        }
        throw new AssertionFailed(label + ": did not throw");
      },
      /** A host on a virtual clock: `sleep` advances time, `log` records lines. */
      virtualHost: function () {
        var host = {
          time: 0,
          logged: [],
          now: function () {
            return host.time;
          },
          sleep: function (ms) {
            host.time += ms;
          },
          log: function (level, message) {
            host.logged.push(level + ": " + message);
          }
        };
        return host;
      }
    };
  }

  return {
    define: function (name, body) {
      cases.push({ name: name, body: body });
    },
    runAll: function () {
      var results = [];
      for (var i = 0; i < cases.length; i++) {
        try {
          cases[i].body(kit());
          results.push({ name: cases[i].name, status: "passed" });
        } catch (error) {
          results.push({ name: cases[i].name, status: "failed", error: describe(error) });
        }
      }
      print("__RESULT__ " + JSON.stringify(results));
    }
  };
})();
