/**
 * JpegSplitter: cuts concatenated JPEG images out of a byte stream — exact images whatever the cuts, by
 * parsing rather than searching (a D9 inside a segment or an embedded thumbnail does not end an image),
 * garbage and broken images reported and skipped, oversized images dropped, a stream cut inside an image,
 * and shutdown.
 */
import { expect } from "chai";
import fc from "fast-check";
import jpeg from "jpeg-js";
import { CorruptFrame, FrameTooLarge, FramingError, JpegSplitter, ProducerFinished, ShortFrame, producerFinished, shutdownMicroprocess } from "../../../src/index";
import { concat, feed } from "./protocol-harness";

/** A real baseline JPEG of a w×h gradient, made by jpeg-js. */
function makeJpeg(w: number, h: number, seed: number): Uint8Array {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    data[i * 4] = (i * 7 + seed) & 255;
    data[i * 4 + 1] = (i * 3 + seed * 5) & 255;
    data[i * 4 + 2] = (i + seed * 11) & 255;
    data[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, 75).data);
}

/** `image` with an APP1 segment inserted after SOI whose body holds FF D9 and a whole small JPEG. */
function withTrickySegment(image: Uint8Array, thumbnail: Uint8Array): Uint8Array {
  const body = concat([new Uint8Array([0x45, 0x78, 0xff, 0xd9, 0x00]), thumbnail]);
  const length = body.length + 2;
  const segment = concat([new Uint8Array([0xff, 0xe1, length >> 8, length & 255]), body]);
  return concat([image.subarray(0, 2), segment, image.subarray(2)]);
}

function same(a: unknown[], b: Uint8Array[]): void {
  expect(a.length).to.equal(b.length);
  for (let i = 0; i < b.length; i++) expect(Buffer.from(a[i] as Uint8Array).equals(Buffer.from(b[i]))).to.equal(true, "image " + i);
}

const A = makeJpeg(16, 8, 1);
const B = makeJpeg(24, 16, 2);
const C = makeJpeg(8, 8, 3);

describe("JpegSplitter", () => {
  it("JpegSplitter — three images in one chunk — come out as three exact images", () => {
    const outcome = feed(new JpegSplitter(), [concat([A, B, C])], producerFinished());
    same(outcome.out, [A, B, C]);
    expect(outcome.signal.length).to.equal(1);
    expect(outcome.signal[0]).to.be.instanceOf(ProducerFinished);
  });

  it("JpegSplitter — the stream cut at every byte position — gives the same images each time", () => {
    const stream = concat([A, B]);
    for (let cut = 1; cut < stream.length; cut++) {
      const outcome = feed(new JpegSplitter(), [stream.subarray(0, cut), stream.subarray(cut)]);
      same(outcome.out, [A, B]);
      expect(outcome.signal).to.deep.equal([]);
    }
  });

  it("JpegSplitter — a segment holding FF D9 and a whole thumbnail — does not end the image early", () => {
    const tricky = withTrickySegment(B, C);
    const outcome = feed(new JpegSplitter(), [concat([A, tricky, C])]);
    same(outcome.out, [A, tricky, C]);
  });

  it("JpegSplitter — garbage before and between images — is skipped and reported with its offset", () => {
    const junk = new Uint8Array([1, 2, 3, 0xff, 0x00, 4]);
    const outcome = feed(new JpegSplitter(), [concat([junk, A, junk, B])]);
    same(outcome.out, [A, B]);
    expect(outcome.signal.length).to.equal(2);
    expect(outcome.signal[0]).to.be.instanceOf(CorruptFrame);
    expect((outcome.signal[0] as FramingError).message).to.match(/byte offset 0: .*6 bytes before the next SOI/);
    expect((outcome.signal[1] as FramingError).offset).to.equal(junk.length + A.length);
  });

  it("JpegSplitter — an image over maxFrameSize — is dropped and reported, and the next one still arrives", () => {
    const outcome = feed(new JpegSplitter({ maxFrameSize: A.length + 10 }), [concat([B, A])]);
    same(outcome.out, [A]);
    expect(outcome.signal[0]).to.be.instanceOf(FrameTooLarge);
    expect((outcome.signal[0] as FramingError).limit).to.equal(A.length + 10);
  });

  it("JpegSplitter — the stream ends inside an image — reports a ShortFrame, then passes producerFinished on", () => {
    const outcome = feed(new JpegSplitter(), [concat([A, B.subarray(0, 100)])], producerFinished());
    same(outcome.out, [A]);
    expect(outcome.signal.length).to.equal(2);
    expect(outcome.signal[0]).to.be.instanceOf(ShortFrame);
    expect((outcome.signal[0] as FramingError).offset).to.equal(A.length);
    expect(outcome.signal[1]).to.be.instanceOf(ProducerFinished);
    expect(outcome.ended).to.equal(true);
  });

  it("JpegSplitter — shutdownMicroprocess inside an image — drops it quietly and ends", () => {
    const outcome = feed(new JpegSplitter(), [B.subarray(0, 50)], shutdownMicroprocess());
    expect(outcome.out).to.deep.equal([]);
    expect(outcome.signal.length).to.equal(1);
    expect(outcome.ended).to.equal(true);
  });

  it("JpegSplitter — a message that is not bytes — is reported and the splitter carries on", () => {
    const outcome = feed(new JpegSplitter(), ["not bytes", A]);
    same(outcome.out, [A]);
    expect(outcome.signal[0]).to.be.instanceOf(FramingError);
  });

  it("JpegSplitter — any chunking of any sequence of images (fuzzed) — gives exactly those images", () => {
    const images = [A, B, C, withTrickySegment(A, C)];
    fc.assert(
      fc.property(fc.array(fc.nat(images.length - 1), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (picks, cuts) => {
        const chosen = picks.map((p) => images[p]);
        const stream = concat(chosen);
        const points = [...new Set(cuts.map((c) => c % stream.length))].sort((x, y) => x - y);
        const chunks: Uint8Array[] = [];
        let at = 0;
        for (const p of points) {
          chunks.push(stream.subarray(at, p));
          at = p;
        }
        chunks.push(stream.subarray(at));
        const outcome = feed(new JpegSplitter(), chunks);
        same(outcome.out, chosen);
        expect(outcome.signal).to.deep.equal([]);
      }),
      { numRuns: 300 },
    );
  });
});
