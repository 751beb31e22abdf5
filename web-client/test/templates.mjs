/*
 * Role templates in the console: the list, a YAML upload whose errors are shown next to their lines, a fix, the
 * form editor with a message under the field at fault, publishing, on a laptop and on a 390 px phone, each screen
 * checked with axe-core.
 */
import { readFileSync } from 'node:fs';
import { api, assertNoPageErrors, base, check, launch, log, newPage, run, shot, signInWithKey } from './lib.mjs';

const TINY = readFileSync(new URL('../../src/test/resources/role-fixtures/tiny-role.yaml', import.meta.url), 'utf8')
  .replace('id: tiny-role', 'id: browser-role').replace('name: Tiny Role', 'name: Browser Role');

await run('templates', async (keep) => {
  const browser = keep(await launch({ microphone: 'none' }));
  const page = await newPage(browser);
  await signInWithKey(page);

  await page.click('#nav >> text=Role templates');
  // the interviews list this page replaces names "Backend engineer" too: wait for the templates' own row
  const installed = await page.waitForSelector('tr:has-text("backend-engineer") >> text=Installed (read-only)')
    .catch(() => null);
  check(installed !== null, 'installed templates are read-only');
  await shot(page, 'templates-list');

  // an upload with a rubric word in a hint: the error is shown with its line
  await page.click('text=Upload a template');
  const broken = TINY.replace('hint: "Think about memory."', 'hint: "The rubric wants memory."');
  await page.fill('#template-yaml', broken);
  await page.click('button:text-is("Check")');
  const error = await page.waitForSelector('#yaml-issues .issue-error');
  const text = await error.textContent();
  const line = broken.split('\n').findIndex((l) => l.includes('The rubric wants memory')) + 1;
  check(text.includes('questions[1].hint') && text.includes(`Line ${line}`) && text.includes('The rubric wants memory'),
    `the error names the field and shows its line: ${text}`);
  await shot(page, 'templates-upload-issues');
  await error.$eval('button.link', (b) => b.click());
  const selected = await page.$eval('#template-yaml', (a) => a.value.slice(a.selectionStart, a.selectionEnd));
  check(selected.includes('The rubric wants memory'), `"Line ${line}" selects the line in the editor: ${selected}`);

  // fixed, saved as a draft
  await page.fill('#template-yaml', TINY);
  await page.click('button:text-is("Save as draft")');
  await page.waitForSelector('h1:has-text("Browser Role · version 1")');

  // the form editor: a question that gives the rubric away gets its message under the field
  await page.click('#tab-form');
  const textField = '[data-path="questions[1].text"] textarea';
  await page.$eval('details.question:nth-of-type(2)', (d) => { d.open = true; });
  await page.fill(textField, 'What is the key point of processes and threads?');
  await page.fill('[data-path="persona.name"] input', 'Grace');
  await page.click('#panel-form button:text-is("Check")');
  await page.waitForSelector('[data-path="questions[1].text"] .field-issues .issue-error');
  await shot(page, 'templates-form-issues');
  await page.fill(textField, 'What is the difference between a process and a thread?');
  await page.click('#panel-form button:text-is("Save as draft")');
  await page.waitForSelector('h1:has-text("Browser Role · version 2")');
  const saved = await api('/api/v1/role-templates/browser-role/versions/2');
  check(saved.template.persona.name === 'Grace' && saved.version.source === 'form', 'the form saved version 2');

  // publish it from the versions page
  await page.click('text=All versions');
  await page.click('button[aria-label="Publish version 2"]');
  await page.waitForSelector('.banner.ok >> text=Version 2 is published');
  await shot(page, 'templates-versions');
  check((await api('/api/v1/roles/browser-role')).version === 2, 'new interviews get version 2');
  assertNoPageErrors(page);

  // a phone
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signInWithKey(phone);
  await phone.goto(`${base}/console/#/templates`);
  await phone.waitForSelector('table.list >> text=Browser Role');
  await shot(phone, 'templates-list-phone');
  await phone.goto(`${base}/console/#/templates/browser-role/versions/2`);
  await phone.waitForSelector('#template-yaml');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `the editor fits the phone's width (overflow ${overflow} px)`);
  await shot(phone, 'templates-editor-phone');
  await phone.click('#tab-form');
  await shot(phone, 'templates-form-phone');
  assertNoPageErrors(phone);
  log('templates: upload, messages in place, form edit and publish checked');
});
