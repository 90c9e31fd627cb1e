/**
 * ChatSession: the protocol component for one chat connection — the lines its client types are published
 * on the "chat" Backplane, and everything published there (by anyone, this client included) is sent back
 * to the client.
 *
 * Example:
 *   new ServerCore((connection) => new ChatSession("guest " + connection.id), 1602)
 *
 * Behaviour: on joining it publishes `* <who> joined`; each complete line the client sends is published as
 * `<who>: <line>`; when the connection closes it publishes `* <who> left` and ends (its subscription goes
 * with it). Lines are UTF-8 text ending in "\n" ("\r\n" is fine).
 *
 * How it works inside: a Graphline of three — SUBSCRIBE (SubscribeTo "chat") feeding the session's
 * outbox, LINES (bytes to "<who>: <line>\n" strings) feeding PUBLISH (PublishTo "chat"). A shutdown on the
 * session's control reaches LINES and SUBSCRIBE (nothing in the layout feeds their control); LINES passes
 * it on to PUBLISH after its farewell, and the session ends when all three have.
 */
import { Component, Graphline, PublishTo, SubscribeTo, isShutdownMessage } from "kamaelia";
import type { MainLoop } from "kamaelia";

/** The Backplane every session publishes to and subscribes to. */
export const CHAT = "chat";

/** Bytes from the client to chat lines: announces the arrival, prefixes each line, announces the exit. */
export class Lines extends Component {
  static override Name = "Lines";
  private readonly decoder = new TextDecoder();
  private partial = "";

  constructor(private readonly who: string) {
    super();
  }

  override *main(): MainLoop {
    this.send("* " + this.who + " joined\n");
    for (;;) {
      while (this.dataReady()) {
        const text = this.partial + this.decoder.decode(this.recv() as Uint8Array, { stream: true });
        const lines = text.split("\n");
        this.partial = lines.pop() as string;
        for (const line of lines) this.send(this.who + ": " + line.replace(/\r$/, "") + "\n");
      }
      if (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) {
          this.send("* " + this.who + " left\n");
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield 1;
    }
  }
}

/** One connection's chat session. */
export function ChatSession(who: string): Graphline {
  return new Graphline({
    // SUBSCRIBE comes first, so it has asked the Backplane for lines before the first one is published.
    SUBSCRIBE: new SubscribeTo(CHAT),
    LINES: new Lines(who),
    PUBLISH: new PublishTo(CHAT),
    linkages: {
      "self.inbox": "LINES.inbox",
      "LINES.outbox": "PUBLISH.inbox",
      "LINES.signal": "PUBLISH.control",
      "SUBSCRIBE.outbox": "self.outbox",
    },
  });
}
