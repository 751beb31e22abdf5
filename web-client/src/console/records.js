import { h, fill } from '/shared/dom.js';
import { statusName, when } from '/shared/labels.js';
import { session } from './session.js';
import { auditTable } from './report.js';

const PAGE = 50;

/** The audit log of the installation, newest first, paged backwards by time (GET /api/v1/audit). */
export function auditView(root, { query }) {
  const before = query.get('before');
  const body = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  fill(root,
    h('h1', {}, 'Audit log'),
    h('p', { class: 'muted' }, 'Who changed what, when and why: every recruiter action and every erasure by the '
      + 'retention job. Entries are never edited or removed.'),
    body);
  session.api(`/api/v1/audit?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`)
    .then((entries) => fill(body, auditTable(entries),
      h('div', { class: 'pager' },
        before ? h('a', { href: '#/audit' }, 'Newest') : null,
        entries.length === PAGE ? h('a', { href: `#/audit?before=${encodeURIComponent(entries.at(-1).at)}` }, 'Older entries') : null)))
    .catch((e) => fill(body, h('p', { class: 'error', role: 'alert' }, e.message)));
}

/** The retention period and its dry run: which finished interviews are erased, and when (GET /api/v1/retention). */
export function retentionView(root) {
  const body = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  fill(root, h('h1', {}, 'Retention'), body);
  session.api('/api/v1/retention')
    .then((plan) => fill(body,
      h('p', {}, plan.period
        ? ['Finished interviews (completed, abandoned or cancelled) are erased with their transcripts, reports and '
          + 'webhook deliveries ', h('strong', {}, `${plan.periodText} after they finished`), '. Each erasure is in the ',
        h('a', { href: '#/audit' }, 'audit log'), '.']
        : ['No retention period is set (', h('code', {}, 'VIVA_RETENTION_FINISHED_INTERVIEWS'), '): interviews are kept '
          + 'until a recruiter deletes them.']),
      plan.period ? h('p', { class: `banner ${plan.dueNow ? 'warn' : 'info'}`, role: 'status' }, plan.dueNow
        ? `${plan.dueNow} interview${plan.dueNow === 1 ? ' is' : 's are'} due and will be erased within 10 minutes.`
        : 'Nothing is due now.') : null,
      plan.interviews.length ? h('table', { class: 'list stack retention' },
        h('caption', { class: 'muted' }, 'What retention erases next (a dry run: nothing is erased by this page)'),
        h('thead', {}, h('tr', {}, ['Candidate', 'Status', 'Finished', 'Erased'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, plan.interviews.map((i) => h('tr', {},
          h('td', { 'data-label': 'Candidate' }, h('a', { href: `#/interviews/${i.interviewId}/report` }, i.candidateName)),
          h('td', { 'data-label': 'Status' }, statusName(i.status)),
          h('td', { 'data-label': 'Finished' }, when(i.finishedAt)),
          h('td', { 'data-label': 'Erased' }, i.due ? h('strong', {}, 'in the next run') : when(i.eraseAt))))))
        : null))
    .catch((e) => fill(body, h('p', { class: 'error', role: 'alert' }, e.message)));
}
