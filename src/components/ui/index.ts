/**
 * UI components: what a program shows on the platform's screen, on the platform IO contract (core io/), so
 * they run on every target whose host offers a Display.
 */
export { ImageDisplay } from "./image-display";
export type { ImageDisplayOptions, ImageMessage, ShownReport } from "./image-display";
