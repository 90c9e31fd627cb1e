/**
 * The introspection family: named exports of every component in this folder.
 */
export { Introspector } from "./introspector";
export type { GraphUpdate } from "./introspector";
export { snapshotGraph } from "./graph-snapshot";
export type { GraphSnapshot, GraphNode, GraphBox, GraphLink } from "./graph-snapshot";
export { diffGraphs, graphEventsText } from "./graph-diff";
export type { GraphEvent } from "./graph-diff";
export { toDot } from "./to-dot";
export { toSvg } from "./to-svg";
export type { RenderOptions } from "./to-svg";
export { toHtml } from "./to-html";
