/*
 * How the page follows the server's side of docs/voice.md, with the server's messages played into the socket:
 * barge-in (interviewer audio, a tone frame by frame, stops at once on `audio.stop` and the page reports how much
 * it played), gap-free playback reported as ended, and a takeover by another window (close code 4409), after
 * which the candidate may continue here.
 */
import { assertNoPageErrors, check, eventually, launch, newPage, run, shot, tapCandidateSocket, log } from './lib.mjs';
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
  check((await page.$$('.caption.interviewer')).length === 1, 'the question the server sends again is not captioned twice');
  assertNoPageErrors(page);
});
