/**
 * The `kamaelia-preview` command: its command line read into client options (the request line built and
 * checked against the server's limits), and the real program run through bin/kamaelia-preview.mjs — frames
 * saved from the real preview server on loopback with exit 0, a request it refuses and a refused connection
 * each as exit 1 with one line, a bad command line as exit 2 with the usage.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { UsageError, parsePreviewArgs } from "../../../examples/video-preview/preview-cli";
import { deadPort, previewServer } from "./client-helpers";
import type { TestServer } from "./client-helpers";

const root = resolve(import.meta.dirname, "../../..");
const bin = join(root, "bin/kamaelia-preview.mjs");

/** Run the command; resolves with its exit status and output. */
function preview(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 30000 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      done({ status, stdout, stderr });
    });
  });
}

describe("kamaelia-preview: the command line", () => {
  it("parsePreviewArgs — connect host:port with --video, --interval, --size — the request line '<video> <interval> <W>x<H>'", () => {
    expect(parsePreviewArgs(["connect", "10.0.0.2:1600", "--video", "clip.mpg", "--interval", "0.5", "--size", "88x72"])).to.deep.equal({
      host: "10.0.0.2",
      port: 1600,
      display: {},
      request: "clip.mpg 0.5 88x72",
    });
  });

  it("parsePreviewArgs — a host alone, --save, --frames, --no-display — port 1500, no request line", () => {
    expect(parsePreviewArgs(["connect", "localhost", "--save", "out", "--frames", "3", "--no-display"])).to.deep.equal({
      host: "localhost",
      port: 1500,
      display: false,
      saveDir: "out",
      frames: 3,
    });
    expect(parsePreviewArgs(["connect", "[::1]:99"])).to.deep.include({ host: "::1", port: 99 });
  });

  it("parsePreviewArgs — --size with no --interval — the server's default interval, 2, fills the gap", () => {
    expect(parsePreviewArgs(["connect", "h:1", "--video", "a.mpg", "--size", "320x240"]).request).to.equal("a.mpg 2 320x240");
  });

  it("parsePreviewArgs — values the server would refuse — a UsageError saying what is wrong", () => {
    const bad: [string[], RegExp][] = [
      [[], /no command/],
      [["watch", "h:1"], /unknown command 'watch'/],
      [["connect"], /needs the server's address/],
      [["connect", "h:99999"], /port 99999/],
      [["connect", "h:1", "--interval", "1"], /need --video/],
      [["connect", "h:1", "--video", "../secret"], /file name/],
      [["connect", "h:1", "--video", "a.mpg", "--interval", "0.05"], /0\.1 to 60/],
      [["connect", "h:1", "--video", "a.mpg", "--size", "1000x10"], /16x16 to 640x480/],
      [["connect", "h:1", "--frames", "0"], /whole number/],
      [["connect", "h:1", "--colour"], /colour/],
    ];
    for (const [args, message] of bad) expect(() => parsePreviewArgs(args), args.join(" ")).to.throw(UsageError, message);
  });
});

describe("kamaelia-preview: the program", function () {
  this.timeout(30000);
  let dir = "";
  let server: TestServer | null = null;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "kamaelia-preview-cli-"))));
  afterEach(async () => {
    if (server !== null) await server.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it("kamaelia-preview connect — --frames 3 --save DIR --no-display against a preview server — exit 0, three JPEG files", async () => {
    server = await previewServer();
    const save = join(dir, "frames");
    const run = await preview(["connect", "127.0.0.1:" + server.port, "--frames", "3", "--save", save, "--no-display"]);
    expect(run.stderr).to.equal("");
    expect(run.status).to.equal(0);
    expect(run.stdout).to.match(/^kamaelia-preview: received 3 frames \(\d+ bytes\) from 127\.0\.0\.1:\d+; saved 3 in .*frames\n$/);
    expect(readdirSync(save).sort()).to.deep.equal(["frame-000001.jpg", "frame-000002.jpg", "frame-000003.jpg"]);
    for (const f of readdirSync(save)) expect(statSync(join(save, f)).size).to.be.greaterThan(1000);
  });

  it("kamaelia-preview connect — a video the server does not have — exit 1, one line saying the request was refused", async () => {
    server = await previewServer();
    const run = await preview(["connect", "127.0.0.1:" + server.port, "--video", "nosuch.mpg", "--no-display"]);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(/^kamaelia-preview: the server at 127\.0\.0\.1:\d+ refused the request 'nosuch\.mpg' \(it answers 'Invalid request' for an unknown video[^\n]*\n$/);
  });

  it("kamaelia-preview connect — nothing listens on the port — exit 1, one line on stderr, no stack trace", async () => {
    const port = await deadPort();
    const run = await preview(["connect", "127.0.0.1:" + port, "--no-display"]);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal("");
    expect(run.stderr).to.equal("kamaelia-preview: cannot connect to 127.0.0.1:" + port + ": connection refused (is the preview server running there, on its TCP frames port?)\n");
  });

  it("kamaelia-preview — no command — exit 2 with the usage", async () => {
    const run = await preview([]);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/^kamaelia-preview: no command given\nusage: kamaelia-preview connect host:port/);
  });
});
