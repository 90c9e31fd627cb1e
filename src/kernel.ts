/**
 * The kernel bundle's surface (dist/kamaelia-core.es5.*): the Axon core plus the two containers every
 * program needs, Pipeline and Graphline. This is the bundle held to the 8 KiB size budget; the full
 * bundle (src/index.ts) adds the rest of Kamaelia's components.
 */
export * from "./core/index";
export { Pipeline } from "./components/chassis/pipeline";
export { Graphline } from "./components/chassis/graphline";
export type { GraphlineEnd, GraphlineLinkages, GraphlineSpec } from "./components/chassis/graphline";
