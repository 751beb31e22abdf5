import { ApiError, socketUrl } from './http.js';

/** Refusals that no retry can fix: the link or key is wrong, or the interview is gone. */
const FATAL_STATUSES = new Set([401, 403, 404]);
/** Ticket refusals that mean the conversation is over (a cancelled interview): reported like a final close, 4410. */
const ENDED_STATUSES = new Set([409, 410]);
const OPEN_TIMEOUT_MS = 10000;
const PING_EVERY_MS = 15000;
const SILENT_LIMIT_MS = 40000;

/** Waits 0.5, 1, 2, 4, 8 then 15 s between attempts, each spread by ±20% so many clients don't retry in step. */
export function retryDelay(attempt) {
  return Math.min(15000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

/**
 * A WebSocket that opens with a fresh single-use ticket each time and reconnects with backoff when the connection
 * drops, until {@code isFinal(code)} says a close code means the conversation is over. It reports every change
 * through {@code onStatus({state, attempt, delayMs, code, error})}, state being connecting, open, waiting,
 * offline, closed or failed, so the page can tell its user what is happening.
 */
export class ReconnectingSocket {
  /**
   * @param ticketUrl async () => the socket path with a fresh ticket
   * @param ping      () => a message to send every 15 s, or null to skip this beat; while pinging, a connection
   *                  silent for 40 s is treated as dropped (a network that vanished without a close, a laptop
   *                  lid, a train tunnel, is otherwise noticed only minutes later). Null for read-only sockets.
   */
  constructor({ ticketUrl, onOpen = () => {}, onMessage, onStatus = () => {}, isFinal = () => false, ping = null }) {
    Object.assign(this, { ticketUrl, onOpen, onMessage, onStatus, isFinal, ping });
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.heartbeat = null;
    this.stopped = false;
    this.onOnline = () => this.reconnectNow();
    window.addEventListener('online', this.onOnline);
  }

  async connect() {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.onStatus({ state: 'connecting', attempt: this.attempt });
    let url;
    this.fetchingTicket = true;
    try {
      url = socketUrl(await this.ticketUrl());
    } catch (e) {
      this.fetchingTicket = false;
      if (e instanceof ApiError && FATAL_STATUSES.has(e.status)) {
        this.stop();
        this.onStatus({ state: 'failed', error: e });
      } else if (e instanceof ApiError && ENDED_STATUSES.has(e.status) && this.isFinal(4410)) {
        this.stop();
        this.onStatus({ state: 'closed', code: 4410, reason: e.message });
      } else {
        this.retry(null);
      }
      return;
    }
    this.fetchingTicket = false;
    if (this.stopped) return;
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    const openTimeout = setTimeout(() => this.abandon(ws), OPEN_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(openTimeout);
      this.lastHeard = Date.now();
      if (this.ping) this.heartbeat = setInterval(() => this.beat(ws), PING_EVERY_MS);
      this.onStatus({ state: 'open', attempt: this.attempt });
      this.onOpen();
    };
    ws.onmessage = (event) => {
      this.attempt = 0; // the server talks to us: the next drop starts the backoff afresh
      this.lastHeard = Date.now();
      this.onMessage(event.data);
    };
    ws.onclose = (event) => {
      clearTimeout(openTimeout);
      if (this.ws !== ws) return; // a socket already given up or replaced
      this.ws = null;
      clearInterval(this.heartbeat);
      if (this.stopped) return;
      if (this.isFinal(event.code)) {
        this.stop();
        this.onStatus({ state: 'closed', code: event.code, reason: event.reason });
      } else {
        this.retry(event.code);
      }
    };
  }

  beat(ws) {
    const message = this.ping();
    if (!message) this.lastHeard = Date.now();
    else if (Date.now() - this.lastHeard > SILENT_LIMIT_MS) this.abandon(ws);
    else this.send(message);
  }

  /** Gives up on a socket whose handshake hangs or that went silent, without waiting for a close that may never come. */
  abandon(ws) {
    if (this.ws !== ws) return;
    this.ws = null;
    clearInterval(this.heartbeat);
    ws.close();
    this.retry(null);
  }

  retry(code) {
    if (this.stopped) return;
    const delayMs = retryDelay(this.attempt);
    this.attempt += 1;
    // offline, the 'online' event reconnects at once; the timer is there in case it never fires
    this.onStatus({ state: navigator.onLine ? 'waiting' : 'offline', attempt: this.attempt, delayMs, code });
    this.timer = setTimeout(() => this.connect(), delayMs);
  }

  reconnectNow() {
    if (this.stopped || this.ws || this.fetchingTicket) return;
    this.connect();
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Sends a message (objects as JSON) or a binary frame; false when no open connection can take it. */
  send(data) {
    if (!this.open) return false;
    this.ws.send(data instanceof ArrayBuffer ? data : JSON.stringify(data));
    return true;
  }

  /** Closes the connection for good: no reconnect until {@link restart}. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    window.removeEventListener('online', this.onOnline);
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000);
  }

  /** Opens again after {@link stop}, e.g. when the candidate continues in this window after another one took over. */
  restart() {
    this.stopped = false;
    this.attempt = 0;
    window.addEventListener('online', this.onOnline);
    this.connect();
  }
}
