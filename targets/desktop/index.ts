/**
 * The desktop (Node) target: the only code that touches Node's APIs. Import from "kamaelia/desktop".
 */
export { createNodeHost } from "./node-host";
export type { NodeHost } from "./node-host";
export { EventLoopDriver } from "./event-loop-driver";
export type { EventLoopDriverOptions } from "./event-loop-driver";
export { AsyncHandle } from "./async-handle";
export { nodeIO } from "./node-io";
export { pngFileDisplay } from "./io/png-file-display";
export type { PngFileDisplayOptions } from "./io/png-file-display";
