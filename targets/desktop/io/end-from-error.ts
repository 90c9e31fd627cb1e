/**
 * endFromError: a Node error (from net, dgram, fs or child_process) as the contract's IOEnd, so every
 * desktop IO class reports the same code for the same cause.
 *
 * Example:
 *   socket.on("error", (error) => finish(endFromError(error)));   // EADDRINUSE -> { code: "in-use", ... }
 *
 * Behaviour: the Node `code` decides: ENOENT and ENOTFOUND (also EAI_AGAIN, a name that does not
 * resolve yet) are `not-found`; EACCES and EPERM `denied`; EADDRINUSE `in-use`; ECONNREFUSED `refused`;
 * ECONNRESET and EPIPE `reset`; ETIMEDOUT `timeout`; anything else `failed`. The message is Node's own
 * (such as `spawn ffmpeg ENOENT`), which names the call and the path or address.
 */
import type { IOEnd, IOEndCode } from "../../../src/index";

const CODES: { [nodeCode: string]: IOEndCode } = {
  ENOENT: "not-found",
  ENOTFOUND: "not-found",
  EAI_AGAIN: "not-found",
  EACCES: "denied",
  EPERM: "denied",
  EADDRINUSE: "in-use",
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ETIMEDOUT: "timeout",
};

/** The IOEnd for a Node error (or anything thrown). */
export function endFromError(error: unknown): IOEnd {
  const nodeCode = error !== null && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  const code = typeof nodeCode === "string" && Object.prototype.hasOwnProperty.call(CODES, nodeCode) ? CODES[nodeCode] : "failed";
  const message = error instanceof Error ? error.message : String(error);
  return { code, message };
}
