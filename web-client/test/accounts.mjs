/*
 * Accounts in the console: the operator signs in with the installation key and adds people (set-password links
 * shown once, a deletion confirmed), a recruiter sets their password, signs in with the keyboard (the session is
 * shared by the browser's tabs), creates and revokes an API key; a viewer on a phone sees no control they cannot use
 * and the server refuses them anyway; a locked account is shown to the admin and unlocked. Desktop and 390 px phone,
 * axe-core on every screen.
 */
import { api, apiKey, assertNoPageErrors, base, check, eventually, launch, log, newPage, run, shot } from './lib.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PASSWORD = 'plum orchard lantern river';
const suffix = Date.now().toString(36);
const RECRUITER = `ada-${suffix}@example.com`;
const VIEWER = `vic-${suffix}@example.com`;
const LEAVER = `lee-${suffix}@example.com`;

/** The set-password link shown on the users page, pointed at the server under test. */
async function shownLink(page) {
  const url = new URL(await (await page.waitForSelector('#password-link')).inputValue());
  check(/^#\/set-password\/vp_/.test(url.hash), `a set-password link with its token in the fragment: ${url}`);
  return `${base}/console/${url.hash}`;
}

async function addUser(page, email, role) {
  await page.fill('#new-email', email);
  await page.selectOption('#new-role', role);
  await page.click('text=Add user');
  await page.waitForSelector(`#link-title:has-text("${email} was added")`);
  await page.waitForSelector(`tr[data-email="${email}"]`);
  return shownLink(page);
}

async function setPassword(page, link) {
  await page.goto(link);
  await page.waitForSelector('#set-password-title');
  await page.fill('#new-password', PASSWORD);
  await page.click('text=Set password');
  await page.waitForSelector('text=Your password is set');
  check(!page.url().includes('vp_'), `the used link leaves the address bar: ${page.url()}`);
}

/** Signs in with the keyboard only: type, Tab, type, Enter. */
async function signInWithKeyboard(page, email) {
  await page.goto(`${base}/console/`);
  await page.waitForSelector('#email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#who:has-text("${email}")`);
}

run('accounts', async (keep) => {
  const browser = keep(await launch({ microphone: 'none' }));

  // --- the operator: first sign-in with the installation key, then adds the team ---
  const operator = await newPage(browser);
  operator.expectedErrors = /status of 401/;
  await operator.goto(`${base}/console/`);
  await operator.waitForSelector('#email');
  const hint = await operator.textContent('form');
  check(!/VIVA_SECURITY_API_KEYS|server log/i.test(hint), `the sign-in hint speaks to a person: ${hint}`);
  await shot(operator, 'accounts-sign-in');
  await operator.click('text=Use an API key instead');
  await operator.fill('#api-key', apiKey);
  await operator.click('text=Sign in with the key');
  await operator.waitForSelector('#who:has-text("(admin)")');
  await operator.click('#nav-users');
  await operator.waitForSelector('h1:has-text("Users")');
  const recruiterLink = await addUser(operator, RECRUITER, 'recruiter');
  await shot(operator, 'accounts-user-added');
  const viewerLink = await addUser(operator, VIEWER, 'viewer');
  await addUser(operator, LEAVER, 'viewer');
  await operator.click(`tr[data-email="${LEAVER}"] >> text=Delete`);
  await operator.waitForSelector('dialog[open]');
  await shot(operator, 'accounts-delete-confirm');
  await operator.click('dialog >> text=Delete user');
  await operator.waitForSelector(`text=${LEAVER} was deleted.`);
  await eventually('the deleted user gone from the list', async () => (await operator.$(`tr[data-email="${LEAVER}"]`)) === null);
  await shot(operator, 'accounts-users');

  // --- the recruiter: password from the link, keyboard sign-in, no ring around the page ---
  const ada = await newPage(browser);
  await setPassword(ada, recruiterLink);
  await shot(ada, 'accounts-password-set');
  await signInWithKeyboard(ada, RECRUITER);
  const ring = await ada.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return `${document.activeElement.id}:${style.outlineStyle}:${style.outlineWidth}`;
  });
  check(/^view:none:/.test(ring), `after a keyboard sign-in the page has no focus ring: ${ring}`);
  check(await ada.isVisible('#who:has-text("(recruiter)")'), 'signed in as the recruiter');
  check(!(await ada.isVisible('#nav-users')), 'a recruiter has no Users page');

  // a second tab of the same browser is signed in too
  const secondTab = await ada.context().newPage();
  await secondTab.goto(`${base}/console/#/account`);
  await secondTab.waitForSelector(`#who:has-text("${RECRUITER}")`);
  await secondTab.close();

  // --- API keys: created (secret shown once), works, revoked, refused at once ---
  await ada.click('text=My account');
  await ada.waitForSelector('#key-name');
  await ada.fill('#key-name', 'ATS sync');
  await ada.click('text=Create key');
  const secret = await (await ada.waitForSelector('#new-key')).inputValue();
  check(secret.startsWith('vk_'), 'the new key is shown');
  await ada.waitForSelector('tr[data-key="ATS sync"]');
  await shot(ada, 'accounts-keys');
  await api('/api/v1/interviews?size=1', { bearer: secret });
  await ada.click('button[aria-label="Revoke ATS sync"]');
  await ada.waitForSelector('text="ATS sync" is revoked.');
  const refused = await fetch(`${base}/api/v1/interviews?size=1`, { headers: { Authorization: `Bearer ${secret}` } });
  check(refused.status === 401, `a revoked key is refused at once: ${refused.status}`);

  // --- the viewer, on a phone: nothing to press that would be refused ---
  const vic = await newPage(browser, PHONE);
  vic.expectedErrors = /status of 403/;
  await setPassword(vic, viewerLink);
  await signInWithKeyboard(vic, VIEWER);
  await vic.waitForSelector('h1:has-text("Interviews")');
  check(await vic.isVisible('#who:has-text("viewer, view only")'), 'the viewer is told they can only look');
  check(!(await vic.isVisible('a[href="#/new"]')), 'no New interview for a viewer');
  await shot(vic, 'accounts-viewer-phone');
  await vic.goto(`${base}/console/#/new`);
  await vic.waitForSelector('text=Your role is viewer');
  await vic.goto(`${base}/console/#/users`);
  await vic.waitForSelector('text=Only an admin can manage users.');
  const token = await vic.evaluate(() => localStorage.getItem('viva.console.session'));
  const attempt = await fetch(`${base}/api/v1/interviews`, { method: 'POST', headers: { Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json' }, body: JSON.stringify({ candidateName: 'No', candidateEmail: 'no@example.com', role: 'tiny-role', level: 'mid' }) });
  check(attempt.status === 403, `the server refuses the viewer anyway: ${attempt.status}`);
  await vic.click('text=My account');
  await vic.waitForSelector('#key-name');
  await shot(vic, 'accounts-account-phone');
  await vic.click('#sign-out');
  await vic.waitForSelector('#email');
  const after = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  check(after.status === 401, `signing out ends the session on the server: ${after.status}`);

  // --- a lockout, shown to the admin and cleared by them ---
  for (let i = 0; i < 5; i++) {
    await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: VIEWER, password: `wrong guess number ${i}` }) });
  }
  await operator.reload();
  const row = `tr[data-email="${VIEWER}"]`;
  await operator.waitForSelector(`${row} >> text=Locked until`);
  await shot(operator, 'accounts-locked');
  await operator.click(`${row} >> text=Unlock`);
  await eventually('the unlocked status', () => operator.isVisible(`${row} >> text=Active`));

  // the operator's phone view of the users page
  const phone = await newPage(browser, PHONE);
  await phone.addInitScript((key) => sessionStorage.setItem('viva.console.key', key), apiKey);
  await phone.goto(`${base}/console/#/users`);
  await phone.waitForSelector(row);
  await shot(phone, 'accounts-users-phone');

  for (const page of [operator, ada, vic, phone]) assertNoPageErrors(page);
  log('accounts: sign-in, users, keys and roles checked');
});
