import { h } from '/shared/dom.js';

/**
 * A join link to hand to the candidate, with a copy button. The link holds the candidate's secret token, which the
 * server keeps only as a hash: it is shown this once, and a new one can be issued from the interview's page.
 */
export function joinLinkBox(joinUrl) {
  const link = h('input', { id: 'join-link', readonly: true, value: joinUrl, 'aria-describedby': 'join-hint' });
  const copied = h('span', { role: 'status', class: 'muted' });
  const copy = h('button', { class: 'primary', type: 'button' }, 'Copy link');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(joinUrl);
      copied.textContent = 'Copied.';
    } catch {
      // no clipboard permission (or no secure context): select it for a manual copy
      link.select();
      copied.textContent = 'Press Ctrl+C to copy the selected link.';
    }
  });
  return h('div', { class: 'join-link' },
    h('div', { class: 'field' }, h('label', { for: 'join-link' }, 'Join link'), link),
    h('p', { id: 'join-hint', class: 'hint' }, 'The link contains the candidate\'s secret key and is shown only '
      + 'now: copy it before leaving this page. If it gets lost, issue a new one from the interview\'s page.'),
    h('div', { class: 'actions' }, copy, copied));
}
