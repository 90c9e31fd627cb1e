#!/usr/bin/env node
// kamaelia-preview: the video preview streamer's desktop terminal client.
//
//   npx kamaelia-preview connect host:port [--video NAME] [--interval S] [--size WxH] [--save DIR] [--frames N] [--no-display]
//
// It draws each frame the preview server sends in the terminal (24-bit colour half blocks) with a status
// line, and with --save writes the frames as files. See examples/video-preview/preview-cli.ts.
//
// Why tsx: the client is an example program (examples/video-preview/client/), written in TypeScript against
// the library's sources, like the server it talks to — it is not part of the built package in dist/, so
// there is no JavaScript of it to import. tsx (a devDependency, so present after `npm ci` in a clone) loads
// the .ts files; `tsImport` registers its loader for this one import only, so the command works the same
// from any directory `npx` is run in, with no build step and no --import flag. The examples are not in the
// published package's files, so the command is for a clone of the repository; elsewhere it says so.
//
// How `npx kamaelia-preview` finds this file in a clone: the command matches a `bin` of the project's own
// package.json, so npm exec links the project into its npx cache and runs the bin from there; Node follows
// the link, so the relative paths below are the clone's. (An npx cache made before this bin was added
// keeps its old list of bins; `npx --yes kamaelia-preview` with a fresh cache, or `node
// bin/kamaelia-preview.mjs`, always works.)
import { existsSync } from "node:fs";

const cli = new URL("../examples/video-preview/preview-cli.ts", import.meta.url);
let tsImport;
try {
  ({ tsImport } = await import("tsx/esm/api"));
} catch {
  tsImport = undefined;
}
if (tsImport === undefined || !existsSync(cli)) {
  console.error(
    "kamaelia-preview: this command runs the video preview example from a clone of the kamaelia repository; " +
      "run `npm ci` in the clone (it installs tsx, which loads the example's TypeScript), then `npx kamaelia-preview connect host:port`",
  );
  process.exit(1);
}
const { main } = await tsImport(cli.href, import.meta.url);
process.exitCode = await main(process.argv.slice(2));
