/**
 * The marshalling family: named exports of every component in this folder.
 */
export { MimeDict } from "./mime-dict";
export { Marshaller, DeMarshaller } from "./marshaller";
export type { Codec } from "./marshaller";
export { MarshallingError } from "./marshalling-error";
export type { MarshallingErrorClass } from "./marshalling-error";
