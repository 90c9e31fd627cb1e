/**
 * Kamaelia's components, built on the core's public index only. Grouped by family.
 */

// Chassis: components that hold and wire other components
export { Pipeline } from "./chassis/pipeline";

// Util: sources, sinks, transformers, fan-out, clocks, publish/subscribe
export * from "./util/index";

// Protocols: framing and chunking of byte streams and messages
export * from "./protocol/index";

// Marshalling: MimeDict and the Marshaller component
export * from "./marshalling/index";

// Introspection: the live graph as snapshots, events, DOT, SVG and HTML
export * from "./introspection/index";
