/**
 * The util family: named exports of every component in this folder.
 */

// Sources and sinks
export { DataSource } from "./data-source";
export { Collector } from "./collector";
export { ConsoleEchoer } from "./console-echoer";
export type { ConsoleEchoerOptions } from "./console-echoer";

// Transformers
export { PureTransformer } from "./pure-transformer";
export { Filter } from "./filter";
export { Detuple } from "./detuple";
export { Chooser } from "./chooser";
export type { ChooserCommand } from "./chooser";

// Fan-out
export { Fanout } from "./fanout";
export { Splitter, addsink, removesink } from "./splitter";
export type { SinkRequest } from "./splitter";

// Publish and subscribe
export { Backplane } from "./backplane";
export { PublishTo } from "./publish-to";
export { SubscribeTo } from "./subscribe-to";
export type { BackplaneClientOptions } from "./wait-for-service";

// Time
export { Clock } from "./clock";
export { CheapAndCheerfulClock } from "./cheap-and-cheerful-clock";
export { RateControl } from "./rate-control";
export type { RateControlOptions } from "./rate-control";

// Buffering for slow consumers
export { DropOldestQueue } from "./drop-oldest-queue";
export type { DropOldestQueueOptions } from "./drop-oldest-queue";
