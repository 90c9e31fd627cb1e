/**
 * The committed skip list: a case may be skipped on an engine only for a reason that names a missing engine
 * feature. Each entry says which, and why the case cannot be written around it. Empty means every case runs
 * on every engine.
 */
export interface Skip {
  engine: string;
  case: string;
  reason: string;
}

export const skipList: Skip[] = [
  {
    engine: "mujs",
    case: "protocol-length-prefix-framing",
    reason: "mujs has no typed arrays (Uint8Array); the byte-level framers need them",
  },
];

/** The reason `caseId` is skipped on `engineId`, or null. */
export function skipReason(engineId: string, caseId: string): string | null {
  for (const s of skipList) if (s.engine === engineId && s.case === caseId) return s.reason;
  return null;
}
