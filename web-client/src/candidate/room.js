import { api, ApiError } from '/shared/http.js';
import { $, h, fill } from '/shared/dom.js';
import { PHASES, phaseName } from '/shared/labels.js';
import { Microphone, meterValue } from './microphone.js';
import { Player } from './player.js';
import { InterviewSession } from './session.js';

/*
 * The candidate's interview room, opened from the join link /interview/{id}#token={candidateToken}. Screens:
 * welcome and consent, device check, interview, thank-you; or a problem with the link. The token comes in the
 * URL fragment (never sent to servers) and is kept in sessionStorage, so a reload or the same link again resumes.
 */

const interviewId = location.pathname.split('/').filter(Boolean)[1] ?? '';
const tokenKey = `viva.interview.${interviewId}.token`;

const player = new Player();
let info = null; // GET /public: name, role, interviewer, planned minutes, status, whether voice is available
let privacy = null; // GET /privacy-notice: who runs the interviews, whom to contact, how long answers are kept
let microphone = null;

function show(screen) {
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== `screen-${screen}`;
  const heading = $(`#screen-${screen} h1`);
  // move focus to the new screen's heading so keyboard and screen-reader users start reading there
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** A screen that says what happened, then what to do about it, step by step. */
function problem(title, detail, steps = [], retry = null) {
  fill($('#problem-title'), title);
  fill($('#problem-detail'), detail);
  fill($('#problem-steps'), ...steps.map((step) => h('li', {}, step)));
  $('#problem-steps').hidden = !steps.length;
  $('#problem-retry').hidden = !retry;
  $('#problem-retry').onclick = retry;
  show('problem');
}

/** "write to jobs@example.com and ask for a new link.", with the contact of the installation's privacy settings. */
function contact(request = 'ask for a new link') {
  return privacy?.contactEmail
    ? `write to ${privacy.contactEmail} and ${request}.`
    : `reply to the message that brought you the link and ${request}.`;
}

/** The privacy notice, shown on the welcome screen before the candidate agrees to anything. */
function fillPrivacy() {
  const company = privacy?.companyName ?? 'the company that invited you';
  const email = privacy?.contactEmail;
  const accommodation = privacy?.accommodationContact;
  const days = privacy?.keptForDays;
  for (const el of document.querySelectorAll('[data-privacy="company"]')) el.textContent = company;
  fill($('#privacy-kept'), days == null
    ? `Your interview and its report are kept until ${company} deletes them.`
    : `Your interview and its report are deleted ${days} day${days === 1 ? '' : 's'} after the interview ends, `
      + 'or earlier if you ask.');
  fill($('#privacy-delete'), email
    ? h('span', {}, 'To see or delete your data, or with any question about it, write to ',
      h('a', { href: `mailto:${email}` }, email), '.')
    : 'To see or delete your data, or with any question about it, reply to the message that brought you this link.');
  fill($('#privacy-accommodation'), accommodation
    ? h('span', {}, 'If you need an adjustment (more time, a different format, or a person instead of the AI), write to ',
      h('a', { href: `mailto:${accommodation}` }, accommodation), ' before you start.')
    : 'If you need an adjustment (more time, a different format, or a person instead of the AI), reply to the '
      + 'message that brought you this link before you start.');
  fill($('#privacy-extra'), privacy?.extraText ?? '');
  $('#privacy-extra').hidden = !privacy?.extraText;
}

/** Says before the start whether answers are spoken or typed, and leaves the microphone alone when they are typed. */
function adaptToInput() {
  const voice = info.voiceAvailable;
  $('#fact-voice').hidden = !voice;
  $('#fact-text').hidden = voice;
  $('#mic-card').hidden = !voice;
  $('#text-mode-note').hidden = voice;
  $('#start-voice').hidden = !voice;
  $('#start-voice-why').hidden = !voice;
  fill($('#devices-title'), voice ? 'Check your microphone and speakers' : 'Check your speakers');
  $('#start-text').classList.toggle('primary', !voice);
  if (!voice) fill($('#start-text'), info.status === 'IN_PROGRESS' ? 'Continue the interview' : 'Start the interview');
}

function fillFields() {
  const values = {
    candidate: info.candidateName,
    role: info.roleName,
    level: info.level,
    minutes: info.plannedMinutes,
    interviewer: info.interviewerName,
  };
  for (const el of document.querySelectorAll('[data-field]')) el.textContent = values[el.dataset.field] ?? '';
  fill($('#role-line'), `${info.roleName} interview`);
}

function readToken() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    sessionStorage.setItem(tokenKey, fromLink);
    // keep the secret out of the address bar, where it could be shared in a screenshot or a copied URL
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem(tokenKey);
}

let token = null;

async function boot() {
  token = readToken();
  privacy = await api('/api/v1/privacy-notice').catch(() => null);
  fillPrivacy();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(interviewId) || !token) {
    problem('This link is incomplete', 'Part of your interview link is missing. E-mail programs sometimes cut long '
      + 'links or split them over two lines.', [
      'Go back to your invitation and copy the whole link into the address bar: it ends with "#token=" and a long code.',
      `If it still does not work, ${contact()}`,
    ]);
    return;
  }
  try {
    info = await api(`/api/v1/interviews/${interviewId}/public`, { bearer: token });
  } catch (e) {
    linkProblem(e, boot);
    return;
  }
  fillFields();
  adaptToInput();
  switch (info.status) {
    case 'SCHEDULED':
      show('welcome');
      break;
    case 'IN_PROGRESS':
      $('#welcome-back').hidden = false;
      fill($('#start-voice'), 'Continue the interview');
      show('devices');
      break;
    case 'COMPLETED':
      show('done');
      break;
    default:
      ended();
  }
}

function linkProblem(e, retry) {
  if (e instanceof ApiError && e.status === 404) {
    problem('This interview does not exist', 'It may have been deleted.', [`Please ${contact('ask about it')}`]);
  } else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
    problem('This link does not work', 'The link is not complete, or a newer link was sent to you and replaced it.', [
      'Look for a newer invitation and use its link.',
      'Otherwise, copy the whole link from your invitation into the address bar: it ends with "#token=" and a long code.',
      `If it still does not work, ${contact()}`,
    ]);
  } else {
    problem('We cannot reach the interview server', 'Your connection or the server may be down for a moment. Your '
      + 'interview has not been affected.', ['Check your internet connection, then press "Try again".'], retry);
  }
}

function ended() {
  const cancelled = info?.status === 'CANCELLED';
  problem(cancelled ? 'This interview was cancelled' : 'This interview has ended',
    cancelled ? 'The hiring team cancelled it, so it cannot be taken.' : 'It was closed before it finished.',
    [`If you think this is a mistake, ${contact('say so')}`]);
}

// --- welcome and consent ---------------------------------------------------------------------------------------

$('#consent-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const agreed = $('#consent').checked;
  $('#consent-error').hidden = agreed;
  $('#consent').setAttribute('aria-invalid', String(!agreed));
  if (!agreed) {
    $('#consent').focus();
    return;
  }
  show('devices');
});

// --- device check ------------------------------------------------------------------------------------------------

const HELP = {
  denied: ['Your browser blocked the microphone', [
    'Click the microphone or lock icon in the address bar and allow the microphone for this site.',
    'If you dismissed the question earlier, the browser may remember that: change it in the site settings.',
    'Then press "Try again". Or continue by typing your answers.']],
  missing: ['No microphone was found', [
    'Plug in a headset or microphone, then press "Try again".',
    'Or continue by typing your answers: the interview works the same way.']],
  busy: ['The microphone is in use', [
    'Close other applications or tabs that use the microphone (video calls, recorders), then press "Try again".',
    'Or continue by typing your answers.']],
};

async function openMicrophone() {
  $('#mic-help').hidden = true;
  $('#mic-allow').disabled = true;
  $('#mic-retry').disabled = true;
  try {
    microphone?.close();
    microphone = await Microphone.open();
  } catch (e) {
    microphone = null;
    $('#mic-allow').hidden = true; // "Try again" in the guidance does the same
    const [title, steps] = HELP[e.kind] ?? [e.message, ['Press "Try again", or continue by typing your answers.']];
    fill($('#mic-help-title'), title);
    fill($('#mic-help-steps'), ...steps.map((step) => h('li', {}, step)));
    $('#mic-help').hidden = false;
    $('#mic-retry').disabled = false;
    $('#start-voice').disabled = true;
    $('#start-text').focus();
    return;
  }
  $('#mic-allow').hidden = true;
  $('#mic-intro').hidden = true;
  $('#mic-live').hidden = false;
  fill($('#mic-name'), `Using: ${microphone.label}`);
  let heard = false;
  microphone.onFrame(({ level }) => {
    $('#mic-meter').value = meterValue(level);
    if (!heard && meterValue(level) > 0.35) {
      heard = true;
      fill($('#mic-heard'), 'We can hear you.');
    }
  });
  $('#start-voice').disabled = false;
  fill($('#start-voice-why'), 'Speak normally when it is your turn. You can also type any answer.');
  $('#start-voice').focus();
}

$('#mic-allow').addEventListener('click', openMicrophone);
$('#mic-retry').addEventListener('click', openMicrophone);
$('#tone').addEventListener('click', () => player.testTone());
$('#start-voice').addEventListener('click', () => begin(microphone));
$('#start-text').addEventListener('click', () => {
  microphone?.close();
  microphone = null;
  begin(null);
});

// --- the interview -------------------------------------------------------------------------------------------------

/** Refusals the candidate can act on, in the room's words: an answer too long, an interview closed meanwhile. */
const CANDIDATE_ERRORS = {
  'bad-request': 'That answer could not be taken. If it is very long, shorten it, then send it again.',
  conflict: 'This interview has been closed, so it cannot continue.',
};

const TURN_TEXT = {
  offline: () => 'Waiting for the connection…',
  listening: (voice) => (voice ? 'Your turn: speak your answer, or type it below.' : 'Your turn: type your answer below.'),
  thinking: () => `${info.interviewerName} is thinking…`,
  speaking: () => `${info.interviewerName} is speaking…`,
  paused: () => 'Paused. Speak or send an answer when you are ready to continue.',
};

const view = {
  state: 'thinking',
  connected: false,
  playing: false,
  voice: false,
  last: null, // the last interviewer caption, to not repeat it when a reconnect re-sends it
  progress: null, // {phaseIndex, phaseCount, phase, remainingSeconds, at}
};

function renderTurn() {
  // while disconnected nobody is speaking or listening, whatever was true when the connection dropped
  const state = !view.connected ? 'offline' : view.playing ? 'speaking' : view.state;
  $('#turn').dataset.state = state;
  fill($('#turn-text'), (TURN_TEXT[state] ?? TURN_TEXT.thinking)(view.voice));
}

function caption(who, text, kind) {
  const item = h('li', { class: `caption ${kind}` }, h('span', { class: 'who' }, who), h('p', {}, text));
  $('#captions').append(item);
  item.scrollIntoView({ block: 'nearest' });
}

function renderProgress() {
  const p = view.progress;
  const index = p.phaseIndex ?? PHASES.indexOf(p.phase) + 1;
  const count = p.phaseCount ?? PHASES.length;
  fill($('#phase-text'), `Part ${index} of ${count}: ${phaseName(p.phase)}`);
  fill($('#phase-steps'), ...Array.from({ length: count }, (_, i) =>
    h('li', { class: i + 1 < index ? 'done' : i + 1 === index ? 'current' : '' })));
  renderTimeLeft();
}

/** Counts down from the last figure the server gave, between its progress messages. */
function renderTimeLeft() {
  const p = view.progress;
  const left = p.remainingSeconds - (Date.now() - p.at) / 1000;
  fill($('#time-left'), left <= 0 ? 'Wrapping up'
    : left < 60 ? 'Less than a minute left' : `About ${Math.ceil(left / 60)} min left`);
}

/**
 * Shows a notice; {@code kind} names what it is about, so that it can be cleared when that is over (a "not sent"
 * once the connection is back) without clearing a newer one.
 */
function notice(text, tone = 'warn', kind = null) {
  const el = $('#notice');
  el.className = `banner ${tone}`;
  fill(el, text ?? '');
  el.hidden = !text;
  view.noticeKind = text ? kind : null;
}

/** What the server's notices (by code) mean for the candidate, in the room's words. */
const NOTICES = {
  'not-caught': () => 'Sorry, we could not make out what you said. Please say it again, or type it.',
  'stt-busy': () => 'The server is very busy and could not understand that. Please say it again, or type it.',
  'answer-cut': () => 'That answer was very long, so it ends here. You can add to it in your next answer.',
  resumed: () => 'The connection dropped while you were answering. Please give that answer again.',
};

/** Continues by typing: the microphone is switched off and released, so the browser no longer records anything. */
function switchToTyping(why) {
  session.dropMicrophone();
  microphone = null;
  view.voice = false;
  $('#mic-controls').hidden = true;
  notice(why, 'info');
  renderTurn();
}

const SPEECH_OFF = 'Speech recognition is not available right now, so please type your answers below. Your '
  + 'microphone has been switched off.';

const CONNECTION_TEXT = {
  connecting: (s) => (s.attempt ? 'Reconnecting…' : 'Connecting…'),
  waiting: (s) => `The connection was lost. Reconnecting in ${Math.ceil(s.delayMs / 1000)} s (attempt ${s.attempt}). `
    + 'Your answers so far are saved.',
  offline: () => 'You are offline. We will reconnect as soon as your network is back; your answers so far are saved.',
};

function renderConnection(status) {
  view.connected = status.state === 'open';
  renderTurn();
  if (view.connected && view.noticeKind === 'not-sent') notice(null);
  const text = CONNECTION_TEXT[status.state];
  const banner = $('#connection');
  const first = status.state === 'connecting' && !status.attempt && !view.everOpen;
  clearTimeout(view.bannerTimer);
  banner.hidden = !text || first;
  if (status.state === 'open') {
    if (view.wasLost) {
      banner.hidden = false;
      banner.className = 'banner ok';
      fill($('#connection-text'), 'Reconnected. You can continue.');
      $('#connection-retry').hidden = true;
      view.bannerTimer = setTimeout(() => { banner.hidden = true; }, 8000);
    }
    view.everOpen = true;
    view.wasLost = false;
  } else if (text && !first) {
    view.wasLost = true;
    banner.className = `banner ${status.state === 'connecting' ? 'info' : 'warn'}`;
    fill($('#connection-text'), text(status));
    $('#connection-retry').hidden = status.state === 'connecting';
  }
  if (status.state === 'failed') linkProblem(status.error);
}

let session = null;

async function begin(withMicrophone) {
  await player.unlock();
  view.voice = false;
  $('#mic-controls').hidden = !withMicrophone;
  view.progress = { phase: 'introduction', remainingSeconds: info.plannedMinutes * 60 - (info.durationSeconds ?? 0), at: Date.now() };
  renderProgress();
  renderTurn();
  show('interview');
  setInterval(renderTimeLeft, 1000);
  session = new InterviewSession({
    interviewId,
    token,
    microphone: withMicrophone,
    player,
    on: {
      ready(m) {
        view.voice = m.mode === 'voice';
        $('#mic-controls').hidden = !view.voice;
        if (m.mode === 'text' && microphone) switchToTyping(SPEECH_OFF);
        renderTurn();
      },
      utterance(u) {
        const same = view.last && view.last.seq === u.seq && view.last.text === u.text;
        if (!same) caption(info.interviewerName, u.text, 'interviewer');
        view.last = u;
        if (!view.serverProgress) {
          // until the server's progress messages arrive, the utterance's phase tells where we are
          view.progress.phase = u.phase;
          renderProgress();
        }
        view.state = u.done ? 'thinking' : 'listening';
        renderTurn();
        // the goodbye: the interview is complete (a 'completed' message and the close follow)
        if (u.done) finish(u.audioId);
      },
      state(state) {
        view.state = state;
        renderTurn();
      },
      progress(m) {
        view.serverProgress = true;
        view.progress = { ...m, at: Date.now() };
        renderProgress();
      },
      partial(text) {
        fill($('#partial'), `You (speaking): ${text}`);
        $('#partial').hidden = !text;
      },
      final(text) {
        $('#partial').hidden = true;
        caption('You', text, 'candidate');
      },
      notice(m) {
        if (m.code === 'stt-unavailable') switchToTyping(SPEECH_OFF);
        else if (NOTICES[m.code]) notice(NOTICES[m.code]());
        // a notice this page does not know is not worth confusing the candidate with
        else console.warn(`server notice: ${m.code}: ${m.detail}`);
      },
      error(m) {
        // protocol slips (bad-json, odd-length-audio, rate-exceeded...) are this page's business, not the candidate's
        if (CANDIDATE_ERRORS[m.code]) notice(CANDIDATE_ERRORS[m.code], 'error');
        else console.warn(`server refused a message: ${m.code}: ${m.detail}`);
      },
      level(level) {
        $('#live-meter').value = meterValue(level);
      },
      playing(playing) {
        view.playing = playing;
        renderTurn();
      },
      connection: renderConnection,
      completed: () => finish(view.last?.done ? view.last.audioId : null),
      // only a 'completed' from the server ends the interview here; any other final close is checked with the server
      ended: (code, completed) => (completed ? finish(view.last?.done ? view.last.audioId : null) : checkEnded()),
      takenOver() {
        notice(null);
        const banner = $('#connection');
        banner.hidden = false;
        banner.className = 'banner warn';
        fill($('#connection-text'), 'Your interview was opened in another window or device, so it continues there. ');
        $('#connection-retry').hidden = false;
        fill($('#connection-retry'), 'Continue here instead');
        $('#connection-retry').onclick = () => {
          fill($('#connection-retry'), 'Reconnect now');
          $('#connection-retry').onclick = () => session.reconnectNow();
          session.takeBack();
        };
      },
    },
  });
  $('#connection-retry').onclick = () => session.reconnectNow();
  session.start();
}

async function checkEnded() {
  try {
    info = await api(`/api/v1/interviews/${interviewId}/public`, { bearer: token });
  } catch {
    // the server said the interview is over; if it cannot say how, "ended" is still true
  }
  if (info.status === 'COMPLETED') finish();
  // the server says the interview goes on (a close that was not the end after all): connect again, never "the end"
  else if (info.status === 'IN_PROGRESS' || info.status === 'SCHEDULED') session.takeBack();
  else ended();
}

let finishing = false;

/** Lets the interviewer finish its goodbye (utterance {@code audioId}, when spoken), then says thank you. */
async function finish(audioId) {
  if (finishing) return;
  finishing = true;
  if (audioId != null) {
    await Promise.race([player.whenDone(audioId), new Promise((resolve) => setTimeout(resolve, 60000))]);
  }
  session.close();
  show('done');
}

$('#answer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('#answer').value.trim();
  if (!text) {
    $('#answer').focus();
    return;
  }
  if (!session.answer(text)) {
    notice('Not sent: there is no connection right now. Your text is kept; send it once we are reconnected.',
      'warn', 'not-sent');
    return;
  }
  caption('You (typed)', text, 'candidate');
  $('#answer').value = '';
  notice(null);
  view.state = 'thinking';
  renderTurn();
});

// Ctrl+Enter only helps with a keyboard; on a phone the button is the way to send
const touch = matchMedia('(pointer: coarse), (max-width: 600px)');
function renderAnswerHint() {
  fill($('#answer-hint'), touch.matches ? 'Tap "Send answer" when you are done.' : 'Press Ctrl+Enter or the button to send.');
}
touch.addEventListener('change', renderAnswerHint);
renderAnswerHint();

$('#answer').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    $('#answer-form').requestSubmit();
  }
});

$('#repeat').addEventListener('click', () => {
  if (!session.repeat()) return;
  view.state = 'thinking';
  renderTurn();
});

// ending is asked once more, so a slip of the finger does not end an interview
$('#end').addEventListener('click', () => {
  $('#end-confirm').hidden = false;
  $('#end-no').focus();
});
$('#end-no').addEventListener('click', () => {
  $('#end-confirm').hidden = true;
  $('#end').focus();
});
$('#end-yes').addEventListener('click', () => {
  if (!session.end()) {
    notice('You are offline, so the interview cannot be ended yet. Try again once the connection is back.',
      'warn', 'not-sent');
    return;
  }
  $('#end-confirm').hidden = true;
  view.state = 'thinking';
  renderTurn();
});

$('#mute').addEventListener('click', () => {
  const muted = $('#mute').getAttribute('aria-pressed') !== 'true';
  session.setMuted(muted);
  $('#mute').setAttribute('aria-pressed', String(muted));
  fill($('#mute'), muted ? 'Unmute microphone' : 'Mute microphone');
  notice(muted ? 'Your microphone is muted. Unmute it to answer by speaking, or type.' : null);
});

boot();
