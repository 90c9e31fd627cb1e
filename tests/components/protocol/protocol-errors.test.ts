/**
 * The protocol errors: typed on every engine (instanceof through FramingError, AxonError and Error), with
 * a stable name, the fields that say where and what, and bad headers quoted safely.
 */
import { expect } from "chai";
import { AxonError, CorruptFrame, FrameTooLarge, FramingError, ShortFrame } from "../../../src/index";
import { printable } from "../../../src/components/protocol/protocol-errors";

describe("protocol errors", () => {
  it("each kind — constructed — is instanceof itself, FramingError, AxonError and Error, with its name", () => {
    const made: [Error, unknown, string][] = [
      [new FramingError("bad input", 3), FramingError, "FramingError"],
      [new CorruptFrame(" at byte offset 3", 3, "1x", "is bad"), CorruptFrame, "CorruptFrame"],
      [new ShortFrame(" at byte offset 3", 3, "9", 9, 2), ShortFrame, "ShortFrame"],
      [new FrameTooLarge(" at byte offset 3", 3, 20, 10, "20"), FrameTooLarge, "FrameTooLarge"],
    ];
    for (const [error, kind, name] of made) {
      expect(error).to.be.instanceOf(kind as never);
      expect(error).to.be.instanceOf(FramingError);
      expect(error).to.be.instanceOf(AxonError);
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal(name);
      expect((error as FramingError).offset).to.equal(3);
    }
    expect(new CorruptFrame("", 0, "", "x")).to.not.be.instanceOf(ShortFrame);
  });

  it("the fields — of each kind — say where, the header as read, the length and the limit", () => {
    const big = new FrameTooLarge(" at byte offset 7", 7, 2000000, 1048576, "2000000");
    expect([big.offset, big.header, big.length, big.limit]).to.deep.equal([7, "2000000", 2000000, 1048576]);
    expect(big.message).to.equal("frame too large at byte offset 7: header '2000000' asks for 2000000, over the limit of 1048576 (maxFrameSize)");
    const short = new ShortFrame(" at byte offset 0", 0, "10", 10, 4);
    expect([short.header, short.length, short.limit]).to.deep.equal(["10", 10, -1]);
    const plain = new FramingError("not a frame");
    expect([plain.message, plain.offset, plain.header, plain.length, plain.limit]).to.deep.equal(["not a frame", -1, "", -1, -1]);
  });

  it("a header — with control, non-ASCII or backslash characters, or very long — is quoted printably and cut short", () => {
    expect(printable("12\n\r\u0000\u00ff\\\u20ac")).to.equal("12\\x0a\\x0d\\x00\\xff\\\\\\u20ac");
    const long = printable(new Array(100).join("7"));
    expect(long).to.equal(new Array(41).join("7") + "...");
    const error = new CorruptFrame("", 0, "\u0001abc", "is bad");
    expect(error.header).to.equal("\\x01abc");
    expect(error.message).to.equal("corrupt frame: header '\\x01abc' is bad");
  });
});
