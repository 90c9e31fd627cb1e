/**
 * Thread messages: shutdown messages survive a structured clone (as a thread crossing does) and come back
 * as real Ipc instances; everything else passes unchanged. No threads: `structuredClone` stands in.
 */
import { expect } from "chai";
import { Component, ProducerFinished, ShutdownMicroprocess, decodeThreadMessage, encodeThreadMessage, isShutdownMessage, producerFinished, shutdownMicroprocess } from "../../../src/index";

/** What arrives on the other side of a thread. */
function cross(message: unknown): unknown {
  return decodeThreadMessage(structuredClone(encodeThreadMessage(message)));
}

describe("thread messages", () => {
  it("producerFinished — from a component, with an IOEnd — rebuilt with the caller's name and the same message", () => {
    const caller = new Component();
    const back = cross(producerFinished(caller, { code: "closed", message: "done" }));
    expect(back).to.be.instanceOf(ProducerFinished);
    expect(isShutdownMessage(back)).to.equal(true);
    expect(back).to.deep.include({ caller: caller.name, message: { code: "closed", message: "done" } });
  });

  it("producerFinished — with no caller, or plain data as caller — rebuilt as it was", () => {
    expect(cross(producerFinished())).to.deep.include({ caller: undefined, message: undefined });
    expect(cross(producerFinished("thread", 7))).to.deep.include({ caller: "thread", message: 7 });
  });

  it("producerFinished — a function as caller — crosses without it", () => {
    expect(cross(producerFinished(() => 1))).to.deep.include({ caller: undefined });
  });

  it("shutdownMicroprocess — naming components — rebuilt without them", () => {
    const back = cross(shutdownMicroprocess(new Component())) as ShutdownMicroprocess;
    expect(back).to.be.instanceOf(ShutdownMicroprocess);
    expect(back.microprocesses()).to.deep.equal([]);
  });

  it("other messages — data, null, arrays, bytes — pass through unchanged", () => {
    for (const message of [0, "text", null, undefined, [1, [2]], { a: { b: 1 } }, new Uint8Array([1, 2, 3])]) {
      expect(encodeThreadMessage(message)).to.equal(message);
      expect(cross(message)).to.deep.equal(message);
    }
  });
});
