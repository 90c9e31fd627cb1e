/**
 * TerminalDisplay: draws each decoded frame in the terminal in 24-bit colour half blocks, redrawn in place,
 * with a status line under it — the desktop client's screen.
 *
 * Example:
 *   new Pipeline(new TCPClient(host, 1500), new LengthPrefixDeFramer(), new JpegDecoder(), new TerminalDisplay());
 *   new TerminalDisplay({ write: (t) => (screen += t), columns: 40, rows: 12 });   // into a string, for tests
 *
 * Behaviour:
 * - Each DecodedFrame on `inbox` is scaled to fit `columns` × (`rows` − 1) cells (the last row is the
 *   status line; see half-blocks.ts) and drawn where the previous one was: the cursor moves back up over
 *   the last picture (`ESC[nA`), each row is rewritten and its rest erased (`ESC[K`), and the status line
 *   ends with `ESC[J`, which clears anything left below from a larger picture. The first draw starts where
 *   the cursor is and hides it (`ESC[?25l`); the end shows it again and leaves the cursor on a new line,
 *   so the shell prompt comes back below the picture.
 * - Newest wins: frames that arrived together are all counted (bytes, rate) but only the newest is drawn;
 *   the others count as `dropped`. Drawing never holds back the network.
 * - The status line: `frame N · B bytes · R kbit/s · dropped D · errors E`, with the last error after it
 *   when there is one, cut to the width. kbit/s is averaged over the last `rateWindowMs` (BitRate, default
 *   5000 ms) on the host's clock; `–` until two frames have come.
 * - On `control`: a CorruptJpeg (from the JpegDecoder) counts as an error and redraws the status line;
 *   `producerFinished` or `shutdownMicroprocess` draws the newest frame still waiting, shows the cursor,
 *   passes the message on `signal` and ends. Stopped from outside (Ctrl-C), its teardown still shows the
 *   cursor and ends the line.
 * - `columns` and `rows` default to the terminal's size less one column and one row (read at each draw,
 *   so resizing the window works; 80 × 24 when stdout is not a terminal), leaving room for the prompt and
 *   keeping a full-width row clear of any terminal's automatic wrap. `write` defaults to stdout.
 *
 * How it works inside: the terminal is written only here, in one `write` per frame (a whole frame is one
 * string, so it appears at once, without tearing). `imageRows` remembers how far up the last picture went.
 */
import { Component, isShutdownMessage } from "../../../src/index";
import type { BoxDescriptions, MainLoop, ShutdownMessage } from "../../../src/index";
import { BitRate } from "./bit-rate";
import { fitSize, halfBlocks, scaleImage, RESET } from "./half-blocks";
import { CorruptJpeg } from "./jpeg-decoder";
import type { DecodedFrame } from "./jpeg-decoder";

/** Options for a TerminalDisplay. */
export interface TerminalDisplayOptions {
  /** Where the text goes. Default: process.stdout. */
  write?: (text: string) => void;
  /** Character cells across. Default: the terminal's width less one. */
  columns?: number;
  /** Character rows, the status line included. Default: the terminal's height less one. */
  rows?: number;
  /** How far back the kbit/s average looks, in ms. Default 5000. */
  rateWindowMs?: number;
}

const ESC = "\x1b[";
const HIDE_CURSOR = ESC + "?25l";
const SHOW_CURSOR = ESC + "?25h";
/** Erase from the cursor to the end of the line. */
const ERASE_LINE_END = ESC + "K";
/** Erase from the cursor to the end of the screen. */
const ERASE_DOWN = ESC + "J";

type DisplayIn = { inbox: DecodedFrame; control: ShutdownMessage | CorruptJpeg };
type DisplayOut = { outbox: never; signal: ShutdownMessage };

export class TerminalDisplay extends Component<DisplayIn, DisplayOut> {
  static override Name = "TerminalDisplay";
  static override Inboxes: BoxDescriptions<DisplayIn> = {
    inbox: "DecodedFrame to draw (the newest of those waiting)",
    control: "CorruptJpeg: count an error; producerFinished or shutdownMicroprocess: draw the newest, end",
  };
  static override Outboxes: BoxDescriptions<DisplayOut> = {
    outbox: "NOT USED",
    signal: "the shutdown message, passed on at the end",
  };

  /** Frames received (drawn or dropped). */
  received = 0;
  /** Frames drawn. */
  drawn = 0;
  /** Frames not drawn because a newer one arrived with them. */
  dropped = 0;
  /** Errors reported (frames that did not decode). */
  errors = 0;
  /** The last error's text, or "". */
  lastError = "";
  private readonly options: TerminalDisplayOptions;
  private readonly rate: BitRate;
  private lastFrame = 0;
  private lastBytes = 0;
  private imageRows = 0;
  private started = false;
  private restored = false;

  constructor(options?: TerminalDisplayOptions) {
    super();
    this.options = options || {};
    this.rate = new BitRate(this.options.rateWindowMs || 5000);
  }

  override *main(): MainLoop {
    this.addTeardown(() => this.restore());
    for (;;) {
      let newest: DecodedFrame | null = null;
      while (this.dataReady()) {
        const frame = this.recv();
        this.received++;
        this.rate.add(this.now(), frame.bytes);
        if (newest !== null) this.dropped++;
        newest = frame;
      }
      let statusChanged = false;
      let finish: ShutdownMessage | null = null;
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (isShutdownMessage(message)) finish = message;
        else if (message instanceof CorruptJpeg) {
          this.errors++;
          this.lastError = message.message;
          statusChanged = true;
        }
      }
      if (newest !== null) this.draw(newest);
      else if (statusChanged) this.write((this.started ? "\r" : HIDE_CURSOR) + this.status() + ERASE_DOWN);
      if (finish !== null) {
        this.restore();
        this.send(finish, "signal");
        return;
      }
      this.pause();
      yield 1;
    }
  }

  /** The status line as it reads now, cut to the width. */
  status(): string {
    const rate = this.rate.kbitPerSecond();
    let text =
      "frame " + this.lastFrame + " · " + this.lastBytes + " bytes · " + (rate === null ? "–" : rate.toFixed(1)) + " kbit/s · dropped " + this.dropped + " · errors " + this.errors;
    if (this.lastError !== "") text += " · " + this.lastError;
    const columns = this.columns();
    return text.length > columns ? text.slice(0, Math.max(0, columns - 1)) + "…" : text;
  }

  private draw(frame: DecodedFrame): void {
    this.drawn++;
    this.lastFrame = frame.frame;
    this.lastBytes = frame.bytes;
    const size = fitSize(frame.width, frame.height, this.columns(), Math.max(1, this.rows() - 1));
    const lines = halfBlocks(scaleImage(frame, size.width, size.height));
    const parts: string[] = [this.started ? "\r" + (this.imageRows > 0 ? ESC + this.imageRows + "A" : "") : HIDE_CURSOR];
    for (let i = 0; i < lines.length; i++) parts.push(lines[i] + ERASE_LINE_END + "\n");
    parts.push(this.status() + ERASE_DOWN);
    this.imageRows = lines.length;
    this.write(parts.join(""));
  }

  /** Show the cursor again and leave it on a new line, once, if anything was drawn. */
  private restore(): void {
    if (this.restored || !this.started) return;
    this.restored = true;
    this.write(RESET + SHOW_CURSOR + "\n");
  }

  private write(text: string): void {
    this.started = true;
    if (this.options.write) this.options.write(text);
    else process.stdout.write(text);
  }

  private columns(): number {
    return this.options.columns || Math.max(1, (process.stdout.columns || 80) - 1);
  }

  private rows(): number {
    return this.options.rows || Math.max(2, (process.stdout.rows || 24) - 1);
  }
}
