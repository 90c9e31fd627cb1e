/**
 * Kamaelia's components, built on the core's public index only. Grouped by family.
 */

// Chassis: components that hold and wire other components
export { Pipeline } from "./chassis/pipeline";
export { Graphline } from "./chassis/graphline";
export type { GraphlineEnd, GraphlineLinkages, GraphlineSpec } from "./chassis/graphline";
export { Seq } from "./chassis/seq";
export { PAR } from "./chassis/par";
export { Carousel } from "./chassis/carousel";
export type { CarouselOptions } from "./chassis/carousel";
export type { ConnectionInfo, ProtocolFactory } from "./chassis/protocol-factory";

// Util: sources, sinks, transformers, fan-out, clocks, publish/subscribe
export * from "./util/index";

// Protocols: framing and chunking of byte streams and messages
export * from "./protocol/index";

// Marshalling: MimeDict and the Marshaller component
export * from "./marshalling/index";

// Introspection: the live graph as snapshots, events, DOT, SVG and HTML
export * from "./introspection/index";

// Internet: network, file, process and thread adaptors on the platform IO contract
export * from "./internet/index";

// Threads: components whose work runs on a platform thread, where it may block
export * from "./threads/index";

// Files and processes: reading and writing files, running programs, on the platform IO contract
export * from "./file/index";

// UI: showing images on the platform's screen
export * from "./ui/index";
