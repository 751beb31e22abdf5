import { api } from '/shared/http.js';
import { $, h, fill } from '/shared/dom.js';
import { session } from './session.js';
import { listView } from './list.js';
import { createView } from './create.js';
import { liveView } from './live.js';
import { reportView } from './report.js';
import { templatesView, newTemplateView, templateView, versionView, copyView } from './templates.js';
import { auditView, retentionView } from './records.js';
import { usersView } from './users.js';
import { accountView, setPasswordView } from './account.js';

/*
 * The recruiter console: a hash-routed page (#/, #/new, #/interviews/{id}/live, #/interviews/{id}/report,
 * #/templates..., #/audit, #/retention, #/users, #/account) whose views render into the page's main element and may
 * return a clean-up function (a live view closes its socket). #/set-password/{token} is the one screen for people not
 * signed in.
 */
const view = $('#view');
let leave = null; // the current view's clean-up (a live view closes its socket)

/** [pattern, view, what the caller needs: 'write' (not a viewer) or 'admin'] */
const ROUTES = [
  [/^\/?$/, listView],
  [/^\/new$/, createView, 'write'],
  [/^\/interviews\/([0-9a-f-]{36})\/live$/, liveView],
  [/^\/interviews\/([0-9a-f-]{36})\/report$/, reportView],
  [/^\/templates$/, templatesView],
  [/^\/templates\/new$/, newTemplateView],
  [/^\/templates\/([a-z0-9-]+)$/, templateView],
  [/^\/templates\/([a-z0-9-]+)\/versions\/(\d+)$/, versionView],
  [/^\/templates\/([a-z0-9-]+)\/copy$/, copyView],
  [/^\/audit$/, auditView],
  [/^\/retention$/, retentionView],
  [/^\/users$/, usersView, 'admin'],
  [/^\/account$/, accountView],
];

const REFUSED = {
  write: 'Your role is viewer: you can look at interviews and reports and watch live, but not create or change '
    + 'anything. An admin can give you the recruiter role.',
  admin: 'Only an admin can manage users.',
};

async function route() {
  leave?.();
  leave = null;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const setPassword = /^\/set-password\/([\w-]+)$/.exec(path);
  if (setPassword) {
    showChrome(false);
    fill(view);
    setPasswordView(view, { token: setPassword[1] });
    return;
  }
  if (!session.key) {
    signIn();
    return;
  }
  if (!session.me) {
    try {
      session.me = await session.api('/api/v1/me');
    } catch (e) {
      if (e.status !== 401) fill(view, h('p', { class: 'banner error', role: 'alert' }, e.message));
      return; // a refused credential has already led back to the sign-in screen
    }
  }
  showChrome(true);
  for (const [pattern, render, needs] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      fill(view);
      const allowed = needs === 'admin' ? session.me.role === 'admin' : needs !== 'write' || session.canWrite;
      if (allowed) {
        leave = render(view, { id: match[1], version: match[2], query: new URLSearchParams(query) }) ?? null;
      } else {
        fill(view, h('h1', {}, 'Not available'), h('p', {}, REFUSED[needs]),
          h('p', {}, h('a', { href: '#/' }, 'Back to the interviews')));
      }
      for (const link of document.querySelectorAll('#nav a')) {
        link.toggleAttribute('aria-current', link.getAttribute('href') === `#${path || '/'}`);
      }
      view.focus({ preventScroll: true });
      return;
    }
  }
  fill(view, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the interviews')));
}

/** The navigation, who is signed in and the sign-out button; what a viewer cannot use is left out. */
function showChrome(signedIn) {
  $('#nav').hidden = !signedIn;
  $('#who').hidden = !signedIn;
  $('#sign-out').hidden = !signedIn;
  document.body.classList.toggle('read-only', signedIn && !session.canWrite);
  if (!signedIn) return;
  $('#nav-users').hidden = session.me.role !== 'admin';
  fill($('#who'), 'Signed in as ', h('strong', {}, session.me.email ?? session.me.name), ` (${session.me.role}`,
    session.canWrite ? '' : ', view only', ')');
}

function signIn(message) {
  showChrome(false);
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert', hidden: !message }, message ?? '');
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true, spellcheck: 'false' });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true,
    'aria-describedby': 'password-hint' });
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in'),
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'E-mail address'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password,
      h('p', { id: 'password-hint', class: 'hint' }, 'New here, or forgot your password? Ask your Viva admin for a ',
        'set-password link.')),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const signedIn = await api('/api/v1/sessions', { method: 'POST',
        body: { email: email.value.trim(), password: password.value } });
      session.token = signedIn.token;
      session.me = signedIn.me;
    }, error, password);
  });

  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false',
    'aria-describedby': 'api-key-hint' });
  const keyError = h('p', { id: 'key-error', class: 'error', role: 'alert', hidden: true });
  const keyForm = h('form', { class: 'field' },
    h('label', { for: 'api-key' }, 'API key'), key,
    h('p', { id: 'api-key-hint', class: 'hint' }, 'For the operator who installed Viva: an installation key signs in ',
      'as admin, to create the first users. It is kept in this tab only.'),
    keyError,
    h('button', { type: 'submit' }, 'Sign in with the key'));
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const value = key.value.trim();
      session.me = await api('/api/v1/me', { bearer: value });
      session.key = value;
    }, keyError, key);
  });
  const operator = h('details', { class: 'card narrow operator' },
    h('summary', {}, 'Use an API key instead'), keyForm);
  fill(view, form, operator);
  email.focus();
}

async function attempt(signingIn, error, retry) {
  try {
    await signingIn();
  } catch (e) {
    fill(error, e.status === 401 && retry.id === 'api-key' ? 'This API key is not valid (any more).' : e.message);
    error.hidden = false;
    retry.focus();
    return;
  }
  route();
}

async function signOut(message) {
  leave?.();
  leave = null;
  if (!message && session.me?.session) {
    // ends the session on the server too; signing out locally is enough if that fails
    await api('/api/v1/sessions/current', { method: 'DELETE', bearer: session.key }).catch(() => {});
  }
  session.key = null;
  session.me = null;
  signIn(message);
}

session.onRefused = () => signOut('You were signed out (the sign-in expired or the key is no longer valid). '
  + 'Please sign in again.');
$('#sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
// signing in or out in another tab of this browser applies here too
window.addEventListener('storage', (event) => {
  if (event.key === 'viva.console.session') {
    session.me = null;
    route();
  }
});
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
