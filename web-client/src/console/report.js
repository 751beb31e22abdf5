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
  const load = () => session.api(`/api/v1/interviews/${id}/report`)
    .then((report) => fill(root, ...render(report)))
    .catch((e) => {
      const pending = e instanceof ApiError && e.status === 409;
      fill(root,
        h('h1', {}, 'Report'),
        h('p', { class: 'banner warn', role: 'status' }, pending
          ? `${e.message} This page shows it as soon as it is ready.` : e.message),
        h('p', {}, h('a', { href: `#/interviews/${id}/live` }, 'Watch the interview')));
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

function render(r) {
  const c = r.candidate;
  const transcript = new Map(r.transcript.map((t) => [t.seq, t]));
  const quote = (text, seq) => quoteButton(text, seq ?? locate(text, r.transcript));
  return [
    h('div', { class: 'heading-row' },
      h('h1', {}, `Interview report: ${c.name}`),
      h('button', { class: 'noprint', onclick: () => window.print() }, 'Print or save as PDF')),
    h('p', { class: 'muted' }, `${c.roleName} · ${c.level} · `, h('span', { class: `badge status-${c.status}` }, statusName(c.status)),
      c.startedAt ? ` · ${when(c.startedAt)}` : '',
      c.duration ? ` · ${c.durationMinutes != null ? '' : 'duration '}${c.duration}` : '',
      ` · ${c.answersAssessed} of ${c.questionsAsked} answers assessed`),
    c.coverage ? h('p', { class: 'coverage' }, coverageLine(c)) : null,
    c.coverage?.questionsForRecruiter?.length ? h('p', { class: 'for-recruiter' },
      h('strong', {}, 'Questions for you from the candidate: '), c.coverage.questionsForRecruiter.join(' / ')) : null,

    h('section', { class: 'card verdict', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, 'Recommendation'),
      h('p', { class: `recommendation rec-${r.recommendation.replaceAll(' ', '-')}` }, r.recommendation.toUpperCase()),
      h('p', {}, h('strong', {}, `${r.overallScore}/100`), ` (${r.overallScoreOutOf5.toFixed(1)} of 5) · confidence `,
        h('strong', {}, r.confidenceLabel), r.confidenceReasons.length ? `: ${r.confidenceReasons[0]}` : ''),
      h('p', {}, r.executiveSummary),
      r.method?.narrative ? h('p', {}, h('strong', {}, `Reviewer narrative (${r.method.llm}): `), r.method.narrative) : null),

    h('section', { 'aria-labelledby': 'dimensions-title' },
      h('h2', { id: 'dimensions-title' }, 'Dimension scores'),
      dimensionChart(r.dimensions),
      h('div', { class: 'dimensions' }, r.dimensions.map((d) => h('article', { class: 'card dimension' },
        h('h3', {}, `${d.name} `, h('span', { class: 'muted' }, d.score == null ? '· not assessed'
          : `· ${d.score.toFixed(1)} / 5 (${d.percent}%) · ${d.label} · weight ${d.weight}%`)),
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
