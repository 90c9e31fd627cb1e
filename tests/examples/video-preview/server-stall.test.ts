/**
 * Slow clients against the preview server (real ffmpeg, loopback): a client that never reads does not
 * change another client's frames, and what the server holds for it stays bounded; a connection whose
 * socket is backed up keeps only the newest frames (drop-oldest) and gets them once it clears.
 */
import { expect } from "chai";
import { ConnectedSocketAdapter, ServerCore } from "../../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { ffmpegPath } from "../../../examples/video-preview/ffmpeg-path";
import { FrameChannels } from "../../../examples/video-preview/server/frame-channels";
import { DEFAULT_MEDIA_FOLDER } from "../../../examples/video-preview/server/preview-server";
import { PreviewProtocol } from "../../../examples/video-preview/server/preview-protocol";
import { schedulersInUse } from "../../helpers/test-scheduler";
import { FrameClient, eventually, ffmpegChildren, sleep, startServer } from "./server-helpers";

/** Frames `client` receives in the `ms` after its next frame. */
async function framesOver(client: FrameClient, ms: number): Promise<number> {
  const first = client.frames.length + 1;
  await client.waitFrames(first);
  const start = client.frames.length;
  await sleep(ms);
  return client.frames.length - start;
}

describe("PreviewServer with slow clients", function () {
  this.timeout(30000);

  it("PreviewServer — a stalled client beside a reading one — the reader gets as many frames as a lone client, and the stalled connection's buffers stay bounded", async () => {
    const others = ffmpegChildren();
    const running = await startServer({ interval: 0.2 });
    try {
      const port = running.ports.tcpPort;
      const lone = new FrameClient(port);
      const loneCount = await framesOver(lone, 2000);
      lone.close();
      // The stalled client asks for the biggest, fastest frames there are, and never reads a byte.
      const stalled = new FrameClient(port, "test-pattern.mpg 0.1 640x480\n", { stalled: true });
      const reader = new FrameClient(port);
      await eventually(() => running.server.channels.grabberCount() === 2, "the stalled client's extraction");
      const readerCount = await framesOver(reader, 2000);
      expect(readerCount).to.be.at.least(loneCount - 2);
      expect(readerCount).to.be.at.least(5);
      expect(stalled.raw.length).to.equal(0);
      let largest = 0;
      for (const child of running.server.core.childComponents()) {
        if (child instanceof PreviewProtocol && child.feed !== null) expect(child.feed.queue.waiting()).to.be.at.most(2);
        if (child instanceof ConnectedSocketAdapter) largest = Math.max(largest, child.bufferedBytes());
      }
      // What an adapter holds beyond its socket's own limit is at most one framed 640x480 JPEG.
      expect(largest).to.be.below(200000);
      reader.close();
      stalled.close();
    } finally {
      await running.stop();
    }
    await eventually(() => ffmpegChildren(others).length === 0, "every ffmpeg to exit");
  });

  it("PreviewProtocol — its socket backed up while frames are published — keeps only the newest, counts drops, and sends them once it clears", async () => {
    const others = ffmpegChildren();
    const driver = new EventLoopDriver({ log: () => undefined });
    schedulersInUse.push(driver.scheduler);
    const channels = new FrameChannels({ ffmpeg: ffmpegPath(), mediaFolder: DEFAULT_MEDIA_FOLDER, graceMs: 0 });
    let backedUp = true;
    const protocols: PreviewProtocol[] = [];
    const defaults = { video: "test-pattern.mpg", interval: 0.2, width: 88, height: 72 };
    const core = new ServerCore(
      () => {
        const p = new PreviewProtocol({ channels, videos: ["test-pattern.mpg"], defaults, queueLength: 2, backlog: () => (backedUp ? 1 : 0) });
        protocols.push(p);
        return p;
      },
      0,
      { address: "127.0.0.1" },
    );
    const channelsHandle = new AsyncHandle(channels, driver);
    const coreHandle = new AsyncHandle(core, driver);
    const running = driver.run();
    const port = (await coreHandle.get("serverPort")) as number;
    const client = new FrameClient(port, "\n");
    await eventually(() => protocols.length === 1 && protocols[0].feed !== null && protocols[0].feed.queue.dropped >= 3, "frames to be dropped");
    const queue = protocols[0].feed!.queue;
    expect(client.frames).to.have.length(0);
    expect(queue.waiting()).to.equal(2);
    backedUp = false;
    await client.waitFrames(4);
    const dropped = queue.dropped;
    expect(dropped).to.be.at.least(3);
    client.close();
    await coreHandle.shutdown();
    await channelsHandle.shutdown();
    coreHandle.close();
    channelsHandle.close();
    await running;
    await eventually(() => ffmpegChildren(others).length === 0, "ffmpeg to exit");
  });
});
