/*
 * viewer.js: the video preview viewer's script — plain ES5 with no build step, so it runs as written on
 * old handsets; it needs only the mobile bundle (kamaelia-mobile.es5.min.js, global `Kamaelia`), loaded
 * before it by index.html.
 *
 * What it runs:
 *   Pipeline(WebSocketClient("ws://<this host>/frames?<the page's video, interval, size>"),
 *            ImageDisplay(),                  // paints each JPEG on the canvas, the newest winning
 *            PureTransformer(showStatus))     // each ShownReport becomes the status line
 * on a BrowserDriver bound to the page's canvas. The status line reads
 *   "frame 12 · 5.1 KB · 42.3 kbit/s" (and "· 2 dropped" once the phone has had to skip frames),
 * where kbit/s is the stream's rate over the last three seconds of paints. When the connection ends the
 * line says why, and the viewer connects again after three seconds.
 *
 * Query parameters: `video` and `interval` are passed to the server as they are; `size=WxH` (default
 * 176x144) also sets the canvas's own pixel size.
 */
(function () {
  "use strict";
  var K = window.Kamaelia;
  var canvas = document.getElementById("screen");
  var status = document.getElementById("status");
  var source = document.getElementById("source");
  if (!K || !K.BrowserDriver) {
    status.textContent = "could not load kamaelia-mobile.es5.min.js";
    return;
  }

  /** The page's query parameters as { name: value }. */
  function queryOf(search) {
    var found = {};
    var parts = search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "") continue;
      var eq = parts[i].indexOf("=");
      var name = decodeURIComponent(eq < 0 ? parts[i] : parts[i].slice(0, eq));
      found[name] = eq < 0 ? "" : decodeURIComponent(parts[i].slice(eq + 1).replace(/\+/g, " "));
    }
    return found;
  }

  var query = queryOf(location.search);
  var passed = [];
  var names = ["video", "interval", "size"];
  for (var n = 0; n < names.length; n++) {
    if (Object.prototype.hasOwnProperty.call(query, names[n])) passed.push(names[n] + "=" + encodeURIComponent(query[names[n]]));
  }
  var size = /^(\d{2,4})x(\d{2,4})$/.exec(query.size || "");
  if (size) {
    canvas.width = Math.min(1920, Number(size[1]));
    canvas.height = Math.min(1080, Number(size[2]));
  }
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/frames" + (passed.length ? "?" + passed.join("&") : "");
  source.textContent = url;

  /**
   * Show the canvas at the largest whole multiple of its pixels that fits the screen (at most 4×): every
   * stream pixel becomes a sharp square block, never a blur.
   */
  function fit() {
    var width = document.documentElement.clientWidth || window.innerWidth || canvas.width;
    var scale = Math.max(1, Math.min(4, Math.floor(width / canvas.width)));
    canvas.style.width = canvas.width * scale + "px";
    canvas.style.height = canvas.height * scale + "px";
  }
  fit();
  window.addEventListener("resize", fit, false);
  window.addEventListener("orientationchange", fit, false);

  var driver = new K.BrowserDriver({ canvas: canvas });
  var recent = []; // [time, totalBytes] of the paints in the last three seconds

  function kilobytes(bytes) {
    return bytes < 1024 ? bytes + " B" : (bytes / 1024).toFixed(1) + " KB";
  }

  /** A ShownReport as the status line; returns nothing, so nothing is sent on. */
  function showStatus(report) {
    recent.push([report.at, report.totalBytes]);
    while (recent.length > 2 && report.at - recent[0][0] > 3000) recent.shift();
    var first = recent[0];
    var ms = report.at - first[0];
    var rate = ms > 0 ? ((report.totalBytes - first[1]) * 8) / ms : 0; // bytes * 8 / ms = kbit/s
    var line = "frame " + report.frame + " · " + kilobytes(report.bytes) + " · " + (ms > 0 ? rate.toFixed(1) : "–") + " kbit/s";
    if (report.dropped > 0) line += " · " + report.dropped + " dropped";
    status.textContent = line;
    document.body.className = "";
  }

  /** Why the pipeline ended, from the message on its signal box. */
  function whyEnded(pipeline) {
    var signals = pipeline.outboxes.signal.takeAll();
    var last = signals.length > 0 ? signals[signals.length - 1] : null;
    var why = last && last.message;
    if (why && why.message) return why.message;
    return "the connection ended";
  }

  function connect() {
    status.textContent = "connecting…";
    recent = [];
    var pipeline = new K.Pipeline(new K.WebSocketClient(url), new K.ImageDisplay(), new K.PureTransformer(showStatus));
    driver.run(pipeline, function () {
      document.body.className = "ended";
      status.textContent = whyEnded(pipeline) + " — reconnecting in 3 s";
      setTimeout(connect, 3000);
    });
  }
  connect();
})();
