/**
 * Chooser: sends the first item at start, then moves with NEXT/PREV/FIRST/LAST/SAME; no wrapping; an empty
 * list sends nothing; unknown commands are logged and ignored; it follows the shutdown convention.
 */
import { expect } from "chai";
import { AxonError, Chooser, producerFinished, shutdownMicroprocess } from "../../../src/index";
import type { ChooserCommand } from "../../../src/index";
import { testScheduler } from "../../helpers/test-scheduler";
import { Feeder } from "./support";

/** A running chooser over `items`, a feeder for its commands and a reader for what it sends. */
function rig<T>(items: T[]) {
  const s = testScheduler();
  const chooser = new Chooser(items);
  const feeder = new Feeder().feeds(chooser);
  const reader = new Feeder().reads(chooser);
  chooser.activate(s);
  s.runThreads();
  /** Send commands, run, and return what the chooser sent. */
  const command = (...commands: string[]): unknown[] => {
    for (const c of commands) feeder.send(c);
    s.runThreads();
    return reader.takeAll();
  };
  return { s, chooser, feeder, reader, command, done: () => [chooser, feeder, reader].forEach((c) => c.stop()) };
}

describe("Chooser", () => {
  it("Chooser — started — sends the first item", () => {
    const r = rig(["a", "b", "c"]);
    expect(r.reader.takeAll()).to.deep.equal(["a"]);
    r.done();
  });

  it("Chooser — NEXT and PREV — step through the list, sending each item landed on", () => {
    const r = rig(["a", "b", "c"]);
    r.reader.takeAll();
    expect(r.command("NEXT", "NEXT", "PREV")).to.deep.equal(["b", "c", "b"]);
    r.done();
  });

  it("Chooser — FIRST and LAST — jump to the ends, sending even when already there", () => {
    const r = rig(["a", "b", "c"]);
    r.reader.takeAll();
    expect(r.command("LAST", "LAST", "FIRST", "FIRST")).to.deep.equal(["c", "c", "a", "a"]);
    r.done();
  });

  it("Chooser — SAME — sends the current item again", () => {
    const r = rig(["a", "b"]);
    r.reader.takeAll();
    expect(r.command("NEXT", "SAME")).to.deep.equal(["b", "b"]);
    r.done();
  });

  it("Chooser — NEXT at the end or PREV at the start — sends nothing and stays put", () => {
    const r = rig(["a", "b"]);
    r.reader.takeAll();
    expect(r.command("PREV")).to.deep.equal([]);
    expect(r.command("LAST", "NEXT", "SAME")).to.deep.equal(["b", "b"]);
    r.done();
  });

  it("Chooser — an empty list — sends nothing, whatever it is told", () => {
    const r = rig<string>([]);
    expect(r.reader.takeAll()).to.deep.equal([]);
    expect(r.command("NEXT", "PREV", "FIRST", "LAST", "SAME")).to.deep.equal([]);
    expect(r.s.host.logged).to.deep.equal([]);
    r.done();
  });

  it("Chooser — an unknown command — is ignored with a warning in the host's log, and it carries on", () => {
    const r = rig(["a", "b"]);
    r.reader.takeAll();
    expect(r.command("next", "NEXT")).to.deep.equal(["b"]);
    expect(r.s.host.logged).to.have.length(1);
    expect(r.s.host.logged[0]).to.match(/^warn: Chooser_\d+ ignored an unknown command .*: next$/);
    expect(r.chooser.isRunning()).to.equal(true);
    r.done();
  });

  it("Chooser — typed commands — accept only the five command strings", () => {
    const ok: ChooserCommand[] = ["NEXT", "PREV", "FIRST", "LAST", "SAME"];
    // @ts-expect-error "BACK" is not a ChooserCommand
    const bad: ChooserCommand = "BACK";
    expect(ok).to.have.length(5);
    expect(bad).to.equal("BACK");
  });

  for (const [label, make] of [
    ["producerFinished", () => producerFinished()],
    ["shutdownMicroprocess", () => shutdownMicroprocess()],
  ] as const) {
    it("Chooser — " + label + " after commands — carries them out, then forwards it and ends", () => {
      const r = rig(["a", "b", "c"]);
      r.reader.takeAll();
      const message = make();
      r.feeder.send("NEXT");
      r.feeder.send("NEXT");
      r.feeder.send(message, "signal");
      r.s.runThreads();
      expect(r.reader.takeAll()).to.deep.equal(["b", "c"]);
      expect(r.reader.takeAll("control")).to.deep.equal([message]);
      expect(r.chooser.isStopped()).to.equal(true);
      r.done();
    });
  }

  it("Chooser — items that are not an array — throws an AxonError at construction", () => {
    expect(() => new Chooser("abc" as unknown as string[])).to.throw(AxonError, /array of items/);
  });
});
