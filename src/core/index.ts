/**
 * The Axon kernel's public surface: components, linkages, the scheduler, the CAT, Ipc messages and errors.
 * Grouped by role; named exports only.
 */

// Components and what they are made of
export { Microprocess } from "./microprocess";
export { Component } from "./component";
export type { AnyComponent, BoxTable, BoxRef, InboxTypesOf, OutboxTypesOf, HasOutboxes, HasInboxes, AcceptsIn, AcceptsOut } from "./component";
export { AdaptiveCommsComponent } from "./adaptive-comms-component";
export { Box } from "./box";
export type { BoxOwner } from "./box";
export { Linkage, liveLinkageCount } from "./linkage";
export { hasOwn } from "./has-own";

// Running them
export { Scheduler, defaultScheduler, setDefaultScheduler } from "./scheduler";
export type { SchedulerOptions } from "./scheduler";
export { CoordinatingAssistantTracker } from "./coordinating-assistant-tracker";
export type { ServiceProvider } from "./coordinating-assistant-tracker";
export { Handle } from "./handle";

// Messages
export {
  Ipc,
  ProducerFinished,
  ShutdownMicroprocess,
  NewComponent,
  WaitComplete,
  Notify,
  Status,
  producerFinished,
  shutdownMicroprocess,
  newComponent,
  notify,
  status,
  isShutdownMessage,
} from "./ipc";
export type { IpcClass, ShutdownMessage, ActivatableLike } from "./ipc";

// Vocabulary
export {
  SLICE_BUSY,
  SLICE_IDLE,
  SLICE_DONE,
  LINK_NORMAL,
  LINK_INBOX_PASSTHROUGH,
  LINK_OUTBOX_PASSTHROUGH,
} from "./types";
export type {
  Host,
  Hooks,
  LogLevel,
  Runnable,
  YieldValue,
  MainLoop,
  BoxDescriptions,
  BoxTypes,
  DefaultInboxes,
  DefaultOutboxes,
  Passthrough,
} from "./types";

// The platform IO contract (types only)
export type * from "./io/index";

// Errors
export {
  AxonError,
  NoSpaceInBox,
  BoxNotFound,
  EmptyBox,
  BoxAlreadyLinkedToDestination,
  CircularLinkage,
  ReservedYield,
  BadComponentState,
  ServiceAlreadyExists,
  ServiceNotFound,
  MultipleServiceDeletion,
  BadComponent,
  BadInbox,
  NamespaceClash,
  AccessToUndeclaredTrackedVariable,
} from "./errors";
export type { AxonErrorClass } from "./errors";
