/*
 * The recruiter's report page, on a laptop and on a 390 px phone: the report downloads as PDF, HTML and Markdown
 * (fetched with the key, never a 401 page), the chart keeps readable text on a phone, a score and the recommendation
 * are overridden through the form (a missing reason is refused next to the field), the report then shows the
 * override beside Viva's figure, the history and the global audit log list the change, the retention page shows its
 * dry run, and an interview is deleted after confirming. axe-core checks every screen.
 *
 * Run by dev.viva.web.ReportBrowserTest with --interview=<id of a completed interview with a report>
 * [--docs-screenshots=<dir>: also save the key screens there, for docs/screens.md].
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, apiKey, args, assertNoPageErrors, base, check, createInterview, eventually, launch, log, newPage, run, shot } from './lib.mjs';

const interviewId = args.interview;
const docs = args['docs-screenshots'];
check(interviewId, '--interview=<id> is required');

async function signedIn(browser, viewport) {
  const page = await newPage(browser, { viewport, acceptDownloads: true });
  await page.addInitScript((key) => sessionStorage.setItem('viva.console.key', key), apiKey);
  return page;
}

async function openReport(page) {
  await page.goto(`${base}/console/#/interviews/${interviewId}/report`);
  await page.waitForSelector('.download-buttons');
  await page.waitForSelector('#history-title');
  await eventually('the history', () => page.$('section[aria-labelledby=history-title] table, section[aria-labelledby=history-title] p.muted'));
}

async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`.download-buttons button[data-format=${format}]`),
  ]);
  const path = await file.path();
  const bytes = readFileSync(path);
  log(`downloaded ${file.suggestedFilename()} (${bytes.length} bytes)`);
  return { name: file.suggestedFilename(), bytes };
}

/** With --docs: the visible part of the screen (not the whole page, to keep docs/ small) for the documentation. */
async function saveDoc(page, name) {
  if (!docs) return;
  mkdirSync(docs, { recursive: true });
  await page.screenshot({ path: join(docs, `${name}.png`) });
  log(`docs screenshot ${name}.png`);
}

await run('report', async (keep) => {
  const browser = keep(await launch({ microphone: 'none' }));

  // --- desktop: downloads
  const desk = await signedIn(browser, { width: 1280, height: 900 });
  await openReport(desk);
  const pdf = await download(desk, 'pdf');
  check(pdf.name.endsWith('.pdf') && pdf.bytes.subarray(0, 5).toString() === '%PDF-', `a PDF was saved (${pdf.name})`);
  const html = await download(desk, 'html');
  check(html.name.endsWith('.html') && html.bytes.toString().includes('<h1>Interview report</h1>'), 'the HTML report was saved');
  const md = await download(desk, 'md');
  check(md.name.endsWith('.md') && md.bytes.toString().startsWith('# Interview Report'), 'the Markdown report was saved');
  check(!/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(md.bytes.toString()), 'the Markdown has dates for people');
  await shot(desk, 'console-report');
  await saveDoc(desk, 'console-report-downloads');

  // --- the override form: the reason is required, shown next to the field
  await desk.selectOption('#override-target', 'technical-knowledge');
  await desk.fill('#override-score', '4.6');
  await desk.click('.override-form button[type=submit]');
  await desk.waitForSelector('#override-reason-error:not([hidden])');
  check(await desk.getAttribute('#override-reason', 'aria-invalid') === 'true', 'the empty reason is marked invalid');
  await shot(desk, 'console-override-error');
  await desk.fill('#override-reason', 'Walked through a real B-tree index design in the follow-up call.');
  await desk.click('.override-form button[type=submit]');
  await desk.waitForSelector('.banner.ok');
  await desk.waitForSelector('.chart-override');
  check(await desk.isVisible('.dimension .override >> text=Reviewer: 4.6 / 5'), 'the dimension shows the reviewer score');
  // and the recommendation
  await desk.selectOption('#override-target', '');
  const current = (await api(`/api/v1/interviews/${interviewId}/report`)).recommendation;
  const chosen = current === 'no hire' ? 'hire' : 'no hire';
  await desk.selectOption('#override-recommendation', chosen);
  await desk.fill('#override-reason', 'The take-home exercise decided it.');
  await desk.click('.override-form button[type=submit]');
  await eventually('the reviewer recommendation', () => desk.isVisible(`.verdict .override >> text=${chosen.toUpperCase()}`));
  check(await desk.isVisible(`.verdict >> text=Viva: ${current.toUpperCase()}`), 'Viva\'s recommendation stays visible');
  await eventually('the history lists both overrides', async () =>
    (await desk.$$('section[aria-labelledby=history-title] tr[data-action^="report."]')).length === 2);
  await shot(desk, 'console-report-overridden');
  await desk.evaluate(() => window.scrollTo(0, 0));
  await saveDoc(desk, 'console-report-overridden');
  await desk.locator('#review-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await saveDoc(desk, 'console-override-form');
  const stored = await api(`/api/v1/interviews/${interviewId}/report`);
  check(stored.overrides?.length === 2, 'the report carries both overrides');

  // --- the global audit log and the retention dry run
  await desk.click('#nav a[href="#/audit"]');
  await desk.waitForSelector('table.audit tr[data-action="report.recommendation.overridden"]');
  await shot(desk, 'console-audit');
  await saveDoc(desk, 'console-audit');
  await desk.click('#nav a[href="#/retention"]');
  await desk.waitForSelector('#view >> text=No retention period is set');
  await shot(desk, 'console-retention');
  assertNoPageErrors(desk);

  // --- phone: the same page stays readable
  const phone = await signedIn(browser, { width: 390, height: 844 });
  await openReport(phone);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `the report fits the phone (${width} px wide)`);
  const smallest = await phone.$$eval('.chart-label, .chart-value', (els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
  check(smallest >= 14, `chart text stays readable on a phone (smallest ${smallest} px)`);
  await shot(phone, 'console-report-phone');
  await phone.locator('#dimensions-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await saveDoc(phone, 'console-report-phone');
  const [phonePdf] = await Promise.all([phone.waitForEvent('download'), phone.click('.download-buttons button[data-format=pdf]')]);
  check(phonePdf.suggestedFilename().endsWith('.pdf'), 'the PDF downloads on a phone too');
  await phone.locator('#review-title').scrollIntoViewIfNeeded();
  await shot(phone, 'console-override-phone');
  await phone.click('#nav a[href="#/audit"]');
  await phone.waitForSelector('table.audit');
  await shot(phone, 'console-audit-phone');
  assertNoPageErrors(phone);

  // --- delete, after confirming: a cancelled interview (it has no report) goes from its page
  const doomed = await createInterview('Delete Me');
  await api(`/api/v1/interviews/${doomed.id}/cancel`, { method: 'POST' });
  desk.expectedErrors = /status of 410/; // the report of a cancelled interview is Gone, and the page says so
  await desk.goto(`${base}/console/#/interviews/${doomed.id}/report`);
  await desk.waitForSelector('button.danger');
  desk.once('dialog', (dialog) => dialog.dismiss());
  await desk.click('button.danger');
  check((await fetch(`${base}/api/v1/interviews/${doomed.id}`, { headers: { Authorization: `Bearer ${apiKey}` } })).status === 200,
    'dismissing the confirmation keeps the interview');
  desk.once('dialog', (dialog) => dialog.accept());
  await desk.click('button.danger');
  await eventually('back on the list', () => desk.url().endsWith('#/'));
  check((await fetch(`${base}/api/v1/interviews/${doomed.id}`, { headers: { Authorization: `Bearer ${apiKey}` } })).status === 404,
    'the interview is gone');
  assertNoPageErrors(desk);
});
