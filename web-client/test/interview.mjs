/*
 * The whole candidate journey with the recruiter watching: the recruiter creates the interview in the console and
 * opens its live view; the candidate consents, checks the (fake, really streaming) microphone and speakers, and
 * takes the interview by typing; the connection drops mid-answer and the page reconnects and resumes; the tab is
 * closed and the link opened again, which resumes too (and so does a reload); the interview completes on the thank-you page; the recruiter
 * sees the live transcript, then the report with its chart and quotes linked to the transcript.
 */
import { answerFor } from './answers.mjs';
import { interviewerCaptions, waitForCaption } from './flows.mjs';
import {
  assertNoPageErrors, base, check, eventually, launch, localJoinLink, log, newPage, run, shot, tapCandidateSocket,
  tapSocket, api, args, LIVE_SOCKET,
} from './lib.mjs';

const ROLE = args.role ?? 'tiny-role';
const NAME = 'Grace Hopper';

run('interview', async (keep) => {
  const browser = keep(await launch({ microphone: 'fake' }));

  // --- the recruiter signs in and creates the interview ---
  const recruiter = await newPage(browser);
  // the wrong key tried first, and the report asked for while it is being built
  recruiter.expectedErrors = /status of (401|409)/;
  await recruiter.goto(`${base}/`);
  await recruiter.click('text=Use an API key instead');
  await recruiter.fill('#api-key', 'not-a-key');
  await recruiter.click('text=Sign in with the key');
  await recruiter.waitForSelector('#key-error:not([hidden])');
  await recruiter.fill('#api-key', args['api-key'] ?? 'test-recruiter-key');
  await recruiter.click('text=Sign in with the key');
  await recruiter.click('a[href="#/new"] >> nth=0');
  await recruiter.waitForSelector(`#role option[value="${ROLE}"]`, { state: 'attached' });
  await recruiter.fill('#candidateName', NAME);
  await recruiter.fill('#candidateEmail', 'grace@example.com');
  await recruiter.selectOption('#role', ROLE);
  await recruiter.selectOption('#level', 'mid');
  await shot(recruiter, 'console-new-interview');
  await recruiter.click('button[type=submit]');
  const joinUrl = await (await recruiter.waitForSelector('#join-link')).inputValue();
  check(/\/interview\/[0-9a-f-]{36}#token=vc_/.test(joinUrl), `a join link with the token in the fragment: ${joinUrl}`);
  const id = /interview\/([0-9a-f-]{36})/.exec(joinUrl)[1];
  await recruiter.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await recruiter.click('text=Copy link');
  await recruiter.waitForSelector('text=Copied.');
  check(await recruiter.evaluate(() => navigator.clipboard.readText()) === joinUrl, 'the join link was copied');
  await shot(recruiter, 'console-interview-created');
  const live = await tapSocket(recruiter, LIVE_SOCKET);
  await recruiter.click('text=Open the interview');
  await recruiter.waitForSelector('.badge.status-SCHEDULED');
  await recruiter.waitForSelector('#stage >> text=Waiting for Grace Hopper to join');

  // --- the candidate: welcome and consent ---
  let candidate = await newPage(browser);
  let tap = await tapCandidateSocket(candidate);
  await candidate.goto(localJoinLink(joinUrl));
  await candidate.waitForSelector('#screen-welcome:not([hidden])');
  check(!candidate.url().includes('token='), 'the token is taken out of the address bar');
  check((await candidate.textContent('#screen-welcome')).includes('is an AI'), 'the candidate is told the interviewer is an AI');
  await shot(candidate, 'candidate-welcome', { docs: true });
  await candidate.click('#consent-form button[type=submit]');
  await candidate.waitForSelector('#consent-error:not([hidden])');
  await candidate.check('#consent');
  await candidate.click('#consent-form button[type=submit]');

  // --- device check: the fake microphone really delivers sound ---
  await candidate.waitForSelector('#screen-devices:not([hidden])');
  check(await candidate.isDisabled('#start-voice'), 'starting by voice waits for the microphone');
  await candidate.click('#mic-allow');
  await eventually('the level meter to move', () => candidate.$eval('#mic-meter', (m) => m.value > 0.3));
  await candidate.click('#tone');
  await shot(candidate, 'candidate-device-check');
  await candidate.click('#start-voice');

  // --- the interview ---
  await candidate.waitForSelector('#screen-interview:not([hidden])');
  const start = await eventually('the start message', () => tap.sent('start')[0]);
  check(start.audio?.encoding === 's16le' && start.audio.sampleRate === 16000 && start.audio.channels === 1,
    `start declares 16 kHz s16le mono: ${JSON.stringify(start)}`);
  const ready = await eventually('the server to answer start', () => tap.received('ready')[0] ?? tap.received('utterance')[0]);
  if (ready.type === 'ready' && ready.mode === 'voice') {
    const frames = await eventually('microphone audio frames', () => {
      const binary = tap.fromPage.filter((m) => m.bytes !== undefined);
      return binary.length > 25 && binary;
    });
    check(frames.every((f) => f.bytes % 2 === 0 && f.bytes <= 65536), 'frames are whole s16le samples');
    check(Math.max(...frames.map((f) => f.rms)) > 0.02, 'the frames carry the spoken WAV, not silence');
    log(`voice mode: ${frames.length} frames streamed, loudest RMS ${Math.max(...frames.map((f) => f.rms)).toFixed(3)}`);
  } else {
    log(`the server answered start in ${ready.type === 'ready' ? `${ready.mode} mode (${ready.reason})` : 'text mode'}`);
  }

  const answer = async (page, text) => {
    await page.fill('#answer', text);
    await page.click('#answer-form button[type=submit]');
  };

  let captions = await waitForCaption(candidate, 1);
  check(await candidate.textContent('#phase-text') !== '', 'the phase is shown');
  // "Wrapping up" when the server's progress says no time is left: in a full test run other tests have moved the
  // interviewer's test clock hours ahead of the interview's recorded start
  check(/min left|minute left|Wrapping up/.test(await candidate.textContent('#time-left')), 'the time remaining is shown');
  await shot(candidate, 'candidate-interview', { docs: true });

  // repeat the question, mute and unmute (what mute sends is checked in protocol.mjs)
  await candidate.click('#repeat');
  captions = await waitForCaption(candidate, 2);
  await candidate.click('#mute');
  check(await candidate.getAttribute('#mute', 'aria-pressed') === 'true', 'mute is pressed');
  check((await candidate.textContent('#notice')).includes('muted'), 'the candidate is told the microphone is muted');
  await candidate.click('#mute');
  check(await candidate.getAttribute('#mute', 'aria-pressed') === 'false', 'mute is released');

  const typed = [];
  const answerCurrent = async (page) => {
    const all = await interviewerCaptions(page);
    const text = answerFor(all.at(-1));
    typed.push(text);
    await answer(page, text);
    return waitForCaption(page, all.length + 1);
  };
  captions = await answerCurrent(candidate);
  captions = await answerCurrent(candidate);

  // --- the network fails while an answer is on its way: the page reconnects, sends it again, the server keeps one ---
  const lostAnswer = answerFor(captions.at(-1));
  const lost = (m) => m.type === 'answer' && m.text === lostAnswer && tap.connections === 1;
  tap.keepFromPage.push(lost);
  tap.onPageMessage = (m) => {
    if (lost(m)) candidate.context().setOffline(true).then(() => tap.drop());
  };
  await answer(candidate, lostAnswer);
  typed.push(lostAnswer);
  await candidate.waitForSelector('#connection:not([hidden]) >> text=offline');
  await shot(candidate, 'candidate-reconnecting');
  await candidate.context().setOffline(false);
  await candidate.waitForSelector('#connection >> text=Reconnected');
  captions = await waitForCaption(candidate, captions.length + 1);
  check(tap.connections >= 2, 'a second connection was opened');
  const sent = tap.sent('answer').filter((m) => m.text === lostAnswer);
  check(sent.length === 2 && sent[0].seq === sent[1].seq, `the lost answer was sent again with its seq: ${JSON.stringify(sent)}`);
  const turns = (await api(`/api/v1/interviews/${id}/transcript`)).turns;
  check(turns.filter((t) => t.answer === lostAnswer).length === 1, 'the answer was recorded once');

  // --- the recruiter's live view follows the same interview ---
  await recruiter.waitForSelector('.badge.status-IN_PROGRESS');
  await eventually('the live transcript to show the answers', async () =>
    (await recruiter.textContent('.live-transcript')).includes(lostAnswer));
  await eventually('the current question', async () =>
    (await recruiter.textContent('.current')).includes(captions.at(-1).slice(-40)));
  // each scored answer's score (the introduction is not scored), computed by the server, comes as it is committed
  const score = await eventually('a scored answer', () => live.received('score')[0]);
  await recruiter.waitForSelector(`#live-turn-${score.seq} .score:not([hidden])`);
  check((await recruiter.textContent(`#live-turn-${score.seq} .score`)).startsWith(`${score.score}/100`),
    `the score is shown: ${JSON.stringify(score)}`);
  // a caption of an answer still being spoken (only voice sessions send them: voice.mjs) replaces the waiting text
  const openSeq = turns.at(-1).seq;
  live.toPage({ type: 'transcript.partial', seq: openSeq, text: 'I would generate short keys' });
  await recruiter.waitForSelector(`#live-turn-${openSeq} .partial >> text=I would generate short keys`);
  await shot(recruiter, 'console-live', { docs: true });

  // --- the tab is closed and the link opened again: the interview resumes at the same question ---
  await candidate.close();
  candidate = await newPage(browser);
  tap = await tapCandidateSocket(candidate);
  await candidate.goto(localJoinLink(joinUrl));
  await candidate.waitForSelector('#welcome-back:not([hidden])');
  // a reload finds the token in the tab's sessionStorage, though the address bar no longer has it
  await candidate.reload();
  await candidate.waitForSelector('#welcome-back:not([hidden])');
  await candidate.click('#mic-allow');
  await shot(candidate, 'candidate-welcome-back');
  await candidate.click('#start-voice');
  await eventually('the current question again', async () => (await interviewerCaptions(candidate)).at(-1) === captions.at(-1));

  // --- one more answer, then the candidate ends the interview with the button (asked once more first) ---
  const before = await interviewerCaptions(candidate);
  typed.push(answerFor(before.at(-1)));
  await answer(candidate, typed.at(-1));
  await eventually('the next question or the end', async () =>
    (await candidate.isVisible('#screen-done')) || (await interviewerCaptions(candidate)).length > before.length);
  if (!(await candidate.isVisible('#screen-done'))) {
    await candidate.click('#end');
    await candidate.waitForSelector('#end-confirm:not([hidden])');
    await shot(candidate, 'candidate-end-confirm');
    await candidate.click('#end-no');
    check(await candidate.isHidden('#end-confirm'), 'keep going closes the confirmation');
    check(tap.sent('end').length === 0, 'nothing is sent until the candidate confirms');
    await candidate.click('#end');
    await candidate.click('#end-yes');
    await candidate.waitForSelector('#screen-done:not([hidden])');
    check(tap.sent('end').length === 1, 'the end message was sent once');
    const ended = await api(`/api/v1/interviews/${id}`);
    check(ended.status === 'COMPLETED' && ended.endReason === 'CANDIDATE_ENDED', `ended by the candidate: ${ended.endReason}`);
  }
  await candidate.waitForSelector('#screen-done:not([hidden])');
  const done = await candidate.textContent('#screen-done');
  check(/What happens next/.test(done), 'the thank-you page says what happens next');
  check(!/score|\/100|%/i.test(await candidate.textContent('body')), 'the candidate sees no score');
  await shot(candidate, 'candidate-done');
  await candidate.setViewportSize({ width: 390, height: 844 });
  await shot(candidate, 'candidate-done-phone');

  // --- the recruiter: status, report, quotes linked to the transcript, print layout ---
  await recruiter.waitForSelector('.badge.status-COMPLETED');
  // the end is the end: nobody speaking, no "current question", the way to the report
  await recruiter.waitForSelector('#stage >> text=This interview is complete');
  check(!/is speaking|is thinking|is answering/.test(await recruiter.textContent('#view')), 'no live state after the end');
  check(await recruiter.isHidden('.current'), 'the wrap-up is not shown as a current question');
  await shot(recruiter, 'console-interview-completed', { docs: true });
  await recruiter.click('text=Open the report');
  await recruiter.waitForSelector('.recommendation');
  const bars = await recruiter.$$eval('.chart .chart-row', (rows) => rows.length);
  check(bars === 2, `the chart has one bar per dimension of the role: ${bars}`);
  const quote = await recruiter.$('button.quote');
  check(quote, 'evidence quotes are linked to the transcript');
  const seq = await quote.getAttribute('data-seq');
  await quote.click();
  await recruiter.waitForSelector(`#turn-${seq}.highlight mark`);
  await shot(recruiter, 'console-report', { docs: true });
  await recruiter.emulateMedia({ media: 'print' });
  await recruiter.pdf({ path: `${args.screenshots ?? 'target/screenshots'}/console-report.pdf` });
  await shot(recruiter, 'console-report-print');
  await recruiter.emulateMedia({ media: 'screen' });

  // --- the list with filters ---
  await recruiter.goto(`${base}/console/#/?status=COMPLETED`);
  await recruiter.waitForSelector(`tr[data-id="${id}"]`);
  const listed = await api(`/api/v1/interviews/${id}`);
  const row = await recruiter.textContent(`tr[data-id="${id}"]`);
  check(row.includes(`${listed.score}/100`) && row.includes(listed.recommendation), `the row shows score and recommendation: ${row}`);
  await shot(recruiter, 'console-list', { docs: true });
  await recruiter.goto(`${base}/console/#/?status=SCHEDULED`);
  await recruiter.waitForSelector('.pager, .card');
  check(!(await recruiter.$(`tr[data-id="${id}"]`)), 'the status filter leaves the completed interview out');

  assertNoPageErrors(candidate);
  assertNoPageErrors(recruiter);
  log(`answered ${typed.length} questions by typing`);
});
