/**
 * The video preview's desktop terminal client: connects to the preview server over TCP, takes the frames
 * apart, shows each in the terminal and (with a folder) saves each as a file. `kamaelia-preview connect`
 * runs it (preview-cli.ts).
 *
 *   REQUEST (DataSource, the request line) ──▶ CLIENT (TCPClient host:port)
 *   CLIENT ──▶ DEFRAMER (LengthPrefixDeFramer) ──▶ COUNT (FrameCount, --frames) ──▶ SPLIT (Fanout)
 *   SPLIT.toSaver ──▶ SAVER (FrameSaver, --save DIR)
 *   SPLIT.toDecoder ──▶ DECODER (JpegDecoder) ──▶ DISPLAY (TerminalDisplay)
 *   COUNT.stopSource ──▶ CLIENT.control          (the frame limit closes the connection)
 *
 * Example:
 *   const run = startTerminalClient({ host: "127.0.0.1", port: 1500, request: "test-pattern.mpg 2 176x144", saveDir: "/tmp/f" });
 *   process.on("SIGINT", () => run.stop());
 *   const outcome = await run.done;     // { ok: true, message: "the server closed the connection after 12 frames", ... }
 *
 * Behaviour:
 * - The request line, when given, is sent first (the server then streams that video at that interval and
 *   size; without one the server picks its default after 500 ms). Each `"<n>\n<jpeg>"` frame is counted,
 *   then saved and decoded → drawn; without `saveDir` there is no saver and no Fanout, with `display:
 *   false` no decoder or display.
 * - It ends when the server closes (ok), after `frames` frames (ok: the connection is closed at once), on
 *   `stop()` (ok: shutdownMicroprocess through the graph, so the display restores the terminal), or when
 *   something fails: the connection is refused or lost, or the stream is not frames (an `Invalid request`
 *   reply, another protocol on that port). The outcome's `message` says which in one line, naming the
 *   address and the likely cause — never a stack trace. A component that crashes (a bug) stops everything
 *   and is reported the same way.
 * - Everything downstream ends in order behind the end of the stream: the saver finishes its files, then
 *   the decoder and the display have their last frame. Log lines the library writes meanwhile (a file that
 *   could not be saved) are collected in `warnings` rather than printed over the picture.
 *
 * How it works inside: one Graphline. The shutdown message travels down one chain of signal → control
 * linkages, CLIENT → DEFRAMER → COUNT → SPLIT → SAVER → DECODER → DISPLAY → the graph's own signal, though
 * the data forks at SPLIT: an Axon outbox has one destination, so the Fanout's end goes to the saver, and
 * the saver passes it on to the decoder only once its files are complete (the decoder's frames are already
 * in its inbox by then). So the message that comes out of the graph is the one the stream ended with —
 * producerFinished carrying the TCPClient's IOEnd or IOFailed, or the de-framer's FramingError — and the
 * outcome is read from it. `self.control` passes through to CLIENT.control, so `stop()` starts the same
 * orderly end as a closing server.
 */
import { DataSource, Fanout, FramingError, Graphline, IOFailed, LengthPrefixDeFramer, ProducerFinished, ShutdownMicroprocess, TCPClient, shutdownMicroprocess } from "../../../src/index";
import type { AnyComponent, GraphlineSpec, LogLevel } from "../../../src/index";
import { AsyncHandle, EventLoopDriver } from "../../../targets/desktop/index";
import { FrameCount } from "./frame-count";
import { FrameSaver } from "./frame-saver";
import { JpegDecoder } from "./jpeg-decoder";
import { TerminalDisplay } from "./terminal-display";
import type { TerminalDisplayOptions } from "./terminal-display";

/** What to connect to, what to ask for, and what to do with the frames. */
export interface TerminalClientOptions {
  /** The server's host name or address. */
  host: string;
  /** Its TCP frames port (1500 by default on the server). */
  port: number;
  /** The request line to send first, without its newline (`test-pattern.mpg 0.5 176x144`); none if empty. */
  request?: string;
  /** Save each frame as `frame-000001.jpg`, … in this existing folder. */
  saveDir?: string;
  /** Stop after this many frames (0 or absent: until the server closes). */
  frames?: number;
  /** Draw the frames in the terminal (the default), with these options; false for no decoder or display. */
  display?: TerminalDisplayOptions | false;
}

/** The graph and the components whose counts the outcome reports. */
export interface TerminalClientGraph {
  graph: Graphline;
  count: FrameCount;
  saver: FrameSaver | null;
  decoder: JpegDecoder | null;
  display: TerminalDisplay | null;
}

/** How a run ended. */
export interface ClientOutcome {
  /** True when it ended as it should: the server closed, the frame limit, or stop(). */
  ok: boolean;
  /** One line saying how it ended and why. */
  message: string;
  /** Frames received. */
  frames: number;
  /** Their bytes. */
  bytes: number;
  /** Files saved, and files that could not be (with saveDir). */
  saved: number;
  failed: number;
  /** Frames that did not decode (with the display). */
  corrupt: number;
  /** Warnings and errors the library logged during the run. */
  warnings: string[];
}

/** A running client: `stop()` ends it in order; `done` resolves with its outcome. */
export interface RunningClient {
  readonly parts: TerminalClientGraph;
  stop(): void;
  readonly done: Promise<ClientOutcome>;
}

/** The client's Graphline for `options`, and its parts. Activate it on a desktop host (EventLoopDriver). */
export function terminalClient(options: TerminalClientOptions): TerminalClientGraph {
  const count = new FrameCount(options.frames || 0);
  const saver = options.saveDir ? new FrameSaver(options.saveDir) : null;
  const decoder = options.display === false ? null : new JpegDecoder();
  const display = options.display === false ? null : new TerminalDisplay(options.display);
  const links: { [from: string]: string } = {
    "self.control": "CLIENT.control",
    "CLIENT.outbox": "DEFRAMER.inbox",
    "CLIENT.signal": "DEFRAMER.control",
    "DEFRAMER.outbox": "COUNT.inbox",
    "DEFRAMER.signal": "COUNT.control",
    "COUNT.stopSource": "CLIENT.control",
  };
  const parts: { [name: string]: AnyComponent } = {
    CLIENT: new TCPClient(options.host, options.port),
    DEFRAMER: new LengthPrefixDeFramer(),
    COUNT: count,
  };
  if (options.request) {
    parts.REQUEST = new DataSource([options.request + "\n"]);
    links["REQUEST.outbox"] = "CLIENT.inbox";
  }
  let last = "COUNT";
  if (saver !== null && decoder !== null && display !== null) {
    parts.SPLIT = new Fanout(["toSaver", "toDecoder"]);
    parts.SAVER = saver;
    parts.DECODER = decoder;
    parts.DISPLAY = display;
    links["COUNT.outbox"] = "SPLIT.inbox";
    links["COUNT.signal"] = "SPLIT.control";
    links["SPLIT.toSaver"] = "SAVER.inbox";
    links["SPLIT.toDecoder"] = "DECODER.inbox";
    links["SPLIT.signal"] = "SAVER.control";
    links["SAVER.signal"] = "DECODER.control";
    links["DECODER.outbox"] = "DISPLAY.inbox";
    links["DECODER.signal"] = "DISPLAY.control";
    last = "DISPLAY";
  } else if (saver !== null) {
    parts.SAVER = saver;
    links["COUNT.outbox"] = "SAVER.inbox";
    links["COUNT.signal"] = "SAVER.control";
    last = "SAVER";
  } else if (decoder !== null && display !== null) {
    parts.DECODER = decoder;
    parts.DISPLAY = display;
    links["COUNT.outbox"] = "DECODER.inbox";
    links["COUNT.signal"] = "DECODER.control";
    links["DECODER.outbox"] = "DISPLAY.inbox";
    links["DECODER.signal"] = "DISPLAY.control";
    last = "DISPLAY";
  }
  links[last + ".signal"] = "self.signal";
  const spec = parts as GraphlineSpec;
  spec.linkages = links;
  return { graph: new Graphline(spec), count, saver, decoder, display };
}

/** Run the client on its own EventLoopDriver until it ends. */
export function startTerminalClient(options: TerminalClientOptions): RunningClient {
  const warnings: string[] = [];
  let crash = "";
  const driver = new EventLoopDriver({
    log: (level: LogLevel, text: string) => {
      if (level === "warn" || level === "error") warnings.push(text);
    },
    hooks: {
      onError: (error: unknown, who) => {
        // A bug, not a network problem: stop everything (outside the slice that is running) and say where.
        if (crash === "") crash = "internal error in " + String((who as { name?: string }).name) + ": " + (error instanceof Error ? error.message : String(error));
        setImmediate(() => driver.stop());
      },
    },
  });
  const parts = terminalClient(options);
  const handle = new AsyncHandle(parts.graph, driver);
  const finished = driver.run();
  const done = (async (): Promise<ClientOutcome> => {
    const last = await handle.get("signal");
    await finished;
    handle.close();
    const outcome = describeEnd(last, parts, options, warnings);
    if (crash !== "") return { ...outcome, ok: false, message: crash };
    return outcome;
  })();
  return {
    parts,
    stop: () => {
      if (!parts.graph.isStopped()) handle.put(shutdownMicroprocess() as never, "control" as never);
    },
    done,
  };
}

function plural(n: number, word: string): string {
  return n + " " + word + (n === 1 ? "" : "s");
}

/** The outcome read from the message the graph ended with. */
export function describeEnd(last: unknown, parts: TerminalClientGraph, options: TerminalClientOptions, warnings: string[]): ClientOutcome {
  const where = options.host + ":" + options.port;
  const frames = parts.count.frames;
  const after = " after " + plural(frames, "frame");
  const reason = last instanceof ProducerFinished ? last.message : undefined;
  let ok = false;
  let message: string;
  if (last instanceof ProducerFinished && last.caller === parts.count) {
    ok = true;
    message = "received " + plural(frames, "frame") + " (" + parts.count.bytes + " bytes) from " + where;
  } else if (last instanceof ShutdownMicroprocess) {
    ok = true;
    message = "stopped" + after;
  } else if (reason instanceof IOFailed) {
    message = connectionFailure(reason.code, where, reason.message, frames);
  } else if (reason instanceof FramingError) {
    message = streamFailure(reason, where, options.request || "", frames);
  } else if (last instanceof ProducerFinished) {
    ok = true;
    message = "the server at " + where + " closed the connection" + after;
  } else {
    message = "the client ended without saying why" + after;
  }
  return {
    ok,
    message,
    frames,
    bytes: parts.count.bytes,
    saved: parts.saver ? parts.saver.saved : 0,
    failed: parts.saver ? parts.saver.failed : 0,
    corrupt: parts.decoder ? parts.decoder.corrupt : 0,
    warnings,
  };
}

function connectionFailure(code: string, where: string, detail: string, frames: number): string {
  if (frames === 0 && code === "refused") return "cannot connect to " + where + ": connection refused (is the preview server running there, on its TCP frames port?)";
  if (frames === 0 && code === "not-found") return "cannot connect to " + where + ": no such host (check the name)";
  if (frames === 0 && code === "timeout") return "cannot connect to " + where + ": timed out (a firewall, or the wrong address?)";
  if (code === "reset") return "the connection to " + where + " was lost (reset by the server or the network) after " + plural(frames, "frame");
  return "the connection to " + where + " failed after " + plural(frames, "frame") + ": " + detail;
}

function streamFailure(error: FramingError, where: string, request: string, frames: number): string {
  if (error.name === "ShortFrame") return "the connection to " + where + " ended in the middle of frame " + (frames + 1) + " (" + error.message + ")";
  if (frames === 0 && error.offset === 0 && request !== "" && error.header.charAt(0) === "I") {
    return "the server at " + where + " refused the request '" + request + "' (it answers 'Invalid request' for an unknown video, an interval outside 0.1–60 s, or a size outside 16x16–640x480)";
  }
  return "the server at " + where + " did not send preview frames ('<length>\\n<jpeg>')" + (frames > 0 ? " after " + plural(frames, "frame") : "") + ": " + error.message;
}
