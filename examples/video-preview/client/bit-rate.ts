/**
 * BitRate: how fast frames have been arriving, in kbit/s, over the last few seconds — the number in the
 * terminal client's status line.
 *
 * Example:
 *   const rate = new BitRate(5000);
 *   rate.add(0, 4500); rate.add(2000, 4500); rate.add(4000, 4500);
 *   rate.kbitPerSecond();        // 18: 9000 bytes arrived in the 4 s since the first of them
 *
 * Behaviour: `add(timeMs, bytes)` records a frame's arrival. `kbitPerSecond()` is the bytes that arrived
 * after the oldest recorded frame, divided by the time from that frame to the newest, so a stream of equal
 * frames at a steady interval reads exactly its rate; it is null until two frames have arrived (one frame
 * alone says nothing about time). Frames older than `windowMs` before the newest are forgotten, except
 * that the two newest are always kept: a stream slower than the window still gets a rate.
 *
 * How it works inside: a short list of [time, bytes] pairs, trimmed from the front on each add.
 */
export class BitRate {
  private readonly windowMs: number;
  private readonly times: number[] = [];
  private readonly sizes: number[] = [];

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** A frame of `bytes` arrived at `timeMs`. */
  add(timeMs: number, bytes: number): void {
    this.times.push(timeMs);
    this.sizes.push(bytes);
    while (this.times.length > 2 && timeMs - this.times[0] > this.windowMs) {
      this.times.shift();
      this.sizes.shift();
    }
  }

  /** kbit/s over the window (bits per millisecond), or null before two frames or when no time has passed. */
  kbitPerSecond(): number | null {
    const n = this.times.length;
    if (n < 2) return null;
    const span = this.times[n - 1] - this.times[0];
    if (span <= 0) return null;
    let bytes = 0;
    for (let i = 1; i < n; i++) bytes += this.sizes[i];
    return (bytes * 8) / span;
  }
}
