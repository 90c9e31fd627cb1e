/**
 * The README's main job, `npm start`: the video preview streamer and the terminal client side by side. Run
 * as npm start runs it (the build itself is exercised by `npm test` before this), it prints where to
 * connect, the client receives frames, and Ctrl-C stops everything cleanly with exit status 0. Ports are
 * the defaults, falling back to free ones when taken, as a user's would.
 */
import { expect } from "chai";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
// The sample clip in a folder of this run's own, so the check for stray ffmpegs sees only this demo's.
const media = mkdtempSync(join(tmpdir(), "main-job-media-"));
copyFileSync(join(root, "examples/video-preview/media/test-pattern.mpg"), join(media, "test-pattern.mpg"));
const startScript = (JSON.parse(execFileSync("npm", ["pkg", "get", "scripts.start"], { cwd: root, encoding: "utf8" })) as string).trim();

/** ffmpeg processes reading this run's media folder, still running. */
function strayFfmpegs(): number {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes("ffmpeg") && line.includes(media)).length;
}

describe("the main job (npm start)", function () {
  this.timeout(60000);
  after(() => rmSync(media, { recursive: true, force: true }));

  it("npm start — runs the streamer demo: the video preview server and a terminal client", () => {
    expect(startScript).to.contain("examples/video-preview/main.ts");
  });

  it("the streamer demo — asked for 3 frames — prints the viewer URL, receives 3 frames and exits 0", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "examples/video-preview/main.ts", "--frames", "3", "--no-display", "--interval", "0.5", "--media", media], {
      cwd: root,
      encoding: "utf8",
      timeout: 40000,
    });
    expect(output).to.match(/viewer page: +http:\/\/localhost:\d+\//);
    expect(output).to.match(/frames over TCP: +tcp:\/\/localhost:\d+/);
    expect(output).to.match(/client: received 3 frames \(\d+ bytes\)/);
    expect(strayFfmpegs()).to.equal(0);
  });

  it("the streamer demo — interrupted with Ctrl-C while streaming — stops everything and exits 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "examples/video-preview/main.ts", "--no-display", "--interval", "0.25", "--media", media], { cwd: root });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const deadline = Date.now() + 30000;
    while (!/terminal client/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code, output).to.equal(0);
    expect(output).to.match(/client: (stopped after|received) \d+ frames/);
    expect(strayFfmpegs()).to.equal(0);
  });
});
