/**
 * The QuickJS target: a host bridge that runs Kamaelia apps inside QuickJS with the host's IO. Import from
 * "kamaelia/quickjs"; the CLI is `npx kamaelia-qjs app.js`.
 */
export { QuickJSHost } from "./quickjs-host";
export type { QuickJSHostOptions } from "./quickjs-host";
export { GuestFailed } from "./guest-failed";
export type { GuestFailureReason } from "./guest-failed";
