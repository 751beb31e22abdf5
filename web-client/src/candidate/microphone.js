/**
 * The candidate's microphone: permission, capture through the {@code capture-worklet.js} AudioWorklet (16 kHz
 * s16le frames with their level) and mute. Echo cancellation stays on so the interviewer's voice from the speakers
 * is not taken for the candidate barging in.
 */
export const CAPTURE_FORMAT = { encoding: 's16le', sampleRate: 16000, channels: 1 };

/** Why the microphone could not be opened, with what the candidate can do about it. */
export class MicrophoneError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

function classify(e) {
  switch (e?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new MicrophoneError('denied', 'Your browser blocked the microphone for this page.');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new MicrophoneError('missing', 'No microphone was found on this device.');
    case 'NotReadableError':
    case 'AbortError':
      return new MicrophoneError('busy', 'The microphone is in use by another application or could not be started.');
    default:
      return new MicrophoneError('unknown', `The microphone could not be opened${e?.message ? `: ${e.message}` : ''}.`);
  }
}

export class Microphone {
  /**
   * Asks for the microphone and starts capturing. Call it from a click: the AudioContext is created before the
   * permission prompt, while the click still counts as the user's gesture that lets audio start.
   */
  static async open() {
    if (!navigator.mediaDevices?.getUserMedia || !window.AudioWorkletNode) {
      throw new MicrophoneError('unsupported', window.isSecureContext
        ? 'This browser cannot record audio here.'
        : 'Browsers allow the microphone only on secure (https) pages, and this page is not one.');
    }
    const context = new AudioContext();
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
      await context.audioWorklet.addModule('/candidate/capture-worklet.js');
      await context.resume();
    } catch (e) {
      stream?.getTracks().forEach((t) => t.stop());
      context.close();
      throw e instanceof MicrophoneError ? e : classify(e);
    }
    return new Microphone(context, stream);
  }

  constructor(context, stream) {
    this.context = context;
    this.stream = stream;
    this.listeners = new Set();
    this.node = new AudioWorkletNode(context, 'viva-capture');
    this.node.port.onmessage = (event) => this.listeners.forEach((listener) => listener(event.data));
    context.createMediaStreamSource(stream).connect(this.node);
    // some engines only run nodes that lead to the speakers; the processor writes no output, so this stays silent
    this.node.connect(context.destination);
    this.track.addEventListener('ended', () => this.onEnded?.());
  }

  get track() {
    return this.stream.getAudioTracks()[0];
  }

  get label() {
    return this.track?.label || 'Microphone';
  }

  /** Calls {@code listener({pcm, level})} for every 40 ms frame; returns a function that stops the calls. */
  onFrame(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A muted track delivers silence; the caller decides whether to send it. */
  set muted(muted) {
    this.track.enabled = !muted;
  }

  get muted() {
    return !this.track.enabled;
  }

  close() {
    this.stream.getTracks().forEach((t) => t.stop());
    if (this.context.state !== 'closed') this.context.close();
  }
}

/** A meter element's value from an RMS level: speech at a normal distance sits around 0.05-0.3 RMS. */
export function meterValue(level) {
  const db = 20 * Math.log10(Math.max(level, 1e-5));
  return Math.max(0, Math.min(1, (db + 60) / 50));
}
