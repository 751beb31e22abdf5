/** Steps the candidate scripts share: from the join link to the interview screen. */
import { check, createInterview, eventually, localJoinLink } from './lib.mjs';

/** Creates an interview, opens its join link and agrees, using the keyboard only; ends on the device check. */
export async function consentWithKeyboard(page, name) {
  const interview = await createInterview(name);
  await page.goto(localJoinLink(interview.joinUrl));
  await page.waitForSelector('#screen-welcome:not([hidden])');
  await page.focus('#consent');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#screen-devices:not([hidden])');
  return interview;
}

export const interviewerCaptions = (page) => page.$$eval('.caption.interviewer p', (ps) => ps.map((p) => p.textContent));

export function waitForCaption(page, count) {
  return eventually(`interviewer caption ${count}`, async () => {
    const all = await interviewerCaptions(page);
    return all.length >= count && all;
  });
}

/** Types an answer and waits for the interviewer's reply. */
export async function typeAnswer(page, text) {
  const before = (await interviewerCaptions(page)).length;
  await page.fill('#answer', text);
  await page.click('#answer-form button[type=submit]');
  const after = await waitForCaption(page, before + 1);
  check(await page.isVisible(`.caption.candidate >> text=${JSON.stringify(text.slice(0, 30)).slice(1, -1)}`), 'the typed answer is captioned');
  return after;
}
