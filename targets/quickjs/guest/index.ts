/**
 * The QuickJS guest bundle's entry (dist/kamaelia-quickjs.es5.js): everything the ES5 bundle has, plus
 * `quickjsGuest`, the target the host bridge drives — installed at load when the bridge is present.
 */
export * from "../../../src/index";
export { installGuestTarget } from "./guest-target";
export type { GuestTarget } from "./guest-target";
import { installGuestTarget } from "./guest-target";

/** The installed guest target, or null outside the bridge. */
export const quickjsGuest = installGuestTarget();
