/**
 * The multicast example runs for real on loopback: a receiver process joins a 239.255.x.y group, a sender
 * process streams a text file to it, and the receiver prints the text. UDP gives no word that the receiver
 * has joined, so the sender is run again (a fresh process each time) until the text shows up or 20 s pass.
 * Skipped with the reason on a machine without multicast on loopback, except under CI=true.
 */
import { expect } from "chai";
import { spawn, execFile } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TEST_GROUP, needMulticast } from "../desktop/io/multicast-probe";

const root = resolve(import.meta.dirname, "../..");

/** A UDP port nothing on 127.0.0.1 holds right now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createSocket("udp4");
    s.bind(0, () => {
      const port = s.address().port;
      s.close(() => done(port));
    });
  });
}

function runSender(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ["--import", "tsx", "examples/multicast/sender.ts", ...args], { cwd: root, timeout: 15000 }, (error, _stdout, stderr) =>
      error ? fail(new Error("the sender failed: " + error.message + "\n" + stderr)) : done(),
    );
  });
}

describe("the multicast example", function () {
  this.timeout(30000);
  let dir = "";
  let receiver: ChildProcess | null = null;
  before(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-mc-example-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    if (receiver !== null && receiver.exitCode === null) receiver.kill();
    receiver = null;
  });

  it("sender and receiver — run as programs on loopback — the receiver prints the sender's file", async function () {
    await needMulticast(this);
    if (!existsSync(join(root, "dist/node/kamaelia.mjs"))) throw new Error("dist/ is missing: run npm run build first");
    const text = "Kamaelia multicast: one sender, any number of receivers.\n";
    const file = join(dir, "message.txt");
    writeFileSync(file, text);
    const options = ["--group", TEST_GROUP + "20", "--port", String(await freePort()), "--interface", "127.0.0.1"];
    const child = spawn(process.execPath, ["--import", "tsx", "examples/multicast/receiver.ts", ...options], { cwd: root });
    receiver = child;
    let printed = "";
    let errors = "";
    child.stdout.on("data", (d: Buffer) => (printed += d.toString()));
    child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    const deadline = Date.now() + 20000;
    while (printed.indexOf(text) < 0) {
      if (child.exitCode !== null) throw new Error("the receiver exited early: " + errors);
      if (Date.now() > deadline) throw new Error("the receiver never printed the file; it printed: " + JSON.stringify(printed) + errors);
      await runSender([file, ...options, "--rate", "1000000"]);
      await new Promise((r) => setTimeout(r, 100)); // let the last datagram reach the receiver's output
    }
    expect(printed).to.contain(text);
  });
});
