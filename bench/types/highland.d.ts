/**
 * The part of Highland 2.13 the benchmark uses (the package ships no types, and is CommonJS, so it is
 * imported whole): making a stream from an iterator, an array or a generator function, map, merge,
 * reduce and toCallback.
 */
declare module "highland" {
  export interface Stream<T> {
    map<U>(f: (x: T) => U): Stream<U>;
    merge<U>(this: Stream<Stream<U>>): Stream<U>;
    reduce<U>(memo: U, f: (memo: U, x: T) => U): Stream<U>;
    toCallback(callback: (error: Error | null, value?: T) => void): void;
  }
  /** The sentinel a generator pushes to end its stream. */
  export interface Nil {
    readonly __nil: true;
  }
  export type Push<T> = (error: Error | null, value?: T | Nil) => void;
  interface Highland {
    <T>(source: Iterator<T> | T[]): Stream<T>;
    <T>(generator: (push: Push<T>, next: () => void) => void): Stream<T>;
    readonly nil: Nil;
  }
  const highland: Highland;
  export default highland;
}
