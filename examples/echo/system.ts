/**
 * The echo system: a ServerCore that gives every connection its own Echo. server.ts runs it;
 * `npm run graph -- echo` draws it.
 */
import { ServerCore } from "kamaelia";
import { Echo } from "./echo";

/** The echo server on `port` (0: any free port), not yet activated. */
export function buildSystem(port = 1601): ServerCore {
  return new ServerCore(() => new Echo(), port);
}
