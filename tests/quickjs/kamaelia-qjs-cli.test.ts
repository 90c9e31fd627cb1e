/**
 * The `kamaelia-qjs` command: runs an app script in QuickJS through the host bridge, exits 0 when the app's
 * components have all ended, and exits 1 with a message naming the cause when the guest fails.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const cli = resolve(import.meta.dirname, "../../bin/kamaelia-qjs.mjs");

function runApp(code: string, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "kamaelia-qjs-"));
  try {
    const file = join(dir, "app.js");
    writeFileSync(file, code);
    return spawnSync(process.execPath, [cli, file, ...flags], { encoding: "utf8", timeout: 20000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("kamaelia-qjs", function () {
  this.timeout(30000);

  it("kamaelia-qjs — an app whose pipeline ends — prints its output and exits 0", () => {
    const run = runApp('var K = Kamaelia; new K.Pipeline(new K.DataSource(["hello from QuickJS\\n"]), new K.ConsoleEchoer()).activate();');
    expect(run.stderr).to.equal("");
    expect(run.stdout).to.equal("hello from QuickJS\n");
    expect(run.status).to.equal(0);
  });

  it("kamaelia-qjs — an app that throws — exits 1 saying what the guest threw", () => {
    const run = runApp("undefinedThing();");
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/kamaelia-qjs: the QuickJS guest threw: ReferenceError: .*undefinedThing/);
  });

  it("kamaelia-qjs — an app over its memory limit — exits 1 naming the limit", () => {
    const run = runApp("var hog = []; for (var i = 0; ; i++) hog.push(i);", "--memory-limit=8");
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/exceeded its memory limit of 8388608 bytes/);
  });
});
