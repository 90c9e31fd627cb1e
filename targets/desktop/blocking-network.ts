/**
 * nodeBlockingNetwork: a real blocking-only socket API on Node, for threads — what a handset with
 * blocking sockets offers, built honestly: each call really blocks the calling thread (Atomics.wait) while
 * a socket service thread does the network I/O on real sockets with Node's net module.
 *
 * Example (inside a thread module):
 *   const network = nodeBlockingNetwork();
 *   const socket = network.connect("127.0.0.1", 1500);     // this thread blocks until connected
 *   socket.send(bytes);
 *   const reply = socket.recv(65536, 500);                 // blocks up to 500 ms
 *   network.close();
 *
 * Behaviour: as the contract (src/core/io/blocking-socket.ts). Only call it from a worker thread: blocking
 * the main thread would block its event loop (and with it every component). Errors carry the contract's
 * codes (refused, reset, not-found, timeout...). The service keeps at most 256 KiB unread per socket and
 * stops reading from the network beyond that, so a thread that does not recv pushes back on its peer.
 *
 * How it works inside: the thread and its service share a MessageChannel and a 4-byte SharedArrayBuffer.
 * A call posts its request, then waits on the shared cell; the service answers on the channel and then
 * sets and notifies the cell; the caller takes the answer with receiveMessageOnPort — synchronously, since
 * the caller's own event loop is blocked. The service is a Worker started from source text (`eval`), so it
 * needs no file of its own in either the source tree or the built bundle.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { BlockingNetwork, BlockingSocketFailure, BlockingTCPSocket, IOEndCode } from "../../src/index";

/** The socket service: runs in its own Worker; written as plain CommonJS source. */
const SERVICE = `
const { workerData } = require("node:worker_threads");
const net = require("node:net");
const port = workerData.port;
const cell = new Int32Array(workerData.cell);
const LIMIT = 262144;
const sockets = new Map();
let nextId = 1;
function codeOf(e) {
  const c = e && e.code;
  if (c === "ECONNREFUSED") return "refused";
  if (c === "ECONNRESET" || c === "EPIPE") return "reset";
  if (c === "ENOTFOUND" || c === "EAI_AGAIN") return "not-found";
  if (c === "ETIMEDOUT") return "timeout";
  if (c === "EACCES" || c === "EPERM") return "denied";
  return "failed";
}
function answer(message, transfer) {
  port.postMessage(message, transfer || []);
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
}
function fail(e) { answer({ error: codeOf(e), message: e && e.message ? e.message : String(e) }); }
function take(s, max) {
  const parts = [];
  let n = 0;
  while (s.chunks.length > 0 && n < max) {
    const c = s.chunks[0];
    const want = Math.min(max - n, c.length);
    parts.push(c.subarray(0, want));
    n += want;
    if (want === c.length) s.chunks.shift(); else s.chunks[0] = c.subarray(want);
  }
  s.buffered -= n;
  if (s.buffered < LIMIT && s.paused) { s.paused = false; s.socket.resume(); }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
function serveRecv(s) {
  const w = s.waiting;
  if (!w) return;
  if (s.buffered > 0) { s.waiting = null; clearTimeout(w.timer); const b = take(s, w.max); answer({ bytes: b }, [b.buffer]); }
  else if (s.error) { s.waiting = null; clearTimeout(w.timer); answer({ error: s.error.code, message: s.error.message }); }
  else if (s.ended) { s.waiting = null; clearTimeout(w.timer); answer({ closed: true }); }
}
port.on("message", (r) => {
  if (r.op === "connect") {
    const socket = net.connect({ host: r.address, port: r.port });
    const s = { socket, chunks: [], buffered: 0, paused: false, ended: false, error: null, waiting: null };
    let connected = false;
    const timer = r.timeoutMs ? setTimeout(() => { socket.destroy(); answer({ error: "timeout", message: "connect timed out after " + r.timeoutMs + " ms" }); }, r.timeoutMs) : null;
    socket.once("connect", () => {
      connected = true;
      if (timer) clearTimeout(timer);
      const id = nextId++;
      sockets.set(id, s);
      answer({ id });
    });
    socket.on("data", (d) => {
      s.chunks.push(new Uint8Array(d.buffer, d.byteOffset, d.length));
      s.buffered += d.length;
      if (s.buffered >= LIMIT && !s.paused) { s.paused = true; socket.pause(); }
      serveRecv(s);
    });
    socket.on("end", () => { s.ended = true; serveRecv(s); });
    socket.on("error", (e) => {
      if (!connected) { if (timer) clearTimeout(timer); fail(e); return; }
      s.error = { code: codeOf(e), message: e.message };
      serveRecv(s);
    });
    socket.on("close", () => { s.ended = true; serveRecv(s); });
  } else if (r.op === "send") {
    const s = sockets.get(r.id);
    if (!s) return answer({ error: "failed", message: "socket " + r.id + " is closed" });
    if (s.error) return answer({ error: s.error.code, message: s.error.message });
    s.socket.write(Buffer.from(r.bytes), (e) => (e ? fail(e) : answer({ ok: true })));
  } else if (r.op === "recv") {
    const s = sockets.get(r.id);
    if (!s) return answer({ error: "failed", message: "socket " + r.id + " is closed" });
    s.waiting = { max: r.max, timer: null };
    serveRecv(s);
    if (s.waiting && r.timeoutMs !== undefined) {
      s.waiting.timer = setTimeout(() => { s.waiting = null; answer({ timeout: true }); }, r.timeoutMs);
    }
  } else if (r.op === "end") {
    const s = sockets.get(r.id);
    if (s) s.socket.end();
    answer({ ok: true });
  } else if (r.op === "close") {
    const s = sockets.get(r.id);
    if (s) { sockets.delete(r.id); s.socket.destroy(); }
    answer({ ok: true });
  } else if (r.op === "shutdown") {
    for (const s of sockets.values()) s.socket.destroy();
    sockets.clear();
    answer({ ok: true });
    port.close();
  }
});
`;

type Answer = { error?: IOEndCode; message?: string; id?: number; bytes?: Uint8Array; closed?: boolean; timeout?: boolean; ok?: boolean };

function failure(code: IOEndCode, message: string): BlockingSocketFailure {
  const error = new Error(message) as Error & { code: IOEndCode };
  error.name = "BlockingSocketFailure";
  error.code = code;
  return error;
}

/** A blocking network served by its own socket-service thread. Call only from a worker thread. */
export function nodeBlockingNetwork(): BlockingNetwork {
  const channel = new MessageChannel();
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const service = new Worker(SERVICE, { eval: true, workerData: { port: channel.port2, cell: cell.buffer }, transferList: [channel.port2] });
  const port: MessagePort = channel.port1;
  let closed = false;

  function call(request: object, transfer?: ArrayBuffer[]): Answer {
    if (closed) throw failure("failed", "the blocking network is closed");
    Atomics.store(cell, 0, 0);
    port.postMessage(request, transfer || []);
    // Really blocking: this thread sleeps until the service answers.
    while (Atomics.load(cell, 0) === 0) Atomics.wait(cell, 0, 0);
    const received = receiveMessageOnPort(port);
    if (received === undefined) throw failure("failed", "the socket service answered nothing");
    const answer = received.message as Answer;
    if (answer.error !== undefined) throw failure(answer.error, answer.message || answer.error);
    return answer;
  }

  return {
    connect(address: string, portNumber: number, timeoutMs?: number): BlockingTCPSocket {
      const id = call({ op: "connect", address, port: portNumber, timeoutMs }).id as number;
      let open = true;
      return {
        send(bytes: Uint8Array): void {
          const copy = bytes.slice();
          call({ op: "send", id, bytes: copy }, [copy.buffer]);
        },
        recv(maxBytes: number, timeout?: number): Uint8Array | null | undefined {
          const answer = call({ op: "recv", id, max: maxBytes, timeoutMs: timeout });
          if (answer.closed) return null;
          if (answer.timeout) return undefined;
          return answer.bytes;
        },
        end(): void {
          call({ op: "end", id });
        },
        close(): void {
          if (!open || closed) return;
          open = false;
          call({ op: "close", id });
        },
      };
    },
    close(): void {
      if (closed) return;
      try {
        call({ op: "shutdown" });
      } finally {
        closed = true;
        port.close();
        void service.terminate();
      }
    },
  };
}
