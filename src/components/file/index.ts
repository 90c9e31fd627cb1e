/**
 * The file family: files and child processes as components, on the platform IO contract (core io/), so
 * they run on every target whose host offers FileReader, FileWriter or Subprocess.
 */
export { ReadFileAdaptor } from "./read-file-adaptor";
export type { ReadFileAdaptorOptions, ReadMode, ReadModeOutput } from "./read-file-adaptor";
export { WriteFileAdaptor } from "./write-file-adaptor";
export type { WriteFileAdaptorOptions } from "./write-file-adaptor";
export { SubprocessAdaptor } from "./subprocess-adaptor";
export type { SubprocessAdaptorOptions } from "./subprocess-adaptor";
