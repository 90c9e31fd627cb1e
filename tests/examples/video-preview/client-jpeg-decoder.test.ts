/**
 * JpegDecoder (the terminal client's decoder): a real JPEG becomes RGBA pixels with its frame number and
 * size; a corrupt one is reported on `signal` with its frame number and skipped while the frames after it
 * decode; the shutdown message is passed on after the inbox; a bad header cannot make it allocate a huge
 * image.
 */
import { expect } from "chai";
import jpeg from "jpeg-js";
import { ProducerFinished, producerFinished } from "../../../src/index";
import { CorruptJpeg, JpegDecoder } from "../../../examples/video-preview/client/jpeg-decoder";
import type { DecodedFrame } from "../../../examples/video-preview/client/jpeg-decoder";
import { feed } from "../../components/protocol/protocol-harness";

/** A real JPEG of a w×h picture: left half red, right half blue. */
function makeJpeg(w: number, h: number): Uint8Array {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const left = i % w < w / 2;
    data[i * 4] = left ? 230 : 20;
    data[i * 4 + 1] = 30;
    data[i * 4 + 2] = left ? 20 : 230;
    data[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, 90).data);
}

describe("JpegDecoder", () => {
  it("JpegDecoder — a valid 32×16 JPEG — one DecodedFrame: frame 1, its size, RGBA pixels close to the picture", () => {
    const bytes = makeJpeg(32, 16);
    const result = feed(new JpegDecoder(), [bytes], producerFinished());
    expect(result.crashed).to.equal(false);
    expect(result.out).to.have.length(1);
    const frame = result.out[0] as DecodedFrame;
    expect([frame.frame, frame.width, frame.height, frame.bytes, frame.rgba.length]).to.deep.equal([1, 32, 16, bytes.length, 32 * 16 * 4]);
    const at = (x: number, y: number): number[] => Array.from(frame.rgba.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4));
    const [r, g, b, a] = at(4, 8);
    expect(r).to.be.within(200, 255);
    expect(g).to.be.below(70);
    expect(b).to.be.below(70);
    expect(a).to.equal(255);
    expect(at(28, 8)[2]).to.be.within(200, 255);
  });

  it("JpegDecoder — valid, not a JPEG, cut in half, valid — frames 1 and 4 out, CorruptJpeg for frames 2 and 3 on signal, then the shutdown", () => {
    const good = makeJpeg(16, 16);
    const end = producerFinished();
    const result = feed(new JpegDecoder(), [good, new TextEncoder().encode("hello, not a picture"), good.subarray(0, good.length >> 1), good], end);
    expect(result.crashed).to.equal(false);
    expect(result.ended).to.equal(true);
    expect(result.out.map((f) => (f as DecodedFrame).frame)).to.deep.equal([1, 4]);
    expect(result.signal).to.have.length(3);
    const [second, third, last] = result.signal as [CorruptJpeg, CorruptJpeg, unknown];
    expect(second).to.be.instanceOf(CorruptJpeg);
    expect(second.frame).to.equal(2);
    expect(second.bytes).to.equal(20);
    expect(second.message).to.match(/^frame 2 \(20 bytes\) is not a JPEG that decodes: .+; skipped$/);
    expect(third.frame).to.equal(3);
    expect(last).to.equal(end);
  });

  it("JpegDecoder — a JPEG larger than maxMegapixels — reported as corrupt, not decoded", () => {
    const result = feed(new JpegDecoder({ maxMegapixels: 0.0001 }), [makeJpeg(64, 64)], producerFinished());
    expect(result.out).to.deep.equal([]);
    expect((result.signal[0] as CorruptJpeg).frame).to.equal(1);
    expect(result.signal[1]).to.be.instanceOf(ProducerFinished);
  });

  it("JpegDecoder — something that is not bytes — a CorruptJpeg, not a crash", () => {
    const result = feed(new JpegDecoder(), ["a string"], producerFinished());
    expect(result.crashed).to.equal(false);
    expect((result.signal[0] as CorruptJpeg).message).to.contain("not a Uint8Array");
  });
});
