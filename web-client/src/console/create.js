import { h, fill } from '/shared/dom.js';
import { when } from '/shared/labels.js';
import { session } from './session.js';

/** Creates an interview and shows its join link, which holds the candidate's token and is shown only this once. */
export function createView(root) {
  const roleSelect = h('select', { id: 'role', name: 'role', required: true });
  const field = (id, label, control, hint) => h('div', { class: 'field' },
    h('label', { for: id }, label), control, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
  const error = h('div', { class: 'banner error', role: 'alert', hidden: true });
  const send = h('input', { id: 'send-invitation', type: 'checkbox', 'aria-describedby': 'send-invitation-hint' });
  const windowFields = h('div', { id: 'invitation-window', hidden: true },
    field('opensAt', 'Opens', h('input', { id: 'opensAt', type: 'datetime-local', 'aria-describedby': 'opensAt-hint' }),
      'Empty: the candidate can start at once.'),
    field('closesAt', 'Closes', h('input', { id: 'closesAt', type: 'datetime-local', 'aria-describedby': 'closesAt-hint' }),
      'Empty: the server\'s default window (a week). Not started by then, the link expires; a reminder goes out the day before.'));
  const invite = h('fieldset', { class: 'invitation' },
    h('legend', {}, 'Invitation'),
    h('div', { class: 'check' }, send, h('label', { for: 'send-invitation' }, 'E-mail the candidate an invitation')),
    h('p', { class: 'hint', id: 'send-invitation-hint' }, 'The server mails the join link, and a reminder before the window closes.'),
    windowFields);
  send.addEventListener('change', () => { windowFields.hidden = !send.checked; });
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, 'New interview'),
    field('candidateName', 'Candidate name', h('input', { id: 'candidateName', name: 'candidateName', required: true, autocomplete: 'off' })),
    field('candidateEmail', 'Candidate email', h('input', { id: 'candidateEmail', name: 'candidateEmail', type: 'email', required: true, autocomplete: 'off' })),
    field('role', 'Role', roleSelect),
    field('level', 'Level', h('select', { id: 'level', name: 'level' },
      ['junior', 'mid', 'senior'].map((l) => h('option', { value: l, selected: l === 'mid' }, l)))),
    invite,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create interview')));
  const box = h('div', {}, form);
  fill(root, box);

  session.api('/api/v1/roles').then((roles) => {
    roleSelect.append(...roles.map((r) => h('option', { value: r.id }, `${r.name} (about ${r.plannedMinutes} min)`)));
  }).catch((e) => showError(error, e.message));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(form));
    if (send.checked) {
      // datetime-local is the recruiter's local time; the API takes instants
      const instant = (id) => (form.querySelector(`#${id}`).value ? new Date(form.querySelector(`#${id}`).value).toISOString() : undefined);
      body.invitation = { send: true, opensAt: instant('opensAt'), closesAt: instant('closesAt') };
    }
    try {
      const created = await session.api('/api/v1/interviews', { method: 'POST', body });
      fill(box, result(created));
    } catch (e) {
      showError(error, e.message);
    }
  });
}

function showError(el, message) {
  fill(el, message);
  el.hidden = false;
}

function result(created) {
  const link = h('input', { id: 'join-link', readonly: true, value: created.joinUrl, 'aria-describedby': 'join-hint' });
  const copied = h('span', { role: 'status', class: 'muted' });
  const copy = h('button', { class: 'primary', type: 'button' }, 'Copy link');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.joinUrl);
      fill(copied, 'Copied.');
    } catch {
      // no clipboard permission (or no secure context): select it for a manual copy
      link.select();
      fill(copied, 'Press Ctrl+C to copy the selected link.');
    }
  });
  const card = h('section', { class: 'card narrow', 'aria-labelledby': 'created-title' },
    h('h1', { id: 'created-title', tabindex: '-1' }, 'Interview created'),
    created.invitation
      ? h('p', { id: 'invitation-queued', class: 'banner ok' }, `An invitation is on its way to ${created.candidateName} (${created.candidateEmail}); it can be taken until ${when(created.closesAt)}. You can also send this link yourself.`)
      : h('p', {}, `Send this link to ${created.candidateName} (${created.candidateEmail}). They open it in a browser to take the interview.`),
    h('div', { class: 'field' }, h('label', { for: 'join-link' }, 'Join link'), link),
    h('p', { id: 'join-hint', class: 'hint' }, 'The link contains the candidate\'s secret key and is shown only now: copy it before leaving this page.'),
    h('div', { class: 'actions' }, copy, copied),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/interviews/${created.id}/live` }, 'Watch live'),
      h('a', { class: 'button', href: '#/' }, 'All interviews')));
  queueMicrotask(() => card.querySelector('h1').focus());
  return card;
}
