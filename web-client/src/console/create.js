import { h, fill } from '/shared/dom.js';
import { session } from './session.js';
import { joinLinkBox } from './join-link.js';

const FIELDS = ['candidateName', 'candidateEmail', 'role', 'level'];

/**
 * Creates an interview and shows its join link. A refused form shows each field's message (the problem's
 * {@code errors}) under that field, once; anything not about a field goes in the banner above the button.
 */
export function createView(root) {
  const roleSelect = h('select', { id: 'role', name: 'role', required: true });
  const field = (id, label, control) => h('div', { class: 'field' },
    h('label', { for: id }, label), control,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
  const error = h('div', { class: 'banner error', role: 'alert', hidden: true });
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, 'New interview'),
    field('candidateName', 'Candidate name', h('input', { id: 'candidateName', name: 'candidateName', required: true, autocomplete: 'off' })),
    field('candidateEmail', 'Candidate email', h('input', { id: 'candidateEmail', name: 'candidateEmail', type: 'email', required: true, autocomplete: 'off' })),
    field('role', 'Role', roleSelect),
    field('level', 'Level', h('select', { id: 'level', name: 'level' },
      ['junior', 'mid', 'senior'].map((l) => h('option', { value: l, selected: l === 'mid' }, l)))),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create interview')));
  const box = h('div', {}, form);
  fill(root, box);

  session.api('/api/v1/roles').then((roles) => {
    roleSelect.append(...roles.map((r) => h('option', { value: r.id }, `${r.name} (about ${r.plannedMinutes} min)`)));
  }).catch((e) => showError(error, e.message));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, error);
    const body = Object.fromEntries(new FormData(form));
    try {
      const created = await session.api('/api/v1/interviews', { method: 'POST', body });
      fill(box, result(created));
    } catch (e) {
      const placed = showFieldErrors(form, e.problem?.errors ?? []);
      if (!placed) showError(error, e.message);
      else form.querySelector('[aria-invalid="true"]')?.focus();
    }
  });
}

function clearErrors(form, banner) {
  banner.hidden = true;
  for (const id of FIELDS) {
    const control = form.querySelector(`#${id}`);
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
    form.querySelector(`#${id}-error`).hidden = true;
  }
}

/** Puts each error under its field; true when every error found its field. */
function showFieldErrors(form, errors) {
  if (!errors.length) return false;
  let all = true;
  for (const { field, message } of errors) {
    const control = FIELDS.includes(field) ? form.querySelector(`#${field}`) : null;
    if (!control) {
      all = false;
      continue;
    }
    const note = form.querySelector(`#${field}-error`);
    fill(note, message);
    note.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
  }
  return all;
}

function showError(el, message) {
  fill(el, message);
  el.hidden = false;
}

function result(created) {
  const card = h('section', { class: 'card narrow', 'aria-labelledby': 'created-title' },
    h('h1', { id: 'created-title', tabindex: '-1' }, 'Interview created'),
    h('p', {}, `Send this link to ${created.candidateName} (${created.candidateEmail}). They open it in a browser to take the interview.`),
    joinLinkBox(created.joinUrl),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/interviews/${created.id}/live` }, 'Open the interview'),
      h('a', { class: 'button', href: '#/new' }, 'Create another'),
      h('a', { class: 'button', href: '#/' }, 'All interviews')));
  queueMicrotask(() => card.querySelector('h1').focus());
  return card;
}
