/*
 * Microphone capture on the audio thread. Browsers run an AudioContext at the device's rate (44.1 or 48 kHz, seen
 * both), while the server takes 16 kHz natively (docs/voice.md), so this resamples whatever comes in to 16 kHz
 * mono: a windowed-sinc low-pass below the new Nyquist frequency (so 8-24 kHz content does not fold back into the
 * speech band), read at fractional positions by linear interpolation. It posts 40 ms frames of s16le PCM with the
 * block's RMS level, which also drives the level meters.
 */
const OUTPUT_RATE = 16000;
const FRAME_SAMPLES = 640; // 40 ms at 16 kHz: within the 20-100 ms the server recommends
const TAPS = 63;
const CUTOFF_HZ = 7200;

/** Blackman-windowed sinc low-pass, normalised to unit gain at DC. */
function lowPass(rate) {
  const taps = new Float32Array(TAPS);
  const fc = CUTOFF_HZ / rate;
  const mid = (TAPS - 1) / 2;
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const x = i - mid;
    const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
    const window = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (TAPS - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (TAPS - 1));
    taps[i] = sinc * window;
    sum += taps[i];
  }
  return taps.map((t) => t / sum);
}

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.taps = lowPass(sampleRate);
    this.step = sampleRate / OUTPUT_RATE;
    this.history = new Float32Array(TAPS + 1024); // input not yet consumed, plus the filter's memory
    this.filled = 0;
    this.position = TAPS - 1; // next output sample, in input samples from history[0]
    this.frame = new Int16Array(FRAME_SAMPLES);
    this.framed = 0;
    this.energy = 0;
  }

  /** The low-passed input at integer index i of the history (the filter looks back TAPS - 1 samples). */
  filtered(i) {
    let acc = 0;
    for (let k = 0; k < TAPS; k++) acc += this.taps[k] * this.history[i - k];
    return acc;
  }

  process(inputs) {
    const input = inputs[0]?.[0];
    if (!input) return true; // no track yet (or it ended): keep the node alive
    this.history.set(input, this.filled);
    this.filled += input.length;
    while (Math.floor(this.position) + 1 < this.filled) {
      const i = Math.floor(this.position);
      const fraction = this.position - i;
      const sample = this.filtered(i) * (1 - fraction) + this.filtered(i + 1) * fraction;
      this.energy += sample * sample;
      this.frame[this.framed++] = Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
      if (this.framed === FRAME_SAMPLES) this.flush();
      this.position += this.step;
    }
    // keep only what the next outputs need: the filter's look-back before the next position
    const keepFrom = Math.floor(this.position) - (TAPS - 1);
    this.history.copyWithin(0, keepFrom, this.filled);
    this.filled -= keepFrom;
    this.position -= keepFrom;
    return true;
  }

  flush() {
    const pcm = this.frame.slice().buffer;
    this.port.postMessage({ pcm, level: Math.sqrt(this.energy / FRAME_SAMPLES) }, [pcm]);
    this.framed = 0;
    this.energy = 0;
  }
}

registerProcessor('viva-capture', CaptureProcessor);
