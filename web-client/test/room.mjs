/*
 * The candidate is told the truth: when speech cannot be recognised the welcome and device screens say "you'll
 * type" and the microphone is never asked for; when the server switches to typing mid-way the microphone is
 * released and the notice is the room's own words; the privacy notice (from the installation's settings) comes
 * before consent; connection states are shown as they are on a phone (no "is speaking" while disconnected, a "not
 * sent" that clears, a "Reconnected" banner in view, no Ctrl+Enter); a mangled, replaced or cancelled link gets a
 * page that says what happened, what to do and whom to write to.
 */
import { answerFor } from './answers.mjs';
import { consentWithKeyboard, typeAnswer, waitForCaption } from './flows.mjs';
import {
  api, assertNoPageErrors, base, check, createInterview, eventually, launch, localJoinLink, newPage, run, shot,
  tapCandidateSocket,
} from './lib.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const CONTACT = 'privacy@acme.test'; // the test profile's viva.privacy.contact-email

/** Records every microphone stream the page opens, to check that it was never opened, or released. */
async function watchMicrophone(page) {
  await page.addInitScript(() => {
    window.vivaStreams = [];
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      window.vivaStreams.push(stream);
      return stream;
    };
  });
}

const liveTracks = (page) => page.evaluate(() => window.vivaStreams.flatMap((s) => s.getTracks())
  .filter((t) => t.readyState === 'live').length);

/** The page is told that speech cannot be recognised right now, as the server says it when its model is missing. */
async function voiceUnavailable(page) {
  await page.route(/\/api\/v1\/interviews\/[0-9a-f-]{36}\/public$/, async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, json: { ...(await response.json()), voiceAvailable: false } });
  });
}

const inView = (page, selector) => page.$eval(selector, (el) => {
  const box = el.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
});

async function typingFromTheStart(browser, { options, suffix }) {
  const page = await newPage(browser, options);
  await watchMicrophone(page);
  await voiceUnavailable(page);
  const tap = await tapCandidateSocket(page);
  const interview = await createInterview(`Typing ${suffix}`);
  await page.goto(localJoinLink(interview.joinUrl));
  await page.waitForSelector('#screen-welcome:not([hidden])');
  const welcome = await page.textContent('#screen-welcome');
  check(await page.isVisible('text=You\'ll type your answers'), 'the welcome screen says answers are typed');
  check(!(await page.isVisible('#fact-voice')), 'no promise of answering by speaking');
  // the privacy notice, before consent, with the installation's settings
  check(await page.isVisible('#privacy'), 'the privacy notice is on the welcome screen');
  check(welcome.includes('Acme Test Ltd'), 'the notice names the company');
  check(welcome.includes('kept until Acme Test Ltd deletes them'), `the retention is stated: ${welcome}`);
  check(await page.isVisible(`#privacy-delete a[href="mailto:${CONTACT}"]`), 'deletion requests go to the contact');
  check(await page.isVisible(`#privacy-accommodation a[href="mailto:${CONTACT}"]`), 'so do adjustments');
  const privacyBox = await page.$eval('#privacy', (el) => el.getBoundingClientRect().top);
  const consentBox = await page.$eval('#consent', (el) => el.getBoundingClientRect().top);
  check(privacyBox < consentBox, 'the notice comes before the consent');
  await page.click('a[href="#privacy-title"]');
  await shot(page, `candidate-welcome-typing${suffix === 'phone' ? '-phone' : ''}`, { docs: true });

  await page.check('#consent');
  await page.click('#consent-form button[type=submit]');
  await page.waitForSelector('#screen-devices:not([hidden])');
  check((await page.textContent('#devices-title')) === 'Check your speakers', 'the device check leaves the microphone out');
  check(await page.isHidden('#mic-card'), 'no microphone check');
  check(await page.isVisible('#text-mode-note'), 'the candidate is told why');
  await shot(page, `candidate-devices-typing${suffix === 'phone' ? '-phone' : ''}`);
  await page.click('#start-text');
  await page.waitForSelector('#screen-interview:not([hidden])');
  const start = await eventually('the start message', () => tap.sent('start')[0]);
  check(!start.audio, 'a typing start declares no audio');
  check(await page.evaluate(() => window.vivaStreams.length) === 0, 'the microphone was never asked for');
  await waitForCaption(page, 1);
  assertNoPageErrors(page);
  return { page, tap };
}

run('room', async (keep) => {
  const browser = keep(await launch({ microphone: 'fake' }));

  // --- speech unavailable before the start: desktop, then a phone, where the connection is also cut ---
  await typingFromTheStart(browser, { options: {}, suffix: 'desktop' });
  const { page: phone, tap: phoneTap } = await typingFromTheStart(browser, { options: PHONE, suffix: 'phone' });
  check((await phone.textContent('#answer-hint')).includes('Tap'), 'a phone is told to tap, not to press Ctrl+Enter');
  check(!(await phone.textContent('#screen-interview')).includes('Ctrl+Enter'), 'no keyboard shortcut on a phone');
  check(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'the room fits a 390 px screen');

  await phone.context().setOffline(true);
  phoneTap.drop();
  await phone.waitForSelector('#connection:not([hidden])');
  await phone.waitForSelector('#turn[data-state="offline"]');
  check(!/speaking|thinking/.test(await phone.textContent('#turn')), 'nobody is said to be speaking while disconnected');
  await phone.fill('#answer', 'My answer while offline');
  await phone.click('#answer-form button[type=submit]');
  await phone.waitForSelector('#notice:not([hidden]) >> text=Not sent');
  await shot(phone, 'candidate-offline-phone');
  await phone.context().setOffline(false);
  await phone.waitForSelector('#connection >> text=Reconnected');
  check(await phone.isHidden('#notice'), 'the "not sent" notice is gone once the connection is back');
  check(await inView(phone, '#connection'), 'the "Reconnected" banner is in view on the phone');
  check(await phone.inputValue('#answer') === 'My answer while offline', 'the unsent text is kept');
  await shot(phone, 'candidate-reconnected-phone', { docs: true });
  assertNoPageErrors(phone);

  // --- speech goes away mid-interview: the microphone is released and the candidate told in plain words ---
  const page = await newPage(browser);
  await watchMicrophone(page);
  const tap = await tapCandidateSocket(page);
  await consentWithKeyboard(page, 'Voice Then Typing');
  await page.click('#mic-allow');
  await page.click('#start-voice');
  const ready = await eventually('the server to answer start', () => tap.received('ready')[0]);
  const captions = await waitForCaption(page, 1);
  const raw = 'Speech recognition is unavailable right now; please type your answers.';
  if (ready.mode === 'voice') {
    check(await liveTracks(page) === 1, 'the microphone is live in a voice interview');
    tap.toPage({ type: 'notice', code: 'stt-unavailable', detail: raw });
  }
  await page.waitForSelector('#notice:not([hidden]) >> text=switched off');
  check(!(await page.textContent('#notice')).includes(raw), 'the room words the notice itself');
  check(await page.isHidden('#mic-controls'), 'no microphone controls once typing');
  await eventually('the microphone to be released', async () => (await liveTracks(page)) === 0);
  // once the interviewer has finished speaking, the candidate's turn is to type, not to speak
  await eventually('the turn to ask for a typed answer', async () =>
    (await page.textContent('#turn-text')).includes('type your answer'), 90000);
  await shot(page, 'candidate-switched-to-typing', { docs: true });
  const sentAtSwitch = tap.fromPage.length;
  // a notice the room does not know is not shown raw either
  tap.toPage({ type: 'notice', code: 'something-new', detail: 'internal: pipeline stage 3 failed' });
  await typeAnswer(page, answerFor(captions.at(-1)));
  check(!(await page.textContent('body')).includes('pipeline stage'), 'an unknown notice is not shown');
  check(tap.fromPage.slice(sentAtSwitch).every((m) => m.bytes === undefined), 'no audio is sent after the switch');
  assertNoPageErrors(page);

  // --- links that do not work ---
  const broken = await newPage(browser, PHONE);
  broken.expectedErrors = /status of 404/; // the page itself comes with its 404
  const response = await broken.goto(`${base}/interview/0b9a3f3e-1111-4a4a-99`);
  check(response.status() === 404, `a mangled link is a 404 page: ${response.status()}`);
  await broken.waitForSelector('#screen-problem:not([hidden])');
  check((await broken.textContent('#problem-title')) === 'This link is incomplete', 'the page says what happened');
  check((await broken.textContent('#problem-steps')).includes(CONTACT), 'and whom to write to');
  check(!(await broken.textContent('body')).includes('about:blank'), 'no raw JSON');
  await shot(broken, 'candidate-link-incomplete-phone', { docs: true });

  // a link replaced by a newer one
  const replaced = await createInterview('Replaced Link');
  await api(`/api/v1/interviews/${replaced.id}/join-link`, { method: 'POST' });
  const old = await newPage(browser);
  old.expectedErrors = /status of 401/;
  await old.goto(localJoinLink(replaced.joinUrl));
  await old.waitForSelector('#screen-problem:not([hidden])');
  check((await old.textContent('#problem-detail')).includes('newer link'), 'a replaced link says a newer one exists');
  await shot(old, 'candidate-link-replaced');

  // a cancelled interview
  const cancelled = await createInterview('Cancelled Candidate');
  await api(`/api/v1/interviews/${cancelled.id}/cancel`, { method: 'POST' });
  const gone = await newPage(browser);
  await gone.goto(localJoinLink(cancelled.joinUrl));
  await gone.waitForSelector('#screen-problem:not([hidden])');
  check((await gone.textContent('#problem-title')) === 'This interview was cancelled', 'a cancelled interview says so');
  check((await gone.textContent('#problem-steps')).includes(CONTACT), 'with whom to write to');
  await shot(gone, 'candidate-cancelled');
  for (const p of [broken, old, gone]) assertNoPageErrors(p);
});
