/*
 * Without a usable microphone the candidate is told why and what to do, and continues by typing: once with the
 * permission refused, once with no microphone at all (on a phone-sized screen). The whole path is keyboard-driven.
 */
import { check, eventually, launch, newPage, run, shot, tapCandidateSocket, assertNoPageErrors } from './lib.mjs';
import { answerFor } from './answers.mjs';
import { consentWithKeyboard, typeAnswer, waitForCaption } from './flows.mjs';

async function typingInstead(browser, { name, expectHelp, screenshot, viewport }) {
  const page = await newPage(browser, viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const tap = await tapCandidateSocket(page);
  await consentWithKeyboard(page, name);
  await page.click('#mic-allow');
  await page.waitForSelector('#mic-help:not([hidden])');
  const help = await page.textContent('#mic-help');
  check(expectHelp.test(help), `the guidance explains the problem: ${help}`);
  check(/typing/i.test(help), 'the guidance offers typing');
  check(await page.isDisabled('#start-voice'), 'no voice start without a microphone');
  check(await page.evaluate(() => document.activeElement.id) === 'start-text', 'focus moves to "continue by typing"');
  await shot(page, screenshot);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#screen-interview:not([hidden])');
  const start = await eventually('the start message', () => tap.sent('start')[0]);
  check(!start.audio, `a typing-only start declares no audio: ${JSON.stringify(start)}`);
  check(await page.isHidden('#mic-controls'), 'no microphone controls when typing');
  const captions = await waitForCaption(page, 1);
  await typeAnswer(page, answerFor(captions.at(-1)));
  await shot(page, `${screenshot}-typing`);
  check(tap.fromPage.every((m) => m.bytes === undefined), 'no audio is sent');
  assertNoPageErrors(page);
}

run('devices', async (keep) => {
  await typingInstead(keep(await launch({ microphone: 'denied' })), {
    name: 'Denied Mic', expectHelp: /blocked the microphone/, screenshot: 'candidate-mic-denied',
  });
  await typingInstead(keep(await launch({ microphone: 'none' })), {
    name: 'No Mic', expectHelp: /No microphone was found/, screenshot: 'candidate-no-mic', viewport: { width: 390, height: 844 },
  });
});
