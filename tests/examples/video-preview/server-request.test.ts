/**
 * The preview server's request reading (request.ts) and media folder (media-folder.ts): the request line
 * and the /frames query give the same requests, defaults fill what is left out, equal requests name one
 * channel, and everything out of bounds is an InvalidRequest saying why.
 */
import { expect } from "chai";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mediaSource, mediaVideos } from "../../../examples/video-preview/server/media-folder";
import { InvalidRequest, channelName, parseFramesQuery, parseRequestLine } from "../../../examples/video-preview/server/request";
import { ffmpegArgs } from "../../../examples/video-preview/server/frame-grabber";

const videos = ["a.mpg", "test-pattern.mpg"];
const defaults = { video: "a.mpg", interval: 2, width: 176, height: 144 };

describe("preview requests", () => {
  it("parseRequestLine — one, two or three fields, or none — fills the rest from the defaults", () => {
    expect(parseRequestLine("", videos, defaults)).to.deep.equal(defaults);
    expect(parseRequestLine("test-pattern.mpg", videos, defaults)).to.deep.equal({ ...defaults, video: "test-pattern.mpg" });
    expect(parseRequestLine("test-pattern.mpg 0.5", videos, defaults)).to.deep.equal({ ...defaults, video: "test-pattern.mpg", interval: 0.5 });
    expect(parseRequestLine("test-pattern.mpg 0.25 88x72", videos, defaults)).to.deep.equal({ video: "test-pattern.mpg", interval: 0.25, width: 88, height: 72 });
    expect(parseRequestLine("  a.mpg\t 60  640x480\r", videos, defaults)).to.deep.equal({ video: "a.mpg", interval: 60, width: 640, height: 480 });
  });

  it("parseRequestLine — out of bounds, unknown or unreadable — is an InvalidRequest naming the problem", () => {
    const cases: [string, RegExp][] = [
      ["nope.mpg", /unknown video/],
      ["../etc/passwd", /unknown video/],
      ["A.MPG", /unknown video/],
      ["a.mpg 0.09", /outside/],
      ["a.mpg 60.5", /outside/],
      ["a.mpg -1", /not a decimal/],
      ["a.mpg 1e1", /not a decimal/],
      ["a.mpg NaN", /not a decimal/],
      ["a.mpg 1 15x16", /outside/],
      ["a.mpg 1 641x480", /outside/],
      ["a.mpg 1 176*144", /not WxH/],
      ["a.mpg 1 176x144 x", /at most 3/],
      ["a.mpg\u0000", /printable ASCII/],
      ["a.mpg \u00e9", /printable ASCII/],
      ["a".repeat(257), /longer than 256/],
    ];
    for (const [line, why] of cases) expect(() => parseRequestLine(line, videos, defaults), JSON.stringify(line)).to.throw(InvalidRequest, why);
  });

  it("parseFramesQuery — the same fields as query parameters — gives the same requests, and refuses the same things", () => {
    const q = (s: string) => parseFramesQuery(new URLSearchParams(s), videos, defaults);
    expect(q("")).to.deep.equal(defaults);
    expect(q("interval=0.25")).to.deep.equal({ ...defaults, interval: 0.25 });
    expect(q("video=test-pattern.mpg&size=88x72&other=1")).to.deep.equal({ ...defaults, video: "test-pattern.mpg", width: 88, height: 72 });
    expect(() => q("video=../x")).to.throw(InvalidRequest, /unknown video/);
    expect(() => q("interval=0")).to.throw(InvalidRequest, /outside/);
    expect(() => q("size=1x1")).to.throw(InvalidRequest, /outside/);
    expect(() => q("interval=1&interval=2")).to.throw(InvalidRequest, /2 times/);
  });

  it("channelName — equal requests however spelt — name one channel; different ones differ", () => {
    const a = parseRequestLine("a.mpg 0.5 88x72", videos, defaults);
    const b = parseRequestLine("a.mpg 0.50 88X72", videos, defaults);
    expect(channelName(a)).to.equal("preview:a.mpg:0.5:88x72");
    expect(channelName(b)).to.equal(channelName(a));
    expect(channelName({ ...a, interval: 1 })).to.not.equal(channelName(a));
  });

  it("ffmpegArgs — a request — reads at native speed, loops, and writes one JPEG per interval at the size", () => {
    const args = ffmpegArgs("/m/a.mpg", { video: "a.mpg", interval: 0.5, width: 88, height: 72 }).join(" ");
    expect(args).to.equal("-hide_banner -loglevel error -re -stream_loop -1 -i /m/a.mpg -an -vf fps=1/0.5,scale=88:72 -f image2pipe -c:v mjpeg -q:v 5 -");
  });

  it("mediaVideos — a folder with videos, other files and a subfolder — lists the videos sorted; none is an error", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamaelia-media-"));
    try {
      for (const name of ["b.mp4", "a.mpg", "notes.txt", "C.MKV"]) writeFileSync(join(dir, name), "x");
      mkdirSync(join(dir, "dir.mpg"));
      expect(mediaVideos(dir)).to.deep.equal(["C.MKV", "a.mpg", "b.mp4"]);
      const empty = join(dir, "dir.mpg");
      expect(() => mediaVideos(empty)).to.throw(/holds no video/);
      expect(() => mediaVideos(join(dir, "missing"))).to.throw(/cannot be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("mediaSource — one video file or a folder — offers that file alone from its folder, or the folder's videos", () => {
    const dir = mkdtempSync(join(tmpdir(), "kamaelia-media-"));
    try {
      for (const name of ["b.mp4", "a.mpg", "notes.txt"]) writeFileSync(join(dir, name), "x");
      expect(mediaSource(join(dir, "b.mp4"))).to.deep.equal({ folder: dir, videos: ["b.mp4"] });
      expect(mediaSource(dir)).to.deep.equal({ folder: dir, videos: ["a.mpg", "b.mp4"] });
      expect(() => mediaSource(join(dir, "notes.txt"))).to.throw(/is not a video file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
