/**
 * Echo: the protocol component from the Kamaelia paper — whatever arrives on `inbox` goes straight back
 * out of `outbox`. Given to a ServerCore, each connection gets its own Echo, so every client hears itself.
 *
 * Example:
 *   new ServerCore(() => new Echo(), 1601)
 *
 * Behaviour: written in Axon's callback form, as in the paper (`mainBody` returns truthy to run again).
 * A shutdown message on `control` — the server's word that the connection closed, or a shutdown — is
 * passed on out of `signal` after the inbox is drained, and Echo ends; the server then closes (or forgets)
 * the connection.
 */
import { Component } from "kamaelia";

export class Echo extends Component {
  static override Name = "Echo";

  override mainBody(): number {
    while (this.dataReady()) this.send(this.recv());
    if (this.dataReady("control")) {
      this.send(this.recv("control"), "signal");
      return 0;
    }
    this.pause();
    return 1;
  }
}
