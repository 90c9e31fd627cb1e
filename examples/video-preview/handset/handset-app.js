// The handset client of the video preview streamer, as a phone runs it: an app script for QuickJS (run it
// with `npx kamaelia-qjs handset-app.js`, or through run-handset.ts, which also gives it a screen). It
// connects to the preview server, optionally asks for a video, interval and size, de-frames the
// "<byte count>\n<jpeg bytes>" stream and shows each JPEG on the platform's display, printing a status
// line per frame. QuickJS runs modern JavaScript, so the app may use classes and generators; it sees the
// bundle's global `Kamaelia`.
//
// Settings come from a global HANDSET object when the runner defines one:
//   { host: "127.0.0.1", port: 1500, request: "test-pattern.mpg 0.5 176x144", threaded: false }
// `threaded: true` uses the threaded adaptor over blocking-only sockets (ThreadedTCPClient) instead of the
// readiness-based TCPClient, as on a handset whose sockets only block.
var K = Kamaelia;
var settings = typeof HANDSET === "object" ? HANDSET : { host: "127.0.0.1", port: 1500 };

function bytesOf(text) {
  var out = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 255;
  return out;
}

// The request line goes first. Its DataSource's producerFinished is left unlinked on purpose: linked to
// the client's control it would half-close the connection, which the server takes as the client leaving.
var parts = {
  request: new K.DataSource(settings.request ? [bytesOf(settings.request + "\n")] : []),
  client: settings.threaded ? new K.ThreadedTCPClient(settings.host, settings.port) : new K.TCPClient(settings.host, settings.port),
  deframer: new K.LengthPrefixDeFramer(),
  screen: new K.ImageDisplay(),
  status: new K.PureTransformer(function (shown) {
    return "frame " + shown.frame + ": " + shown.bytes + " bytes, " + shown.width + "x" + shown.height + " screen, " + shown.dropped + " dropped\n";
  }),
  out: new K.ConsoleEchoer(),
};
parts.linkages = {
  "request.outbox": "client.inbox",
  "client.outbox": "deframer.inbox",
  "client.signal": "deframer.control",
  "deframer.outbox": "screen.inbox",
  "deframer.signal": "screen.control",
  "screen.outbox": "status.inbox",
  "screen.signal": "status.control",
  "status.outbox": "out.inbox",
  "status.signal": "out.control",
};
new K.Graphline(parts).activate();
