/**
 * Frame limit: the one option every de-framer shares, `maxFrameSize`, and how a limit bounds a header.
 *
 * Example:
 *   new LengthPrefixDeFramer({ maxFrameSize: 4 * 1048576 });   // accept JPEGs up to 4 MiB
 *
 * Behaviour: a de-framer holds at most `maxFrameSize` units of frame data (bytes for LengthPrefixDeFramer,
 * string characters for DeFramer and DataDeChunker) and reads at most as many header digits as the limit
 * has, so a broken or hostile peer cannot make it buffer without bound. A limit that is not a whole
 * number ≥ 0 is misuse and throws at once.
 */
import { AxonError } from "../../core/index";

/** The default maxFrameSize: 1 MiB. */
export const DEFAULT_MAX_FRAME_SIZE = 1048576;

/** What every de-framer is made with. */
export interface FrameLimitOptions {
  /** The largest frame accepted (bytes or characters); default DEFAULT_MAX_FRAME_SIZE (1 MiB). */
  maxFrameSize?: number;
}

/** The limit from `options`, checked; throws AxonError for a limit that is not a whole number ≥ 0. */
export function maxFrameSizeOf(options: FrameLimitOptions | undefined, who: string): number {
  const limit = options && options.maxFrameSize !== undefined ? options.maxFrameSize : DEFAULT_MAX_FRAME_SIZE;
  // `limit % 1 === 0` also rejects NaN and Infinity; Number.isInteger is ES2015.
  if (typeof limit !== "number" || !(limit >= 0) || limit % 1 !== 0 || limit > 9007199254740991) {
    throw new AxonError(who + ": maxFrameSize must be a whole number >= 0, not " + String(limit));
  }
  return limit;
}

/** How many decimal digits `limit` has: a longer length header cannot be valid (leading zeros included). */
export function digitsOf(limit: number): number {
  return String(limit).length;
}
