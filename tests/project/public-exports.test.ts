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
  "Backplane",
  "BadComponent",
  "BadComponentState",
  "BadInbox",
  "Box",
  "BoxAlreadyLinkedToDestination",
  "BoxNotFound",
  "Carousel",
  "CheapAndCheerfulClock",
  "Chooser",
  "CircularLinkage",
  "Clock",
  "Collector",
  "Component",
  "ConsoleEchoer",
  "CoordinatingAssistantTracker",
  "CorruptFrame",
  "DEFAULT_MAX_FRAME_SIZE",
  "DEFAULT_SYNC_MESSAGE",
  "DataChunker",
  "DataDeChunker",
  "DataSource",
  "DeFramer",
  "DeMarshaller",
  "Detuple",
  "EmptyBox",
  "Fanout",
  "Filter",
  "FrameTooLarge",
  "Framer",
  "FramingError",
  "Graphline",
  "Handle",
  "IOFailed",
  "IONotAvailable",
  "Introspector",
  "Ipc",
  "JpegSplitter",
  "LINK_INBOX_PASSTHROUGH",
  "LINK_NORMAL",
  "LINK_OUTBOX_PASSTHROUGH",
  "LengthPrefixDeFramer",
  "LengthPrefixFramer",
  "Linkage",
  "Marshaller",
  "MarshallingError",
  "Microprocess",
  "MimeDict",
  "MulticastTransceiver",
  "MultipleServiceDeletion",
  "NamespaceClash",
  "NewComponent",
  "NoSpaceInBox",
  "Notify",
  "PAR",
  "Pipeline",
  "ProducerFinished",
  "PublishTo",
  "PureTransformer",
  "RateControl",
  "ReadFileAdaptor",
  "ReservedYield",
  "SELECTOR_SERVICE",
  "SLICE_BUSY",
  "SLICE_DONE",
  "SLICE_IDLE",
  "Scheduler",
  "Selector",
  "Seq",
  "ServiceAlreadyExists",
  "ServiceNotFound",
  "ShortFrame",
  "ShutdownMicroprocess",
  "SimpleFrame",
  "SimpleUDPSender",
  "Splitter",
  "Status",
  "SubprocessAdaptor",
  "SubscribeTo",
  "ThreadFailed",
  "ThreadMessageNotCloneable",
  "ThreadedComponent",
  "UDPEndpoint",
  "UDPPeer",
  "UDPReceiver",
  "WaitComplete",
  "WriteFileAdaptor",
  "addsink",
  "decodeThreadMessage",
  "defaultScheduler",
  "diffGraphs",
  "encodeThreadMessage",
  "graphEventsText",
  "hasOwn",
  "isShutdownMessage",
  "liveLinkageCount",
  "needIO",
  "newComponent",
  "notify",
  "producerFinished",
  "removesink",
  "setDefaultScheduler",
  "shutdownMicroprocess",
  "snapshotGraph",
  "status",
  "toDot",
  "toHtml",
  "toSvg",
];

const DESKTOP_EXPORTS = [
  "AsyncHandle",
  "EventLoopDriver",
  "createNodeHost",
  "nodeIO",
];

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
