import { h, fill } from '/shared/dom.js';
import { STATUSES, statusName, minutes, when } from '/shared/labels.js';
import { session } from './session.js';

const PAGE_SIZE = 20;

const FILTERS = ['candidate', 'status', 'role', 'createdFrom', 'createdTo'];

/**
 * Interviews with a search by candidate and filters (status, role, created from/to) kept in the address, so back
 * and reload keep them. A table on a laptop; on a phone each row stacks as a card.
 */
export function listView(root, { query }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? '']));
  const page = Math.max(0, Number(query.get('page') ?? 0) || 0);

  const select = (name, label, options) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, 'Any'),
      options.map(([value, text]) => h('option', { value, selected: value === filters[name] }, text))));
  const date = (name, label) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('input', { id: `filter-${name}`, name, type: 'date', value: filters[name] }));

  const roleField = select('role', 'Role', []);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter interviews' },
    h('div', { class: 'field' },
      h('label', { for: 'filter-candidate' }, 'Candidate'),
      h('input', { id: 'filter-candidate', name: 'candidate', type: 'search', value: filters.candidate,
        placeholder: 'Name or e-mail', autocomplete: 'off' })),
    select('status', 'Status', STATUSES.map((s) => [s, statusName(s)])),
    roleField,
    date('createdFrom', 'Created from'),
    date('createdTo', 'Created until'),
    h('div', { class: 'field' }, h('span', { 'aria-hidden': 'true' }, '\u00a0'), h('button', { type: 'submit' }, 'Filter')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    location.hash = `#/?${next}`;
  });

  const results = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  fill(root,
    h('div', { class: 'heading-row' }, h('h1', {}, 'Interviews'), h('a', { class: 'button primary', href: '#/new', 'data-needs-write': true }, 'New interview')),
    form,
    results);

  const params = new URLSearchParams({ page, size: PAGE_SIZE });
  for (const [k, v] of Object.entries(filters)) {
    if (!v) continue;
    // "until" a date means through the end of that day
    params.set(k, k === 'createdTo' ? new Date(Date.parse(v) + 86400000).toISOString() : v);
  }
  Promise.all([session.api('/api/v1/roles'), session.api(`/api/v1/interviews?${params}`)]).then(([roles, result]) => {
    roleField.querySelector('select').append(...roles.map((r) =>
      h('option', { value: r.id, selected: r.id === filters.role }, r.name)));
    const roleNames = new Map(roles.map((r) => [r.id, r.name]));
    fill(results, table(result.items, roleNames), pager(result, filters, page));
  }).catch((e) => fill(results, h('p', { class: 'banner error', role: 'alert' }, e.message)));
}

function table(items, roleNames) {
  if (!items.length) return h('p', { class: 'card' }, 'No interviews match. ', h('a', { href: '#/new', 'data-needs-write': true }, 'Create one.'));
  const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('caption', { class: 'sr-only' }, 'Interviews, newest first'),
    h('thead', {}, h('tr', {}, ['Candidate', 'Role', 'Status', 'Score', 'Recommendation', 'Duration', 'Created', 'Actions']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((i) => h('tr', { 'data-id': i.id },
      h('td', { class: 'who' }, h('a', { href: `#/interviews/${i.id}/live` }, h('strong', {}, i.candidateName)),
        h('br'), h('span', { class: 'muted' }, i.candidateEmail)),
      cell('Role', `${roleNames.get(i.role) ?? i.role} · ${i.level}`),
      cell('Status', h('span', { class: `badge status-${i.status}` }, i.endReason === 'EXPIRED' ? 'Expired' : statusName(i.status)),
        invitationState(i)),
      cell('Score', i.score == null ? '—' : `${i.score}/100`),
      cell('Recommendation', i.recommendation ?? '—'),
      cell('Duration', i.durationSeconds == null ? '—' : minutes(i.durationSeconds)),
      cell('Created', when(i.createdAt)),
      cell('Actions', h('div', { class: 'row-actions' },
        i.status === 'IN_PROGRESS' ? h('a', { href: `#/interviews/${i.id}/live` }, 'Watch live') : null,
        i.score != null || ['COMPLETED', 'ABANDONED'].includes(i.status)
          ? h('a', { href: `#/interviews/${i.id}/report` }, 'Report') : null,
        i.invitation && i.status === 'SCHEDULED' ? resendButton(i) : null)))))));
}

const INVITATION_TEXT = {
  PENDING: 'Invitation queued',
  SENDING: 'Invitation queued',
  SENT: 'Invitation sent',
  FAILED: 'Invitation failed',
  BOUNCED: 'Invitation bounced',
};

/** The newest invitation mail's fate; a failed or bounced one says why, since the candidate never got the link. */
function invitationState(i) {
  if (!i.invitation) return null;
  const { status, lastError } = i.invitation;
  const failed = status === 'FAILED' || status === 'BOUNCED';
  return h('div', { class: `invitation-state${failed ? ' error' : ' muted'}` },
    INVITATION_TEXT[status] ?? status,
    failed && lastError ? h('span', { class: 'hint' }, `: ${lastError}`) : null);
}

function resendButton(i) {
  const said = h('span', { role: 'status', class: 'muted' });
  const button = h('button', { type: 'button', class: 'link', 'aria-label': `Resend invitation to ${i.candidateName}` }, 'Resend invitation');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await session.api(`/api/v1/interviews/${i.id}/invitation/resend`, { method: 'POST' });
      fill(said, 'Invitation queued again.');
    } catch (e) {
      fill(said, e.message);
      button.disabled = false;
    }
  });
  return h('span', {}, button, ' ', said);
}

function pager(result, filters, page) {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const link = (to, text) => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    q.set('page', to);
    return h('a', { class: 'button', href: `#/?${q}` }, text);
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 0 ? link(page - 1, 'Previous') : null,
    h('span', {}, `Page ${page + 1} of ${pages} · ${result.total} interview${result.total === 1 ? '' : 's'}`),
    page + 1 < pages ? link(page + 1, 'Next') : null);
}
