/*
 * Invitations in the console, on a laptop and on a 390 px phone: the create form's "E-mail the candidate an
 * invitation" with its window, the list's invitation state (sent, bounced) and its "Resend invitation" button; and
 * the pages a candidate gets from a link before its window opens and after it has expired. Runs against a server whose mail goes to a test SMTP server
 * that refuses every mailbox at bounce.example.test (dev.viva.invitation.MailProfile).
 */
import { api, base, check, eventually, launch, localJoinLink, newPage, run, shot, assertNoPageErrors, signInWithKey } from './lib.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The list's row of an interview, reloaded until its invitation state reads {@code text}. */
async function rowSays(page, id, text) {
  return eventually(`"${text}" on interview ${id}`, async () => {
    await page.goto(`${base}/console/#/?status=SCHEDULED`);
    await page.reload();
    const state = await page.waitForSelector(`tr[data-id="${id}"] .invitation-state`, { timeout: 5000 });
    return (await state.textContent()).startsWith(text);
  }, 60000);
}

async function inviteInTheForm(page, name, email, suffix) {
  await page.click('a[href="#/new"] >> nth=0');
  await page.waitForSelector('#role option[value="backend-engineer"]', { state: 'attached' });
  await page.fill('#candidateName', name);
  await page.fill('#candidateEmail', email);
  await page.selectOption('#role', 'backend-engineer');
  check(await page.isHidden('#invitation-window'), 'the window fields wait for the invitation to be asked for');
  await page.check('#send-invitation');
  await page.waitForSelector('#closesAt');
  // three days from now, in the browser's local time as datetime-local takes it
  const closes = new Date(Date.now() + 3 * 86400000);
  closes.setSeconds(0, 0);
  const local = new Date(closes.getTime() - closes.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await page.fill('#closesAt', local);
  await shot(page, `console-new-invitation${suffix}`);
  await page.click('button[type=submit]');
  await page.waitForSelector('#invitation-queued');
  const joinUrl = await page.inputValue('#join-link');
  const id = /interview\/([0-9a-f-]{36})/.exec(joinUrl)[1];
  const interview = await api(`/api/v1/interviews/${id}`);
  check(interview.closesAt === closes.toISOString().replace('.000Z', 'Z'), `the window closes when asked: ${interview.closesAt}`);
  await shot(page, `console-invitation-created${suffix}`);
  return id;
}

async function resend(page, id, suffix) {
  await rowSays(page, id, 'Invitation sent');
  await page.click(`tr[data-id="${id}"] button:has-text("Resend invitation")`);
  await page.waitForSelector(`tr[data-id="${id}"] [role=status]:has-text("Invitation queued again.")`);
  await shot(page, `console-invitation-resent${suffix}`);
  const invitation = await eventually('the resend sent', async () => {
    const i = await api(`/api/v1/interviews/${id}/invitation`);
    return i.deliveries[0].kind === 'RESEND' && i.deliveries[0].status === 'SENT' && i;
  });
  check(invitation.deliveries.length === 2, `the invitation and its resend: ${JSON.stringify(invitation.deliveries)}`);
}

async function bounced(page, suffix) {
  const created = await api('/api/v1/interviews', {
    method: 'POST',
    body: { candidateName: `Nobody Home${suffix}`, candidateEmail: 'nobody@bounce.example.test', role: 'backend-engineer',
      level: 'mid', invitation: { send: true } },
  });
  await rowSays(page, created.id, 'Invitation bounced');
  const state = await page.textContent(`tr[data-id="${created.id}"] .invitation-state`);
  check(/550/.test(state), `the bounce says why: ${state}`);
  await shot(page, `console-invitation-bounced${suffix}`);
}

/** Before the window opens the candidate is told when, in their own time. */
async function notOpenYet(browser, viewport, suffix) {
  const page = await newPage(browser, viewport);
  const created = await api('/api/v1/interviews', {
    method: 'POST',
    body: { candidateName: `Too Early${suffix}`, candidateEmail: 'too.early@example.com', role: 'backend-engineer',
      level: 'mid', invitation: { send: false, opensAt: new Date(Date.now() + 2 * 3600000).toISOString() } },
  });
  await page.goto(localJoinLink(created.joinUrl));
  await page.waitForSelector('#screen-problem:not([hidden])');
  check(await page.textContent('#problem-title') === 'Your interview is not open yet', 'the candidate is told it is not open');
  check(/^It opens on .+ \(your time\)/.test(await page.textContent('#problem-detail')), 'and when it opens');
  await shot(page, `candidate-not-open-yet${suffix}`);
  assertNoPageErrors(page);
  await page.context().close();
}

async function expiredLink(browser, viewport, suffix) {
  const page = await newPage(browser, viewport);
  // the expired link's 410 is logged by the browser as a failed resource
  page.expectedErrors = /status of 410/;
  const created = await api('/api/v1/interviews', {
    method: 'POST',
    body: { candidateName: `Too Late${suffix}`, candidateEmail: 'too.late@example.com', role: 'backend-engineer',
      level: 'mid', invitation: { send: false, closesAt: new Date(Date.now() + 1500).toISOString() } },
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await page.goto(localJoinLink(created.joinUrl));
  await page.waitForSelector('#screen-problem:not([hidden])');
  check(await page.textContent('#problem-title') === 'This link has expired', 'the candidate is told the link expired');
  check(/ask to be invited again/.test(await page.textContent('#problem-steps')), 'and what to do');
  await shot(page, `candidate-link-expired${suffix}`);
  assertNoPageErrors(page);
  await page.context().close();
}

run('invitations', async (keep) => {
  const browser = keep(await launch({ microphone: 'none' }));
  for (const [viewport, suffix] of [[{}, ''], [PHONE, '-phone']]) {
    const page = await newPage(browser, viewport);
    await signInWithKey(page);
    const id = await inviteInTheForm(page, `Ivy Invited${suffix}`, `ivy${suffix}@example.com`, suffix);
    await resend(page, id, suffix);
    await bounced(page, suffix);
    assertNoPageErrors(page);
    await page.context().close();
    await notOpenYet(browser, viewport, suffix);
    await expiredLink(browser, viewport, suffix);
  }
});
