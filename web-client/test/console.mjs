/*
 * The recruiter's daily work in the console, on a laptop and on a 390 px phone: a refused form says what is wrong
 * next to each field, once; "New interview" works right after creating one; an interview's page tells its real
 * state (waiting for the candidate, then cancelled), issues a new join link (the old one stops working) and cancels
 * after asking; the list finds a candidate by name or e-mail and stacks as cards on a phone.
 */
import {
  api, assertNoPageErrors, base, check, createInterview, eventually, launch, localJoinLink, newPage, run, shot,
  signInWithKey,
} from './lib.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const fitsWidth = (page, width) => page.evaluate((w) => document.documentElement.scrollWidth <= w, width);

async function daily(browser, { options = {}, suffix = '' }) {
  const page = await newPage(browser, options);
  page.expectedErrors = /status of 400/; // the refused form
  await signInWithKey(page);

  // --- a refused form: each message under its field, once, in words for people ---
  await page.click('#nav a[href="#/new"]');
  await page.waitForSelector('#role option', { state: 'attached' });
  await page.fill('#candidateEmail', 'ada at example');
  await page.click('form button[type=submit]');
  await page.waitForSelector('#candidateName-error:not([hidden])');
  check((await page.textContent('#candidateName-error')) === 'Enter the candidate\'s name.', 'the name says what to do');
  check((await page.textContent('#candidateEmail-error')).startsWith('Enter a complete e-mail address'), 'so does the e-mail');
  check(await page.getAttribute('#candidateName', 'aria-invalid') === 'true', 'the field is marked invalid');
  check(await page.getAttribute('#candidateName', 'aria-describedby') === 'candidateName-error', 'and described by its message');
  check(await page.evaluate(() => document.activeElement.id) === 'candidateName', 'focus goes to the first wrong field');
  const text = await page.textContent('form');
  check(!/candidateName|candidateEmail|must not be blank/.test(text), `no API field names or raw messages: ${text}`);
  check((text.match(/Enter the candidate's name/g) ?? []).length === 1, 'each message once');
  check(await page.isHidden('form .banner.error'), 'no second copy in a banner');
  await shot(page, `console-form-errors${suffix}`, { docs: true });

  // --- created; then "New interview" at once gives an empty form ---
  const name = `Daily ${suffix || 'desktop'} ${Date.now().toString(36)}`;
  await page.fill('#candidateName', name);
  await page.fill('#candidateEmail', `${suffix || 'desktop'}.daily@example.com`);
  await page.click('form button[type=submit]');
  const joinUrl = await (await page.waitForSelector('#join-link')).inputValue();
  const id = /interview\/([0-9a-f-]{36})/.exec(joinUrl)[1];
  await page.click('#nav a[href="#/new"]');
  await page.waitForSelector('#candidateName');
  check(await page.inputValue('#candidateName') === '', 'a fresh form right after creating one');
  check(await page.isHidden('#candidateName-error'), 'without the old errors');

  // --- the interview's page: waiting for the candidate, not an empty live view ---
  await page.goto(`${base}/console/#/interviews/${id}/live`);
  await page.waitForSelector('#stage:not([hidden]) >> text=Waiting for');
  check((await page.textContent('h1')) === name, 'the heading names the candidate');
  check(!(await page.textContent('#view')).includes('Live:'), 'no empty "Live:" page');
  await shot(page, `console-interview-scheduled${suffix}`, { docs: !suffix });

  // a new join link, after a confirmation; the old link stops working at once
  await page.click('#new-join-link');
  await page.waitForSelector('[role=alertdialog] >> text=stops working');
  await page.click('text=Keep the current link');
  check(await page.isHidden('[role=alertdialog]'), 'keeping the link closes the question');
  await page.click('#new-join-link');
  await page.click('text=Issue a new link');
  const newUrl = await (await page.waitForSelector('#action-panel #join-link')).inputValue();
  check(newUrl !== joinUrl && newUrl.includes(`/interview/${id}#token=vc_`), `a new link: ${newUrl}`);
  await shot(page, `console-new-join-link${suffix}`, { docs: !suffix });
  const oldToken = new URL(localJoinLink(joinUrl)).hash.replace('#token=', '');
  const refused = await fetch(`${base}/api/v1/interviews/${id}/public`, { headers: { Authorization: `Bearer ${oldToken}` } });
  check(refused.status === 401, `the old link no longer opens the interview: ${refused.status}`);

  // cancel, after a confirmation: the page shows the final state, no live state, no more actions
  await page.click('#cancel-interview');
  await page.waitForSelector('[role=alertdialog] >> text=cannot be taken');
  await shot(page, `console-cancel-confirm${suffix}`);
  await page.click('text=Yes, cancel the interview');
  await page.waitForSelector('.badge.status-CANCELLED');
  await page.waitForSelector('#stage >> text=was cancelled');
  check(await page.isHidden('#cancel-interview') && await page.isHidden('#new-join-link'), 'no actions once ended');
  check((await api(`/api/v1/interviews/${id}`)).status === 'CANCELLED', 'the interview is cancelled');
  await shot(page, `console-interview-cancelled${suffix}`, { docs: !suffix });

  // --- the list: search by candidate, cards on a phone ---
  await page.click('#nav a[href="#/"]');
  await page.fill('#filter-candidate', name.toUpperCase());
  await page.click('form[role=search] button[type=submit]');
  // the search finds that one candidate (the whole list shown before it had more)
  await eventually('the search result', async () => page.url().includes('candidate=')
    && (await page.$$eval('tbody tr', (rows) => rows.map((r) => r.dataset.id))).join() === id);
  check(new URLSearchParams(page.url().split('?')[1]).get('candidate') === name.toUpperCase(), 'the search is in the address');
  for (const column of ['Score', 'Recommendation', 'Duration']) {
    check(await page.isVisible(`th >> text=${column}`) || options.isMobile, `a ${column} column`);
  }
  check(await fitsWidth(page, options.viewport?.width ?? 1180), 'the list fits the screen');
  await shot(page, `console-list-search${suffix}`);
  assertNoPageErrors(page);
}

run('console', async (keep) => {
  const browser = keep(await launch({ microphone: 'none' }));
  await daily(browser, {});
  await daily(browser, { options: PHONE, suffix: '-phone' });

  // a full list on a phone: every row a card, nothing wider than the screen
  for (let i = 0; i < 3; i++) await createInterview(`Card Candidate ${i}`);
  const phone = await newPage(browser, PHONE);
  await signInWithKey(phone);
  await phone.waitForSelector('tbody tr');
  check(await fitsWidth(phone, 390), 'the list fits a 390 px phone');
  const display = await phone.$eval('tbody tr', (tr) => getComputedStyle(tr).display);
  check(display === 'block', `rows stack as cards: ${display}`);
  check(await phone.isVisible('tbody tr td[data-label="Score"]'), 'each value keeps its column name');
  await shot(phone, 'console-list-phone', { docs: true });
  assertNoPageErrors(phone);
});
