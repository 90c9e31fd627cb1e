/**
 * endFromError: Node's error codes as the contract's IOEnd codes, the same for every desktop IO class.
 */
import { expect } from "chai";
import { endFromError } from "../../../targets/desktop/io/end-from-error";

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("endFromError", () => {
  it("endFromError — each Node code the contract names — its IOEnd code, with Node's message", () => {
    const cases: [string, string][] = [
      ["ENOENT", "not-found"],
      ["ENOTFOUND", "not-found"],
      ["EACCES", "denied"],
      ["EPERM", "denied"],
      ["EADDRINUSE", "in-use"],
      ["ECONNREFUSED", "refused"],
      ["ECONNRESET", "reset"],
      ["EPIPE", "reset"],
      ["ETIMEDOUT", "timeout"],
    ];
    for (const [nodeCode, code] of cases) {
      expect(endFromError(nodeError(nodeCode, "open x " + nodeCode))).to.deep.equal({ code, message: "open x " + nodeCode });
    }
  });

  it("endFromError — any other code, no code, or not an Error — failed, with a message", () => {
    expect(endFromError(nodeError("EISDIR", "read EISDIR")).code).to.equal("failed");
    expect(endFromError(new Error("plain"))).to.deep.equal({ code: "failed", message: "plain" });
    expect(endFromError("a string")).to.deep.equal({ code: "failed", message: "a string" });
    expect(endFromError(null).code).to.equal("failed");
  });
});
