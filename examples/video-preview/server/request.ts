/**
 * What a preview client may ask for, and how its request is read: the TCP request line and the WebSocket
 * query, checked the same way.
 *
 * Example:
 *   const videos = ["test-pattern.mpg"];
 *   parseRequestLine("test-pattern.mpg 0.5 88x72", videos, DEFAULT_PREVIEW);
 *   //   → { video: "test-pattern.mpg", interval: 0.5, width: 88, height: 72 }
 *   parseFramesQuery(new URLSearchParams("interval=0.25"), videos, DEFAULT_PREVIEW);
 *   //   → { video: "test-pattern.mpg", interval: 0.25, width: 176, height: 144 }
 *   parseRequestLine("../etc/passwd", videos, DEFAULT_PREVIEW);   // throws InvalidRequest
 *   channelName(request);                                          // "preview:test-pattern.mpg:0.5:88x72"
 *
 * Behaviour:
 * - The request line is `<video name>[ <interval seconds>[ <W>x<H>]]` (fields split by spaces or tabs; a
 *   trailing carriage return, as telnet sends, is ignored; an empty line means all defaults). Missing fields
 *   take the defaults. The WebSocket query gives the same fields as `video`, `interval` and `size`; other
 *   parameters are ignored.
 * - The video must be one of the server's videos by exact name (so no paths, no `..`); the interval a plain
 *   decimal number of seconds from 0.1 to 60; the size `WxH` from 16x16 to 640x480. A line must be at most
 *   256 bytes of printable ASCII. Anything else is an InvalidRequest whose message says what was wrong (for
 *   the server's log; the client only ever sees `Invalid request`).
 * - `channelName` names the Backplane that carries one (video, interval, size): equal requests, however
 *   spelt ("0.5" or "0.50"), get the same name, so they share one extraction.
 */

/** One client's choice: a video from the media folder, one frame every `interval` seconds, at W×H. */
export interface PreviewRequest {
  readonly video: string;
  readonly interval: number;
  readonly width: number;
  readonly height: number;
}

/** The defaults for fields a client leaves out (the video is the server's first, sorted by name). */
export const DEFAULT_PREVIEW = { interval: 2, width: 176, height: 144 };

/** What a client leaves out is filled from these. */
export interface PreviewDefaults {
  readonly video: string;
  readonly interval: number;
  readonly width: number;
  readonly height: number;
}

/** The longest request line, in bytes, newline excluded. */
export const MAX_REQUEST_LINE = 256;
/** Interval limits, in seconds. */
export const MIN_INTERVAL = 0.1;
export const MAX_INTERVAL = 60;
/** Size limits, in pixels. */
export const MIN_WIDTH = 16;
export const MIN_HEIGHT = 16;
export const MAX_WIDTH = 640;
export const MAX_HEIGHT = 480;

/** A request the server will not serve; `message` says why (for the log, never the client). */
export class InvalidRequest extends Error {
  override readonly name = "InvalidRequest";
}

const DECIMAL = /^(\d{1,6}(\.\d{1,6})?|\.\d{1,6})$/;
const SIZE = /^(\d{1,4})[xX](\d{1,4})$/;

/** The reply a client gets for an invalid request, before the connection is closed. */
export const INVALID_REQUEST_REPLY = "Invalid request\n";

function checkVideo(name: string, videos: readonly string[]): string {
  if (videos.indexOf(name) < 0) throw new InvalidRequest("unknown video " + JSON.stringify(name) + " (the server has: " + videos.join(", ") + ")");
  return name;
}

function checkInterval(text: string): number {
  if (!DECIMAL.test(text)) throw new InvalidRequest("the interval " + JSON.stringify(text) + " is not a decimal number of seconds");
  const interval = Number(text);
  if (!(interval >= MIN_INTERVAL && interval <= MAX_INTERVAL)) throw new InvalidRequest("the interval " + text + " s is outside " + MIN_INTERVAL + "–" + MAX_INTERVAL + " s");
  return interval;
}

function checkSize(text: string): [number, number] {
  const m = SIZE.exec(text);
  if (m === null) throw new InvalidRequest("the size " + JSON.stringify(text) + " is not WxH, such as 176x144");
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_WIDTH || height > MAX_HEIGHT) {
    throw new InvalidRequest("the size " + text + " is outside " + MIN_WIDTH + "x" + MIN_HEIGHT + "–" + MAX_WIDTH + "x" + MAX_HEIGHT);
  }
  return [width, height];
}

/** The request from its fields (any may be undefined: the default then). */
function requestOf(video: string | undefined, interval: string | undefined, size: string | undefined, videos: readonly string[], d: PreviewDefaults): PreviewRequest {
  const [width, height] = size === undefined ? [d.width, d.height] : checkSize(size);
  return {
    video: video === undefined ? d.video : checkVideo(video, videos),
    interval: interval === undefined ? d.interval : checkInterval(interval),
    width,
    height,
  };
}

/** The request in one request line (without its newline). Throws InvalidRequest. */
export function parseRequestLine(line: string, videos: readonly string[], defaults: PreviewDefaults): PreviewRequest {
  if (line.length > MAX_REQUEST_LINE) throw new InvalidRequest("the request line is longer than " + MAX_REQUEST_LINE + " bytes");
  const text = line.charAt(line.length - 1) === "\r" ? line.slice(0, -1) : line;
  if (!/^[\x20-\x7e\t]*$/.test(text)) throw new InvalidRequest("the request line is not printable ASCII");
  const fields = text.split(/[ \t]+/).filter((f) => f !== "");
  if (fields.length > 3) throw new InvalidRequest("the request line has " + fields.length + " fields; at most 3: video, interval, WxH");
  return requestOf(fields[0], fields[1], fields[2], videos, defaults);
}

/** The request in a `/frames` query (`video`, `interval`, `size`). Throws InvalidRequest. */
export function parseFramesQuery(query: URLSearchParams, videos: readonly string[], defaults: PreviewDefaults): PreviewRequest {
  const field = (name: string): string | undefined => {
    const all = query.getAll(name);
    if (all.length > 1) throw new InvalidRequest("the query gives " + name + " " + all.length + " times");
    if (all.length === 1 && (all[0].length > MAX_REQUEST_LINE || !/^[\x20-\x7e]*$/.test(all[0]))) throw new InvalidRequest("the query's " + name + " is not short printable ASCII");
    return all.length === 1 ? all[0] : undefined;
  };
  return requestOf(field("video"), field("interval"), field("size"), videos, defaults);
}

/** The Backplane name for a request's (video, interval, size): `preview:<video>:<interval>:<W>x<H>`. */
export function channelName(request: PreviewRequest): string {
  return "preview:" + request.video + ":" + String(request.interval) + ":" + request.width + "x" + request.height;
}
