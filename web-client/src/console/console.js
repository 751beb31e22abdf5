import { api } from '/shared/http.js';
import { $, h, fill } from '/shared/dom.js';
import { session } from './session.js';
import { listView } from './list.js';
import { createView } from './create.js';
import { liveView } from './live.js';
import { reportView } from './report.js';

/*
 * The recruiter console: a hash-routed page (#/, #/new, #/interviews/{id}/live, #/interviews/{id}/report) whose
 * views render into the page's main element and may return a clean-up function (a live view closes its socket).
 */
const view = $('#view');
let leave = null; // the current view's clean-up (a live view closes its socket)

const ROUTES = [
  [/^\/?$/, listView],
  [/^\/new$/, createView],
  [/^\/interviews\/([0-9a-f-]{36})\/live$/, liveView],
  [/^\/interviews\/([0-9a-f-]{36})\/report$/, reportView],
];

function route() {
  leave?.();
  leave = null;
  if (!session.key) {
    signIn();
    return;
  }
  $('#nav').hidden = false;
  $('#sign-out').hidden = false;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  for (const [pattern, render] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      fill(view);
      leave = render(view, { id: match[1], query: new URLSearchParams(query) }) ?? null;
      for (const link of document.querySelectorAll('#nav a')) {
        link.toggleAttribute('aria-current', link.getAttribute('href') === `#${path || '/'}`);
      }
      view.focus({ preventScroll: true });
      return;
    }
  }
  fill(view, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the interviews')));
}

function signIn(message) {
  $('#nav').hidden = true;
  $('#sign-out').hidden = true;
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false',
    'aria-describedby': 'api-key-hint' });
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert', hidden: !message }, message ?? '');
  const form = h('form', { class: 'card narrow' },
    h('h1', {}, 'Sign in'),
    h('div', { class: 'field' },
      h('label', { for: 'api-key' }, 'Recruiter API key'),
      input,
      h('p', { id: 'api-key-hint', class: 'hint' }, 'A key from VIVA_SECURITY_API_KEYS, or the one the server printed ',
        'once in its log at first start ("No recruiter API key was configured, so one was created"). It is kept in ',
        'this browser tab only.')),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    try {
      await api('/api/v1/interviews?size=1', { bearer: key });
    } catch (e) {
      fill(error, e.status === 401 || e.status === 403 ? 'This is not a valid recruiter API key.' : e.message);
      error.hidden = false;
      input.focus();
      return;
    }
    session.key = key;
    route();
  });
  fill(view, form);
  input.focus();
}

function signOut(message) {
  leave?.();
  leave = null;
  session.key = null;
  signIn(message);
}

session.onRefused = () => signOut('The API key was not accepted (any more). Please sign in again.');
$('#sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
// a link to the page already shown changes no hash, so it would do nothing: "New interview" right after creating
// one must open an empty form, and "Interviews" must reload the list
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (link.getAttribute('href') === (location.hash || '#/')) {
    event.preventDefault();
    route();
  }
});
route();
