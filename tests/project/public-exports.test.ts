/**
 * The public surface is pinned: adding or removing an export is a deliberate act that updates this list
 * (and the README's API overview) in the same change.
 */
import { expect } from "chai";
import * as kamaelia from "../../src/index";
import * as desktop from "../../targets/desktop/index";

const CORE_EXPORTS = [
  "AccessToUndeclaredTrackedVariable",
  "AdaptiveCommsComponent",
  "AxonError",
  "BadComponent",
  "BadComponentState",
  "BadInbox",
  "Box",
  "BoxAlreadyLinkedToDestination",
  "BoxNotFound",
  "CircularLinkage",
  "Component",
  "CoordinatingAssistantTracker",
  "EmptyBox",
  "Handle",
  "Ipc",
  "LINK_INBOX_PASSTHROUGH",
  "LINK_NORMAL",
  "LINK_OUTBOX_PASSTHROUGH",
  "Linkage",
  "Microprocess",
  "MultipleServiceDeletion",
  "NamespaceClash",
  "NewComponent",
  "NoSpaceInBox",
  "Notify",
  "Pipeline",
  "ProducerFinished",
  "ReservedYield",
  "SLICE_BUSY",
  "SLICE_DONE",
  "SLICE_IDLE",
  "Scheduler",
  "ServiceAlreadyExists",
  "ServiceNotFound",
  "ShutdownMicroprocess",
  "Status",
  "WaitComplete",
  "defaultScheduler",
  "isShutdownMessage",
  "liveLinkageCount",
  "newComponent",
  "notify",
  "producerFinished",
  "setDefaultScheduler",
  "shutdownMicroprocess",
  "status",
];

const DESKTOP_EXPORTS = ["AsyncHandle", "EventLoopDriver", "createNodeHost"];

describe("public exports", () => {
  it("the core index — exports exactly the pinned names", () => {
    expect(Object.keys(kamaelia).sort()).to.deep.equal(CORE_EXPORTS);
  });

  it("the desktop target index — exports exactly the pinned names", () => {
    expect(Object.keys(desktop).sort()).to.deep.equal(DESKTOP_EXPORTS);
  });

  it("the built Node bundle — exports the same names as the source index", async () => {
    const built = await import("../../dist/node/kamaelia.mjs" as string);
    expect(Object.keys(built).sort()).to.deep.equal(CORE_EXPORTS);
  });
});
