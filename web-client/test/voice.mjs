/*
 * Answers by voice (run by VoiceBrowserTest, whose server hears scripted texts): the fake microphone's speech
 * streams from the page, the server's speech-to-text double recognises it, the page captions it and the
 * interviewer moves on; the interviewer's spoken audio is played, and the candidate's speech over it is a barge-in
 * that stops it, answered with `playback stopped`. The recruiter's live view shows the spoken answers.
 */
import {
  apiKey, base, check, eventually, launch, log, newPage, run, shot, tapCandidateSocket, tapSocket, assertNoPageErrors,
  LIVE_SOCKET,
} from './lib.mjs';
import { consentWithKeyboard } from './flows.mjs';

const FIRST = 'I have five years of backend experience with Python services and PostgreSQL';

run('voice', async (keep) => {
  const browser = keep(await launch({ microphone: 'fake' }));
  const candidate = await newPage(browser);
  const tap = await tapCandidateSocket(candidate);
  const interview = await consentWithKeyboard(candidate, 'Voice Candidate');

  const recruiter = await newPage(browser);
  const live = await tapSocket(recruiter, LIVE_SOCKET);
  await recruiter.addInitScript((key) => sessionStorage.setItem('viva.console.key', key), apiKey);
  await recruiter.goto(`${base}/console/#/interviews/${interview.id}/live`);
  await recruiter.waitForSelector('.badge.status-SCHEDULED');

  await candidate.click('#mic-allow');
  await candidate.click('#start-voice');
  const ready = await eventually('ready', () => tap.received('ready')[0]);
  check(ready.mode === 'voice', `the server takes the microphone: ${JSON.stringify(ready)}`);
  await eventually('interviewer audio', () => tap.fromServer.some((m) => m.bytes !== undefined));

  await candidate.waitForSelector(`.caption.candidate >> text=${FIRST}`, { timeout: 60000 });
  await shot(candidate, 'candidate-spoken-answer');
  await eventually('the next question', async () => (await candidate.$$('.caption.interviewer')).length >= 2, 60000);
  await recruiter.waitForSelector(`.live-transcript >> text=${FIRST}`);
  check((await recruiter.textContent('.live-transcript')).includes('Spoken:'), 'the live view marks the answer as spoken');
  // what the voice pipeline itself published to the recruiter: captions while speaking, turn states, the score
  const first = live.received('answer').find((m) => m.text === FIRST);
  check(live.received('transcript.partial').some((m) => m.seq === first.seq && FIRST.startsWith(m.text)),
    'captions of the answer reached the live view while it was spoken');
  const states = live.received('state').map((m) => m.state);
  check(['listening', 'thinking', 'speaking'].every((s) => states.includes(s)), `turn states were relayed: ${states}`);
  const score = await eventually('a scored answer (the introduction is not scored)', () => live.received('score')[0],
    60000);
  await recruiter.waitForSelector(`#live-turn-${score.seq} .score:not([hidden])`);
  check((await recruiter.textContent(`#live-turn-${score.seq} .score`)).startsWith(`${score.score}/100`),
    `the computed score is shown: ${JSON.stringify(score)}`);
  await shot(recruiter, 'console-live-voice');

  const stop = await eventually('a barge-in', () => tap.received('audio.stop')[0], 90000);
  const reply = await eventually('the playback report', () =>
    tap.sent('playback').find((m) => m.state === 'stopped' && m.audioId === stop.audioId));
  check(Number.isInteger(reply.playedMs) && reply.playedMs >= 0, `playedMs reported: ${JSON.stringify(reply)}`);
  log(`barge-in (${stop.reason}) on audio ${stop.audioId} after ${reply.playedMs} ms played`);
  const ended = tap.sent('playback').filter((m) => m.state === 'ended').length;
  log(`${ended} utterances reported played to their end; ${tap.received('transcript.final').length} spoken answers`);
  assertNoPageErrors(candidate);
  assertNoPageErrors(recruiter);
});
