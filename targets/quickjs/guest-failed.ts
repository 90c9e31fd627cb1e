/**
 * GuestFailed: why a QuickJS guest was ended by its host — it ran out of its memory limit, ran past its
 * CPU limit without yielding, or threw where nothing caught it. The host itself carries on.
 *
 * Example:
 *   try { await host.run(); } catch (e) { if (e instanceof GuestFailed && e.reason === "memory") ... }
 */

/** What ended the guest. */
export type GuestFailureReason = "memory" | "cpu" | "error";

export class GuestFailed extends Error {
  override readonly name = "GuestFailed";
  /** memory: over `memoryLimitBytes`; cpu: one entry ran over `cpuLimitMs`; error: an uncaught exception. */
  readonly reason: GuestFailureReason;

  constructor(reason: GuestFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Turn what QuickJS reported into a GuestFailed that says which limit, if any, was hit. */
export function guestFailure(text: string, limits: { memoryLimitBytes: number; cpuLimitMs: number }): GuestFailed {
  if (/out of memory/i.test(text)) {
    return new GuestFailed("memory", "the QuickJS guest exceeded its memory limit of " + limits.memoryLimitBytes + " bytes (" + text.split("\n")[0] + ")");
  }
  if (/interrupted/i.test(text)) {
    return new GuestFailed(
      "cpu",
      "the QuickJS guest ran for more than its CPU limit of " + limits.cpuLimitMs + " ms without yielding to the host (a loop without a yield?) and was interrupted",
    );
  }
  return new GuestFailed("error", "the QuickJS guest threw: " + text);
}
