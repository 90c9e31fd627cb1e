/**
 * Kamaelia's components, built on the core's public index only. Grouped by family.
 */

// Chassis: components that hold and wire other components
export { Pipeline } from "./chassis/pipeline";
