/**
 * The mobile target: Kamaelia on a phone's browser or React Native. Its ES5 bundle
 * (dist/kamaelia-mobile.es5.js, global `Kamaelia`) is everything the core bundle has, plus the host, the
 * driver and the IO the page offers: a WebSocket client and a canvas display.
 *
 * Example (in a page):
 *   <script src="kamaelia-mobile.es5.min.js"></script>
 *   <script>
 *     var K = Kamaelia;
 *     new K.BrowserDriver({ canvas: "screen" })
 *       .run(new K.Pipeline(new K.WebSocketClient("ws://" + location.host + "/frames"), new K.ImageDisplay()));
 *   </script>
 */
export * from "../../src/index";
export { BrowserDriver } from "./browser-driver";
export type { BrowserDriverOptions } from "./browser-driver";
export { createMobileHost } from "./mobile-host";
export type { MobileHost, MobileHostOptions } from "./mobile-host";
export { BrowserWebSocketClient, browserWebSocketKind } from "./browser-websocket";
export { CanvasDisplay, canvasDisplayKind } from "./canvas-display";
export { browserGlobals } from "./browser-globals";
export type { BrowserGlobals, BrowserWebSocket, CanvasElement, Context2D, ImageElement } from "./browser-globals";
