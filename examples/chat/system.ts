/**
 * The chat system: a Backplane named "chat" beside a ServerCore giving each connection a ChatSession, in a
 * Graphline so one shutdown ends both. server.ts runs it; `npm run graph -- chat` draws it.
 */
import { Backplane, Graphline, ServerCore } from "kamaelia";
import { CHAT, ChatSession } from "./chat-session";

/** The chat server on `port` (0: any free port), not yet activated. */
export function buildSystem(port = 1602): Graphline {
  return new Graphline({
    BACKPLANE: new Backplane(CHAT),
    SERVER: new ServerCore((connection) => ChatSession("guest " + connection.id), port),
    linkages: { "SERVER.serverPort": "self.outbox" },
  });
}
