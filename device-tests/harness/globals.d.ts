/**
 * What a device-test case sees: the bundle's global `Kamaelia` (typed from the source it was built from),
 * the harness's `DeviceTest`, and the kernel's types under short global names.
 */
declare const Kamaelia: typeof import("../../src/index");

type MainLoop = import("../../src/index").MainLoop;
type Host = import("../../src/index").Host;
type ShutdownMessage = import("../../src/index").ShutdownMessage;
type YieldValue = import("../../src/index").YieldValue;
type AnyComponent = import("../../src/index").AnyComponent;

interface VirtualHost extends Host {
  time: number;
  logged: string[];
  sleep(ms: number): void;
}

interface DeviceKit {
  equal(actual: unknown, expected: unknown, label: string): void;
  deepEqual(actual: unknown, expected: unknown, label: string): void;
  ok(condition: unknown, label: string): void;
  throws(fn: () => void, errorClass: unknown, label: string): unknown;
  virtualHost(): VirtualHost;
}

declare const DeviceTest: {
  define(name: string, body: (t: DeviceKit) => void): void;
  runAll(): void;
};
