/**
 * The protocol family: framing and chunking of messages and byte streams. Named exports of every
 * component in this folder, with the values, options and errors they use.
 */

// Tagged frames "<tag> <length>\n<data>" (Kamaelia.Protocol.Framing), on strings
export { SimpleFrame } from "./simple-frame";
export { Framer } from "./framer";
export { DeFramer } from "./de-framer";

// Sync-marked chunks (Kamaelia.Protocol.Framing), on strings
export { DataChunker, DEFAULT_SYNC_MESSAGE } from "./data-chunker";
export type { SyncOptions } from "./data-chunker";
export { DataDeChunker } from "./data-de-chunker";

// Length-prefixed frames "<byte count>\n<bytes>" over a byte stream, on Uint8Array
export { LengthPrefixFramer } from "./length-prefix-framer";
export { LengthPrefixDeFramer } from "./length-prefix-de-framer";

// JPEG images cut out of a byte stream (ffmpeg's image2pipe output), on Uint8Array
export { JpegSplitter } from "./jpeg-splitter";

// The limit every de-framer enforces, and what they report
export { DEFAULT_MAX_FRAME_SIZE } from "./frame-limit";
export type { FrameLimitOptions } from "./frame-limit";
export { FramingError, CorruptFrame, ShortFrame, FrameTooLarge } from "./protocol-errors";
export type { FramingErrorClass } from "./protocol-errors";
