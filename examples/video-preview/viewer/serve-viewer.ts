/**
 * viewerFiles: the video preview viewer's files, ready for the preview server's HTTP server to serve —
 * the page, its script and the mobile bundle — with one call.
 *
 * Example (in the server):
 *   const files = viewerFiles();
 *   http.createServer((req, res) => {
 *     const file = files[new URL(req.url ?? "/", "http://x").pathname];
 *     if (file === undefined) { res.writeHead(404).end(); return; }
 *     res.writeHead(200, { "content-type": file.type, "cache-control": "no-cache" }).end(file.body);
 *   });
 *   // and the WebSocket gateway on the same server, at /frames
 *
 * Behaviour: returns `/` and `/index.html` (the page), `/viewer.js` (its script, plain ES5: no build step)
 * and `/kamaelia-mobile.es5.min.js` (the mobile bundle, from dist/), each with its content type. The files
 * are read when called, so call it once at start-up. The bundle comes from `npm run build`; if it is
 * missing the error says so.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One file to serve. */
export interface ViewerFile {
  /** Its Content-Type. */
  type: string;
  /** Its bytes. */
  body: Buffer;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The mobile bundle the page loads, as the build writes it. */
export const MOBILE_BUNDLE = resolve(here, "../../../dist/kamaelia-mobile.es5.min.js");

/** The viewer's files by URL path. */
export function viewerFiles(): { [path: string]: ViewerFile } {
  if (!existsSync(MOBILE_BUNDLE)) {
    throw new Error("viewerFiles: " + MOBILE_BUNDLE + " is missing: run `npm run build` first (it makes the mobile bundle the viewer page loads)");
  }
  const page: ViewerFile = { type: "text/html; charset=utf-8", body: readFileSync(join(here, "index.html")) };
  return {
    "/": page,
    "/index.html": page,
    "/viewer.js": { type: "text/javascript; charset=utf-8", body: readFileSync(join(here, "viewer.js")) },
    "/kamaelia-mobile.es5.min.js": { type: "text/javascript; charset=utf-8", body: readFileSync(MOBILE_BUNDLE) },
  };
}
