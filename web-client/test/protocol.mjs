/*
 * How the page follows the server's side of docs/voice.md, with the server's messages played into the socket:
 * barge-in (interviewer audio, a tone frame by frame, stops at once on `audio.stop` and the page reports how much
 * it played), gap-free playback reported as ended, the microphone stream (only in voice mode, never while muted,
 * at the right rate), a close that is not a completion (1001 from a restarting server, a bare 1000) answered by
 * reconnecting, never by the end screen, and a takeover by another window (close code 4409), after which the
 * candidate may continue here.
 */
import { readFileSync } from 'node:fs';
import { args, assertNoPageErrors, check, eventually, launch, newPage, run, shot, tapCandidateSocket, log } from './lib.mjs';
import { consentWithKeyboard, waitForCaption } from './flows.mjs';

/** {@code ms} of a 440 Hz tone as s16le at 16 kHz, the interviewer's output format. */
function tone(ms) {
  const samples = new Int16Array((16000 * ms) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16000));
  return new Uint8Array(samples.buffer);
}

run('protocol', async (keep) => {
  const browser = keep(await launch({ microphone: 'fake' }));
  const page = await newPage(browser);
  const tap = await tapCandidateSocket(page);
  await consentWithKeyboard(page, 'Barge In');
  await page.click('#mic-allow');
  await page.click('#start-voice');
  await waitForCaption(page, 1);
  const injected = (m) => m.type === 'playback' && m.audioId >= 9000;
  tap.keepFromPage.push(injected); // the server never sent these utterances: their playback reports stay here

  // 4 s of speech arrives in 100 ms frames, faster than real time, as the server paces it
  tap.toPage({ type: 'audio.start', audioId: 9001, sampleRate: 16000 });
  for (let i = 0; i < 40; i++) tap.toPageBinary(tone(100));
  await page.waitForSelector('#turn[data-state="speaking"]');
  await shot(page, 'candidate-interviewer-speaking');
  tap.toPage({ type: 'audio.stop', audioId: 9001, reason: 'barge-in' });
  const stopped = await eventually('the stopped report', () => tap.sent('playback').find((m) => m.audioId === 9001));
  check(stopped.state === 'stopped', `a stopped report: ${JSON.stringify(stopped)}`);
  check(Number.isInteger(stopped.playedMs) && stopped.playedMs >= 0 && stopped.playedMs < 4000,
    `playedMs counts what was heard, not what was received: ${stopped.playedMs}`);
  await page.waitForSelector('#turn:not([data-state="speaking"])');
  log(`stopped after ${stopped.playedMs} ms of 4000`);

  // frames of the stopped utterance still in flight are dropped, so they cannot delay the next utterance's end:
  // one split into many small frames plays to its end, and the page says so
  for (let i = 0; i < 5; i++) tap.toPageBinary(tone(100));
  tap.toPage({ type: 'audio.start', audioId: 9002, sampleRate: 16000 });
  for (let i = 0; i < 10; i++) tap.toPageBinary(tone(40));
  tap.toPage({ type: 'audio.end', audioId: 9002, durationMs: 400 });
  const ended = await eventually('the ended report', () => tap.sent('playback').find((m) => m.audioId === 9002));
  check(ended.state === 'ended', `an ended report: ${JSON.stringify(ended)}`);
  await page.waitForSelector('#turn:not([data-state="speaking"])');

  await microphoneStream(page, tap);

  // a server restarting (1001), and even a bare 1000 that no 'completed' came before (a proxy, a load balancer),
  // means "reconnecting": the page connects again and resumes, and never shows the end screen
  for (const [code, reason] of [[1001, 'the server is restarting; reconnect to continue the interview'], [1000, '']]) {
    const before = tap.connections;
    const resumedBefore = tap.received('utterance').length;
    tap.current.ws.close({ code, reason });
    await eventually(`a reconnect after close ${code}`, () => tap.connections > before);
    await eventually(`the server to resume after close ${code}`, () => tap.received('utterance').length > resumedBefore);
    check(await page.isHidden('#screen-done'), `no end screen after close ${code} without 'completed'`);
  }

  // another window took the interview over: no reconnect loop between the two, but a way back
  const connections = tap.connections;
  tap.current.ws.close({ code: 4409, reason: 'taken over by a newer connection' });
  await page.waitForSelector('#connection:not([hidden]) >> text=another window');
  await shot(page, 'candidate-taken-over');
  check(tap.connections === connections, 'no reconnect after a takeover');
  const utterances = tap.received('utterance').length;
  await page.click('#connection-retry');
  await eventually('a new connection after "continue here"', () => tap.connections > connections);
  await eventually('the server to resume on it', () => tap.received('utterance').length > utterances);
  // (other captions may come: the looping microphone keeps talking to a server that hears nothing in it)
  const first = (await page.$$eval('.caption.interviewer p', (ps) => ps.map((p) => p.textContent)))[0];
  const copies = await page.$$eval('.caption.interviewer p', (ps, text) => ps.filter((p) => p.textContent === text).length, first);
  check(copies === 1, 'the question the server sends again is not captioned twice');
  assertNoPageErrors(page);
});

/** Seconds of audio in a PCM WAV file (the fake microphone's, which Chromium plays in a loop). */
function wavSeconds(path) {
  const wav = readFileSync(path);
  let at = 12;
  let byteRate = 0;
  while (at < wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(at + 16);
    if (id === 'data') return size / byteRate;
    at += 8 + size;
  }
  throw new Error(`no data chunk in ${path}`);
}

/** Levels in dB of consecutive 20 ms blocks of 16 kHz samples. */
function envelope(samples) {
  const levels = [];
  for (let i = 0; i + 320 <= samples.length; i += 320) {
    let sum = 0;
    for (let k = i; k < i + 320; k++) sum += (samples[k] / 32768) ** 2;
    levels.push(10 * Math.log10(sum / 320 + 1e-10));
  }
  return levels;
}

/** The lag (in blocks) between minLag and maxLag at which the envelope best matches itself. */
function period(levels, minLag, maxLag) {
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  const x = levels.map((v) => v - mean);
  let best = { lag: 0, score: -Infinity };
  for (let lag = minLag; lag <= maxLag; lag++) {
    let score = 0;
    for (let i = 0; i + lag < x.length; i++) score += x[i] * x[i + lag];
    score /= x.length - lag;
    if (score > best.score) best = { lag, score };
  }
  return best.lag;
}

/**
 * The microphone streams only in voice mode and never while muted; its frames are whole 40 ms s16le blocks at
 * 16 kHz carrying the speech. The rate is checked without a clock: the fake microphone loops its WAV file, so the
 * stream repeats every (file length x 16000) samples exactly when the worklet resampled the device rate correctly.
 */
async function microphoneStream(page, tap) {
  const binary = () => tap.fromPage.filter((m) => m.bytes !== undefined);
  if (!tap.received('ready').some((r) => r.mode === 'voice')) {
    check(binary().length === 0, 'no audio is sent before the server accepts voice');
    // this server speaks the text protocol only: play its part, and keep the audio and mute messages from it
    tap.keepFromPage.push((m) => m.bytes !== undefined || m.type === 'mute');
    tap.toPage({ type: 'ready', mode: 'voice', input: { encoding: 's16le', sampleRate: 16000, channels: 1 },
      output: { encoding: 's16le', sampleRate: 16000, channels: 1 }, limits: { maxFrameBytes: 65536 } });
  }
  await eventually('microphone frames', () => binary().length > 5);
  const loop = wavSeconds(args.speech);
  const from = tap.fromPage.length;
  const frames = await eventually(`${(2.3 * loop).toFixed(1)} s of microphone audio`, () => {
    const audio = tap.fromPage.slice(from).filter((m) => m.bytes !== undefined);
    return audio.length * 0.04 > 2.3 * loop && audio;
  }, 60000);
  check(frames.every((f) => f.bytes === 1280), `40 ms frames of 640 samples: ${[...new Set(frames.map((f) => f.bytes))]}`);
  check(Math.max(...frames.map((f) => f.rms)) > 0.02, 'the frames carry the spoken WAV, not silence');
  const samples = Int16Array.from(frames.flatMap((f) => Array.from(f.samples)));
  const lag = period(envelope(samples), Math.round((loop * 0.7) / 0.02), Math.round((loop * 1.3) / 0.02));
  const heard = lag * 0.02;
  log(`the microphone loop repeats every ${heard.toFixed(2)} s of streamed audio; the file lasts ${loop.toFixed(2)} s`);
  check(Math.abs(heard - loop) / loop < 0.03, `16 kHz after resampling: the loop lasts ${heard.toFixed(2)} s instead of ${loop.toFixed(2)} s`);

  await page.click('#mute');
  await eventually('the mute message', () => tap.sent('mute').length > 0);
  await shot(page, 'candidate-muted');
  await page.click('#mute');
  const muteAt = tap.fromPage.findIndex((m) => m.type === 'mute' && m.muted);
  const unmuteAt = tap.fromPage.findIndex((m, i) => i > muteAt && m.type === 'mute' && !m.muted);
  await eventually('frames again after unmuting', () => tap.fromPage.slice(unmuteAt).some((m) => m.bytes !== undefined));
  check(tap.fromPage.slice(muteAt, unmuteAt).every((m) => m.bytes === undefined), 'nothing is sent while muted');
}
