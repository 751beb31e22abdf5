import { h, fill } from '/shared/dom.js';
import { ReconnectingSocket } from '/shared/socket.js';
import { phaseName, statusName } from '/shared/labels.js';
import { session } from './session.js';

const STATE_TEXT = {
  listening: 'The candidate is answering',
  thinking: 'The interviewer is thinking',
  speaking: 'The interviewer is speaking',
  paused: 'Paused: the candidate has been silent',
};

/**
 * Watches one interview through the recruiter live socket (README, "Live view for recruiters"): the snapshot of
 * the transcript so far, then questions, partial and final answers, scores, turn state and status as they happen.
 * A dropped connection reconnects with a new ticket; the snapshot it starts with makes the page whole again.
 */
export function liveView(root, { id }) {
  const title = h('h1', {}, 'Live interview');
  const meta = h('p', { class: 'muted' });
  const status = h('span', { class: 'badge' });
  const connection = h('p', { class: 'banner info', role: 'status' }, 'Connecting…');
  const turnState = h('p', { class: 'live-state', role: 'status' });
  const current = h('section', { class: 'card current', 'aria-labelledby': 'current-title' },
    h('h2', { id: 'current-title' }, 'Current question'), h('p', { class: 'muted' }, 'None yet.'));
  const transcript = h('ol', { class: 'live-transcript', 'aria-label': 'Transcript', 'aria-live': 'polite' });
  const reportLink = h('p', { hidden: true }, h('a', { class: 'button primary', href: `#/interviews/${id}/report` }, 'Open the report'));
  fill(root,
    h('div', { class: 'heading-row' }, title, status),
    meta, connection, reportLink, turnState, current,
    h('h2', {}, 'Transcript'), transcript);

  const turns = new Map(); // seq -> {item, answer, score}

  function turn(seq) {
    if (!turns.has(seq)) {
      const question = h('p', { class: 'q' });
      const answer = h('p', { class: 'a muted' }, 'Waiting for the answer…');
      const score = h('span', { class: 'score', hidden: true });
      const label = h('span', { class: 'turn-label' });
      const item = h('li', { id: `live-turn-${seq}`, class: 'live-turn' }, h('div', { class: 'turn-head' }, label, score), question, answer);
      transcript.append(item);
      turns.set(seq, { item, label, question, answer, score });
    }
    return turns.get(seq);
  }

  function asked({ seq, phase, difficulty, question }) {
    const t = turn(seq);
    fill(t.label, `Question ${seq} · ${phaseName(phase)} · difficulty ${difficulty}`);
    fill(t.question, question);
    fill(current, h('h2', { id: 'current-title' }, 'Current question'),
      h('p', { class: 'muted' }, `${phaseName(phase)} · difficulty ${difficulty}`), h('p', {}, question));
  }

  function answered(seq, text, inputMode) {
    const t = turn(seq);
    t.answer.className = 'a';
    fill(t.answer, h('span', { class: 'muted' }, inputMode === 'VOICE' ? 'Spoken: ' : 'Typed: '), text || '(nothing said)');
  }

  function showStatus(value) {
    status.className = `badge status-${value}`;
    fill(status, statusName(value));
    if (['COMPLETED', 'ABANDONED'].includes(value)) reportLink.hidden = false;
    if (value !== 'IN_PROGRESS') fill(turnState, '');
  }

  const handlers = {
    snapshot(m) {
      transcript.replaceChildren();
      turns.clear();
      fill(title, `Live: ${m.candidateName}`);
      fill(meta, `${m.roleName ?? m.role} · ${m.level}`);
      showStatus(m.status);
      for (const t of m.turns) {
        asked({ seq: t.seq, phase: t.phase, difficulty: t.difficulty, question: t.question });
        if (t.answer != null) answered(t.seq, t.answer, t.inputMode);
      }
    },
    question: (m) => asked({ seq: m.seq, phase: m.phase, difficulty: m.difficulty, question: m.text }),
    'transcript.partial'(m) {
      const t = turn(m.seq);
      t.answer.className = 'a partial';
      fill(t.answer, h('span', { class: 'muted' }, 'Speaking: '), m.text);
    },
    answer: (m) => answered(m.seq, m.text, m.inputMode),
    score(m) {
      const t = turn(m.seq);
      t.score.hidden = false;
      fill(t.score, `${m.score}/100 · relevance ${Number(m.relevance).toFixed(2)}`);
    },
    state: (m) => fill(turnState, STATE_TEXT[m.state] ?? m.state),
    status: (m) => showStatus(m.status),
    report() {
      reportLink.hidden = false;
    },
  };

  const socket = new ReconnectingSocket({
    ticketUrl: async () => (await session.api(`/api/v1/interviews/${id}/live-ticket`, { method: 'POST' })).url,
    onMessage(data) {
      const m = JSON.parse(data);
      handlers[m.type]?.(m);
    },
    onStatus(s) {
      connection.hidden = s.state === 'open';
      connection.className = `banner ${{ connecting: 'info', failed: 'error' }[s.state] ?? 'warn'}`;
      if (s.state === 'connecting') fill(connection, 'Connecting…');
      else if (s.state === 'waiting' || s.state === 'offline') {
        fill(connection, `Connection lost; reconnecting in ${Math.ceil(s.delayMs / 1000)} s.`);
      } else if (s.state === 'failed') fill(connection, s.error.message);
    },
  });
  socket.connect();
  return () => socket.stop();
}
