/**
 * Plays the interviewer's voice: s16le mono chunks as they arrive, each an AudioBufferSourceNode scheduled exactly
 * where the previous one ends, so the speech has no gaps however the frames were split. A short lead before the
 * first chunk absorbs network jitter; if the network falls behind anyway, playback resumes with a new lead rather
 * than piling chunks up in the past. Utterances queue after one another; {@link stop} drops everything at once and
 * says how much of the current utterance was really heard (docs/voice.md, barge-in).
 */
const LEAD_SECONDS = 0.12;

export class Player {
  constructor() {
    this.context = null;
    this.segments = []; // utterances not finished: {audioId, rate, sources playing or due, scheduled, ended}
    this.receiving = null; // the segment the next binary frame belongs to (the last audio.start)
    this.nextStart = 0;
    this.onEnded = () => {}; // (audioId) when an utterance's audio finished playing
    this.waiting = new Map(); // audioId -> resolve functions of whenDone
    this.done = new Set(); // audioIds played to their end or stopped
    this.onActivity = () => {}; // (playing) when the voice starts or falls silent
  }

  /** Creates the audio output; call it from a click, since browsers start audio only after a user gesture. */
  async unlock() {
    if (!this.context) {
      try {
        // the server speaks at 16 kHz: a context at that rate plays the chunks without resampling each one
        this.context = new AudioContext({ sampleRate: 16000 });
      } catch {
        this.context = new AudioContext();
      }
    }
    await this.context.resume();
  }

  get playing() {
    return this.segments.some((s) => s.sources.length > 0);
  }

  begin(audioId, sampleRate) {
    this.receiving = { audioId, rate: sampleRate, sources: [], scheduled: [], ended: false };
    this.segments.push(this.receiving);
  }

  /** A binary frame from the server: interviewer audio of the last {@link begin}. */
  chunk(data) {
    const segment = this.receiving;
    if (!segment || !this.context || data.byteLength < 2) return; // frames of an utterance that was stopped
    const pcm = new Int16Array(data, 0, data.byteLength >> 1);
    const buffer = this.context.createBuffer(1, pcm.length, segment.rate);
    const samples = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 32768;
    const now = this.context.currentTime;
    const start = this.nextStart > now ? this.nextStart : now + LEAD_SECONDS;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    source.onended = () => this.finished(segment, source);
    source.start(start);
    this.nextStart = start + buffer.duration;
    const wasPlaying = this.playing;
    segment.sources.push(source);
    segment.scheduled.push({ start, duration: buffer.duration });
    if (!wasPlaying) this.onActivity(true);
  }

  end(audioId) {
    const segment = this.segments.find((s) => s.audioId === audioId);
    if (!segment) return;
    segment.ended = true;
    if (segment === this.receiving) this.receiving = null;
    this.settle();
  }

  /** Stops all playback now; returns the milliseconds of {@code audioId} (if given) that were played. */
  stop(audioId) {
    const segment = this.segments.find((s) => s.audioId === audioId);
    const playedMs = segment ? this.playedMs(segment) : 0;
    const wasPlaying = this.playing;
    for (const s of this.segments) {
      for (const source of s.sources) {
        source.onended = null;
        source.stop();
      }
    }
    this.segments = [];
    this.receiving = null;
    this.nextStart = 0;
    if (wasPlaying) this.onActivity(false);
    this.release([...this.waiting.keys(), ...(audioId == null ? [] : [audioId])]);
    return playedMs;
  }

  /** Resolves once utterance {@code audioId} has played to its end or was stopped. */
  whenDone(audioId) {
    if (this.done.has(audioId)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(audioId, [...(this.waiting.get(audioId) ?? []), resolve]));
  }

  release(audioIds) {
    for (const id of audioIds) {
      this.done.add(id);
      this.waiting.get(id)?.forEach((resolve) => resolve());
      this.waiting.delete(id);
    }
  }

  playedMs(segment) {
    const now = this.context.currentTime;
    const seconds = segment.scheduled.reduce((sum, c) => sum + Math.max(0, Math.min(c.duration, now - c.start)), 0);
    return Math.round(seconds * 1000);
  }

  finished(segment, source) {
    segment.sources = segment.sources.filter((s) => s !== source);
    this.settle();
    if (!this.playing) this.onActivity(false);
  }

  /** Reports utterances whose audio has all arrived and all played, in order. */
  settle() {
    while (this.segments.length && this.segments[0].ended && this.segments[0].sources.length === 0) {
      const { audioId } = this.segments.shift();
      this.onEnded(audioId);
      this.release([audioId]);
    }
  }

  /** A short two-note chime, so the candidate can check their speakers before the interview. */
  async testTone() {
    await this.unlock();
    const t = this.context.currentTime + 0.05;
    for (const [offset, hz] of [[0, 660], [0.35, 880]]) {
      const osc = this.context.createOscillator();
      const gain = this.context.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0, t + offset);
      gain.gain.linearRampToValueAtTime(0.3, t + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.001, t + offset + 0.6);
      osc.connect(gain).connect(this.context.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.65);
    }
  }
}
