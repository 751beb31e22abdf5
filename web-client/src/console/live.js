import { h, fill } from '/shared/dom.js';
import { ReconnectingSocket } from '/shared/socket.js';
import { phaseName, statusName, when } from '/shared/labels.js';
import { session } from './session.js';
import { joinLinkBox } from './join-link.js';

const STATE_TEXT = {
  listening: 'The candidate is answering',
  thinking: 'The interviewer is thinking',
  speaking: 'The interviewer is speaking',
  paused: 'Paused: the candidate has been silent',
};

const ENDED_TEXT = {
  COMPLETED: 'This interview is complete.',
  ABANDONED: 'This interview was abandoned: the candidate left and did not come back.',
  CANCELLED: 'This interview was cancelled. No report is produced.',
};

/**
 * One interview's page: its real state from start to end (waiting for the candidate, live, or ended with a link to
 * the report), what a recruiter can do with it (a new join link, cancel), and the transcript as it happens through
 * the recruiter live socket (README, "Live view for recruiters"): the snapshot of the transcript so far, then
 * questions, partial and final answers, scores, turn state and status. A dropped connection reconnects with a new
 * ticket; the snapshot it starts with makes the page whole again.
 */
export function liveView(root, { id }) {
  const title = h('h1', {}, 'Interview');
  const meta = h('p', { class: 'muted' });
  const status = h('span', { class: 'badge' });
  const connection = h('p', { class: 'banner info', role: 'status' }, 'Connecting…');
  const stage = h('p', { id: 'stage', class: 'banner info', role: 'status', hidden: true });
  const turnState = h('p', { class: 'live-state', role: 'status' });
  const current = h('section', { class: 'card current', 'aria-labelledby': 'current-title', hidden: true },
    h('h2', { id: 'current-title' }, 'Current question'));
  const transcript = h('ol', { class: 'live-transcript', 'aria-label': 'Transcript', 'aria-live': 'polite' });
  const noTurns = h('p', { class: 'muted' }, 'No questions yet.');
  const reportLink = h('a', { class: 'button primary', href: `#/interviews/${id}/report`, hidden: true }, 'Open the report');
  const newLink = h('button', { type: 'button', id: 'new-join-link', hidden: true, 'data-needs-write': true }, 'New join link');
  const cancel = h('button', { type: 'button', id: 'cancel-interview', hidden: true, 'data-needs-write': true }, 'Cancel interview');
  const panel = h('div', { id: 'action-panel' });
  fill(root,
    h('div', { class: 'heading-row' }, title, status),
    meta, connection, stage,
    h('div', { class: 'interview-actions' }, reportLink, newLink, cancel), panel,
    turnState, current,
    h('h2', {}, 'Transcript'), noTurns, transcript);

  let ended = false;
  let snapshotSeen = false;
  let endedAt = null;
  let candidateName = '';

  const turns = new Map(); // seq -> {item, answer, score}

  function turn(seq) {
    if (!turns.has(seq)) {
      const question = h('p', { class: 'q' });
      const answer = h('p', { class: 'a muted' }, 'Waiting for the answer…');
      const score = h('span', { class: 'score', hidden: true });
      const label = h('span', { class: 'turn-label' });
      const item = h('li', { id: `live-turn-${seq}`, class: 'live-turn' }, h('div', { class: 'turn-head' }, label, score), question, answer);
      transcript.append(item);
      noTurns.hidden = true;
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
    current.hidden = ended;
  }

  function answered(seq, text, inputMode) {
    const t = turn(seq);
    t.answer.className = 'a';
    fill(t.answer, h('span', { class: 'muted' }, inputMode === 'VOICE' ? 'Spoken: ' : 'Typed: '), text || '(nothing said)');
  }

  /** Everything that depends on where the interview is in its life: said once, in one place. */
  function showStatus(value, at) {
    if (at && !endedAt && ['COMPLETED', 'ABANDONED', 'CANCELLED'].includes(value)) endedAt = at;
    ended = ['COMPLETED', 'ABANDONED', 'CANCELLED'].includes(value);
    status.className = `badge status-${value}`;
    fill(status, statusName(value));
    reportLink.hidden = !['COMPLETED', 'ABANDONED'].includes(value);
    newLink.hidden = ended;
    cancel.hidden = ended;
    if (ended) {
      fill(panel);
      // the wrap-up is not a question still being asked, and nobody is speaking any more
      current.hidden = true;
      fill(turnState, '');
      for (const t of turns.values()) {
        if (t.answer.textContent === 'Waiting for the answer…') fill(t.answer, 'Not answered.');
      }
    }
    stage.hidden = value === 'IN_PROGRESS';
    stage.className = `banner ${value === 'COMPLETED' ? 'ok' : 'info'}`;
    fill(noTurns, ended ? 'No questions were asked.' : 'No questions yet.');
    if (value === 'SCHEDULED') {
      fill(stage, `Waiting for ${candidateName || 'the candidate'} to join. They join with the link you sent; `
        + 'this page follows the interview as soon as they start. If the link got lost, issue a new one.');
    } else if (ended) {
      fill(stage, ENDED_TEXT[value], endedAt ? ` Ended ${when(endedAt)}.` : '');
    }
  }

  function confirm(question, yes, no, action) {
    const yesButton = h('button', { type: 'button', class: 'primary' }, yes);
    const noButton = h('button', { type: 'button' }, no);
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const box = h('div', { class: 'banner warn confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-text' },
      h('p', { id: 'confirm-text' }, question), h('div', { class: 'actions' }, yesButton, noButton), error);
    noButton.addEventListener('click', () => fill(panel));
    yesButton.addEventListener('click', async () => {
      yesButton.disabled = true;
      try {
        await action();
      } catch (e) {
        fill(error, e.message);
        error.hidden = false;
        yesButton.disabled = false;
      }
    });
    fill(panel, box);
    noButton.focus();
  }

  newLink.addEventListener('click', () => confirm(
    `Issue a new join link for ${candidateName}? The link sent before stops working at once; send them the new one.`,
    'Issue a new link', 'Keep the current link', async () => {
      const link = await session.api(`/api/v1/interviews/${id}/join-link`, { method: 'POST' });
      const heading = h('h2', { id: 'new-link-title', tabindex: '-1' }, 'New join link');
      fill(panel, h('section', { class: 'card narrow', 'aria-labelledby': 'new-link-title' }, heading,
        h('p', {}, `Send this link to ${candidateName}. The old one no longer works.`), joinLinkBox(link.joinUrl)));
      heading.focus();
    }));

  cancel.addEventListener('click', () => confirm(
    `Cancel the interview of ${candidateName}? If they are in it, they are disconnected. It cannot be taken or `
      + 'resumed afterwards, and no report is produced.',
    'Yes, cancel the interview', 'Keep it', async () => {
      const interview = await session.api(`/api/v1/interviews/${id}/cancel`, { method: 'POST' });
      showStatus(interview.status, interview.endedAt);
    }));

  const handlers = {
    snapshot(m) {
      transcript.replaceChildren();
      turns.clear();
      noTurns.hidden = false;
      snapshotSeen = true;
      candidateName = m.candidateName;
      fill(title, m.candidateName);
      fill(meta, `${m.roleName ?? m.role} · ${m.level}`);
      showStatus(m.status, m.endedAt);
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
    state: (m) => fill(turnState, ended ? '' : STATE_TEXT[m.state] ?? m.state),
    status: (m) => showStatus(m.status, m.at),
    report() {
      reportLink.hidden = false;
    },
  };

  // the interview as the API has it, so the page is right even before (or without) the live socket
  session.api(`/api/v1/interviews/${id}`).then((i) => {
    if (i.endedAt) endedAt = i.endedAt;
    // the socket's snapshot, when it came first, is as new as this or newer
    if (snapshotSeen) {
      if (ended) showStatus(i.status);
      return;
    }
    candidateName = i.candidateName;
    fill(title, i.candidateName);
    showStatus(i.status, i.endedAt);
  }).catch((e) => {
    connection.hidden = false;
    connection.className = 'banner error';
    fill(connection, e.message);
  });

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
