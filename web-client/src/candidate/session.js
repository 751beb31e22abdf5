import { api } from '/shared/http.js';
import { ReconnectingSocket } from '/shared/socket.js';
import { CAPTURE_FORMAT } from './microphone.js';

/**
 * Close codes after which reconnecting cannot help (docs/voice.md): ended elsewhere, taken over, and 1000 only after
 * the server said 'completed'. Any other close (1001 when the server restarts, 1006 when the network drops, even a
 * bare 1000 from a proxy) means "reconnecting".
 */
const COMPLETED = 1000;
const ENDED = 4410;
const TAKEN_OVER = 4409;

/**
 * The candidate's side of the interview socket (docs/voice.md), without any DOM: it opens the socket with a fresh
 * ticket each time, says {@code start} (with the microphone's format when there is one), streams microphone frames
 * once the server is in voice mode, plays the interviewer's audio and reports what was played, and re-sends a
 * typed answer whose reply was lost with the connection (its {@code seq} makes that safe). The view listens
 * through {@code on}: utterance, state, progress, partial, final, notice, error, ready, connection, level,
 * playing, completed, ended, takenOver.
 */
export class InterviewSession {
  constructor({ interviewId, token, microphone, player, on }) {
    Object.assign(this, { interviewId, token, microphone, player, on });
    this.voice = false;
    this.seq = null; // the turn the interviewer last asked
    this.pending = null; // a typed answer not yet replied to: {text, seq, connection}
    this.connection = 0;
    this.completed = false; // the server said 'completed': the only proof the interview is over
    this.socket = new ReconnectingSocket({
      ticketUrl: async () => (await api(`/api/v1/interviews/${interviewId}/socket-ticket`,
        { method: 'POST', bearer: token })).url,
      onOpen: () => this.opened(),
      onMessage: (data) => this.received(data),
      onStatus: (status) => this.status(status),
      isFinal: (code) => code === ENDED || code === TAKEN_OVER || (code === COMPLETED && this.completed),
      // ping belongs to the voice protocol: a server that has not said 'ready' would refuse it
      ping: () => (this.ready ? { type: 'ping' } : null),
    });
    player.onEnded = (audioId) => this.socket.send({ type: 'playback', state: 'ended', audioId });
    player.onActivity = (playing) => on.playing(playing);
    microphone?.onFrame(({ pcm, level }) => {
      on.level(microphone.muted ? 0 : level);
      // a muted microphone is not live: nothing is sent (pings keep the socket open) and the server was told
      if (this.voice && !microphone.muted) this.socket.send(pcm);
    });
  }

  /**
   * Goes on without the microphone (the server cannot transcribe speech): it is released, so the browser stops
   * recording and its indicator goes off, and a reconnection starts in text mode.
   */
  dropMicrophone() {
    this.microphone?.close();
    this.microphone = null;
    this.voice = false;
  }

  start() {
    this.socket.connect();
  }

  opened() {
    this.connection += 1;
    this.ready = false;
    this.voice = false;
    // audio still queued from before the drop would talk over what the server says now
    this.player.stop();
    // the room only connects once the candidate has agreed on the consent screen
    const start = { type: 'start', speech: true, consent: true };
    if (this.microphone) start.audio = CAPTURE_FORMAT;
    this.socket.send(start);
  }

  received(data) {
    if (data instanceof ArrayBuffer) {
      this.player.chunk(data);
      return;
    }
    let m;
    try {
      m = JSON.parse(data);
    } catch {
      return; // not ours to interpret; the protocol only sends JSON text
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.voice = m.mode === 'voice';
        // a new connection starts unmuted on the server's side
        if (this.voice && this.microphone?.muted) this.socket.send({ type: 'mute', muted: true });
        this.on.ready(m);
        break;
      case 'utterance':
        this.settlePending(m.seq);
        this.seq = m.seq;
        this.on.utterance(m);
        break;
      case 'audio.start':
        this.player.begin(m.audioId, m.sampleRate ?? 16000);
        break;
      case 'audio.end':
        this.player.end(m.audioId);
        break;
      case 'audio.stop': {
        const playedMs = this.player.stop(m.audioId);
        this.socket.send({ type: 'playback', state: 'stopped', audioId: m.audioId, playedMs });
        break;
      }
      case 'state':
        this.on.state(m.state);
        break;
      case 'progress':
        this.on.progress(m);
        break;
      case 'transcript.partial':
        this.on.partial(m.text);
        break;
      case 'transcript.final':
        this.on.final(m.text);
        break;
      case 'notice':
        this.on.notice(m);
        break;
      case 'error':
        this.on.error(m);
        break;
      case 'completed':
        this.completed = true;
        this.on.completed(m);
        break;
      default:
        break; // pong, and message types newer than this page
    }
  }

  /**
   * A typed answer is settled by the next utterance on its connection. When the connection dropped first, the
   * first utterance of the new one tells whether the server got it: still at the same turn means it did not, so it
   * is sent again (with its seq, so a copy the server did get is not applied twice).
   */
  settlePending(seq) {
    if (!this.pending) return;
    if (this.pending.connection !== this.connection && seq === this.pending.seq) {
      this.pending.connection = this.connection;
      this.socket.send({ type: 'answer', text: this.pending.text, seq: this.pending.seq });
    } else {
      this.pending = null;
    }
  }

  status(status) {
    this.on.connection(status);
    if (status.state === 'closed') {
      if (status.code === TAKEN_OVER) this.on.takenOver();
      else this.on.ended(status.code, this.completed);
    }
  }

  /** Sends a typed answer; false (and nothing sent) while there is no connection to take it. */
  answer(text) {
    if (!this.socket.open) return false;
    this.pending = { text, seq: this.seq, connection: this.connection };
    return this.socket.send({ type: 'answer', text, seq: this.seq });
  }

  repeat() {
    return this.socket.send({ type: 'repeat' });
  }

  /** The candidate ends the interview; the server answers with its closing words and `completed`. */
  end() {
    return this.socket.send({ type: 'end' });
  }

  setMuted(muted) {
    this.microphone.muted = muted;
    // only a voice session hears the microphone, so only it needs to know
    if (this.voice) this.socket.send({ type: 'mute', muted });
  }

  reconnectNow() {
    this.socket.reconnectNow();
  }

  /** Continues in this window after another one took the interview over. */
  takeBack() {
    this.socket.restart();
  }

  close() {
    this.socket.stop();
    this.microphone?.close();
  }
}
