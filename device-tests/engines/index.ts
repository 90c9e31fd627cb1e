/**
 * Every engine the bundle is proven on, in table order.
 */
import { duktape, hermes, hermesBytecode, mujs } from "./cli-engine";
import type { Engine } from "./engine";
import { node } from "./node-engine";
import { quickjs, quickjsNg } from "./quickjs-engine";

export type { Engine, ScriptRun } from "./engine";
export { runInQuickJS } from "./quickjs-engine";
export type { GuestLimits } from "./quickjs-engine";

export const engines: Engine[] = [node, quickjs, quickjsNg, hermes, hermesBytecode, duktape, mujs];
