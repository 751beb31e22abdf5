import { h, fill } from '/shared/dom.js';
import { phaseName, statusName, when } from '/shared/labels.js';
import { ApiError } from '/shared/http.js';
import { session } from './session.js';
import { dimensionChart } from './chart.js';

/**
 * The interview report (GET /api/v1/interviews/{id}/report, InterviewReport schema v1) laid out for people:
 * recommendation and confidence first, the dimension chart, strengths and concerns, then the answers and the
 * transcript. Every quote is a button that scrolls to the answer it comes from and marks it there.
 */
export function reportView(root, { id }) {
  fill(root, h('p', {}, 'Loading the report…'));
  let timer = null;
  const load = (notice) => session.api(`/api/v1/interviews/${id}/report`)
    .then((report) => {
      fill(root, ...render(report), reviewSection(report, load, notice), historySection(id));
    })
    .catch((e) => {
      const pending = e instanceof ApiError && e.status === 409;
      fill(root,
        h('h1', {}, 'Report'),
        h('p', { class: 'banner warn', role: 'status' }, pending
          ? `${e.message} This page shows it as soon as it is ready.` : e.message),
        h('p', {}, h('a', { href: `#/interviews/${id}/live` }, 'Watch the interview')),
        e instanceof ApiError && e.status === 410 ? deleteButton(id, 'this cancelled interview') : null,
        historySection(id));
      // 409: the interview is running, or has just ended and its report is being built
      if (pending) timer = setTimeout(load, 3000);
    });
  load();
  return () => clearTimeout(timer);
}

const ENDED = {
  PLAN_COMPLETE: 'the plan was completed',
  TIME_UP: 'ended when the time ran out',
  CANDIDATE_ENDED: 'ended early by the candidate',
  ABANDONED: 'the candidate left before the end',
  CANCELLED: 'cancelled by a recruiter',
};

/** "9 of 12 planned main questions, 4 of 6 phases (to system-design); ended early by the candidate" */
function coverageLine(c) {
  const v = c.coverage;
  const to = v.phasesReached.length ? ` (to ${v.phasesReached.at(-1)})` : '';
  const ended = c.endReason ? `; ${ENDED[c.endReason] ?? c.endReason}` : '';
  return `Coverage: ${v.mainQuestionsAsked} of ${v.mainQuestionsPlanned} planned main questions, `
    + `${v.phasesReached.length} of ${v.phasesPlanned} phases${to}${ended}`;
}

/** A report file name: "report-ada-lovelace-2026-12-02.pdf". */
function fileName(r, ext) {
  const who = r.candidate.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'candidate';
  const day = (r.candidate.startedAt ?? r.generatedAt ?? '').slice(0, 10);
  return `report-${who}${day ? `-${day}` : ''}.${ext}`;
}

function downloads(r) {
  const status = h('p', { class: 'muted download-status', role: 'status' });
  const button = (label, format, ext) => h('button', { type: 'button', 'data-format': format,
    onclick: async (event) => {
      const b = event.currentTarget;
      b.disabled = true;
      fill(status, `Preparing the ${label} file…`);
      try {
        await session.download(`/api/v1/interviews/${r.interviewId}/report?format=${format}`, fileName(r, ext));
        fill(status, `${label} saved as ${fileName(r, ext)}.`);
      } catch (e) {
        fill(status, `The ${label} file could not be made: ${e.message}`);
      } finally {
        b.disabled = false;
      }
    } }, label);
  return h('div', { class: 'report-actions noprint' },
    h('div', { class: 'download-buttons', role: 'group', 'aria-label': 'Download the report' },
      h('span', { class: 'muted' }, 'Download:'),
      button('PDF', 'pdf', 'pdf'), button('HTML', 'html', 'html'), button('Markdown', 'md', 'md')),
    h('button', { type: 'button', onclick: () => window.print() }, 'Print'),
    deleteButton(r.interviewId, `the interview of ${r.candidate.name}`),
    status);
}

/** Erases the interview after the recruiter confirms (DELETE /api/v1/interviews/{id}, audited). */
function deleteButton(id, what) {
  return h('button', { type: 'button', class: 'danger', onclick: async (event) => {
    if (!window.confirm(`Delete ${what} with its transcript and report? This cannot be undone.`)) return;
    const b = event.currentTarget;
    b.disabled = true;
    try {
      await session.api(`/api/v1/interviews/${id}`, { method: 'DELETE' });
      location.hash = '#/';
    } catch (e) {
      b.disabled = false;
      b.after(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  } }, 'Delete interview');
}

const fmtScore = (x) => (x == null ? 'not assessed' : `${x.toFixed(1)} / 5`);

/** "by Dana (API key), 2 Dec 2026, 14:30" */
function reviewed(o) {
  const by = o.by ? `${o.by.name}${o.by.kind === 'key' ? ' (API key)' : ''}` : 'a reviewer';
  return `by ${by}, ${when(o.at)}`;
}

function render(r) {
  const c = r.candidate;
  const overrides = r.overrides ?? [];
  const recOverride = overrides.find((o) => o.dimension == null);
  const dimOverride = (id) => overrides.find((o) => o.dimension === id);
  const transcript = new Map(r.transcript.map((t) => [t.seq, t]));
  const quote = (text, seq) => quoteButton(text, seq ?? locate(text, r.transcript));
  return [
    h('div', { class: 'heading-row' },
      h('h1', {}, `Interview report: ${c.name}`)),
    downloads(r),
    h('p', { class: 'muted' }, `${c.roleName} · ${c.level} · `, h('span', { class: `badge status-${c.status}` }, statusName(c.status)),
      c.startedAt ? ` · ${when(c.startedAt)}` : '',
      c.duration ? ` · ${c.durationMinutes != null ? '' : 'duration '}${c.duration}` : '',
      ` · ${c.answersAssessed} of ${c.questionsAsked} answers assessed`),
    c.coverage ? h('p', { class: 'coverage' }, coverageLine(c)) : null,
    c.coverage?.questionsForRecruiter?.length ? h('p', { class: 'for-recruiter' },
      h('strong', {}, 'Questions for you from the candidate: '), c.coverage.questionsForRecruiter.join(' / ')) : null,

    h('section', { class: 'card verdict', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, 'Recommendation'),
      recOverride ? h('div', { class: 'override' },
        h('p', { class: `recommendation rec-${recOverride.recommendation.replaceAll(' ', '-')}` },
          recOverride.recommendation.toUpperCase(), h('span', { class: 'override-tag' }, ' reviewer\u2019s decision')),
        h('p', {}, `In place of Viva\u2019s ${r.recommendation}, ${reviewed(recOverride)}: `, h('q', {}, recOverride.reason)))
        : null,
      h('p', { class: `recommendation rec-${r.recommendation.replaceAll(' ', '-')}${recOverride ? ' replaced' : ''}` },
        recOverride ? `Viva: ${r.recommendation.toUpperCase()}` : r.recommendation.toUpperCase()),
      h('p', {}, h('strong', {}, `${r.overallScore}/100`), ` (${r.overallScoreOutOf5.toFixed(1)} of 5) · confidence `,
        h('strong', {}, r.confidenceLabel), r.confidenceReasons.length ? `: ${r.confidenceReasons[0]}` : ''),
      h('p', {}, r.executiveSummary),
      r.method?.narrative ? h('p', {}, h('strong', {}, `Reviewer narrative (${r.method.llm}): `), r.method.narrative) : null),

    h('section', { 'aria-labelledby': 'dimensions-title' },
      h('h2', { id: 'dimensions-title' }, 'Dimension scores'),
      dimensionChart(r.dimensions, overrides),
      h('div', { class: 'dimensions' }, r.dimensions.map((d) => h('article', { class: 'card dimension' },
        h('h3', {}, `${d.name} `, h('span', { class: 'muted' }, d.score == null ? '· not assessed'
          : `· ${d.score.toFixed(1)} / 5 (${d.percent}%) · ${d.label} · weight ${d.weight}%`)),
        dimOverride(d.id) ? h('p', { class: 'override' }, h('strong', {}, `Reviewer: ${fmtScore(dimOverride(d.id).score)}`),
          ` in place of ${fmtScore(d.score)}, ${reviewed(dimOverride(d.id))}: `, h('q', {}, dimOverride(d.id).reason)) : null,
        h('p', {}, d.reasoning),
        d.evidence.length ? h('ul', { class: 'quotes' }, d.evidence.map((q) => h('li', {}, quote(q)))) : null)))),

    points('Key strengths', r.strengths, quote),
    points('Areas of concern', r.areasOfConcern, quote),

    r.notableQuotes.length ? h('section', {},
      h('h2', {}, 'Notable quotes'),
      h('ul', { class: 'quotes' }, r.notableQuotes.map((q) => h('li', {}, quote(q.quote, q.seq),
        h('span', { class: 'muted' }, ` answer ${q.seq}, ${q.dimension}`))))) : null,

    r.flags.length ? h('section', { class: 'card flags' },
      h('h2', {}, 'For human review'),
      h('ul', {}, r.flags.map((f) => h('li', {}, h('strong', {}, `Answer ${f.seq}: ${f.code}`), ` ${f.detail} `,
        f.quote ? quote(f.quote, f.seq) : null)))) : null,

    r.suggestedFollowUps.length ? h('section', {},
      h('h2', {}, 'Suggested follow-up questions'),
      h('ol', {}, r.suggestedFollowUps.map((f) => h('li', {}, h('strong', {}, f.question), h('br'),
        h('span', { class: 'muted' }, f.reason))))) : null,

    h('section', {},
      h('h2', {}, 'Question by question'),
      r.answers.map((a) => h('article', { class: 'card answer-card' },
        h('h3', {}, `Answer ${a.seq} · ${phaseName(a.phase)} · difficulty ${a.difficulty} · ${a.assessment.score}/100`),
        h('p', {}, h('strong', {}, 'Q: '), a.question),
        h('p', {}, h('button', { class: 'link', onclick: () => highlight(a.seq) }, 'Show the answer in the transcript')),
        h('p', {}, a.summary ?? a.assessment.justification),
        a.summary ? h('p', { class: 'muted' }, a.assessment.justification) : null,
        list('Strengths', a.assessment.strengths.map((s) => s.text)),
        list('Weaknesses', a.assessment.weaknesses.map((s) => s.text)),
        transcript.has(a.seq) ? null : h('p', { class: 'muted' }, a.answer)))),

    h('section', { 'aria-labelledby': 'transcript-title' },
      h('h2', { id: 'transcript-title' }, 'Full transcript'),
      h('ol', { class: 'transcript' }, r.transcript.map((t) => h('li', { id: `turn-${t.seq}`, tabindex: '-1', class: 'turn-entry' },
        h('p', {}, h('strong', {}, 'Interviewer'), h('span', { class: 'muted' }, ` (${phaseName(t.phase)})`), ': ', t.question),
        h('p', { class: 'answer-text' }, h('strong', {}, t.inputMode === 'VOICE' ? 'Candidate (spoken)' : 'Candidate'), ': ',
          h('span', { class: 'said' }, t.answer ?? '(no answer)')))))),

    h('p', { class: 'muted' }, `Generated ${when(r.generatedAt)} · assessed ${r.method?.assessor ?? 'offline'}`,
      r.method?.fallbackReason ? ` (LLM not used: ${r.method.fallbackReason})` : '', ` · schema v${r.schemaVersion}`),
  ];
}

function points(title, items, quote) {
  if (!items.length) return null;
  return h('section', {},
    h('h2', {}, title),
    items.map((p) => h('article', { class: `card point${p.severity ? ` severity-${p.severity}` : ''}` },
      h('h3', {}, p.title, p.severity ? h('span', { class: 'muted' }, ` (${p.severity})`) : null),
      h('p', {}, p.detail),
      p.quotes.length ? h('ul', { class: 'quotes' }, p.quotes.map((q) => h('li', {}, quote(q)))) : null)));
}

function list(title, items) {
  return items.length ? h('div', {}, h('p', { class: 'muted' }, title), h('ul', {}, items.map((x) => h('li', {}, x)))) : null;
}

const normal = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The answer a quote comes from: quotes are verbatim spans of the candidate's answers. */
function locate(text, transcript) {
  const wanted = normal(text);
  return transcript.find((t) => t.answer && normal(t.answer).includes(wanted))?.seq ?? null;
}

function quoteButton(text, seq) {
  if (seq == null) return h('q', {}, text);
  return h('button', { class: 'quote', type: 'button', 'data-seq': seq, onclick: () => highlight(seq, text),
    'aria-label': `“${text}”. Show in the transcript, answer ${seq}` }, h('q', {}, text));
}

/** Scrolls to an answer in the transcript and marks the quoted words in it. */
function highlight(seq, text) {
  for (const old of document.querySelectorAll('.turn-entry.highlight')) {
    old.classList.remove('highlight');
    const said = old.querySelector('.said');
    said.textContent = said.textContent; // drops an earlier <mark>
  }
  const entry = document.getElementById(`turn-${seq}`);
  if (!entry) return;
  entry.classList.add('highlight');
  const said = entry.querySelector('.said');
  const at = text ? normalIndex(said.textContent, text) : null;
  if (at) {
    const full = said.textContent;
    fill(said, full.slice(0, at.start), h('mark', {}, full.slice(at.start, at.end)), full.slice(at.end));
  }
  entry.scrollIntoView({ block: 'center', behavior: 'smooth' });
  entry.focus({ preventScroll: true });
}

/** Where {@code quote} sits in {@code text}, ignoring case and runs of whitespace. */
function normalIndex(text, quote) {
  const pattern = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const match = new RegExp(pattern, 'i').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/**
 * The recruiter's own judgement: a dimension score or the recommendation replaced, with a required reason
 * (PUT /api/v1/interviews/{id}/report/overrides/...). Errors are shown next to the field they are about.
 */
function reviewSection(r, reload, notice) {
  const RECOMMENDATIONS = ['strong hire', 'hire', 'lean hire', 'lean no hire', 'no hire'];
  const target = h('select', { id: 'override-target', name: 'target' },
    h('option', { value: '' }, 'The recommendation'),
    r.dimensions.map((d) => h('option', { value: d.id }, `${d.name} score`)));
  const recommendation = h('select', { id: 'override-recommendation', name: 'recommendation',
    'aria-describedby': 'override-value-error' },
  RECOMMENDATIONS.map((x) => h('option', { value: x,
    selected: x === ((r.overrides ?? []).find((o) => o.dimension == null)?.recommendation ?? r.recommendation) }, x)));
  const score = h('input', { id: 'override-score', name: 'score', type: 'number', min: '0', max: '5', step: '0.1',
    inputmode: 'decimal', 'aria-describedby': 'override-score-hint override-value-error' });
  const reason = h('textarea', { id: 'override-reason', name: 'reason', rows: '3', maxlength: '2000', required: true,
    'aria-describedby': 'override-reason-hint override-reason-error' });
  const valueError = h('p', { id: 'override-value-error', class: 'error', hidden: true });
  const reasonError = h('p', { id: 'override-reason-error', class: 'error', hidden: true });
  const formError = h('p', { class: 'error', role: 'alert', hidden: true });
  const recField = h('div', { class: 'field' }, h('label', { for: 'override-recommendation' }, 'Your recommendation'),
    recommendation);
  const scoreField = h('div', { class: 'field', hidden: true },
    h('label', { for: 'override-score' }, 'Your score (0 to 5)'), score,
    h('p', { id: 'override-score-hint', class: 'hint' }, 'One decimal, e.g. 3.5. Viva\u2019s own score stays visible beside it.'));
  target.addEventListener('change', () => {
    recField.hidden = target.value !== '';
    scoreField.hidden = target.value === '';
    const d = r.dimensions.find((x) => x.id === target.value);
    score.value = d?.score != null ? d.score.toFixed(1) : '';
  });
  const show = (el, message) => {
    fill(el, message ?? '');
    el.hidden = !message;
  };
  const form = h('form', { class: 'card override-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'override-target' }, 'What to change'), target),
    recField, scoreField, valueError,
    h('div', { class: 'field' }, h('label', { for: 'override-reason' }, 'Reason (required)'), reason,
      h('p', { id: 'override-reason-hint', class: 'hint' }, 'Shown in the report with your name and the time, and kept in the audit log.')),
    reasonError, formError,
    h('button', { type: 'submit', class: 'primary' }, 'Save override'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    [valueError, reasonError, formError].forEach((x) => show(x));
    reason.removeAttribute('aria-invalid');
    score.removeAttribute('aria-invalid');
    if (!reason.value.trim()) {
      show(reasonError, 'Please give a reason: the report shows it beside your change.');
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    const dimension = target.value;
    const value = Number(score.value);
    if (dimension && (score.value === '' || !(value >= 0 && value <= 5))) {
      show(valueError, 'Enter a score from 0 to 5.');
      score.setAttribute('aria-invalid', 'true');
      score.focus();
      return;
    }
    try {
      await session.api(`/api/v1/interviews/${r.interviewId}/report/overrides/${dimension ? `dimensions/${encodeURIComponent(dimension)}` : 'recommendation'}`,
        { method: 'PUT', body: dimension ? { score: value, reason: reason.value } : { recommendation: recommendation.value, reason: reason.value } });
      const name = dimension ? r.dimensions.find((d) => d.id === dimension).name : 'The recommendation';
      reload(`${name} was overridden. The report, its downloads and the audit log show it.`);
    } catch (e) {
      const field = e.problem?.errors?.[0]?.field ?? '';
      show(field.includes('reason') ? reasonError : field.includes('score') || field.includes('recommendation') ? valueError : formError,
        e.problem?.detail ?? e.message);
    }
  });
  return h('section', { class: 'noprint', 'aria-labelledby': 'review-title' },
    h('h2', { id: 'review-title' }, 'Your review'),
    notice ? h('p', { class: 'banner ok', role: 'status' }, notice) : null,
    h('p', { class: 'muted' }, 'Override a dimension score or the recommendation when you know better; '
      + 'Viva\u2019s own assessment stays visible beside yours.'),
    form);
}

/** This interview's audit trail: who created, cancelled, overrode... and when and why (GET /api/v1/audit). */
function historySection(id) {
  const body = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Loading the history…'));
  session.api(`/api/v1/audit?targetType=interview&targetId=${id}&limit=100`)
    .then((entries) => fill(body, auditTable(entries, { showTarget: false })))
    .catch((e) => fill(body, h('p', { class: 'error' }, e.message)));
  return h('section', { class: 'noprint', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    body,
    h('p', {}, h('a', { href: '#/audit' }, 'The whole audit log')));
}

const ACTIONS = {
  'interview.created': 'Created the interview',
  'interview.cancelled': 'Cancelled the interview',
  'interview.deleted': 'Deleted the interview',
  'interview.erased': 'Erased the interview (retention)',
  'report.recommendation.overridden': 'Overrode the recommendation',
  'report.dimension.overridden': 'Overrode a dimension score',
};

/** What changed, in words: "lean hire → hire", "technical-knowledge: 2.9 → 4.5". */
function change(e) {
  const d = e.details ?? {};
  if (d.from !== undefined || d.to !== undefined) {
    const num = (x) => (typeof x === 'number' ? x.toFixed(1) : x ?? 'not assessed');
    return `${d.dimension ? `${d.dimension}: ` : ''}${num(d.from)} \u2192 ${num(d.to)}`;
  }
  return '';
}

/** Audit entries as a table that becomes cards on a phone. */
export function auditTable(entries, { showTarget = true } = {}) {
  if (!entries.length) return h('p', { class: 'muted' }, 'Nothing recorded yet.');
  return h('table', { class: 'list audit stack' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Who'),
      h('th', { scope: 'col' }, 'What'), showTarget ? h('th', { scope: 'col' }, 'About') : null,
      h('th', { scope: 'col' }, 'Reason'))),
    h('tbody', {}, entries.map((e) => h('tr', { 'data-action': e.action },
      h('td', { 'data-label': 'When' }, when(e.at)),
      h('td', { 'data-label': 'Who' }, e.actor.name, e.actor.kind === 'system' ? '' : h('span', { class: 'muted' }, ` (${e.actor.kind === 'key' ? 'API key' : e.actor.kind})`)),
      h('td', { 'data-label': 'What' }, ACTIONS[e.action] ?? e.action, change(e) ? h('br') : null, change(e)),
      showTarget ? h('td', { 'data-label': 'About' }, e.target.type === 'interview' && e.action !== 'interview.deleted'
        && e.action !== 'interview.erased'
        ? h('a', { href: `#/interviews/${e.target.id}/report` }, `interview ${e.target.id.slice(0, 8)}`)
        : `${e.target.type} ${e.target.id?.slice(0, 8) ?? ''}`) : null,
      h('td', { 'data-label': 'Reason' }, e.reason ?? '')))));
}
