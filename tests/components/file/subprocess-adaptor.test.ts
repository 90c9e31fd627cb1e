/**
 * SubprocessAdaptor, with Node itself as the child program: inbox to stdin and stdout to outbox, stderr
 * on its own outbox, the exit status out of exitStatus and on producerFinished, a crashing child (exit 3),
 * a missing program (IOFailed, logged), a child killed by shutdown, 20 MB of output through a slow
 * consumer with the held bytes bounded, and 5 MB of input through a small write limit.
 */
import { expect } from "chai";
import { DataSource, Graphline, IOFailed, Pipeline, ProducerFinished, ShutdownMicroprocess, SubprocessAdaptor, shutdownMicroprocess } from "../../../src/index";
import type { ExitStatus, SubprocessOptions } from "../../../src/index";
import { nodeIO } from "../../../targets/desktop/index";
import { NodeSubprocess } from "../../../targets/desktop/io/subprocess";
import { RecordingSink, quietDriver, stopDrivers, waitFor } from "./io-test-kit";

const node = process.execPath;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The adaptor with a sink on each of its three data outboxes, ending when the adaptor's signal reaches `out`. */
function wired(adaptor: SubprocessAdaptor, out: RecordingSink, errors: RecordingSink, statuses: RecordingSink): Graphline {
  return new Graphline({
    adaptor,
    out,
    errors,
    statuses,
    linkages: {
      "self.inbox": "adaptor.inbox",
      "self.control": "adaptor.control",
      "adaptor.outbox": "out.inbox",
      "adaptor.stderr": "errors.inbox",
      "adaptor.exitStatus": "statuses.inbox",
      "adaptor.signal": "out.control",
      "out.signal": "errors.control",
      "errors.signal": "statuses.control",
    },
  });
}

describe("SubprocessAdaptor", function () {
  this.timeout(20000);
  afterEach(stopDrivers);

  it("SubprocessAdaptor — text through an upper-casing child — stdout out, stderr apart, then exitStatus and producerFinished(status)", async () => {
    const { driver } = quietDriver();
    const script = "let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => { process.stdout.write(s.toUpperCase()); process.stderr.write('done'); })";
    const adaptor = new SubprocessAdaptor(node, ["-e", script]);
    const out = new RecordingSink();
    const errors = new RecordingSink();
    const statuses = new RecordingSink();
    await driver.run(new Pipeline(new DataSource(["hello, ", new Uint8Array(Buffer.from("child"))]), wired(adaptor, out, errors, statuses)));
    expect(out.text()).to.equal("HELLO, CHILD");
    expect(errors.text()).to.equal("done");
    expect(statuses.items).to.deep.equal([{ code: 0, signal: null }]);
    expect(out.end).to.be.instanceOf(ProducerFinished);
    expect((out.end as ProducerFinished).message).to.deep.equal({ code: 0, signal: null });
  });

  it("SubprocessAdaptor — a child that exits with code 3 — the status says 3, the ending is still producerFinished", async () => {
    const { driver } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new SubprocessAdaptor(node, ["-e", "process.stdout.write('partial'); process.exit(3)"]), sink));
    expect(sink.text()).to.equal("partial");
    expect((sink.end as ProducerFinished).message).to.deep.equal({ code: 3, signal: null });
  });

  it("SubprocessAdaptor — a program that does not exist — producerFinished with IOFailed not-found, and a log line naming the command", async () => {
    const { driver, lines } = quietDriver();
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new SubprocessAdaptor("kamaelia-no-such-program", ["--help"]), sink));
    const failure = (sink.end as ProducerFinished).message;
    expect(failure).to.be.instanceOf(IOFailed);
    expect(failure).to.include({ code: "not-found" });
    expect(lines.join("\n")).to.match(/could not run "kamaelia-no-such-program"/);
  });

  it("SubprocessAdaptor — shutdownMicroprocess while the child runs — the child is killed and the message forwarded", async () => {
    const { driver } = quietDriver();
    const adaptor = new SubprocessAdaptor(node, ["-e", "process.stdout.write(String(process.pid)); setInterval(() => {}, 1000)"]);
    const sink = new RecordingSink();
    const done = driver.run(new Pipeline(adaptor, sink));
    await waitFor(() => sink.count > 0, "the child's pid");
    const pid = Number(sink.text());
    expect(alive(pid)).to.equal(true);
    adaptor.inboxes.control.push(shutdownMicroprocess());
    await done;
    expect(sink.end).to.be.instanceOf(ShutdownMicroprocess);
    await waitFor(() => !alive(pid), "the child to die");
  });

  it("SubprocessAdaptor — 20 MB of output into a slow consumer with a 4-message inbox — all of it, never more than readLimit plus a chunk held", async () => {
    const { driver } = quietDriver();
    const readLimit = 131072;
    let most = 0;
    class MeasuredSubprocess extends NodeSubprocess {
      constructor(options: SubprocessOptions) {
        super(options);
      }
      override read(stream: "stdout" | "stderr"): Uint8Array | undefined {
        most = Math.max(most, this.bufferedBytes(stream));
        return super.read(stream);
      }
    }
    driver.host.io = { ...nodeIO, Subprocess: MeasuredSubprocess };
    // 320 blocks of 64 KiB, block i filled with the byte i & 255, written as fast as the pipe takes them.
    const script =
      "let i = 0; (function w() { while (i < 320) { const b = Buffer.alloc(65536, i & 255); i++; if (!process.stdout.write(b)) return process.stdout.once('drain', w); } })()";
    let expectedAt = 0;
    let wrong = 0;
    const sink = new RecordingSink({
      inboxSize: 4,
      msPerMessage: 0.2,
      keep: false,
      onMessage: (m) => {
        const chunk = m as Uint8Array;
        for (let k = 0; k < chunk.length; k += 4096) if (chunk[k] !== (Math.floor((expectedAt + k) / 65536) & 255)) wrong++;
        expectedAt += chunk.length;
      },
    });
    await driver.run(new Pipeline(new SubprocessAdaptor(node, ["-e", script], { readLimit }), sink));
    expect(sink.bytes).to.equal(320 * 65536);
    expect(wrong).to.equal(0);
    expect(most).to.be.greaterThan(0);
    expect(most).to.be.at.most(readLimit + 65536);
    expect((sink.end as ProducerFinished).message).to.deep.equal({ code: 0, signal: null } as ExitStatus);
  });

  it("SubprocessAdaptor — a child that exits without reading its input — the input is dropped, it ends with the status", async () => {
    const { driver } = quietDriver();
    const blocks: Uint8Array[] = [];
    for (let i = 0; i < 40; i++) blocks.push(new Uint8Array(65536));
    const adaptor = new SubprocessAdaptor(node, ["-e", "process.stdin.destroy(); setTimeout(() => process.exit(4), 50)"], { writeLimit: 65536 });
    adaptor.inboxes.inbox.setSize(2);
    const sink = new RecordingSink();
    await driver.run(new Pipeline(new DataSource(blocks), adaptor, sink));
    expect((sink.end as ProducerFinished).message).to.deep.equal({ code: 4, signal: null });
  });

  it("SubprocessAdaptor — 5 MB of input through a 64 KiB write limit into a copying child — every byte comes back in order", async () => {
    const { driver } = quietDriver();
    const blocks: Uint8Array[] = [];
    for (let i = 0; i < 80; i++) blocks.push(new Uint8Array(65536).fill(i));
    let at = 0;
    let wrong = 0;
    const sink = new RecordingSink({
      inboxSize: 4,
      keep: false,
      onMessage: (m) => {
        const chunk = m as Uint8Array;
        for (let k = 0; k < chunk.length; k += 1024) if (chunk[k] !== Math.floor((at + k) / 65536)) wrong++;
        at += chunk.length;
      },
    });
    const adaptor = new SubprocessAdaptor(node, ["-e", "process.stdin.pipe(process.stdout)"], { writeLimit: 65536 });
    adaptor.inboxes.inbox.setSize(2);
    await driver.run(new Pipeline(new DataSource(blocks), adaptor, sink));
    expect(sink.bytes).to.equal(80 * 65536);
    expect(wrong).to.equal(0);
  });
});
