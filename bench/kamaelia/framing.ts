/**
 * Kamaelia, framing: `Pipeline(Frames(n), LengthPrefixFramer, LengthPrefixDeFramer, FrameCheck)` with
 * 5 KB Uint8Array frames — the video streamer's framing, both ends in one process.
 *
 * The source sends the same 5 KB array each time (the framer copies it into each frame, so a producer may
 * reuse its buffer) and yields every 256 sends. Checked: n frames came out, each exactly 5 KB with the
 * pattern's first and last bytes, and every component has ended.
 *
 * LengthPrefixFramer / LengthPrefixDeFramer are looked up by name at run time: when the build does not
 * export them yet, `framingUnavailable` says so and the suites print a "not available yet" line.
 */
import type { KamaeliaApi } from "../kamaelia-builds";
import type { AnyComponent, MainLoop, ShutdownMessage } from "../../src/index";
import { expectEqual } from "../check";
import { checkedScheduler } from "./checked-scheduler";
import { FRAME_BYTES, FRAMES, SOURCE_BATCH } from "../scenario";
import type { Trial } from "../scenario";

type FramingComponent = new () => AnyComponent;

function framers(K: KamaeliaApi): { framer: FramingComponent; deframer: FramingComponent } | null {
  const api = K as unknown as { [name: string]: unknown };
  const framer = api.LengthPrefixFramer;
  const deframer = api.LengthPrefixDeFramer;
  if (typeof framer !== "function" || typeof deframer !== "function") return null;
  return { framer: framer as FramingComponent, deframer: deframer as FramingComponent };
}

/** Null when the build exports both components; otherwise why the scenario cannot run. */
export function framingUnavailable(K: KamaeliaApi): string | null {
  return framers(K) === null ? "not available yet: the build does not export LengthPrefixFramer and LengthPrefixDeFramer" : null;
}

export function kamaeliaFraming(K: KamaeliaApi, n = FRAMES): Trial {
  const found = framers(K);
  if (found === null) throw new Error(framingUnavailable(K) as string);
  const payload = new Uint8Array(FRAME_BYTES);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7 + 3) & 255;
  const first = payload[0];
  const last = payload[FRAME_BYTES - 1];

  class Frames extends K.Component<{ inbox: never; control: ShutdownMessage }, { outbox: Uint8Array; signal: ShutdownMessage }> {
    static override Name = "Frames";
    override *main(): MainLoop {
      for (let i = 0; i < n; ) {
        const end = Math.min(n, i + SOURCE_BATCH);
        for (; i < end; i++) this.send(payload);
        yield 1;
      }
      this.send(K.producerFinished(this), "signal");
    }
  }

  class FrameCheck extends K.Component<{ inbox: Uint8Array; control: ShutdownMessage }, { outbox: never; signal: ShutdownMessage }> {
    static override Name = "FrameCheck";
    frames = 0;
    bad = 0;
    override *main(): MainLoop {
      for (;;) {
        while (this.dataReady()) {
          const frame = this.recv();
          this.frames++;
          if (frame.length !== FRAME_BYTES || frame[0] !== first || frame[FRAME_BYTES - 1] !== last) this.bad++;
        }
        if (this.dataReady("control")) {
          this.recv("control");
          return;
        }
        this.pause();
        yield 1;
      }
    }
  }

  return () => {
    const { scheduler, expectNoCrash } = checkedScheduler(K);
    const check = new FrameCheck();
    new K.Pipeline(new Frames(), new found.framer(), new found.deframer(), check).activate(scheduler);
    scheduler.runThreads();
    expectNoCrash("framing");
    expectEqual(check.frames, n, "framing: frames out of the de-framer");
    expectEqual(check.bad, 0, "framing: frames with the wrong size or bytes");
    expectEqual(scheduler.listAllThreads().length, 0, "framing: components still running at the end");
    return { work: n };
  };
}
