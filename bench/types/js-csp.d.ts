/**
 * The part of js-csp 1.0 the benchmark uses (the package ships no types, and is CommonJS, so it is
 * imported whole). Written from its README: channels, go blocks and the put/take instructions yielded
 * inside them.
 */
declare module "js-csp" {
  export interface Channel {
    close(): void;
  }
  /** What a go block yields: an instruction the js-csp dispatcher carries out. */
  export interface Instruction {
    readonly __instruction: true;
  }
  interface Csp {
    readonly CLOSED: null;
    chan(bufferOrSize?: number): Channel;
    go(body: () => Generator<Instruction, void, unknown>): Channel;
    take(channel: Channel): Instruction;
    put(channel: Channel, value: unknown): Instruction;
    takeAsync(channel: Channel, callback: (value: unknown) => void): void;
  }
  const csp: Csp;
  export default csp;
}
